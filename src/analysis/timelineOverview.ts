/**
 * The timeline's resident data, built by the one ordered pass: the trace cut into chunks (v2: one
 * per generation; v1: the whole trace), each chunk's overview (chunkOverview.ts) from its state
 * spans (stateSpans.ts), and the GC cycles and stop-the-world periods. The spans themselves are
 * handed to `onChunk` as each chunk ends (the viewer caches the recent ones) and not kept here.
 */
import type { OrderedEvent } from '../parser/index.js';
import { overviewOf, type OwnerOverview } from './chunkOverview.js';
import type { AnalysisHandler } from './handler.js';
import { SpanChunkBuilder, type SpanChunk } from './stateSpans.js';

export interface ChunkSummary {
  startNs: number;
  endNs: number;
  goroutines: OwnerOverview;
  procs: OwnerOverview;
  threads: OwnerOverview;
}

/** GC cycles (kind 0) and stop-the-world periods (kind 1, with their reason), in start order. */
export interface GcPeriods {
  start: readonly number[];
  end: readonly number[];
  kind: readonly number[];
  /** Index into TimelineOverview.reasons, or -1. */
  reason: readonly number[];
}

export interface TimelineOverview {
  chunks: readonly ChunkSummary[];
  gc: GcPeriods;
  /** Reasons of the overview (waiting reasons at chunk ends, stop-the-world reasons). */
  reasons: readonly string[];
  /** Bytes held, for ARCHITECTURE's figures. */
  bytes: number;
}

/** Buckets per chunk by owner kind: a v2 generation (about a second) and a whole v1 trace. */
export const V2_BUCKETS = { goroutine: 16, proc: 256, thread: 256 };
export const V1_BUCKETS = { goroutine: 512, proc: 4096, thread: 4096 };

const GC_MARK = 'GC concurrent mark phase';
const STW = 'stop-the-world';

export class TimelineOverviewBuilder implements AnalysisHandler<TimelineOverview> {
  buckets = V2_BUCKETS;
  /** Called with each chunk's spans when it ends (index in chunk order). */
  onChunk?: (index: number, chunk: SpanChunk) => void;
  private chunks: ChunkSummary[] = [];
  private builder?: SpanChunkBuilder;
  private chunkEvents = 0;
  private lastNs = 0;
  private reasons: string[] = [];
  private reasonIds = new Map<string, number>();
  private gc = { start: [] as number[], end: [] as number[], kind: [] as number[], reason: [] as number[] };
  /** Open GC cycle and stop-the-world period: their row in `gc`, or -1. */
  private open = [-1, -1];
  private enabled = true;

  /** Ignores every event: no chunks, no GC periods (the pass was not asked for the timeline). */
  disable(): void {
    this.enabled = false;
  }

  reset(): void {
    this.chunks = [];
    this.builder = undefined;
    this.chunkEvents = 0;
    this.reasons = [];
    this.reasonIds.clear();
    this.gc = { start: [], end: [], kind: [], reason: [] };
    this.open = [-1, -1];
  }

  handleEvent(e: OrderedEvent): void {
    if (!this.enabled) return;
    if (e.kind === 'Sync') {
      this.endChunk(e.time, true);
      this.builder = new SpanChunkBuilder(e.time);
      return;
    }
    this.lastNs = e.time;
    this.chunkEvents++;
    this.builder?.handleEvent(e);
    // The kind first: reading `range` makes the event's details, which most events never need.
    const k = e.kind;
    if ((k === 'RangeBegin' || k === 'RangeActive' || k === 'RangeEnd') && e.range) this.range(e);
  }

  finalize(): void {
    // The closing Sync opened a chunk no event followed.
    this.endChunk(this.lastNs, false);
    this.builder = undefined;
    for (const k of [0, 1]) if (this.open[k] >= 0) this.gc.end[this.open[k]] = this.lastNs;
    this.open = [-1, -1];
  }

  /** Chunks finished so far. */
  get chunkCount(): number {
    return this.chunks.length;
  }

  data(): TimelineOverview {
    let bytes = 0;
    for (const c of this.chunks) bytes += c.goroutines.bytes + c.procs.bytes + c.threads.bytes;
    bytes += this.gc.start.length * 32;
    return { chunks: this.chunks, gc: this.gc, reasons: this.reasons, bytes };
  }

  /** Chunk k is the pass's generation k: an empty generation still has its chunk. */
  private endChunk(endNs: number, keepEmpty: boolean): void {
    const b = this.builder;
    if (!b) return;
    this.builder = undefined;
    const empty = this.chunkEvents === 0;
    this.chunkEvents = 0;
    if (empty && !keepEmpty) return;
    const spans = b.finish(endNs);
    const id = (r: number) => this.reason(spans.strings[r]);
    this.chunks.push({
      startNs: spans.startNs,
      endNs: spans.endNs,
      goroutines: overviewOf(spans.goroutines, spans, this.buckets.goroutine, id),
      procs: overviewOf(spans.procs, spans, this.buckets.proc, id),
      threads: overviewOf(spans.threads, spans, this.buckets.thread, id),
    });
    this.onChunk?.(this.chunks.length - 1, spans);
  }

  private reason(s: string): number {
    let id = this.reasonIds.get(s);
    if (id === undefined) {
      id = this.reasons.length;
      this.reasons.push(s);
      this.reasonIds.set(s, id);
    }
    return id;
  }

  private range(e: OrderedEvent): void {
    const name = e.range!.name;
    const k = name === GC_MARK ? 0 : name.startsWith(STW) ? 1 : -1;
    if (k < 0) return;
    if (e.kind === 'RangeEnd') {
      if (this.open[k] >= 0) this.gc.end[this.open[k]] = e.time;
      this.open[k] = -1;
      return;
    }
    if (this.open[k] >= 0) return;
    // Active at a generation's start: under way since before it (the chunk's start).
    const start = e.kind === 'RangeActive' ? (this.builder?.startNs ?? e.time) : e.time;
    // Go names it "stop-the-world (<reason>)".
    const why = k === 1 && name.endsWith(')') ? name.slice(STW.length + 2, -1) : '';
    this.open[k] = this.gc.start.length;
    this.gc.start.push(start);
    this.gc.end.push(Number.NaN);
    this.gc.kind.push(k);
    this.gc.reason.push(why ? this.reason(why) : -1);
  }
}
