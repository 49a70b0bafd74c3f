/**
 * What the viewer keeps of a generation once it has been read: where every batch is and how many
 * events it holds, and the generation's tables. Decoded events are not kept (a long trace has
 * millions); a batch is decoded again from the file when its rows are asked for.
 */
import { BatchKind, EventColumns, Generation, GenerationEnding, GenerationTables } from '../../parser/index.js';
import type { V1GenerationData } from './v1Index.js';

export interface BatchInfo {
  offset: number;
  payloadOffset: number;
  size: number;
  kind: BatchKind;
  /** Thread (M) ID, -1 for "no thread". In a v1 trace: the batch's P (-1: no P). */
  m: number;
  /** Batch start in ticks, as written. */
  ticks: number;
  experiment: number;
  /** Events decoded from it (0 for structural batches). */
  eventCount: number;
  /** Time of its first and last event in ns (Go's per-batch conversion); NaN without events. */
  firstNs: number;
  lastNs: number;
}

export interface GenerationInfo {
  /** Position in the file, 0-based: what node IDs use. */
  index: number;
  /** Generation number as written. */
  gen: number;
  offset: number;
  end: number;
  ending: GenerationEnding;
  truncated: boolean;
  batches: BatchInfo[];
  tables: GenerationTables;
  eventCount: number;
  /** Earliest and latest event time in ns; NaN when the generation has no events. */
  startNs: number;
  endNs: number;
  /** Distinct thread IDs (>= 0) that wrote batches, ascending. In a v1 trace: the Ps, -1 (no P) last. */
  threads: number[];
  /** Batch indices per thread, in file order; key -1 holds the batches written without a thread. v1: per P. */
  batchesByThread: Map<number, number[]>;
  /** Set for the one generation of a v1 (Go 1.11–1.21) trace, which the viewer reads differently (v1Index.ts). */
  v1?: V1GenerationData;
}

/** The index of a generation's batches, with no events counted yet (see addEventsToIndex). */
export function indexGeneration(g: Generation): GenerationInfo {
  const batches: BatchInfo[] = g.batches.map((b) => ({
    offset: b.offset,
    payloadOffset: b.payloadOffset,
    size: b.size,
    kind: b.kind,
    m: b.m,
    ticks: b.time,
    experiment: b.experiment,
    eventCount: 0,
    firstNs: NaN,
    lastNs: NaN,
  }));
  const batchesByThread = new Map<number, number[]>();
  batches.forEach((b, i) => {
    // Structural batches belong to no thread even if a runtime wrote an M ID on them.
    const key = b.kind === BatchKind.Events && b.m >= 0 ? b.m : -1;
    let list = batchesByThread.get(key);
    if (!list) batchesByThread.set(key, (list = []));
    list.push(i);
  });
  const threads = [...batchesByThread.keys()].filter((m) => m >= 0).sort((a, b) => a - b);
  return {
    index: g.index,
    gen: g.gen,
    offset: g.offset,
    end: g.end,
    ending: g.ending,
    truncated: g.truncated,
    batches,
    tables: g.tables,
    eventCount: 0,
    startNs: NaN,
    endNs: NaN,
    threads,
    batchesByThread,
  };
}

/** The thread a batch is listed under: its M, or -1 ("no thread"). */
export function threadOfBatch(b: BatchInfo): number {
  return b.kind === BatchKind.Events && b.m >= 0 ? b.m : -1;
}

/**
 * Counts decoded events into the index: per batch, and the generation's time span. Called batch
 * by batch, so a generation's events are never all in memory at once.
 */
export function addEventsToIndex(info: GenerationInfo, columns: EventColumns): void {
  for (let i = 0; i < columns.length; i++) {
    const b = info.batches[columns.batch[i]];
    const t = columns.time[i];
    if (b.eventCount === 0) b.firstNs = t;
    b.lastNs = t;
    b.eventCount++;
    if (!(t >= info.startNs)) info.startNs = t;
    if (!(t <= info.endNs)) info.endNs = t;
  }
  info.eventCount += columns.length;
}
