import * as assert from 'node:assert/strict';
import { headerBytes, readHeader } from '../../../src/parser/format/version.js';

const enc = (s: string) => new TextEncoder().encode(s);

describe('readHeader', () => {
  it('recognises every version Go has written', () => {
    for (const v of [11, 19, 21, 22, 23, 25, 26]) {
      assert.deepEqual(readHeader(headerBytes(v)), { ok: true, version: v, size: 16 });
    }
  });

  it('rejects versions Go never wrote, with Go\'s message', () => {
    for (const v of [5, 10, 24, 27, 99]) {
      const r = readHeader(headerBytes(v));
      assert.equal(r.ok, false);
      if (!r.ok) {
        assert.equal(r.code, 'unsupported-version');
        assert.equal(r.message, `unknown or unsupported trace version go 1.${v}`);
      }
    }
  });

  it('says a file is not a trace when the header does not match', () => {
    for (const s of ['', 'go 1.', 'go 1.22 trace', 'go 1.22 trace\0\0', 'GO 1.22 trace\0\0\0', 'go 1.x trace\0\0\0', '\x89PNG\r\n\x1a\n........']) {
      const r = readHeader(enc(s));
      assert.equal(r.ok, false, JSON.stringify(s));
      if (!r.ok) assert.equal(r.message, 'bad file format: not a Go execution trace?');
    }
  });
});

describe('readHeader matches Go\'s fmt.Fscanf reading of the header', () => {
  it('accepts the spaces Go accepts and rejects what Go rejects', () => {
    assert.deepEqual(readHeader(enc('go  1.26 trace\0\0\0')), { ok: true, version: 26, size: 17 });
    assert.deepEqual(readHeader(enc('go 1. 26 trace\0\0\0')), { ok: true, version: 26, size: 17 });
    assert.deepEqual(readHeader(enc('go 1.0000000026 trace\0\0\0')), { ok: true, version: 26, size: 24 });
    assert.equal(readHeader(enc('go 1.\n26 trace\0\0\0')).ok, false);
    const huge = readHeader(enc('go 1.4294967296 trace\0\0\0'));
    assert.equal(!huge.ok && huge.code, 'not-a-trace', 'a version over 2^32-1 overflows Go\'s uint32: not a trace');
  });
});
