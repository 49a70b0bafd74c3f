import * as assert from 'node:assert/strict';
import { parseByteOffset } from '../../src/extension/byteOffsetInput.js';

describe('Go to Byte Offset input', () => {
  it('reads decimal and 0x hex inside the file', () => {
    assert.equal(parseByteOffset('1234', 5000), 1234);
    assert.equal(parseByteOffset(' 0x4D2 ', 5000), 1234);
    assert.equal(parseByteOffset('1_000', 5000), 1000);
  });

  it('says what is wrong otherwise', () => {
    assert.match(parseByteOffset('', 10) as string, /Type a byte offset/);
    assert.match(parseByteOffset('12abc', 10) as string, /not a byte offset/);
    assert.match(parseByteOffset('-1', 10) as string, /not a byte offset/);
    assert.match(parseByteOffset('10', 10) as string, /last offset is 9/);
  });
});
