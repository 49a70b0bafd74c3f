/**
 * Go's strconv.Quote for a byte string, reproduced exactly: the wire dump prints string data
 * (`data="..."`) this way, and the text must match Go's byte for byte.
 *
 * Rules, restated from the behaviour of Go's strconv package:
 * - Bytes are decoded as UTF-8 the strict way (no overlong forms, no surrogates, nothing above
 *   U+10FFFF). A byte that does not start a well-formed sequence is written `\xNN` (lowercase hex)
 *   and decoding resumes at the next byte.
 * - `"` and `\` get a backslash; \a \b \f \n \r \t \v use their short escapes.
 * - A printable rune (Go's IsPrint: categories L, M, N, P, S, plus the ASCII space) is written
 *   as is; U+FFFD that came from a valid encoding is printable (category So).
 * - Other runes below U+0020 and U+007F become `\xNN`, others below U+10000 `\uNNNN`, the rest
 *   `\UNNNNNNNN`.
 *
 * Printability comes from the JavaScript engine's Unicode property tables; Go 1.27 and Node 20.20
 * (ICU 78) both use Unicode 17.0.
 */
import { decodeUtf8Sequence, utf8CouldContinue, utf8SequenceLength } from './utf8.js';

const HEX = '0123456789abcdef';

/** Printable per Go's unicode.IsPrint. Applied to non-ASCII code points only. */
const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u;

/** Escapes for ASCII bytes; undefined where the byte is printed as itself. */
export const ASCII_ESCAPE: readonly (string | undefined)[] = (() => {
  const t: (string | undefined)[] = new Array(128).fill(undefined);
  for (let b = 0; b < 0x20; b++) t[b] = '\\x' + HEX[b >> 4] + HEX[b & 15];
  t[0x7f] = '\\x7f';
  t[0x07] = '\\a';
  t[0x08] = '\\b';
  t[0x0c] = '\\f';
  t[0x0a] = '\\n';
  t[0x0d] = '\\r';
  t[0x09] = '\\t';
  t[0x0b] = '\\v';
  t[0x22] = '\\"';
  t[0x5c] = '\\\\';
  return t;
})();

/** Cache of the printability verdict for code points already seen (non-ASCII only). */
const printCache = new Map<number, boolean>();

/** Go's unicode.IsPrint for one code point. */
export function goIsPrint(cp: number): boolean {
  if (cp < 0x80) return cp >= 0x20 && cp < 0x7f;
  let v = printCache.get(cp);
  if (v === undefined) {
    v = cp <= 0x10ffff && !(cp >= 0xd800 && cp <= 0xdfff) && PRINTABLE.test(String.fromCodePoint(cp));
    if (printCache.size < 4096) printCache.set(cp, v);
  }
  return v;
}

/** `\uNNNN` or `\UNNNNNNNN` for a code point Go escapes (valid, not printable, not ASCII). */
export function escapeRune(cp: number): string {
  if (cp < 0x10000) {
    return '\\u' + HEX[(cp >> 12) & 15] + HEX[(cp >> 8) & 15] + HEX[(cp >> 4) & 15] + HEX[cp & 15];
  }
  let s = '\\U';
  for (let shift = 28; shift >= 0; shift -= 4) s += HEX[(cp >>> shift) & 15];
  return s;
}

/**
 * Quotes bytes[start, end) without the surrounding double quotes. When `final` is false, a
 * sequence that may continue past `end` (its prefix is valid so far) is left unconsumed; the return
 * value says how far it got, so a caller can quote data that arrives in pieces.
 */
export function quoteBody(bytes: Uint8Array, start: number, end: number, final = true): { text: string; next: number } {
  let out = '';
  let run = start; // start of a run of plain printable ASCII not yet appended
  let i = start;
  while (i < end) {
    const b = bytes[i];
    if (b < 0x80) {
      const esc = ASCII_ESCAPE[b];
      if (esc === undefined) {
        i++;
        continue;
      }
      if (run < i) out += asciiRun(bytes, run, i);
      out += esc;
      run = ++i;
      continue;
    }
    if (run < i) out += asciiRun(bytes, run, i);
    const n = utf8SequenceLength(bytes, i, end);
    if (n === 0) {
      if (!final && end - i < 4 && utf8CouldContinue(bytes, i, end)) {
        return { text: out, next: i };
      }
      out += '\\x' + HEX[b >> 4] + HEX[b & 15];
      run = ++i;
      continue;
    }
    const cp = decodeUtf8Sequence(bytes, i, n);
    out += goIsPrint(cp) ? String.fromCodePoint(cp) : escapeRune(cp);
    i += n;
    run = i;
  }
  if (run < i) out += asciiRun(bytes, run, i);
  return { text: out, next: i };
}

function asciiRun(bytes: Uint8Array, from: number, to: number): string {
  if (to - from === 1) return String.fromCharCode(bytes[from]);
  // Printable ASCII only: one char per byte. Bounded pieces keep the argument count small.
  let s = '';
  for (let k = from; k < to; k += 8192) {
    s += String.fromCharCode.apply(null, bytes.subarray(k, Math.min(to, k + 8192)) as unknown as number[]);
  }
  return s;
}

/**
 * Decodes one rune at bytes[i] the way Go's utf8.DecodeRune does with the bytes up to `end`:
 * returns the code point and its byte length, U+FFFD and 1 for a byte that does not start a
 * well-formed sequence, and [-1, 0] when i >= end.
 */
export function decodeRune(bytes: Uint8Array, i: number, end: number): [number, number] {
  if (i >= end) return [-1, 0];
  const b = bytes[i];
  if (b < 0x80) return [b, 1];
  const n = utf8SequenceLength(bytes, i, end);
  return n === 0 ? [0xfffd, 1] : [decodeUtf8Sequence(bytes, i, n), n];
}

/** strconv.Quote(string(bytes)): the bytes as a double-quoted Go string literal. */
export function goQuote(bytes: Uint8Array): string {
  return '"' + quoteBody(bytes, 0, bytes.length).text + '"';
}
