import * as assert from 'node:assert/strict';
import { decodeTraceString, encodeTraceString } from '../../../src/parser/text/traceString.js';
import { seededRandom } from '../../support/random.js';

const bytes = (...b: number[]) => Uint8Array.from(b);

describe('trace strings', () => {
  it('decode valid UTF-8 as text', () => {
    assert.equal(decodeTraceString(new TextEncoder().encode('main.main é 😀')), 'main.main é 😀');
    assert.equal(decodeTraceString(bytes(0x61, 0x62, 0x63), 1, 3), 'bc');
  });

  it('keep each byte that is not UTF-8 as a lone surrogate', () => {
    assert.equal(decodeTraceString(bytes(0x61, 0xff, 0xc3, 0xa9, 0xc3)), 'a\udcffé\udcc3');
    // Overlong, surrogate and out-of-range forms are invalid, byte by byte, as in Go.
    assert.equal(decodeTraceString(bytes(0xc0, 0x80)), '\udcc0\udc80');
    assert.equal(decodeTraceString(bytes(0xed, 0xa0, 0x80)), '\udced\udca0\udc80');
    assert.equal(decodeTraceString(bytes(0xf4, 0x90, 0x80, 0x80)), '\udcf4\udc90\udc80\udc80');
  });

  it('encode back to the same bytes, for any bytes', () => {
    const next = seededRandom(7);
    const int = (n: number) => Math.floor(next() * n);
    for (let n = 0; n < 2000; n++) {
      const b = Uint8Array.from({ length: int(12) }, () => (int(3) === 0 ? 0x80 + int(0x80) : int(0x100)));
      assert.deepEqual(encodeTraceString(decodeTraceString(b)), b, `bytes ${[...b]}`);
    }
    const long = new Uint8Array(5000).fill(0x41);
    assert.deepEqual(encodeTraceString(decodeTraceString(long)), long);
  });

  it('encode a low surrogate that ends a real pair as text', () => {
    assert.deepEqual(encodeTraceString('\ud83d\udc9f'), new TextEncoder().encode('\ud83d\udc9f'));
  });

  it('keep a leading U+FEFF (the decoder would drop a byte-order mark), also beside a bad byte', () => {
    const bom = [0xef, 0xbb, 0xbf];
    assert.equal(decodeTraceString(Uint8Array.from([...bom, 0x41])), '\ufeffA');
    assert.equal(decodeTraceString(Uint8Array.from([0xff, ...bom])), '\udcff\ufeff');
    const long = Uint8Array.from([...bom, ...new Array(300).fill(0xe6), 0xff]);
    assert.deepEqual(encodeTraceString(decodeTraceString(long)), long);
  });
});
