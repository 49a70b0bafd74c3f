/**
 * One window of the wire dump document: the lines `go-trace wire` prints, from an event's offset
 * on, WINDOW_LINES of them at most, read from the file where they are (a v2 trace through Go's
 * raw reader opened there, a v1 trace a chunk at a time), with the map from byte offsets to the
 * document's lines. A whole dump of a large trace is too long for an editor and too slow to
 * build; a window is quick wherever it is.
 *
 * Line 0 says what the window holds (which bytes, which generation, what comes before and
 * after); the events start on line 1 and take the lines wireLineCount gives. A window that stops
 * before the dump's end ends with a line saying where it was cut and what follows; one that the
 * reader's error ended, with that error. A window holding the whole dump is the old document:
 * the header line, then exactly Go's dump.
 */
import { formatV1RawEvent, RawReader, scanV1From, WireError, type ByteSource, type RawEvent } from '../../parser/index.js';
import { rawEventText, v1WireLineCount, WireLineMap, wireLineCount } from './wireDumpText.js';

/** Lines of events a window holds at most: an editor stays quick, and the text comes in a blink. */
export const WINDOW_LINES = 50_000;

/** What the window builder needs of the trace's header. */
export interface WireFormat {
  /** 'v1' reads the v1 raw events; anything else goes through Go's raw reader (which refuses what it cannot read). */
  kind: string;
  version: number;
  /** Where the events start (0 when the header could not be read). */
  headerSize: number;
}

export interface WireWindowOptions {
  fileName: string;
  /** An event's offset (or the header's end, or less: the dump's start). */
  start: number;
  /** Build the text (false: only the offset → line map, to place a problem). */
  withText: boolean;
  maxLines?: number;
  /** The generation number holding a byte, for line 0. */
  generationAt?: (offset: number) => number | undefined;
}

export interface WireWindow {
  text: string;
  map: WireLineMap;
  /** The offset of its first event (the header's end for the dump's start). */
  start: number;
  /** True when it starts where the dump starts. */
  atStart: boolean;
  /** The offset of the first event it does not show, when it was cut before the dump's end. */
  cutAt?: number;
  /** Go's error text (with its offset) when the reader stopped on an error in the window. */
  error?: string;
  /** Lines of the document, header and cut line included. */
  lineCount: number;
}

/** A window as it is built: each event's first line in the map, its text, the cut, the error. */
class WindowBuilder {
  readonly map = new WireLineMap();
  private readonly parts: string[] = [];
  private line = 1;
  cutAt: number | undefined;
  error: string | undefined;
  errorAt: number | undefined;
  /** Offset of the first event shown. */
  first: number | undefined;

  constructor(
    private readonly withText: boolean,
    private readonly maxLines: number,
  ) {}

  /** Adds an event of `lines` lines (its text made only if wanted); false once the window is full. */
  add(offset: number, lines: number, text: () => string): boolean {
    if (this.line > this.maxLines) {
      this.cutAt = offset;
      return false;
    }
    this.first ??= offset;
    this.map.add(offset, this.line);
    this.line += lines;
    if (this.withText) this.parts.push(text());
    return true;
  }

  /** The reader stopped with this message at this offset: the window's last line. */
  fail(message: string, offset: number): void {
    this.error = `${message} (at byte ${offset})`;
    this.map.add(offset, this.line);
    this.line++;
    this.errorAt = offset;
    if (this.withText) this.parts.push(`# error: ${this.error}`);
  }

  finish(header: string, o: { start: number; atStart: boolean }): WireWindow {
    let lineCount = this.line;
    const lines = [header, ...this.parts];
    if (this.cutAt !== undefined) {
      lines.push(`# CUT here, at byte ${this.cutAt}: the dump goes on from this byte in the next window ("Show later events" above this line)`);
      lineCount++;
    }
    const w: WireWindow = { text: this.withText ? lines.join('\n') + '\n' : '', map: this.map, start: o.start, atStart: o.atStart, lineCount };
    if (this.cutAt !== undefined) w.cutAt = this.cutAt;
    if (this.error !== undefined) w.error = this.error;
    return w;
  }
}

/** Builds the window of `source`'s dump that starts at `options.start`. Bad input ends it with the reader's error. */
export async function buildWireWindow(source: ByteSource, format: WireFormat, options: WireWindowOptions): Promise<WireWindow> {
  const start = Math.max(options.start, format.headerSize);
  const atStart = start <= format.headerSize;
  const b = new WindowBuilder(options.withText, options.maxLines ?? WINDOW_LINES);
  if (format.kind === 'v1') await readV1(source, format.version, start, b);
  else await readV2(source, start, b);
  const size = `${options.fileName} (${source.size} bytes)`;
  const stopped = (reader: string): string => (b.error !== undefined ? `; the ${reader} stopped: ${b.error}` : '');
  const v1 = format.kind === 'v1';
  const reader = v1 ? 'v1 reader' : 'raw reader';
  const how = v1
    ? `in file order as 'go-trace wire' prints them ('go tool trace -d=wire' refuses v1 traces)`
    : `as 'go tool trace -d=wire' prints them`;
  let header: string;
  if (atStart && b.cutAt === undefined) {
    // The whole dump: the document as it always was.
    header = v1
      ? `# go-trace wire ${size}: a go 1.${format.version} (v1) trace, every raw event in file order as 'go-trace wire' prints it ('go tool trace -d=wire' refuses v1 traces)`
      : `# go-trace wire ${size}: every raw event as 'go tool trace -d=wire' prints it`;
  } else {
    const from = b.first ?? start;
    const end = b.cutAt ?? b.errorAt ?? source.size;
    const genFrom = options.generationAt?.(from);
    const genTo = options.generationAt?.(Math.max(from, end - 1)) ?? genFrom;
    header =
      `# go-trace wire ${size}, one window of the dump: the raw events from byte ${from} to byte ${end}` +
      (genFrom === undefined ? '' : genTo === genFrom ? ` (generation ${genFrom})` : ` (generations ${genFrom} to ${genTo})`) +
      (v1 ? ` of a go 1.${format.version} (v1) trace` : '') +
      ` ${how}; ` +
      (atStart ? 'the dump starts here' : 'earlier events are in the window before ("Show earlier events" above)') +
      (b.cutAt !== undefined ? ', later ones in the window after (the last line)' : '; the dump ends here');
  }
  return b.finish(header + stopped(reader), { start, atStart });
}

async function readV2(source: ByteSource, start: number, b: WindowBuilder): Promise<void> {
  try {
    const reader = await RawReader.openAt(source, start, { chunkSize: 1 << 18 });
    for (;;) {
      let ev: RawEvent | null | undefined = reader.nextSync();
      if (ev === undefined) ev = await reader.next();
      if (ev === null) break;
      const e = ev;
      if (!b.add(e.offset, wireLineCount(e), () => rawEventText(e))) break;
    }
  } catch (e) {
    if (!(e instanceof WireError)) throw e;
    b.fail(e.message, e.offset);
  }
}

async function readV1(source: ByteSource, version: number, start: number, b: WindowBuilder): Promise<void> {
  const r = await scanV1From(source, start, version, (ev) => b.add(ev.offset, v1WireLineCount(ev), () => formatV1RawEvent(ev)));
  if (r.error) b.fail(r.error.message, r.error.offset);
}
