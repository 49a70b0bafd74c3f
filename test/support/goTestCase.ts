/**
 * Go's parser test cases (internal/trace/testdata/tests/*.test): txtar archives holding an
 * `expect` file (SUCCESS, or FAILURE "<Go-quoted regexp>") and a `trace` file in the raw text
 * form. They are read from ../shared/go-testdata beside the repository and never copied into
 * it; tests call goTestdataDir() and skip when it returns undefined.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseTxtar } from './txtar.js';
import { sharedGoTestdataDir } from './paths.js';
import { goUnquoteString } from '../../src/parser/text/goUnquote.js';
import { readRawText, encodeRawEvents } from '../../src/parser/wire/rawText.js';

export type GoExpectation = { success: true } | { success: false; pattern: RegExp; goPattern: string };

export interface GoTestCase {
  /** File name without ".test", e.g. "go122-annotations". */
  name: string;
  file: string;
  expect: GoExpectation;
  /** The trace section as text. */
  text: string;
  /** The trace section converted to the binary format (as Go's raw Writer does). */
  bytes: Uint8Array;
  /** Trace format version from the text header. */
  version: number;
}

/** The shared Go test data folder (<repo root>/../shared/go-testdata), or undefined when it is absent (tests then skip). */
export function goTestdataDir(): string | undefined {
  return fs.existsSync(sharedGoTestdataDir) ? sharedGoTestdataDir : undefined;
}

/** Paths of every tests/*.test file, sorted; empty when the folder is absent. */
export function listGoTestFiles(): string[] {
  const dir = goTestdataDir();
  if (!dir) return [];
  const tests = path.join(dir, 'tests');
  if (!fs.existsSync(tests)) return [];
  return fs
    .readdirSync(tests)
    .filter((f) => f.endsWith('.test'))
    .sort()
    .map((f) => path.join(tests, f));
}

/** Loads a .test file the way Go's testtrace.ParseFile does. Throws on a malformed test. */
export function loadGoTestCase(file: string): GoTestCase {
  return parseGoTestCase(path.basename(file, '.test'), fs.readFileSync(file), file);
}

/** Parses the contents of a .test file. */
export function parseGoTestCase(name: string, contents: Uint8Array, file = name): GoTestCase {
  const ar = parseTxtar(contents);
  if (ar.files.length !== 2) throw new Error(`malformed test ${file}: wrong number of files`);
  if (ar.files[0].name !== 'expect') throw new Error(`malformed test ${file}: bad filename ${ar.files[0].name}`);
  if (ar.files[1].name !== 'trace') throw new Error(`malformed test ${file}: bad filename ${ar.files[1].name}`);
  const traceText = ar.files[1].data;
  const { version, events } = readRawText(traceText);
  const bytes = encodeRawEvents(version, events).bytes;
  const expect = parseExpectation(new TextDecoder().decode(ar.files[0].data));
  return { name, file, expect, text: new TextDecoder().decode(traceText), bytes, version };
}

/** Parses an `expect` file (Go's testtrace.ParseExpectation); an empty one means success, as in Go. */
export function parseExpectation(data: string): GoExpectation {
  const nl = data.indexOf('\n');
  let first = nl < 0 ? data : data.slice(0, nl);
  if (first.endsWith('\r')) first = first.slice(0, -1);
  if (data === '') return { success: true };
  const sp = first.indexOf(' ');
  const word = sp < 0 ? first : first.slice(0, sp);
  if (word === 'SUCCESS') return { success: true };
  if (word !== 'FAILURE') throw new Error(`bad header line: ${JSON.stringify(first)}`);
  if (sp < 0) throw new Error(`bad header line for FAILURE: ${JSON.stringify(first)}`);
  const quoted = first.slice(sp + 1);
  let goPattern: string;
  try {
    goPattern = goUnquoteString(quoted);
  } catch (e) {
    throw new Error(`malformed pattern: not correctly quoted: ${quoted}: ${(e as Error).message}`);
  }
  return { success: false, pattern: goRegexpToJs(goPattern), goPattern };
}

// ---------------------------------------------------------------------------------------------
// Go (RE2) regexp syntax to JavaScript

/** Thrown for Go regexp syntax this translator does not handle (or Go rejects). */
export class GoRegexpError extends Error {}

type Range = [number, number];

const MAX_RUNE = 0x10ffff;
const range = (lo: string, hi = lo): Range => [lo.codePointAt(0)!, hi.codePointAt(0)!];

/** Go's \d \s \w and the ASCII POSIX classes, as code point ranges. */
const PERL_CLASSES: Readonly<Record<string, Range[]>> = {
  d: [range('0', '9')],
  s: [[9, 10], [12, 13], [32, 32]],
  w: [range('0', '9'), range('A', 'Z'), range('_'), range('a', 'z')],
};
const POSIX_CLASSES: Readonly<Record<string, Range[]>> = {
  alnum: [range('0', '9'), range('A', 'Z'), range('a', 'z')],
  alpha: [range('A', 'Z'), range('a', 'z')],
  ascii: [[0, 0x7f]],
  blank: [[9, 9], [32, 32]],
  cntrl: [[0, 0x1f], [0x7f, 0x7f]],
  digit: [range('0', '9')],
  graph: [range('!', '~')],
  lower: [range('a', 'z')],
  print: [range(' ', '~')],
  punct: [range('!', '/'), range(':', '@'), range('[', '`'), range('{', '~')],
  space: [[9, 13], [32, 32]],
  upper: [range('A', 'Z')],
  word: [range('0', '9'), range('A', 'Z'), range('_'), range('a', 'z')],
  xdigit: [range('0', '9'), range('A', 'F'), range('a', 'f')],
};

function complement(ranges: Range[]): Range[] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const out: Range[] = [];
  let next = 0;
  for (const [lo, hi] of sorted) {
    if (lo > next) out.push([next, lo - 1]);
    next = Math.max(next, hi + 1);
  }
  if (next <= MAX_RUNE) out.push([next, MAX_RUNE]);
  return out;
}

/** A code point as it may appear inside a JavaScript `u` character class. */
function classChar(cp: number): string {
  if (cp >= 0x21 && cp <= 0x7e && !'\\]^-[/'.includes(String.fromCharCode(cp))) return String.fromCharCode(cp);
  if (cp === 0x20) return ' ';
  return `\\u{${cp.toString(16)}}`;
}

function classRanges(ranges: Range[]): string {
  return ranges.map(([lo, hi]) => (lo === hi ? classChar(lo) : `${classChar(lo)}-${classChar(hi)}`)).join('');
}

/** A code point as a literal outside a class. */
function literal(cp: number): string {
  const ch = String.fromCodePoint(cp);
  if ('\\^$.|?*+()[]{}/'.includes(ch)) return '\\' + ch;
  if (cp >= 0x20 && cp <= 0x7e) return ch;
  return `\\u{${cp.toString(16)}}`;
}

/** Go Unicode class name to a JavaScript property escape body. */
function unicodeProperty(name: string): string {
  if (name === 'Any' || /^[A-Z][a-z]?$/.test(name)) return name;
  return `Script=${name}`;
}

interface Flags {
  i: boolean;
  m: boolean;
  s: boolean;
  U: boolean;
}

/**
 * Translates a Go regexp (RE2 syntax, as regexp.Compile takes it) into an equivalent JavaScript
 * RegExp (with the `u` flag). Handled differences: `.` and `\s` are narrower in Go, `\A \z`,
 * `(?m)` anchors (only "\n" ends a line in Go), `\Q..\E`, `\x{..}`, octal escapes, `\pL` and
 * script names, POSIX `[[:alpha:]]` classes and Perl classes inside classes, `(?P<name>..)`,
 * flag groups `(?imsU)` and `(?s:re)`, a `]` first in a class, and literal `{ } ]` where Go takes
 * them literally. Turning `i` on or off after the start of the pattern is not supported
 * (GoRegexpError), nor are constructs Go rejects.
 */
export function goRegexpToJs(pattern: string): RegExp {
  const cps = Array.from(pattern, (c) => c.codePointAt(0)!);
  const n = cps.length;
  const flags: Flags = { i: false, m: false, s: false, U: false };
  let out = '';
  let i = 0;
  const ch = (k: number) => (k < n ? String.fromCodePoint(cps[k]) : '');
  const fail = (msg: string): never => {
    throw new GoRegexpError(`${msg} in Go regexp ${JSON.stringify(pattern)}`);
  };

  // Leading flag groups such as (?i) or (?s-m) set flags for the whole pattern.
  for (;;) {
    // Flag groups are ASCII, so code point and string indices agree up to here.
    const m = /^\(\?([imsU]*(?:-[imsU]*)?)\)/.exec(pattern.slice(i));
    if (!m || m[1] === '' || m[1] === '-') break;
    let on = true;
    for (const f of m[1]) {
      if (f === '-') on = false;
      else flags[f as keyof Flags] = on;
    }
    i += Array.from(m[0]).length;
  }

  const globalI = flags.i;
  /** Flags to restore at each open group's ). */
  const stack: Flags[] = [];

  /** Reads an escape after a backslash at k (k is the backslash); returns its translation. */
  const readEscape = (k: number, inClass: boolean): { text?: string; ranges?: Range[]; cp?: number; next: number } => {
    const e = ch(k + 1);
    if (e === '') fail('trailing backslash');
    const next = k + 2;
    const perl = e.toLowerCase();
    if (PERL_CLASSES[perl] && (e === perl || e === perl.toUpperCase())) {
      const ranges = e === perl ? PERL_CLASSES[perl] : complement(PERL_CLASSES[perl]);
      return { ranges, next };
    }
    if (e === 'p' || e === 'P') {
      let name: string;
      let after: number;
      if (ch(next) === '{') {
        const close = cps.indexOf(0x7d, next);
        if (close < 0) fail('missing closing } of \\p{');
        name = String.fromCodePoint(...cps.slice(next + 1, close));
        after = close + 1;
      } else {
        name = ch(next);
        after = next + 1;
      }
      let negate = e === 'P';
      if (name.startsWith('^')) {
        negate = !negate;
        name = name.slice(1);
      }
      if (!/^[A-Za-z_]+$/.test(name)) fail(`invalid character class range \\p{${name}}`);
      return { text: `\\${negate ? 'P' : 'p'}{${unicodeProperty(name)}}`, next: after };
    }
    if (e === 'x') {
      if (ch(next) === '{') {
        const close = cps.indexOf(0x7d, next);
        const hex = close < 0 ? '' : String.fromCodePoint(...cps.slice(next + 1, close));
        if (!/^[0-9A-Fa-f]+$/.test(hex) || parseInt(hex, 16) > MAX_RUNE) fail('invalid escape sequence \\x{');
        return { cp: parseInt(hex, 16), next: close + 1 };
      }
      const hex = ch(next) + ch(next + 1);
      if (!/^[0-9A-Fa-f]{2}$/.test(hex)) fail('invalid escape sequence \\x');
      return { cp: parseInt(hex, 16), next: next + 2 };
    }
    if (e >= '0' && e <= '7') {
      // \1..\7 not followed by another octal digit would be a backreference, which Go rejects.
      if (e !== '0' && !(ch(next) >= '0' && ch(next) <= '7')) fail(`invalid escape sequence \\${e}`);
      let v = 0;
      let j = k + 1;
      for (let d = 0; d < 3 && ch(j) >= '0' && ch(j) <= '7'; d++, j++) v = v * 8 + (cps[j] - 0x30);
      return { cp: v, next: j };
    }
    const simple: Record<string, number> = { a: 7, f: 12, t: 9, n: 10, r: 13, v: 11 };
    if (simple[e] !== undefined) return { cp: simple[e], next };
    if (!inClass) {
      if (e === 'A') return { text: '(?<![\\s\\S])', next };
      if (e === 'z') return { text: '(?![\\s\\S])', next };
      if (e === 'b' || e === 'B') return { text: '\\' + e, next };
    }
    const cp = cps[k + 1];
    if (cp < 0x80 && !/[0-9A-Za-z]/.test(e)) return { cp, next }; // escaped punctuation
    return fail(`invalid escape sequence \\${e}`);
  };

  const quantifier = (q: string, k: number): { text: string; next: number } => {
    let lazy = false;
    let next = k;
    if (ch(next) === '?') {
      lazy = true;
      next++;
    }
    if (flags.U) lazy = !lazy;
    return { text: q + (lazy ? '?' : ''), next };
  };

  while (i < n) {
    const c = ch(i);
    switch (c) {
      case '\\': {
        if (ch(i + 1) === 'Q') {
          let j = i + 2;
          while (j < n && !(ch(j) === '\\' && ch(j + 1) === 'E')) out += literal(cps[j++]);
          i = j < n ? j + 2 : n;
          break;
        }
        const esc = readEscape(i, false);
        if (esc.text !== undefined) out += esc.text;
        else if (esc.ranges) out += `[${classRanges(esc.ranges)}]`;
        else out += literal(esc.cp!);
        i = esc.next;
        break;
      }
      case '.':
        out += flags.s ? '[\\s\\S]' : '[^\\n]';
        i++;
        break;
      case '^':
        out += flags.m ? '(?:^|(?<=\\n))' : '^';
        i++;
        break;
      case '$':
        out += flags.m ? '(?=\\n|$)' : '$';
        i++;
        break;
      case '*':
      case '+':
      case '?': {
        const q = quantifier(c, i + 1);
        out += q.text;
        i = q.next;
        break;
      }
      case '{': {
        const m = /^\{(\d+)(,(\d*))?\}/.exec(String.fromCodePoint(...cps.slice(i, i + 24)));
        if (m && Number(m[1]) <= 1000 && (m[3] === undefined || m[3] === '' || Number(m[3]) <= 1000)) {
          if (m[3] !== undefined && m[3] !== '' && Number(m[3]) < Number(m[1])) fail('invalid repeat count');
          const q = quantifier(m[0], i + m[0].length);
          out += q.text;
          i = q.next;
        } else {
          out += '\\{';
          i++;
        }
        break;
      }
      case '}':
      case ']':
        out += '\\' + c;
        i++;
        break;
      case '(': {
        stack.push({ ...flags });
        if (ch(i + 1) !== '?') {
          out += '(';
          i++;
          break;
        }
        const rest = String.fromCodePoint(...cps.slice(i, i + 64));
        const named = /^\(\?P?<([A-Za-z0-9_]+)>/.exec(rest);
        const flagGroup = /^\(\?([imsU]*(?:-[imsU]*)?)([:)])/.exec(rest);
        if (named) {
          out += `(?<${named[1]}>`;
          i += named[0].length;
        } else if (flagGroup && flagGroup[1] !== '' && flagGroup[1] !== '-') {
          // (?flags) changes the flags to the end of the enclosing group, (?flags:re) inside it.
          // s, m and U are applied while translating; i only works for the whole pattern.
          if (flagGroup[2] === ')') stack.pop(); // not a group: nothing to restore
          let on = true;
          for (const f of flagGroup[1]) {
            if (f === '-') on = false;
            else flags[f as keyof Flags] = on;
          }
          if (flags.i !== globalI) fail('(?i) after the start of the pattern is not supported');
          if (flagGroup[2] === ':') out += '(?:';
          i += flagGroup[0].length;
        } else if (rest.startsWith('(?:')) {
          out += '(?:';
          i += 3;
        } else {
          fail('invalid or unsupported group');
        }
        break;
      }
      case ')': {
        const saved = stack.pop();
        if (!saved) fail('unexpected )');
        Object.assign(flags, saved);
        out += ')';
        i++;
        break;
      }
      case '|':
        out += '|';
        i++;
        break;
      case '[': {
        let j = i + 1;
        let negate = false;
        if (ch(j) === '^') {
          negate = true;
          j++;
        }
        let body = '';
        let first = true;
        for (;;) {
          if (j >= n) fail('missing closing ]');
          const d = ch(j);
          if (d === ']' && !first) {
            j++;
            break;
          }
          first = false;
          if (d === '[' && ch(j + 1) === ':') {
            const m = /^\[:(\^?)([a-z]+):\]/.exec(String.fromCodePoint(...cps.slice(j, j + 16)));
            if (m && POSIX_CLASSES[m[2]]) {
              body += classRanges(m[1] ? complement(POSIX_CLASSES[m[2]]) : POSIX_CLASSES[m[2]]);
              j += m[0].length;
              continue;
            }
            fail('invalid character class range');
          }
          // One class atom: an escape or a character, possibly the start of a range.
          let lo: number;
          if (d === '\\') {
            const esc = readEscape(j, true);
            j = esc.next;
            if (esc.text !== undefined) {
              body += esc.text;
              continue;
            }
            if (esc.ranges) {
              body += classRanges(esc.ranges);
              continue;
            }
            lo = esc.cp!;
          } else {
            lo = cps[j++];
          }
          if (ch(j) === '-' && j + 1 < n && ch(j + 1) !== ']') {
            let hi: number;
            if (ch(j + 1) === '\\') {
              const esc = readEscape(j + 1, true);
              if (esc.cp === undefined) fail('invalid character class range');
              hi = esc.cp!;
              j = esc.next;
            } else {
              hi = cps[j + 1];
              j += 2;
            }
            if (hi < lo) fail('invalid character class range');
            body += `${classChar(lo)}-${classChar(hi)}`;
          } else {
            body += classChar(lo);
          }
        }
        out += `[${negate ? '^' : ''}${body}]`;
        i = j;
        break;
      }
      default:
        out += literal(cps[i]);
        i++;
    }
  }
  try {
    return new RegExp(out, flags.i ? 'iu' : 'u');
  } catch (e) {
    throw new GoRegexpError(`cannot translate Go regexp ${JSON.stringify(pattern)}: ${(e as Error).message}`);
  }
}
