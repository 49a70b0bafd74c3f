import * as assert from 'node:assert/strict';
import { goQuote } from '../../../src/parser/text/goQuote.js';
import { decodeTraceString, encodeTraceString } from '../../../src/parser/text/traceString.js';
import { displayTraceText, escapeTraceLines, goQuoteShort, goQuoteString, isPlainTraceText } from '../../../src/parser/text/traceText.js';
import { QUOTE_CASES } from './goQuoteData.js';
import { seededRandom } from '../../support/random.js';

const hex = (h: string): Uint8Array => Uint8Array.from(h.match(/../g) ?? [], (x) => parseInt(x, 16));

describe('goQuoteString', () => {
  it("is Go's strconv.Quote of the bytes a trace string came from (Go's table of tricky inputs)", () => {
    for (const [input, expected] of QUOTE_CASES) assert.equal(goQuoteString(decodeTraceString(hex(input))), expected, `input ${input}`);
  });

  it('agrees with goQuote on random bytes, valid UTF-8 or not', () => {
    const rnd = seededRandom(7);
    const pool = [0x00, 0x1b, 0x22, 0x5c, 0x41, 0x7f, 0x80, 0xc2, 0x85, 0xe2, 0x80, 0xae, 0xef, 0xbb, 0xbf, 0xed, 0xa0, 0xf0, 0x9f, 0x98, 0x80, 0xff, 0xcc, 0x81];
    for (let n = 0; n < 2000; n++) {
      const bytes = Uint8Array.from({ length: Math.floor(rnd() * 12) }, () => (rnd() < 0.7 ? pool[Math.floor(rnd() * pool.length)] : Math.floor(rnd() * 256)));
      assert.equal(goQuoteString(decodeTraceString(bytes)), goQuote(bytes), `bytes ${Buffer.from(bytes).toString('hex')}`);
    }
  });

  it('escapes every category of hostile character the way Go does', () => {
    const cases: [string, string][] = [
      ['\u202Eevil', '"\\u202eevil"'], // RIGHT-TO-LEFT OVERRIDE
      ['a\u2066b\u2069', '"a\\u2066b\\u2069"'], // isolates
      ['zero\u200Bwidth', '"zero\\u200bwidth"'],
      ['\uFEFFbom', '"\\ufeffbom"'],
      ['line\u2028sep\u2029', '"line\\u2028sep\\u2029"'],
      ['c1\u0085', '"c1\\u0085"'],
      ['nul\x00esc\x1b', '"nul\\x00esc\\x1b"'],
      ['tab\tnl\n"q"\\', '"tab\\tnl\\n\\"q\\"\\\\"'],
      ['\u{E0001}tag', '"\\U000e0001tag"'],
      ['\u0301\u0301', '"\u0301\u0301"'], // marks are printable: Go keeps them
      ['日本\u{1F600}', '"日本\u{1F600}"'],
    ];
    for (const [s, q] of cases) assert.equal(goQuoteString(s), q, JSON.stringify(s));
  });

  it('shows a byte that is not UTF-8 as \\xNN, and a lone surrogate (never from a trace) by its number', () => {
    assert.equal(goQuoteString(decodeTraceString(Uint8Array.of(0x61, 0xff, 0x62))), '"a\\xffb"');
    assert.equal(goQuoteString(decodeTraceString(Uint8Array.of(0xed, 0xa0, 0x80))), '"\\xed\\xa0\\x80"');
    assert.equal(goQuoteString('\ud800x'), '"\\ud800x"');
    assert.equal(goQuoteString('x\udc00'), '"x\\udc00"');
  });

  it('round-trips to the same bytes as formatEvent\'s quote (goQuote of encodeTraceString)', () => {
    const s = decodeTraceString(Uint8Array.of(0xe2, 0x80, 0xae, 0x80, 0x41));
    assert.equal(goQuoteString(s), goQuote(encodeTraceString(s)));
  });

  it('quotes a 64 KiB message whole, in linear time', () => {
    const s = 'x\u202e'.repeat(32 * 1024);
    const t = Date.now();
    const q = goQuoteString(s);
    assert.equal(q.length, 2 + 32 * 1024 * 7);
    assert.ok(Date.now() - t < 2000);
  });
});

describe('displayTraceText', () => {
  it('shows a plain name as it is', () => {
    for (const s of ['main.main', 'runtime/trace.(*Task).End', '/home/me/x.go', 'chan receive', 'C:\u00e9t\u00e9 日本']) {
      assert.ok(isPlainTraceText(s), s);
      assert.equal(displayTraceText(s), s);
    }
  });

  it('quotes a name holding anything Go escapes but quotes and backslashes, an empty one, or one starting with a combining mark', () => {
    assert.equal(displayTraceText('main.\u202eniam'), '"main.\\u202eniam"');
    // Printable: a Windows path reads as it is.
    assert.equal(displayTraceText('a"b'), 'a"b');
    assert.equal(displayTraceText('C:\\Users\\ci\\main.go'), 'C:\\Users\\ci\\main.go');
    assert.equal(displayTraceText('C:\\\u202emain.go'), '"C:\\\\\\u202emain.go"');
    assert.equal(displayTraceText(''), '""');
    assert.equal(displayTraceText('\u0301'.repeat(10)), '"' + '\u0301'.repeat(10) + '"');
    assert.equal(displayTraceText('e\u0301'), 'e\u0301');
    assert.equal(displayTraceText(decodeTraceString(Uint8Array.of(0xff))), '"\\xff"');
  });
});

describe('goQuoteShort', () => {
  it('cuts by code points, never inside a surrogate pair or an escape, the ellipsis outside the quotes', () => {
    assert.equal(goQuoteShort('abcdef', 3), '"abc"…');
    assert.equal(goQuoteShort('abc', 3), '"abc"');
    assert.equal(goQuoteShort('\u{1F600}\u{1F600}\u{1F600}', 2), '"\u{1F600}\u{1F600}"…');
    assert.equal(goQuoteShort('\x00\x00\x00\x00', 2), '"\\x00\\x00"…');
  });
});

describe('escapeTraceLines', () => {
  it('escapes what Go escapes but keeps line breaks and tabs', () => {
    assert.equal(escapeTraceLines('M=1 Log\n\tmain.\u202eevil @ 0x1\n\t\t/a\u200b.go:3'), 'M=1 Log\n\tmain.\\u202eevil @ 0x1\n\t\t/a\\u200b.go:3');
    assert.equal(escapeTraceLines('plain'), 'plain');
    assert.equal(escapeTraceLines('Message="a\\u202e" \x00'), 'Message="a\\u202e" \\x00');
  });
});
