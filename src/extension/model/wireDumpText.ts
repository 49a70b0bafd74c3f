/**
 * The "Show Wire Dump" document: what `go-trace wire` (Go's `go tool trace -d=wire`) prints for a
 * trace, plus a map from byte offsets to lines, so problem links and "Go to Byte Offset" land on
 * the line of the raw event that holds the byte.
 *
 * Line 0 is a comment saying what the document is (and where it was cut, if it was); the events
 * start on line 1. An event takes 1 line, plus one per stack frame, plus one for its data: the
 * same count whether or not the text is built, so the worker can compute problem lines without
 * building the text.
 */
import { formatRawEvent, formatV1RawEvent, newRawEvent, openTrace, RawReader, readWhole, v1SizeProblem, V1Error, V1Ev, V1Scanner, WireError, type ByteSource, type RawEvent, type V1RawEvent } from '../../parser/index.js';

/** Lines of events shown at most: past this a text editor gets slow, and nobody reads it. */
export const MAX_WIRE_DUMP_LINES = 400_000;

export interface WireDumpOptions {
  /** Build the text (false: only the offset → line map). */
  withText: boolean;
  fileName: string;
  maxLines?: number;
}

export class WireLineMap {
  /** File offset of each event, ascending, and the line its text starts on. */
  private offsets: number[] = [];
  private lines: number[] = [];

  add(offset: number, line: number): void {
    this.offsets.push(offset);
    this.lines.push(line);
  }

  /** The line of the last event starting at or before `offset`; 0 (the header line) before the first. */
  lineOf(offset: number): number {
    let lo = 0;
    let hi = this.offsets.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      if (this.offsets[mid] <= offset) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return found < 0 ? 0 : this.lines[found];
  }

  /** The byte offset of the event shown on a line (or the nearest one above it). */
  offsetOfLine(line: number): number | undefined {
    let found: number | undefined;
    for (let i = 0; i < this.lines.length && this.lines[i] <= line; i++) found = this.offsets[i];
    return found;
  }
}

export interface WireDump {
  text: string;
  map: WireLineMap;
  /** Byte offset where the dump was cut for length, if it was. */
  cutAt?: number;
  /** Go's error text, when the raw reader stopped on an error. */
  error?: string;
}

/** Lines an event takes in the dump (see the file comment). */
export function wireLineCount(ev: RawEvent): number {
  if (ev.deferred) return 2;
  const frames = ev.spec.isStack ? Math.max(0, (ev.args.length - ev.spec.args.length) >> 2) : 0;
  return 1 + frames + (ev.data !== null ? 1 : 0);
}

function eventText(ev: RawEvent): string {
  if (!ev.deferred) return formatRawEvent(ev);
  // An event too large to hold in memory (a huge stack or data): its header and a note, 2 lines.
  const header = formatRawEvent({ ...ev, deferred: null, data: null, args: ev.args.slice(0, ev.spec.args.length) });
  const what = ev.deferred.kind === 'frames' ? `${ev.deferred.count} frames` : `${ev.deferred.count} data bytes`;
  return `${header}\n\t(${what} at byte ${ev.deferred.offset} not shown: too large)`;
}

/**
 * A dump as it is built, for either format: each event's first line in the offset map, its text,
 * the cut after maxLines lines, the reader's error as a last line, and the header saying so.
 */
class DumpBuilder {
  private readonly map = new WireLineMap();
  private readonly parts: string[] = [];
  private line = 1;
  private cutAt: number | undefined;
  private error: string | undefined;
  private readonly maxLines: number;

  constructor(private readonly options: WireDumpOptions) {
    this.maxLines = options.maxLines ?? MAX_WIRE_DUMP_LINES;
  }

  /** Adds an event of `lines` lines (its text made only if wanted); false once the dump is cut. */
  add(offset: number, lines: number, text: () => string): boolean {
    if (this.line > this.maxLines) {
      this.cutAt = offset;
      return false;
    }
    this.map.add(offset, this.line);
    this.line += lines;
    if (this.options.withText) this.parts.push(text());
    return true;
  }

  /** The reader stopped with this message at this offset. */
  fail(message: string, offset: number): void {
    this.error = `${message} (at byte ${offset})`;
    this.map.add(offset, this.line);
    if (this.options.withText) this.parts.push(`# error: ${this.error}`);
  }

  /** The reader could not start (nothing read, no line for it): the header says why. */
  refuse(error: string): void {
    this.error = error;
  }

  /** The dump, its header made of `lead` and what happened; `reader` names the reader that stopped. */
  finish(lead: string, reader: string): WireDump {
    const header =
      lead +
      (this.cutAt !== undefined ? `; CUT after ${this.maxLines} lines, at byte ${this.cutAt}: later events are not shown` : '') +
      (this.error !== undefined ? `; the ${reader} stopped: ${this.error}` : '');
    const text = this.options.withText ? [header, ...this.parts].join('\n') + '\n' : '';
    const dump: WireDump = { text, map: this.map };
    if (this.cutAt !== undefined) dump.cutAt = this.cutAt;
    if (this.error !== undefined) dump.error = this.error;
    return dump;
  }
}

export async function buildWireDump(source: ByteSource, options: WireDumpOptions): Promise<WireDump> {
  const trace = await openTrace(source);
  if (trace.kind === 'v1') return buildV1WireDump(source, trace.headerSize, trace.version, options);
  const dump = new DumpBuilder(options);
  try {
    const reader = await RawReader.open(source);
    for (;;) {
      let ev = reader.nextSync();
      if (ev === undefined) ev = await reader.next();
      if (ev === null) break;
      const e = ev;
      if (!dump.add(e.offset, wireLineCount(e), () => eventText(e))) break;
    }
  } catch (e) {
    if (!(e instanceof WireError)) throw e;
    dump.fail(e.message, e.offset);
  }
  return dump.finish(`# go-trace wire ${options.fileName} (${source.size} bytes): every raw event as 'go tool trace -d=wire' prints it`, 'raw reader');
}

/** Lines a raw v1 event takes in the dump (formatV1RawEvent's text). */
export function v1WireLineCount(ev: V1RawEvent): number {
  if (ev.stringBytes) return 2;
  let n = 1;
  if (ev.type === V1Ev.Stack) for (let k = 2; k + 3 < ev.n; k += 4) n++;
  if (ev.type === V1Ev.UserLog && ev.message !== undefined) n++;
  return n;
}

/**
 * The dump of a v1 trace: its raw events in file order as `go-trace wire` prints them (Go's own
 * -d=wire refuses v1 traces). Read whole, as the v1 reader reads it, and dropped after.
 */
async function buildV1WireDump(source: ByteSource, headerSize: number, version: number, options: WireDumpOptions): Promise<WireDump> {
  const dump = new DumpBuilder(options);
  const tooLarge = v1SizeProblem(source.size);
  if (tooLarge) {
    dump.refuse(`${tooLarge.message} (at byte 0)`);
  } else {
    const scanner = new V1Scanner(await readWhole(source), headerSize, version, null);
    const ev = newRawEvent();
    try {
      while (scanner.read(0, ev)) {
        if (!dump.add(ev.offset, v1WireLineCount(ev), () => formatV1RawEvent(ev))) break;
      }
    } catch (e) {
      if (!(e instanceof V1Error)) throw e;
      dump.fail(e.message, e.offset);
    }
  }
  return dump.finish(
    `# go-trace wire ${options.fileName} (${source.size} bytes): a go 1.${version} (v1) trace, every raw event in file order as 'go-trace wire' prints it ('go tool trace -d=wire' refuses v1 traces)`,
    'v1 reader',
  );
}
