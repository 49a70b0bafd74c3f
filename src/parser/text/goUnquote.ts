/**
 * Go's strconv.Unquote, over bytes: interprets a Go string literal ("double-quoted" with escapes,
 * `backquoted` raw, or a 'c' character literal) and returns the bytes it denotes.
 *
 * The text trace format stores String and ExperimentalBatch data as `data="..."`, read by Go with
 * strconv.Unquote, and the .test expectations quote their regexp the same way; both must decode
 * exactly as Go does, including escapes that produce invalid UTF-8 (`\xff`, `\377`). Go strings are
 * byte strings, so this works on bytes; a JavaScript string argument is first encoded as UTF-8.
 *
 * Rules (behaviour of Go's implementation, restated):
 * - double quotes: `\a \b \f \n \r \t \v \\ \"`, `\xHH` (one byte), `\OOO` (three octal digits,
 *   at most 0o377, one byte), `\uHHHH` and `\UHHHHHHHH` (a valid Unicode scalar value, written
 *   as UTF-8). `\'` is rejected, as is an unescaped newline or anything after the closing quote.
 *   Raw bytes that are not valid UTF-8 are each replaced by U+FFFD when the literal contains an
 *   escape or is otherwise not valid UTF-8 (Go decodes it rune by rune then).
 * - backquotes: the bytes between, with carriage returns removed; no escapes.
 * - single quotes: exactly one character or escape (`\'` allowed, `\"` rejected); `''` is "".
 *
 * No Node or browser APIs are used: this module runs in both.
 */
import { decodeUtf8Sequence, utf8SequenceLength } from './utf8.js';

/** Go's strconv.ErrSyntax text. */
export const GO_SYNTAX_ERROR = 'invalid syntax';

/** Thrown by goUnquote for anything Go's strconv.Unquote rejects. */
export class GoUnquoteError extends Error {
  constructor() {
    super(GO_SYNTAX_ERROR);
    this.name = 'GoUnquoteError';
  }
}

const BACKSLASH = 0x5c;
const NEWLINE = 0x0a;
const CR = 0x0d;
const DQUOTE = 0x22;
const SQUOTE = 0x27;
const BACKQUOTE = 0x60;
const RUNE_ERROR = 0xfffd;

/** Result of decoding one UTF-8 sequence the way Go's utf8.DecodeRune does. */
export interface DecodedRune {
  rune: number;
  size: number;
}

/**
 * Decodes one rune at `pos` exactly as Go's utf8.DecodeRune: invalid or truncated sequences,
 * overlong forms, surrogates and values above U+10FFFF decode as U+FFFD of size 1; an empty
 * input decodes as U+FFFD of size 0.
 */
export function decodeRuneGo(b: Uint8Array, pos: number, end = b.length): DecodedRune {
  if (pos >= end) return { rune: RUNE_ERROR, size: 0 };
  const c0 = b[pos];
  if (c0 < 0x80) return { rune: c0, size: 1 };
  const n = utf8SequenceLength(b, pos, end);
  return n === 0 ? { rune: RUNE_ERROR, size: 1 } : { rune: decodeUtf8Sequence(b, pos, n), size: n };
}

/** Whether bytes[start:end] is valid UTF-8 (Go's utf8.Valid). */
export function isValidUtf8(b: Uint8Array, start = 0, end = b.length): boolean {
  let i = start;
  while (i < end) {
    if (b[i] < 0x80) {
      i++;
      continue;
    }
    const r = decodeRuneGo(b, i, end);
    if (r.rune === RUNE_ERROR && r.size === 1) return false;
    i += r.size;
  }
  return true;
}

/** Appends the UTF-8 encoding of a valid rune (Go's utf8.AppendRune for valid input). */
function appendRune(out: number[], r: number): void {
  if (r < 0x80) out.push(r);
  else if (r < 0x800) out.push(0xc0 | (r >> 6), 0x80 | (r & 0x3f));
  else if (r < 0x10000) out.push(0xe0 | (r >> 12), 0x80 | ((r >> 6) & 0x3f), 0x80 | (r & 0x3f));
  else out.push(0xf0 | (r >> 18), 0x80 | ((r >> 12) & 0x3f), 0x80 | ((r >> 6) & 0x3f), 0x80 | (r & 0x3f));
}

function hexValue(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x61 && c <= 0x66) return c - 0x61 + 10;
  if (c >= 0x41 && c <= 0x46) return c - 0x41 + 10;
  return -1;
}

const SIMPLE_ESCAPES: Readonly<Record<number, number>> = {
  0x61: 0x07, // \a
  0x62: 0x08, // \b
  0x66: 0x0c, // \f
  0x6e: 0x0a, // \n
  0x72: 0x0d, // \r
  0x74: 0x09, // \t
  0x76: 0x0b, // \v
  0x5c: 0x5c, // \\
};

/**
 * Decodes one character or escape at `pos` (Go's UnquoteChar), appending its bytes to `out`.
 * Returns the position after it, or -1 on a syntax error.
 */
function unquoteChar(b: Uint8Array, pos: number, end: number, quote: number, out: number[]): number {
  if (pos >= end) return -1;
  const c = b[pos];
  if (c === quote && (quote === SQUOTE || quote === DQUOTE)) return -1;
  if (c >= 0x80) {
    const r = decodeRuneGo(b, pos, end);
    appendRune(out, r.rune); // an invalid byte becomes U+FFFD
    return pos + r.size;
  }
  if (c !== BACKSLASH) {
    out.push(c);
    return pos + 1;
  }
  if (end - pos <= 1) return -1;
  const e = b[pos + 1];
  let p = pos + 2;
  const simple = SIMPLE_ESCAPES[e];
  if (simple !== undefined) {
    out.push(simple);
    return p;
  }
  switch (e) {
    case 0x78: // x
    case 0x75: // u
    case 0x55: { // U
      const n = e === 0x78 ? 2 : e === 0x75 ? 4 : 8;
      if (end - p < n) return -1;
      let v = 0;
      for (let j = 0; j < n; j++) {
        const x = hexValue(b[p + j]);
        if (x < 0) return -1;
        v = v * 16 + x;
      }
      p += n;
      if (e === 0x78) {
        out.push(v); // a single byte, possibly not UTF-8
        return p;
      }
      if (v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff)) return -1;
      appendRune(out, v);
      return p;
    }
    case 0x30: case 0x31: case 0x32: case 0x33:
    case 0x34: case 0x35: case 0x36: case 0x37: {
      let v = e - 0x30;
      if (end - p < 2) return -1;
      for (let j = 0; j < 2; j++) {
        const x = b[p + j] - 0x30;
        if (x < 0 || x > 7) return -1;
        v = (v << 3) | x;
      }
      p += 2;
      if (v > 255) return -1;
      out.push(v);
      return p;
    }
    case SQUOTE:
    case DQUOTE:
      if (e !== quote) return -1;
      out.push(e);
      return p;
    default:
      return -1;
  }
}

function indexOfByte(b: Uint8Array, c: number, start: number, end: number): number {
  for (let i = start; i < end; i++) if (b[i] === c) return i;
  return -1;
}

function toBytes(input: Uint8Array | string): Uint8Array {
  return typeof input === 'string' ? new TextEncoder().encode(input) : input;
}

/**
 * Unquotes a whole Go literal. Returns the bytes, or undefined where Go returns ErrSyntax
 * (including when anything follows the closing quote).
 */
export function tryGoUnquote(input: Uint8Array | string): Uint8Array | undefined {
  const b = toBytes(input);
  const n = b.length;
  if (n < 2) return undefined;
  const quote = b[0];
  const close = indexOfByte(b, quote, 1, n);
  if (close < 0) return undefined;
  // `end` is the position after the first matching quote; escapes may move the real end.
  const end = close + 1;

  if (quote === BACKQUOTE) {
    if (end !== n) return undefined;
    const out: number[] = [];
    for (let i = 1; i < end - 1; i++) if (b[i] !== CR) out.push(b[i]);
    return Uint8Array.from(out);
  }
  if (quote !== DQUOTE && quote !== SQUOTE) return undefined;

  // Fast path: no escapes and no newline before the first closing quote.
  if (indexOfByte(b, BACKSLASH, 0, end) < 0 && indexOfByte(b, NEWLINE, 0, end) < 0) {
    let valid: boolean;
    if (quote === DQUOTE) {
      valid = isValidUtf8(b, 1, end - 1);
    } else {
      const r = decodeRuneGo(b, 1, end - 1);
      valid = 1 + r.size + 1 === end && (r.rune !== RUNE_ERROR || r.size !== 1);
    }
    if (valid) return end === n ? b.slice(1, end - 1) : undefined;
  }

  // General path: character by character.
  const out: number[] = [];
  let p = 1;
  while (p < n && b[p] !== quote) {
    const c = b[p];
    const next = unquoteChar(b, p, n, quote, out);
    if (c === NEWLINE || next < 0) return undefined;
    p = next;
    if (quote === SQUOTE) break; // a character literal holds one character
  }
  if (!(p < n && b[p] === quote)) return undefined;
  p++;
  if (p !== n) return undefined;
  return Uint8Array.from(out);
}

/** Unquotes a Go literal (strconv.Unquote); throws GoUnquoteError ("invalid syntax") where Go fails. */
export function goUnquote(input: Uint8Array | string): Uint8Array {
  const out = tryGoUnquote(input);
  if (out === undefined) throw new GoUnquoteError();
  return out;
}

/**
 * Unquotes to a JavaScript string (for regexps and names). Bytes that are not valid UTF-8 become
 * U+FFFD, one per byte, as Go does when converting such a string to runes.
 */
export function goUnquoteString(input: Uint8Array | string): string {
  return decodeUtf8Go(goUnquote(input));
}

/** Decodes bytes to a string rune by rune as Go ranges over a string (one U+FFFD per bad byte). */
export function decodeUtf8Go(b: Uint8Array, start = 0, end = b.length): string {
  let s = '';
  let i = start;
  while (i < end) {
    const c = b[i];
    if (c < 0x80) {
      s += String.fromCharCode(c);
      i++;
      continue;
    }
    const r = decodeRuneGo(b, i, end);
    s += String.fromCodePoint(r.rune);
    i += r.size;
  }
  return s;
}
