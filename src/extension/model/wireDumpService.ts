/**
 * The wire dump document's windows, built in the parse worker (the one thread that reads the
 * trace; the extension host only shows the text): the window a document's URI names, the window
 * around a byte (Show Wire Dump at the selected event), the window before one (Show earlier
 * events), and each problem's window and line (the Problems panel's links).
 *
 * A window starts at an event. Events are found without reading the file from its start: from
 * the nearest offset known to start one (a batch's header, a v1 checkpoint: WireBoundaries) the
 * dump is read up to the byte wanted, and the window starts the wanted number of lines above its
 * event. Reading the flat event stream from a batch's header gives the events that reading it
 * from the file's start gives, so every window's lines are those of `go-trace wire`.
 */
import { openTrace, RawReader, scanV1From, WireError, type ByteSource, type RawEvent } from '../../parser/index.js';
import type { ProblemItem } from '../../shared/protocol.js';
import { v1WireLineCount, wireLineCount } from './wireDumpText.js';
import { buildWireWindow, WINDOW_LINES, type WireFormat, type WireWindow } from './wireDumpWindow.js';

/** Offsets known to start an event, from the viewer's index of the trace. */
export interface WireBoundaries {
  /** The greatest known event start at or before `offset` (0 when none is known). */
  atOrBefore(offset: number): number;
  /** The generation number holding `offset`, if known. */
  generationAt(offset: number): number | undefined;
}

/**
 * Which window: the one starting at an event (a document's URI; an offset inside an event means
 * that event), the one showing the event holding a byte a third of the way down, or the one
 * ending just after the event before `offset` (the window before the one starting there).
 */
export interface WirePlace {
  kind: 'start' | 'around' | 'before';
  offset: number;
}

export interface WireWindowResult {
  /** Its first event's offset: the document's URI names it. */
  start: number;
  /** It starts where the dump starts (its URI names no offset). */
  atStart: boolean;
  /** Where it was cut, when the dump goes on after it (the next window starts there). */
  cutAt?: number;
  /** The document line of the place's byte (0 for a window asked for by its start). */
  line: number;
  text: string;
}

export interface WireLocation {
  start: number;
  atStart: boolean;
  line: number;
}

/** Bytes read at a time from a window's start: a window's events take a few hundred KB. */
const CHUNK = 1 << 18;

export class WireDumpService {
  private format: Promise<WireFormat> | undefined;

  constructor(
    private readonly source: ByteSource,
    private readonly fileName: string,
    private readonly boundaries: WireBoundaries,
    private readonly windowLines = WINDOW_LINES,
  ) {}

  async window(place: WirePlace): Promise<WireWindowResult> {
    const start = await this.startFor(place);
    const w = await this.build(start, true);
    const line = place.kind === 'start' ? 0 : w.map.lineOf(place.offset);
    const r: WireWindowResult = { start: w.start, atStart: w.atStart, line, text: w.text };
    if (w.cutAt !== undefined) r.cutAt = w.cutAt;
    return r;
  }

  /**
   * The window and line of each offset, for the problems: one window serves every offset it
   * shows, so a few windows serve many problems.
   */
  async locate(offsets: readonly number[]): Promise<Map<number, WireLocation>> {
    const out = new Map<number, WireLocation>();
    let w: WireWindow | undefined;
    for (const x of [...new Set(offsets)].sort((a, b) => a - b)) {
      if (!w || x < w.start || (w.cutAt !== undefined && x >= w.cutAt)) w = await this.build(await this.startFor({ kind: 'around', offset: x }), false);
      out.set(x, { start: w.start, atStart: w.atStart, line: w.map.lineOf(x) });
    }
    return out;
  }

  /** Whether the trace has a wire dump worth linking to (a v1 or v2 trace). */
  async isTrace(): Promise<boolean> {
    const f = await this.header();
    return f.kind === 'v1' || f.kind === 'v2';
  }

  private startFor(place: WirePlace): Promise<number> {
    switch (place.kind) {
      case 'start':
        return this.startAbove(place.offset, 0, 'atLeast');
      case 'around':
        return this.startAbove(place.offset, Math.floor(this.windowLines / 3), 'atLeast');
      case 'before':
        // As far up as the window still shows the event at offset and a twentieth of lines after it.
        return this.startAbove(place.offset - 1, this.windowLines - Math.max(1, Math.floor(this.windowLines / 20)), 'atMost');
    }
  }

  private build(start: number, withText: boolean): Promise<WireWindow> {
    return this.header().then((f) =>
      buildWireWindow(this.source, f, { fileName: this.fileName, start, withText, maxLines: this.windowLines, generationAt: (o) => this.boundaries.generationAt(o) }),
    );
  }

  private header(): Promise<WireFormat> {
    this.format ??= openTrace(this.source).then((t) => ({ kind: t.kind, version: t.version, headerSize: t.headerSize }));
    return this.format;
  }

  /**
   * An event above the one holding byte `x`, read from the known event start some way before x
   * keeping the last linesAbove + 1 events seen. 'atLeast': the nearest one at least linesAbove
   * lines above its first line; 'atMost': the farthest one from which the lines down to the end
   * of x's event are at most linesAbove (x's event itself if it alone is longer). Nearer when the
   * dump starts first, or when the bytes read back hold fewer lines.
   */
  private async startAbove(x: number, linesAbove: number, mode: 'atLeast' | 'atMost'): Promise<number> {
    const header = (await this.header()).headerSize;
    if (x < header) return header;
    const lookBack = Math.max(1 << 16, linesAbove * 8);
    const from = Math.max(header, this.boundaries.atOrBefore(Math.max(header, x - lookBack)));
    const cap = linesAbove + 1;
    const offsets = new Float64Array(cap);
    const lines = new Float64Array(cap);
    let n = 0;
    let line = 0;
    await this.scan(from, x, (offset, count) => {
      offsets[n % cap] = offset;
      lines[n % cap] = line;
      line += count;
      n++;
    });
    if (n === 0) return from;
    const oldest = Math.max(0, n - cap);
    if (mode === 'atMost') {
      // `line` is now where x's event ends.
      for (let k = oldest; k < n; k++) if (line - lines[k % cap] <= linesAbove) return offsets[k % cap];
      return offsets[(n - 1) % cap];
    }
    const target = lines[(n - 1) % cap];
    for (let k = n - 1; k >= oldest; k--) {
      if (target - lines[k % cap] >= linesAbove) return offsets[k % cap];
    }
    return offsets[oldest % cap];
  }

  /** Each event from `from` (an event start) whose offset is at most x, with the lines it takes; stops at a reading error. */
  private async scan(from: number, x: number, visit: (offset: number, lines: number) => void): Promise<void> {
    const f = await this.header();
    if (f.kind === 'v1') {
      await scanV1From(this.source, from, f.version, (ev) => {
        if (ev.offset > x) return false;
        visit(ev.offset, v1WireLineCount(ev));
        return true;
      });
      return;
    }
    try {
      const reader = await RawReader.openAt(this.source, from, { chunkSize: CHUNK });
      for (;;) {
        let ev: RawEvent | null | undefined = reader.nextSync();
        if (ev === undefined) ev = await reader.next();
        if (ev === null || ev.offset > x) return;
        visit(ev.offset, wireLineCount(ev));
      }
    } catch (e) {
      // The window shows the error; its offset may be inside an event, so it starts none.
      if (!(e instanceof WireError)) throw e;
    }
  }
}

/** The problems with their window and line in the wire dump (a v1 or v2 trace's), for the Problems panel's links. */
export async function withWireLines(service: WireDumpService, problems: ProblemItem[]): Promise<ProblemItem[]> {
  if (problems.length === 0) return problems;
  try {
    if (!(await service.isTrace())) return problems;
    const at = await service.locate(problems.map((p) => p.offset));
    return problems.map((p) => {
      const l = at.get(p.offset)!;
      return l.atStart ? { ...p, wireLine: l.line } : { ...p, wireLine: l.line, wireStart: l.start };
    });
  } catch {
    return problems;
  }
}
