import * as assert from 'node:assert/strict';
import { decodeRune, goIsPrint, goQuote, quoteBody } from '../../../src/parser/text/goQuote.js';
import { PRINT_RANGES, QUOTE_CASES } from './goQuoteData.js';

const hex = (h: string): Uint8Array => Uint8Array.from(h.match(/../g) ?? [], (x) => parseInt(x, 16));

describe('goQuote', () => {
  it("matches Go's strconv.Quote on a table of tricky inputs", () => {
    for (const [input, expected] of QUOTE_CASES) {
      assert.equal(goQuote(hex(input)), expected, `input ${input}`);
    }
  });

  it("agrees with Go's IsPrint on every code point", () => {
    const printable = new Uint8Array(0x110000);
    for (let i = 0; i < PRINT_RANGES.length; i += 2) printable.fill(1, PRINT_RANGES[i], PRINT_RANGES[i + 1] + 1);
    const wrong: string[] = [];
    for (let cp = 0; cp <= 0x10ffff; cp++) {
      if (goIsPrint(cp) !== (printable[cp] === 1)) wrong.push(cp.toString(16));
    }
    assert.deepEqual(wrong.slice(0, 20), [], `${wrong.length} code points differ (Node's Unicode: ${process.versions.unicode})`);
  });

  it('escapes what IsPrint rejects with \\u and \\U, and keeps printable runes as UTF-8', () => {
    const enc = new TextEncoder();
    assert.equal(goQuote(enc.encode('\u0378')), '"\\u0378"');
    assert.equal(goQuote(enc.encode('\u{e0001}')), '"\\U000e0001"');
    assert.equal(goQuote(enc.encode('\u{1f600}é')), '"\u{1f600}é"');
  });

  it('quotes data that arrives in pieces exactly as in one piece', () => {
    const all = QUOTE_CASES.map(([h]) => h).join('');
    const bytes = hex(all);
    const whole = quoteBody(bytes, 0, bytes.length).text;
    for (const size of [1, 2, 3, 5, 7]) {
      let text = '';
      let carry = new Uint8Array(0);
      for (let at = 0; at < bytes.length; at += size) {
        const piece = new Uint8Array([...carry, ...bytes.subarray(at, Math.min(bytes.length, at + size))]);
        const final = at + size >= bytes.length;
        const r = quoteBody(piece, 0, piece.length, final);
        text += r.text;
        carry = piece.slice(r.next);
      }
      assert.equal(carry.length, 0);
      assert.equal(text, whole, `pieces of ${size}`);
    }
  });

  it("decodes runes as Go's utf8.DecodeRune does", () => {
    assert.deepEqual(decodeRune(hex('e282ac'), 0, 3), [0x20ac, 3]);
    assert.deepEqual(decodeRune(hex('e282'), 0, 2), [0xfffd, 1]); // incomplete
    assert.deepEqual(decodeRune(hex('eda080'), 0, 3), [0xfffd, 1]); // surrogate
    assert.deepEqual(decodeRune(hex('c0af'), 0, 2), [0xfffd, 1]); // overlong
    assert.deepEqual(decodeRune(hex('f48fbfbf'), 0, 4), [0x10ffff, 4]);
    assert.deepEqual(decodeRune(hex('f4908080'), 0, 4), [0xfffd, 1]); // above U+10FFFF
    assert.deepEqual(decodeRune(hex(''), 0, 0), [-1, 0]);
  });
});
