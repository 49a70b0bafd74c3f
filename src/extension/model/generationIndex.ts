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
  /** Thread (M) ID, -1 for "no thread" (and in a v1 trace, written per P: its P is in V1BatchData.p). */
  m: number;
  /** Batch start in ticks, as written. */
  ticks: number;
  experiment: number;
  /** Events decoded from it (0 for structural batches). */
  eventCount: number;
  /** Time of its first and last event in ns (Go's per-batch conversion); NaN without events. */
  firstNs: number;
  lastNs: number;
  /** Bit t set: the batch holds an event of wire type t (types 0–31 here, 32–63 in typesHi); the filter skips batches by it. Absent in v1. */
  typesLo?: number;
  typesHi?: number;
}

export interface GenerationInfo {
  /** The generation index: its position in the file, 0-based (what node IDs use). */
  genIndex: number;
  /** The generation number as written (a flight-recorder snapshot starts anywhere). */
  genNumber: number;
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
  /** Events per wire type (v2 type byte): a filter on types alone knows its count at once. Absent for v1. */
  typeCounts?: Uint32Array;
  /** Distinct thread IDs (>= 0) that wrote batches, ascending (none in a v1 trace: see V1GenerationData.procIds). */
  threads: number[];
  /** Batch indices per thread, in file order; key -1 holds the batches written without a thread (v1: V1GenerationData.batchesByProc). */
  batchesByThread: Map<number, number[]>;
  /** Set for the one generation of a v1 (Go 1.11–1.21) trace, which the viewer reads differently (v1Index.ts). */
  v1?: V1GenerationData;
}

/** Wire type bytes counted per generation (v2 types are below 64). */
export const TYPE_SLOTS = 64;

/** Whether a batch holds an event of any type in a mask (lo: types 0–31, hi: 32–63). */
export function batchHasTypes(b: BatchInfo, lo: number, hi: number): boolean {
  if (b.typesLo === undefined || b.typesHi === undefined) return true;
  return (b.typesLo & lo) !== 0 || (b.typesHi & hi) !== 0;
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
    typesLo: 0,
    typesHi: 0,
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
    genIndex: g.index,
    genNumber: g.gen,
    offset: g.offset,
    end: g.end,
    ending: g.ending,
    truncated: g.truncated,
    batches,
    tables: g.tables,
    eventCount: 0,
    startNs: NaN,
    endNs: NaN,
    typeCounts: new Uint32Array(TYPE_SLOTS),
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
    const type = columns.type[i];
    if (type < 32) b.typesLo = (b.typesLo ?? 0) | (1 << type);
    else if (type < 64) b.typesHi = (b.typesHi ?? 0) | (1 << (type - 32));
    if (type < TYPE_SLOTS && info.typeCounts) info.typeCounts[type]++;
    if (!(t >= info.startNs)) info.startNs = t;
    if (!(t <= info.endNs)) info.endNs = t;
  }
  info.eventCount += columns.length;
}
