/**
 * The streaming v2 reader: reads a trace generation by generation from a ByteSource, keeping the
 * byte offset of every batch, and reports framing and structural problems as data. It follows
 * Go's rules for generation boundaries (src/internal/trace/generation.go) and goes on past a
 * problem wherever the bytes still make sense, so nothing readable is lost.
 */
import type { ByteSource } from './bytes/byteSource.js';
import type { UvarintCursor } from './bytes/uvarint.js';
import { WindowReader } from './bytes/windowReader.js';
import { BatchKind, BatchRef, classifyBatch, MAX_BATCH_HEADER_SIZE, readBatchHeader } from './framing/batch.js';
import { findPlausibleBatch } from './framing/resync.js';
import { Ev } from './format/v2Events.js';
import { readFormatInfo, type FormatInfo, type TraceHeader } from './format/formatInfo.js';
import { decodeEventBatch, EventError } from './generation/eventDecoder.js';
import type { EventColumns } from './generation/eventColumns.js';
import { Generation } from './generation/generation.js';
import { loadStructuralBatch } from './generation/structuralBatches.js';
import { validateGeneration } from './generation/validate.js';
import type { Problem, ProblemCode, Severity } from './problems.js';
import { ProblemList, ProblemLimits } from './problemList.js';
import { severityOf } from './problemCodes.js';

export interface TraceReaderOptions {
  /** Bytes per read from the source. */
  chunkSize?: number;
  /** Most payload bytes a generation keeps in memory; past that, events are read again on demand. */
  maxRetainedBytes?: number;
  problemLimits?: ProblemLimits;
  /**
   * Where problems go as they are found, instead of the reader's own list (which then stays
   * empty): for a caller that merges them with problems found elsewhere, in its own order.
   */
  problemSink?: ProblemSink;
  /**
   * Start at this generation instead of the first: its file offset and its index in the file.
   * With a source that ends where the generation ends, one generation can be read on its own.
   */
  startAt?: { offset: number; index: number };
  /** The source's header as openTrace (or readFormatInfo) read it: not read again. */
  format?: FormatInfo;
}

export interface ProblemSink {
  add(p: Problem): void;
}

export type { TraceHeader } from './format/formatInfo.js';

const NOT_DECIDABLE_BEFORE_126 =
  'traces older than Go 1.26 have no end-of-generation marker, so a truncated trace cannot be told from a broken one';

export class TraceReader {
  readonly problems: ProblemList;
  private readonly sink: ProblemSink;
  private readonly window: WindowReader;
  private readonly cur: UvarintCursor = { value: 0, pos: 0 };
  private pos: number;
  private done = false;
  private nextIndex = 0;
  private spill: { batch: BatchRef; payload: Uint8Array } | undefined;
  private readonly seenGens = new Set<number>();
  private readonly maxRetained: number;

  private constructor(
    readonly source: ByteSource,
    readonly header: TraceHeader | undefined,
    problems: ProblemList,
    options: TraceReaderOptions,
    /** Generations end with an EndOfGeneration event (Go 1.26+). */
    private readonly endOfGeneration: boolean,
  ) {
    this.problems = problems;
    this.sink = options.problemSink ?? problems;
    this.window = new WindowReader(source, options.chunkSize);
    this.pos = header?.headerSize ?? 0;
    if (header && options.startAt) {
      this.pos = Math.max(this.pos, options.startAt.offset);
      this.nextIndex = options.startAt.index;
    }
    this.maxRetained = options.maxRetainedBytes ?? 256 << 20;
    if (!header || header.v1) this.done = true;
  }

  /** Reads the header. A file that is not a v2 trace gives a reader with a problem and no generations. */
  static async open(source: ByteSource, options: TraceReaderOptions = {}): Promise<TraceReader> {
    const problems = new ProblemList(options.problemLimits);
    const sink = options.problemSink ?? problems;
    const format = options.format ?? (await readFormatInfo(source));
    if (!format.header) {
      sink.add({ ...format.problem! });
      return new TraceReader(source, undefined, problems, options, false);
    }
    const header: TraceHeader = { ...format.header, fileSize: source.size };
    if (header.v1) {
      sink.add({
        code: 'v1-not-decoded',
        severity: 'info',
        message: `this is a Go 1.${header.version} format trace (written by ${header.goReleases}); this reader decodes Go 1.22+ traces only: the v1 reader (openEventStream, V1OrderedReader) reads this one`,
        offset: 0,
      });
    }
    return new TraceReader(source, header, problems, options, format.format!.endOfGeneration);
  }

  get version(): number {
    return this.header?.version ?? 0;
  }

  /** Bytes read so far; the file size once every generation has been read. */
  get position(): number {
    return this.pos;
  }

  /** Reads the next generation's batches and tables, or undefined after the last one. */
  async nextGeneration(): Promise<Generation | undefined> {
    if (this.done) return undefined;
    const v26 = this.endOfGeneration;
    const g = new Generation(this.nextIndex);
    g.offset = this.pos;
    let hasGen = false;
    if (this.spill) {
      const { batch, payload } = this.spill;
      this.spill = undefined;
      g.offset = batch.offset;
      g.gen = batch.gen;
      hasGen = true;
      this.addBatch(g, batch, payload);
    }
    for (;;) {
      const w = await this.window.window(this.pos, MAX_BATCH_HEADER_SIZE);
      const head = readBatchHeader(w.bytes, w.index, w.index + w.available, this.pos, this.cur);
      if (head.status === 'eof') {
        this.done = true;
        if (g.batches.length === 0) return hasGen ? this.finish(g, 'cut-short') : undefined;
        if (v26) {
          g.truncated = true;
          this.report(g, 'truncated-generation', 'warning', this.pos,
            g.eventBatchCount > 0
              ? `incomplete generation found; trace likely truncated: the file ends inside generation ${g.gen}, before its EndOfGeneration; ${readableBefore(g)}`
              : `trace likely truncated: the file ends after the first ${g.batches.length} batches of generation ${g.gen}, before its events and EndOfGeneration`);
          return this.finish(g, 'cut-short');
        }
        return this.finish(g, 'end-of-file');
      }
      if (head.status === 'end-of-generation') {
        if (!v26) {
          this.report(g, 'unexpected-end-of-generation', 'error', this.pos,
            `invalid generation number 0: byte ${Ev.EndOfGeneration} (EndOfGeneration) where a batch should start, but go 1.${this.version} traces have no end-of-generation marker`);
          return this.stop(g);
        }
        this.pos += 1;
        g.end = this.pos;
        g.ending = 'end-marker';
        return this.finish(g, 'end-marker');
      }
      if (head.status === 'error') {
        await this.reportHeaderError(g, head, v26);
        return this.stop(g);
      }
      const batch = head.batch;
      const headerSize = batch.payloadOffset - batch.offset;
      const whole = headerSize + batch.size;
      const wb = await this.window.window(this.pos, whole);
      if (wb.available < whole) {
        const read = Math.max(0, wb.available - headerSize);
        const go = `failed to read full batch: read ${read} but wanted ${batch.size}`;
        this.reportTruncation(g, batch.offset, go, `${go}: the file ends inside a batch of generation ${batch.gen}`, v26);
        return this.stop(g);
      }
      const payloadIndex = wb.index + headerSize;
      batch.kind = classifyBatch(batch.experiment, batch.size > 0 ? wb.bytes[payloadIndex] : undefined, this.version);
      const payload = wb.bytes.subarray(payloadIndex, payloadIndex + batch.size);
      this.pos += whole;

      if (batch.gen === 0) {
        this.report(g, 'invalid-generation-number', 'error', batch.offset, 'invalid generation number 0');
        return this.stop(g);
      }
      if (!hasGen) {
        hasGen = true;
        g.gen = batch.gen;
        if (v26 && this.seenGens.has(batch.gen)) {
          this.report(g, 'interleaved-generations', 'error', batch.offset,
            `broken trace: missing end-of-generation event, or generations are interleaved: a batch of generation ${batch.gen} comes after that generation ended`);
          return this.stop(g);
        }
      } else if (batch.gen !== g.gen) {
        if (!v26 && batch.gen === g.gen + 1) {
          this.spill = { batch, payload };
          return this.finish(g, 'next-generation');
        }
        if (!v26) {
          this.report(g, 'generations-out-of-order', 'error', batch.offset,
            `generations out of order: a batch of generation ${batch.gen} inside generation ${g.gen}`);
          return this.stop(g);
        }
        if (batch.gen < g.gen || this.seenGens.has(batch.gen)) {
          this.report(g, 'interleaved-generations', 'error', batch.offset,
            `broken trace: missing end-of-generation event, or generations are interleaved: a batch of generation ${batch.gen} inside generation ${g.gen}`);
          return this.stop(g);
        }
        // Most likely a lost EndOfGeneration: read on as if it had been there.
        this.report(g, 'missing-end-of-generation', 'error', batch.offset,
          `broken trace: missing end-of-generation event, or generations are interleaved: generation ${g.gen} has no EndOfGeneration before this batch of generation ${batch.gen}`);
        this.spill = { batch, payload };
        return this.finish(g, 'missing-end-marker');
      }
      this.addBatch(g, batch, payload);
    }
  }

  /**
   * Decodes every event batch of a generation into `out` (appending), recording problems.
   * Returns the number of events added. For a whole trace, prefer decodeBatch with `out` cleared
   * per batch: a generation can hold millions of events.
   */
  async decodeEvents(g: Generation, out: EventColumns): Promise<number> {
    const before = out.length;
    for (let i = 0; i < g.batches.length; i++) await this.decodeBatch(g, i, out);
    return out.length - before;
  }

  /** Decodes one batch's events into `out` (appending; nothing for a structural batch), recording problems. */
  async decodeBatch(g: Generation, index: number, out: EventColumns): Promise<number> {
    const b = g.batches[index];
    if (b.kind !== BatchKind.Events) return 0;
    const before = out.length;
    const payload = g.payloads[index] ?? (await this.source.read(b.payloadOffset, b.size));
    // A truncated generation's tables are missing: its dangling IDs are that, reported once.
    const onDangling = g.truncated ? undefined : (e: EventError) => this.reportEvent(g, e, index);
    const err = decodeEventBatch(payload, 0, payload.length, b.payloadOffset, index, b.time, g.tables, out, onDangling);
    if (err) this.reportEvent(g, err, index);
    return out.length - before;
  }

  private addBatch(g: Generation, batch: BatchRef, payload: Uint8Array): void {
    const index = g.batches.length;
    g.batches.push(batch);
    if (g.minTicks === 0 || batch.time < g.minTicks) g.minTicks = batch.time;
    if (batch.kind === BatchKind.Events) {
      g.eventBatchCount++;
      if (g.retainedBytes + payload.length <= this.maxRetained) {
        g.payloads.push(payload);
        g.retainedBytes += payload.length;
      } else {
        g.payloads.push(undefined);
      }
      return;
    }
    g.payloads.push(undefined);
    const err = loadStructuralBatch(g.tables, batch, payload, 0, this.version);
    if (err) this.sink.add({ ...err, severity: 'error', generation: g.gen, generationIndex: g.index, batch: index });
  }

  private finish(g: Generation, ending: Generation['ending']): Generation {
    g.ending = ending;
    if (g.end === 0) g.end = ending === 'next-generation' || ending === 'missing-end-marker' ? this.spill!.batch.offset : this.pos;
    if (g.batches.length === 0 && ending === 'end-marker') g.offset = g.end - 1;
    this.seenGens.add(g.gen);
    this.nextIndex++;
    const problems = validateGeneration(g, this.version);
    if (!g.truncated) for (const p of problems) this.sink.add(p);
    if (ending === 'end-of-file') this.checkLastPre126Generation(g);
    return g;
  }

  /** Ends the read after a problem, handing out what was read of the generation. */
  private stop(g: Generation): Generation | undefined {
    this.done = true;
    if (g.batches.length === 0) return undefined;
    return this.finish(g, 'cut-short');
  }

  /**
   * Before Go 1.26 the end of the file is the only end of the last generation. The runtime closes
   * every generation with its stacks and strings batches, so a last generation without them was
   * most likely cut short.
   */
  private checkLastPre126Generation(g: Generation): void {
    const has = (k: BatchKind) => g.batches.some((b) => b.kind === k);
    if (g.eventBatchCount > 0 && (!has(BatchKind.Strings) || !has(BatchKind.Stacks))) {
      this.report(g, 'possibly-truncated', 'warning', this.pos,
        `the last generation (${g.gen}) has no ${has(BatchKind.Strings) ? 'stack' : 'string'} table: the trace was likely truncated; ${NOT_DECIDABLE_BEFORE_126}`);
    }
  }

  private async reportHeaderError(g: Generation, head: Extract<ReturnType<typeof readBatchHeader>, { status: 'error' }>, v26: boolean): Promise<void> {
    switch (head.reason) {
      case 'bad-type': {
        const afterComplete = g.batches.length === 0 && this.nextIndex > 0;
        const garbage = v26 ? afterComplete : !(await findPlausibleBatch(this.window, this.pos, g.gen));
        if (garbage && (afterComplete || g.batches.length > 0)) {
          this.report(g, 'trailing-garbage', 'error', this.pos,
            `${head.message}: ${this.source.size - this.pos} bytes after the last ${v26 ? 'complete ' : ''}generation are not trace data`, { goText: head.message });
        } else {
          this.report(g, 'invalid-batch-type', 'error', this.pos, head.message);
        }
        return;
      }
      case 'truncated':
        this.reportTruncation(g, this.pos, head.message, `${head.message}: the file ends inside a batch header`, v26);
        return;
      case 'overflow':
        this.report(g, 'varint-overflow', 'error', this.pos, head.message, { inBatchHeader: true });
        return;
      case 'oversized':
        this.report(g, 'oversized-batch', 'error', this.pos, head.message);
        return;
    }
  }

  /** The data ends inside a batch: on 1.26+ a truncated trace (a warning); before, undecidable. */
  /** `go`: Go's text; `message` says more, after it. */
  private reportTruncation(g: Generation, offset: number, go: string, message: string, v26: boolean): void {
    const severity = severityOf('batch-truncated', { v126: v26 });
    if (v26) g.truncated = true;
    const why = v26 ? `trace likely truncated; ${readableBefore(g)}` : NOT_DECIDABLE_BEFORE_126;
    this.report(g, 'batch-truncated', severity, offset, `${message}; ${why}`, { goText: go });
  }

  /** `data`: what Go's text is made from (problemCodes.ts), when the message says more. */
  private report(g: Generation, code: ProblemCode, severity: Severity, offset: number, message: string, data?: Pick<Problem, 'goText' | 'inBatchHeader'>): void {
    const p: Problem = { code, severity, message, offset, generationIndex: g.index, ...data };
    if (g.gen !== 0) p.generation = g.gen;
    const batch = g.batches.findIndex((b) => offset >= b.offset && offset < b.payloadOffset + b.size);
    if (batch >= 0) p.batch = batch;
    this.sink.add(p);
  }

  private reportEvent(g: Generation, e: EventError, batch: number): void {
    this.sink.add({
      code: e.code,
      severity: e.severity,
      message: e.message,
      offset: e.offset,
      generation: g.gen,
      generationIndex: g.index,
      batch,
      event: e.event,
    });
  }
}

/** What a truncation leaves readable, for the problem's message. */
function readableBefore(g: Generation): string {
  return g.index === 0
    ? 'no generation is complete, and what was read of this one is shown'
    : `the ${g.index} generation${g.index === 1 ? '' : 's'} before it ${g.index === 1 ? 'is' : 'are'} complete`;
}
