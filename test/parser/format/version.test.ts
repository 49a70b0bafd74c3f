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
