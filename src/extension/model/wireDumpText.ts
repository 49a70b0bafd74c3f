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
import type { ByteSource } from '../../parser/index.js';
import { RawReader, WireError, type RawEvent } from '../../parser/wire/rawReader.js';
import { formatRawEvent } from '../../parser/wire/wireDump.js';

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

export async function buildWireDump(source: ByteSource, options: WireDumpOptions): Promise<WireDump> {
  const maxLines = options.maxLines ?? MAX_WIRE_DUMP_LINES;
  const map = new WireLineMap();
  const parts: string[] = [];
  let line = 1;
  let cutAt: number | undefined;
  let error: string | undefined;
  try {
    const reader = await RawReader.open(source);
    for (;;) {
      let ev = reader.nextSync();
      if (ev === undefined) ev = await reader.next();
      if (ev === null) break;
      if (line > maxLines) {
        cutAt = ev.offset;
        break;
      }
      map.add(ev.offset, line);
      line += wireLineCount(ev);
      if (options.withText) parts.push(eventText(ev));
    }
  } catch (e) {
    if (!(e instanceof WireError)) throw e;
    error = `${e.message} (at byte ${e.offset})`;
    map.add(e.offset, line);
    if (options.withText) parts.push(`# error: ${error}`);
  }
  const header =
    `# go-trace wire ${options.fileName} (${source.size} bytes): every raw event as 'go tool trace -d=wire' prints it` +
    (cutAt !== undefined ? `; CUT after ${maxLines} lines, at byte ${cutAt}: later events are not shown` : '') +
    (error !== undefined ? `; the raw reader stopped: ${error}` : '');
  const text = options.withText ? [header, ...parts].join('\n') + '\n' : '';
  const dump: WireDump = { text, map };
  if (cutAt !== undefined) dump.cutAt = cutAt;
  if (error !== undefined) dump.error = error;
  return dump;
}
