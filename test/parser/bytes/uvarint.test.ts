import * as assert from 'node:assert/strict';
import { encodeUvarint, readUvarint, readUvarintBig, UVARINT_OVERFLOW, UVARINT_SHORT, U64_MAX } from '../../../src/parser/bytes/uvarint.js';

const cur = { value: 0, pos: 0 };
const read = (bytes: number[]) => {
  const pos = readUvarint(Uint8Array.from(bytes), 0, bytes.length, cur);
  return { pos, value: cur.value };
};

describe('uvarint', () => {
  it('decodes minimal encodings of every length', () => {
    for (const v of [0, 1, 127, 128, 300, 16383, 16384, 2 ** 21, 2 ** 28 - 1, 2 ** 28, 2 ** 35 + 5, 2 ** 53 - 1]) {
      const bytes = encodeUvarint(v);
      assert.deepEqual(read(bytes), { pos: bytes.length, value: v }, `value ${v}`);
    }
  });

  it('accepts non-minimal encodings, as the runtime pads batch sizes to 10 bytes', () => {
    const padded = encodeUvarint(5, 10);
    assert.deepEqual(padded, [0x85, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x00]);
    assert.deepEqual(read(padded), { pos: 10, value: 5 });
  });

  it('rounds values above 2^53 like a uint64-to-float64 conversion, and reads them exactly as bigint', () => {
    const bytes = encodeUvarint(U64_MAX);
    assert.equal(bytes.length, 10);
    assert.deepEqual(read(bytes), { pos: 10, value: 2 ** 64 });
    assert.deepEqual(readUvarintBig(Uint8Array.from(bytes), 0, 10), { value: U64_MAX, pos: 10 });
  });

  it('reports a short buffer and an overflow as Go does', () => {
    assert.equal(read([]).pos, UVARINT_SHORT);
    assert.equal(read([0x80, 0x80]).pos, UVARINT_SHORT);
    // A 10th byte above 1 overflows 64 bits, and so does an 11th byte.
    assert.equal(read([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x02]).pos, UVARINT_OVERFLOW);
    assert.equal(read([0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x00]).pos, UVARINT_OVERFLOW);
    assert.equal(readUvarintBig(Uint8Array.from([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x02]), 0, 10), undefined);
  });
});
