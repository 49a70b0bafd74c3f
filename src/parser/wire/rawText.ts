/**
 * Reader for the `raw` text form of a trace (Go's internal/trace/raw text format, used by the
 * parser's .test files) and its conversion to the binary wire format.
 *
 * Behaviour follows Go's raw TextReader and Writer (see ../../../../shared/FORMAT.md §8):
 * - The first line whose first token is not empty is the header `Trace Go1.NN`; nothing but
 *   spaces may follow the version on that line.
 * - Every further non-empty, non-comment line is one wire event: its spec name (from the
 *   version's slice of the table) then `name=value` arguments, exactly in spec order, values
 *   decimal uint64. Whitespace is any Unicode space. `#` starts a comment only where a token
 *   would start: a line whose first token is empty is skipped, but a `#` after an event's last
 *   argument is an error, as in Go.
 * - A `Stack` event is followed by `nframes` lines `pc=.. func=.. file=.. line=..`; an event
 *   with data (`String`, `ExperimentalBatch`) by one line `data=<Go-quoted string>`.
 * - Lines are split on "\n" with one trailing "\r" dropped; like Go's bufio.Scanner, a line of
 *   64 KiB or more is rejected ("token too long").
 *
 * Encoding: header, then per event its type byte, its spec arguments and stack frames as
 * minimal uvarints, and for data events the data length (uvarint) and the data bytes. Nothing
 * is checked beyond syntax (a wrong batch size is written as given), as in Go.
 *
 * Errors carry the 1-based line number and Go's wording (`goMessage`). This module uses no Node
 * or browser API.
 */
import { headerBytes } from '../format/version.js';
import { V2_SPECS, specsForVersion, EventSpec } from '../format/v2Events.js';
import { decodeRuneGo, decodeUtf8Go, tryGoUnquote } from '../text/goUnquote.js';
import { goQuote } from '../text/goQuote.js';

/** One event read from text. */
export interface RawTextEvent {
  /** Wire type byte. */
  readonly type: number;
  readonly name: string;
  /** Spec arguments in order; for Stack events followed by 4 values per frame (pc, func, file, line). */
  readonly args: bigint[];
  /** Trailing data of String and ExperimentalBatch events. */
  readonly data?: Uint8Array;
  /** 1-based line of the event's name. */
  readonly line: number;
}

/** A syntax error in trace text. `message` is `line N: <goMessage>` (plus a hint for a few errors). */
export class RawTextError extends Error {
  constructor(
    /** 1-based line the error is about (0 when the text has no event lines at all). */
    readonly line: number,
    /** The error as Go's raw TextReader words it. */
    readonly goMessage: string,
    hint?: string,
  ) {
    super((line > 0 ? `line ${line}: ` : '') + goMessage + (hint ? ` (${hint})` : ''));
    this.name = 'RawTextError';
  }
}

/** Versions Go's TextReader accepts in the header (v1 versions have no events there). */
const VALID_VERSIONS: ReadonlySet<number> = new Set([11, 19, 21, 22, 23, 25, 26]);

/** bufio.Scanner's default maximum token size: a line this long or longer cannot be read. */
export const MAX_LINE_BYTES = 64 * 1024;

const FRAME_FIELDS = ['pc', 'func', 'file', 'line'] as const;
const U64_MAX = (1n << 64n) - 1n;
const TWO_63 = 1n << 63n;

// ---------------------------------------------------------------------------------------------
// Character classes and Go-style quoting for messages

/** Go's unicode.IsSpace. */
export function isGoSpace(r: number): boolean {
  if (r <= 0xff) {
    return r === 0x20 || (r >= 0x09 && r <= 0x0d) || r === 0x85 || r === 0xa0;
  }
  return (
    r === 0x1680 || (r >= 0x2000 && r <= 0x200a) || r === 0x2028 || r === 0x2029 || r === 0x202f ||
    r === 0x205f || r === 0x3000
  );
}

/** Quotes bytes for a message as Go's %q does. */
function quoteForMessage(b: Uint8Array, start: number, end: number): string {
  return goQuote(b.subarray(start, end));
}

function quoteString(s: string): string {
  const b = new TextEncoder().encode(s);
  return quoteForMessage(b, 0, b.length);
}

function latin1(b: Uint8Array, start: number, end: number): string {
  let s = '';
  for (let i = start; i < end; i++) s += String.fromCharCode(b[i]);
  return s;
}

// ---------------------------------------------------------------------------------------------
// Tokens

/** A byte range [start, end) of the input. */
interface Span {
  start: number;
  end: number;
}

/** Width of the rune last decoded by runeAt (kept outside to avoid allocating per character). */
let runeWidth = 1;

/** Decodes the rune at i as Go ranges over strings (bad bytes are U+FFFD of width 1); sets runeWidth. */
function runeAt(b: Uint8Array, i: number, end: number): number {
  const c = b[i];
  if (c < 0x80) {
    runeWidth = 1;
    return c;
  }
  const d = decodeRuneGo(b, i, end);
  runeWidth = d.size;
  return d.rune;
}

/** isGoSpace for ASCII bytes, by table. */
const ASCII_SPACE = new Uint8Array(128);
for (const c of [0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20]) ASCII_SPACE[c] = 1;

/**
 * Go's readToken: skips spaces; a `#` before the token (or no token) gives an empty token and an
 * empty rest. The token ends at a space or `#`. Returns the token and the rest of the line.
 */
function readToken(b: Uint8Array, s: Span): { tok: Span; rest: Span } {
  let i = s.start;
  let tkStart = -1;
  while (i < s.end) {
    const c = b[i];
    if (c === 0x23) break;
    if (c < 0x80) {
      if (!ASCII_SPACE[c]) {
        tkStart = i;
        break;
      }
      i++;
      continue;
    }
    if (!isGoSpace(runeAt(b, i, s.end))) {
      tkStart = i;
      break;
    }
    i += runeWidth;
  }
  if (tkStart < 0) return { tok: { start: s.end, end: s.end }, rest: { start: s.end, end: s.end } };
  while (i < s.end) {
    const c = b[i];
    if (c < 0x80) {
      if (ASCII_SPACE[c] || c === 0x23) return { tok: { start: tkStart, end: i }, rest: { start: i, end: s.end } };
      i++;
      continue;
    }
    if (isGoSpace(runeAt(b, i, s.end))) {
      return { tok: { start: tkStart, end: i }, rest: { start: i, end: s.end } };
    }
    i += runeWidth;
  }
  return { tok: { start: tkStart, end: s.end }, rest: { start: s.end, end: s.end } };
}

function allSpace(b: Uint8Array, s: Span): boolean {
  let i = s.start;
  while (i < s.end) {
    if (!isGoSpace(runeAt(b, i, s.end))) return false;
    i += runeWidth;
  }
  return true;
}

/** Go's strings.TrimSpace over a byte range. */
function trimSpace(b: Uint8Array, s: Span): Span {
  let start = s.start;
  let end = s.end;
  while (start < end) {
    if (!isGoSpace(runeAt(b, start, end))) break;
    start += runeWidth;
  }
  // Trim from the end, rune by rune (Go's DecodeLastRune); only well-formed spaces count.
  while (end > start) {
    const c = b[end - 1];
    if (c < 0x80) {
      if (!isGoSpace(c)) break;
      end--;
      continue;
    }
    let found = false;
    for (let w = 2; w <= 4 && end - w >= start; w++) {
      const d = decodeRuneGo(b, end - w, end);
      if (d.size === w) {
        if (isGoSpace(d.rune)) {
          end -= w;
          found = true;
        }
        break;
      }
    }
    if (!found) break;
  }
  return { start, end };
}

/** strconv.ParseUint(s, 10, 64), scanning digits in order as Go does to tell syntax from range errors. */
function parseUint64(b: Uint8Array, s: Span): { ok: true; value: bigint } | { ok: false; kind: 'invalid syntax' | 'value out of range' } {
  if (s.end === s.start) return { ok: false, kind: 'invalid syntax' };
  // Fast path: up to 15 digits fit a double exactly.
  if (s.end - s.start <= 15) {
    let v = 0;
    for (let i = s.start; i < s.end; i++) {
      const d = b[i] - 0x30;
      if (d < 0 || d > 9) return { ok: false, kind: 'invalid syntax' };
      v = v * 10 + d;
    }
    return { ok: true, value: BigInt(v) };
  }
  let v = 0n;
  for (let i = s.start; i < s.end; i++) {
    const d = b[i] - 0x30;
    if (d < 0 || d > 9) return { ok: false, kind: 'invalid syntax' };
    v = v * 10n + BigInt(d);
    if (v > U64_MAX) return { ok: false, kind: 'value out of range' };
  }
  return { ok: true, value: v };
}

function indexOfByte(b: Uint8Array, c: number, s: Span): number {
  for (let i = s.start; i < s.end; i++) if (b[i] === c) return i;
  return -1;
}

function formatArgs(args: readonly bigint[]): string {
  return '[' + args.join(' ') + ']';
}

// ---------------------------------------------------------------------------------------------
// Reader

/** Streaming reader over trace text, one event per call, like Go's raw TextReader. */
export class RawTextReader {
  private readonly b: Uint8Array;
  private pos = 0;
  private lineNo = 0;
  /** Trace format version from the header. */
  readonly version: number;
  private readonly specs: readonly EventSpec[];
  private readonly names: Map<string, number>;

  /** Reads the header line; throws RawTextError if it is missing or malformed. */
  constructor(input: Uint8Array | string) {
    this.b = typeof input === 'string' ? new TextEncoder().encode(input) : input;
    const line = this.nextLine();
    if (!line) throw new RawTextError(0, 'EOF', 'the text has no "Trace Go1.NN" header line');
    const b = this.b;
    const fail = (msg: string) => new RawTextError(this.lineNo, msg);
    const t1 = readToken(b, line);
    if (latin1(b, t1.tok.start, t1.tok.end) !== 'Trace') throw fail('failed to parse header');
    const t2 = readToken(b, t1.rest);
    const gover = t2.tok;
    const prefix = 'Go1.';
    if (gover.end - gover.start < prefix.length || latin1(b, gover.start, gover.start + prefix.length) !== prefix) {
      throw fail('failed to parse header Go version');
    }
    const numSpan = { start: gover.start + prefix.length, end: gover.end };
    const parsed = parseUint64(b, numSpan);
    if (!parsed.ok) {
      throw fail(`failed to parse header Go version: strconv.ParseUint: parsing ${quoteForMessage(b, numSpan.start, numSpan.end)}: ${parsed.kind}`);
    }
    // Go stores the version in a uint32.
    const v = Number(BigInt.asUintN(32, parsed.value));
    if (!VALID_VERSIONS.has(v)) throw fail(`unknown or unsupported Go version 1.${v}`);
    if (!allSpace(b, t2.rest)) {
      throw fail(`encountered unexpected non-space at the end of the header: ${quoteForMessage(b, t2.rest.start, t2.rest.end)}`);
    }
    this.version = v;
    // v1 versions are valid in the header but define no events in this format.
    this.specs = v >= 22 ? specsForVersion(v) : [];
    this.names = new Map();
    this.specs.forEach((spec, i) => {
      if (spec.name !== '') this.names.set(spec.name, i);
    });
  }

  /** Line number of the last line read (1-based). */
  get line(): number {
    return this.lineNo;
  }

  /** Reads the next event; undefined at the end of the text. Throws RawTextError. */
  next(): RawTextEvent | undefined {
    const line = this.nextLine();
    if (!line) return undefined;
    const b = this.b;
    const eventLine = this.lineNo;
    const { tok, rest } = readToken(b, line);
    const evName = latin1(b, tok.start, tok.end);
    const type = this.names.get(evName);
    if (type === undefined) {
      throw new RawTextError(eventLine, `unidentified event: ${decodeUtf8Go(b, tok.start, tok.end)}`);
    }
    const spec = this.specs[type];
    let args: bigint[];
    try {
      args = this.readArgs(rest, spec.args);
    } catch (e) {
      if (e instanceof ArgError) throw new RawTextError(eventLine, `reading args for ${evName}: ${e.message}`);
      throw e;
    }
    if (spec.isStack) {
      // Go converts the count to a signed int: a count of 2^63 or more reads no frame lines.
      const count = args[1] >= TWO_63 ? 0n : args[1];
      for (let i = 0n; i < count; i++) {
        const frameLine = this.nextLine();
        if (!frameLine) {
          throw new RawTextError(eventLine, `unexpected EOF while reading stack: args=${formatArgs(args)}`);
        }
        try {
          args.push(...this.readArgs(frameLine, FRAME_FIELDS));
        } catch (e) {
          if (e instanceof ArgError) throw new RawTextError(this.lineNo, e.message);
          throw e;
        }
      }
    }
    let data: Uint8Array | undefined;
    if (spec.hasData) {
      const dataLine = this.nextLine();
      if (!dataLine) {
        throw new RawTextError(eventLine, `unexpected EOF while reading data for ${evName}: args=${formatArgs(args)}`);
      }
      data = this.readData(dataLine);
    }
    return data === undefined ? { type, name: evName, args, line: eventLine } : { type, name: evName, args, data, line: eventLine };
  }

  /** The next line whose first token is not empty (skipping blank and comment lines), or undefined at the end. */
  private nextLine(): Span | undefined {
    const b = this.b;
    while (this.pos < b.length) {
      let nl = b.indexOf(0x0a, this.pos);
      const hasNewline = nl >= 0;
      if (!hasNewline) nl = b.length;
      this.lineNo++;
      if (nl - this.pos >= MAX_LINE_BYTES) {
        throw new RawTextError(this.lineNo, 'bufio.Scanner: token too long', `the line is ${nl - this.pos} bytes; Go's reader takes at most ${MAX_LINE_BYTES - 1}`);
      }
      let end = nl;
      if (end > this.pos && b[end - 1] === 0x0d) end--;
      const line = { start: this.pos, end };
      this.pos = hasNewline ? nl + 1 : b.length;
      const { tok } = readToken(b, line);
      if (tok.end > tok.start) return line;
    }
    return undefined;
  }

  private readArgs(s: Span, names: readonly string[]): bigint[] {
    const b = this.b;
    const args: bigint[] = [];
    let rest = s;
    for (const name of names) {
      const { tok, rest: after } = readToken(b, rest);
      if (tok.end === tok.start) throw new ArgError('no argument');
      const eq = indexOfByte(b, 0x3d, tok);
      if (eq < 0) throw new ArgError(`malformed argument: ${quoteForMessage(b, tok.start, tok.end)}`);
      const argName = latin1(b, tok.start, eq);
      const valueSpan = { start: eq + 1, end: tok.end };
      const value = parseUint64(b, valueSpan);
      if (!value.ok) {
        throw new ArgError(`failed to parse argument value ${quoteForMessage(b, valueSpan.start, valueSpan.end)} for arg ${quoteForMessage(b, tok.start, eq)}`);
      }
      if (argName !== name) {
        throw new ArgError(`expected argument ${quoteString(name)}, but got ${quoteForMessage(b, tok.start, eq)}`);
      }
      args.push(value.value);
      rest = after;
    }
    if (!allSpace(b, rest)) {
      throw new ArgError(`encountered unexpected non-space at the end of an event: ${quoteForMessage(b, rest.start, rest.end)}`);
    }
    return args;
  }

  private readData(line: Span): Uint8Array {
    const b = this.b;
    const eq = indexOfByte(b, 0x3d, line);
    const key = eq < 0 ? undefined : trimSpace(b, { start: line.start, end: eq });
    if (eq < 0 || !key || latin1(b, key.start, key.end) !== 'data') {
      throw new RawTextError(this.lineNo, `malformed data: ${quoteForMessage(b, line.start, line.end)}`);
    }
    const v = trimSpace(b, { start: eq + 1, end: line.end });
    const data = tryGoUnquote(b.subarray(v.start, v.end));
    if (data === undefined) {
      throw new RawTextError(this.lineNo, `failed to parse data: ${quoteForMessage(b, line.start, line.end)}: invalid syntax`);
    }
    return data;
  }
}

/** An argument error, reported with the event or frame line by the caller. */
class ArgError extends Error {}

// ---------------------------------------------------------------------------------------------
// Writer

/** A growable byte buffer. */
class ByteBuffer {
  private buf = new Uint8Array(256);
  length = 0;

  private reserve(n: number): void {
    if (this.length + n <= this.buf.length) return;
    let cap = this.buf.length * 2;
    while (cap < this.length + n) cap *= 2;
    const next = new Uint8Array(cap);
    next.set(this.buf.subarray(0, this.length));
    this.buf = next;
  }

  byte(v: number): void {
    this.reserve(1);
    this.buf[this.length++] = v;
  }

  bytes(v: Uint8Array): void {
    this.reserve(v.length);
    this.buf.set(v, this.length);
    this.length += v.length;
  }

  /** Minimal uvarint. */
  uvarint(v: bigint | number): void {
    this.reserve(10);
    if (typeof v === 'number' || v < 0x100000000n) {
      let n = Number(v);
      while (n >= 0x80) {
        this.buf[this.length++] = (n & 0x7f) | 0x80;
        n = Math.floor(n / 128);
      }
      this.buf[this.length++] = n;
      return;
    }
    let x = v;
    while (x >= 0x80n) {
      this.buf[this.length++] = Number(x & 0x7fn) | 0x80;
      x >>= 7n;
    }
    this.buf[this.length++] = Number(x);
  }

  result(): Uint8Array {
    return this.buf.slice(0, this.length);
  }
}

/** An event to encode: its type, arguments (spec args then stack frames) and data. */
export interface EncodableEvent {
  readonly type: number;
  readonly args: readonly bigint[];
  readonly data?: Uint8Array;
}

/** Result of encoding: the bytes and, per event, the offset of its type byte. */
export interface EncodedTrace {
  readonly bytes: Uint8Array;
  readonly offsets: number[];
}

/**
 * Encodes events as Go's raw Writer does: the header for `version`, then per event its type
 * byte, minimal uvarint arguments (all of them for Stack events, frames included), and for
 * data events the uvarint length and the bytes.
 */
export function encodeRawEvents(version: number, events: Iterable<EncodableEvent>): EncodedTrace {
  const out = new ByteBuffer();
  out.bytes(headerBytes(version));
  const offsets: number[] = [];
  for (const ev of events) {
    const spec: EventSpec | undefined = V2_SPECS[ev.type];
    if (!spec || spec.name === '') throw new RangeError(`no v2 event type ${ev.type}`);
    offsets.push(out.length);
    out.byte(ev.type);
    const n = spec.isStack ? ev.args.length : spec.args.length;
    if (ev.args.length < n) throw new RangeError(`${spec.name}: expected ${n} arguments, got ${ev.args.length}`);
    for (let i = 0; i < n; i++) out.uvarint(ev.args[i]);
    if (spec.hasData) {
      const data = ev.data ?? new Uint8Array(0);
      out.uvarint(data.length);
      out.bytes(data);
    }
  }
  return { bytes: out.result(), offsets };
}

/** Reads all events of a text trace. Throws RawTextError. */
export function readRawText(input: Uint8Array | string): { version: number; events: RawTextEvent[] } {
  const reader = new RawTextReader(input);
  const events: RawTextEvent[] = [];
  for (let ev = reader.next(); ev; ev = reader.next()) events.push(ev);
  return { version: reader.version, events };
}

/** Converts a text trace to its binary form. Throws RawTextError on a syntax error. */
export function rawTextToBinary(input: Uint8Array | string): Uint8Array {
  const { version, events } = readRawText(input);
  return encodeRawEvents(version, events).bytes;
}
