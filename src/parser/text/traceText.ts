/**
 * Trace strings as the viewer shows them: Go's strconv.Quote, on the decoded string (see
 * traceString.ts), so what a Go developer reads is what Go would print. Whatever Go escapes is
 * never shown raw: C0 and C1 controls, DEL, bidi controls (U+202A–U+202E, U+2066–U+2069),
 * zero-width and format characters (U+200B–U+200F, U+FEFF), line and paragraph separators
 * (U+2028, U+2029), unassigned code points. A byte that was not UTF-8 (kept as U+DC00+byte by
 * decodeTraceString) shows as `\xNN`, as Go shows it.
 *
 * goQuoteString(s) equals goQuote(encodeTraceString(s)) for every string decodeTraceString makes;
 * it works on the string directly (no byte copy), as rows are made for every page.
 */
import { ASCII_ESCAPE, escapeRune, goIsPrint } from './goQuote.js';

const HEX = '0123456789abcdef';

/** The first escape Go's quoting puts in s at or after `from`: its position, length in s and text; undefined if none. */
function nextEscape(s: string, from: number): { at: number; width: number; text: string } | undefined {
  for (let i = from; i < s.length; ) {
    const c = s.charCodeAt(i);
    if (c < 0x80) {
      const esc = ASCII_ESCAPE[c];
      if (esc !== undefined) return { at: i, width: 1, text: esc };
      i++;
      continue;
    }
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        const cp = ((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000;
        if (!goIsPrint(cp)) return { at: i, width: 2, text: escapeRune(cp) };
        i += 2;
        continue;
      }
    }
    if (c >= 0xd800 && c <= 0xdfff) {
      // A lone surrogate: a byte that was not UTF-8 (decodeTraceString's escape), else (never from
      // a trace) the surrogate's own number, so it is not shown as a replacement character.
      const text = c >= 0xdc80 && c <= 0xdcff ? '\\x' + HEX[(c >> 4) & 15] + HEX[c & 15] : escapeRune(c);
      return { at: i, width: 1, text };
    }
    if (!goIsPrint(c)) return { at: i, width: 1, text: escapeRune(c) };
    i++;
  }
  return undefined;
}

/** The body of Go's quoted form (no surrounding quotes); `keep` characters are left as they are. */
function quoteText(s: string, keep?: (c: number) => boolean): string {
  let out = '';
  let run = 0;
  for (let e = nextEscape(s, 0); e; e = nextEscape(s, e.at + e.width)) {
    out += s.slice(run, e.at) + (keep?.(s.charCodeAt(e.at)) ? s[e.at] : e.text);
    run = e.at + e.width;
  }
  return run === 0 ? s : out + s.slice(run);
}

/** strconv.Quote of a trace string: `"main.go"`, `"\u202egnp.exe"`, `"\xff"`. */
export function goQuoteString(s: string): string {
  return '"' + quoteText(s) + '"';
}

/** A combining mark first would attach itself to the text before the name. */
const STARTS_WITH_MARK = /^\p{M}/u;

/**
 * Whether a name can be shown as it is: not empty, nothing in it that Go's quoting escapes but
 * quotes and backslashes (printable, and a Windows path is full of them: `C:\src\main.go` reads
 * better as it is), and it does not start with a combining mark.
 */
export function isPlainTraceText(s: string): boolean {
  if (s.length === 0 || STARTS_WITH_MARK.test(s)) return false;
  for (let e = nextEscape(s, 0); e; e = nextEscape(s, e.at + e.width)) {
    const c = s.charCodeAt(e.at);
    if (c !== 0x22 && c !== 0x5c) return false;
  }
  return true;
}

/**
 * A name from the trace (function, file, task or region type, block reason) for a label: as it
 * is when plain (`main.main`), else Go's quoted form (`"main.\u202eniam"`).
 */
export function displayTraceText(s: string): string {
  return isPlainTraceText(s) ? s : goQuoteString(s);
}

/**
 * Go's quoted form of at most the first `max` characters (code points) of s; an ellipsis after
 * the closing quote says the string goes on: `"a long mess"…`.
 */
export function goQuoteShort(s: string, max: number): string {
  if (s.length <= max) return goQuoteString(s);
  let end = 0;
  for (let n = 0; n < max && end < s.length; n++) {
    const c = s.charCodeAt(end);
    end += c >= 0xd800 && c <= 0xdbff && end + 1 < s.length && (s.charCodeAt(end + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
  }
  return end >= s.length ? goQuoteString(s) : goQuoteString(s.slice(0, end)) + '…';
}

/**
 * Multi-line text holding trace strings (Go's Event.String() form, whose frame lines print
 * function names and paths raw): every character Go's quoting escapes is escaped, except the line
 * breaks and tabs that lay the text out, and quotes and backslashes.
 */
export function escapeTraceLines(s: string): string {
  // Quotes and backslashes are the text's own (it quotes its strings already): kept as they are.
  return quoteText(s, (c) => c === 0x0a || c === 0x09 || c === 0x22 || c === 0x5c);
}
