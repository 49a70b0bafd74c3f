import * as assert from 'node:assert/strict';
import { formatTxtar, parseTxtar } from './txtar.js';

const text = (b: Uint8Array) => new TextDecoder().decode(b);

describe('txtar', () => {
  it('splits comment and files', () => {
    const ar = parseTxtar('comment line\n-- expect --\nSUCCESS\n-- trace --\nTrace Go1.22\nEventBatch gen=1 m=0 time=0 size=0\n');
    assert.equal(text(ar.comment), 'comment line\n');
    assert.deepEqual(
      ar.files.map((f) => [f.name, text(f.data)]),
      [
        ['expect', 'SUCCESS\n'],
        ['trace', 'Trace Go1.22\nEventBatch gen=1 m=0 time=0 size=0\n'],
      ],
    );
  });

  it('adds a missing final newline and trims names', () => {
    const ar = parseTxtar('--   a b  --\nx');
    assert.equal(ar.files[0].name, 'a b');
    assert.equal(text(ar.files[0].data), 'x\n');
    assert.equal(ar.comment.length, 0);
  });

  it('recognises markers only at line starts and only with a name', () => {
    const ar = parseTxtar('x -- a --\n--  --\n-- --\n--b --\n-- c --\ndata -- d --\n-- e --');
    assert.equal(text(ar.comment), 'x -- a --\n--  --\n-- --\n--b --\n');
    assert.deepEqual(
      ar.files.map((f) => [f.name, text(f.data)]),
      [
        ['c', 'data -- d --\n'],
        ['e', ''],
      ],
    );
  });

  it('keeps file bytes exactly, including bytes that are not UTF-8 and CRLF', () => {
    const bytes = Uint8Array.from([...new TextEncoder().encode('-- f --\r\n'), 0xff, 0x0d, 0x0a]);
    const ar = parseTxtar(bytes);
    // "-- f --\r" does not end with " --": not a marker, so everything is comment.
    assert.equal(ar.files.length, 0);
    const ar2 = parseTxtar(Uint8Array.from([...new TextEncoder().encode('-- f --\n'), 0xff, 0x0d, 0x0a]));
    assert.deepEqual([...ar2.files[0].data], [0xff, 0x0d, 0x0a]);
  });

  it('an archive with no markers is all comment', () => {
    const ar = parseTxtar('just text');
    assert.equal(text(ar.comment), 'just text\n');
    assert.equal(ar.files.length, 0);
    assert.equal(parseTxtar('').comment.length, 0);
  });

  it('formats what it parses', () => {
    const src = 'note\n-- expect --\nSUCCESS\n-- trace --\nTrace Go1.22\n';
    const ar = parseTxtar(src);
    assert.equal(text(formatTxtar(ar)), src);
    assert.equal(text(formatTxtar({ files: [{ name: 'a', data: 'x' }] })), '-- a --\nx\n');
  });
});
