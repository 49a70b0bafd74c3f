/**
 * A Go 1.26 trace made at test time whose strings are hostile: one per category of character a
 * viewer must never show raw (bidi controls, zero-width and format characters, separators, C0 and
 * C1 controls, an encoded surrogate, a byte that is not UTF-8, combining marks alone). Each string
 * is a task's name, a region's name, a log's message, a function name and part of a file path.
 * `quoted` is what Go's strconv.Quote prints for it, written out by hand.
 */
import { GoStatus, ProcStatus, TraceWriter, type Frame } from './traceWriter.js';
import { V1TraceWriter } from './v1TraceWriter.js';

export interface HostileString {
  /** What the category is, for test titles. */
  category: string;
  bytes: Uint8Array;
  /** Go's strconv.Quote of the bytes. */
  quoted: string;
  /** A character that must never reach the page raw ('' when the category has none). */
  raw: string;
}

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
const h = (category: string, bytes: Uint8Array, quoted: string, raw: string): HostileString => ({ category, bytes, quoted, raw });

export const HOSTILE: readonly HostileString[] = [
  h('bidi override U+202E', utf8('evil\u202Egnp.exe'), '"evil\\u202egnp.exe"', '\u202E'),
  h('bidi isolate U+2066', utf8('a\u2066b\u2069c'), '"a\\u2066b\\u2069c"', '\u2066'),
  h('zero width U+200B', utf8('zero\u200Bwidth'), '"zero\\u200bwidth"', '\u200B'),
  h('byte order mark U+FEFF', utf8('\uFEFFbom'), '"\\ufeffbom"', '\uFEFF'),
  h('line separator U+2028', utf8('line\u2028sep'), '"line\\u2028sep"', '\u2028'),
  h('C1 control U+0085', utf8('c1\u0085x'), '"c1\\u0085x"', '\u0085'),
  h('encoded lone surrogate', Uint8Array.of(0x73, 0xed, 0xa0, 0x80), '"s\\xed\\xa0\\x80"', ''),
  h('C0 controls NUL ESC', utf8('nul\x00esc\x1b[31m'), '"nul\\x00esc\\x1b[31m"', '\x1b'),
  h('invalid UTF-8 0xFF', Uint8Array.of(0x61, 0xff, 0x62), '"a\\xffb"', ''),
  h('combining marks only', utf8('\u0301'.repeat(10)), '"' + '\u0301'.repeat(10) + '"', ''),
];

/** The first string ID of the hostile strings (written as raw bytes: they need not be UTF-8). */
const BASE_ID = 1000;
const fileId = (i: number): number => BASE_ID + 100 + i;

/**
 * How a frame's file path, "/src/" + the string + ".go", is shown: Go's quoted form, except for
 * the combining marks (printable, and not first: the path is shown as it is).
 */
export const hostileFileShown = (s: HostileString): string =>
  s.category === 'combining marks only' ? '/src/' + s.quoted.slice(1, -1) + '.go' : '"/src/' + s.quoted.slice(1, -1) + '.go"';

/**
 * The trace: goroutine 1 running on P 0, M 1; for string i, task i+1 (named by it) with a region
 * (named by it) and a log (category "k", message the string), each with a one-frame stack whose
 * function is the string and whose file is /src/<string>.go.
 */
export function hostileTrace(): Uint8Array {
  const w = new TraceWriter(26);
  const g = w.generation(1);
  const strings: [number, Uint8Array][] = [];
  HOSTILE.forEach((s, i) => {
    strings.push([BASE_ID + i, s.bytes]);
    strings.push([fileId(i), new Uint8Array([...utf8('/src/'), ...s.bytes, ...utf8('.go')])]);
  });
  g.strings(strings);
  const b = g.batch(1, 100).event('ProcStatus', { p: 0, pstatus: ProcStatus.Running }).event('GoStatus', [1, 1, GoStatus.Running]);
  HOSTILE.forEach((_, i) => {
    const stack: Frame[] = [{ pc: 0x1000 + i, func: BASE_ID + i, file: fileId(i), line: 10 + i }];
    const task = i + 1;
    b.event('UserTaskBegin', { dt: 10, task, parent_task: 0, name_string: BASE_ID + i, stack })
      .event('UserRegionBegin', { dt: 10, task, name_string: BASE_ID + i, stack })
      .event('UserLog', { dt: 10, task, key_string: 'k', value_string: BASE_ID + i, stack })
      .event('UserRegionEnd', { dt: 10, task, name_string: BASE_ID + i, stack })
      .event('UserTaskEnd', { dt: 10, task, stack });
  });
  return w.build().bytes;
}

/** A 64 KiB log message (a v2 trace's strings stop at 1 KiB; a v1 UserLog carries its own). */
export const LONG_MESSAGE = '\u202E' + 'm'.repeat(64 * 1024 - 1);

/** A Go 1.21 (v1) trace whose one UserLog has LONG_MESSAGE, category "k". */
export function longLogTrace(): Uint8Array {
  const w = new V1TraceWriter(21);
  w.batch(0, 100).event('ProcStart', [1, 3]).string(1, 'k').userLog(1, 0, 1, 0, LONG_MESSAGE).event('ProcStop', [1]);
  w.batch(0, 5000).frequency(1e9);
  return w.build().bytes;
}
