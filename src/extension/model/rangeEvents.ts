/**
 * Events by type in a time range, for the timeline's range statistics: a generation wholly inside
 * the range takes its counts from the summaries (counted by the pass); one cut by the range's edge
 * is ordered again from its start state and its events counted by time (the same ordering gives
 * its spans).
 * Counted as the summaries count (EventCountSummarizer): the reader's Sync apart, CPU samples apart.
 */
import { deriveChunkSpans, type SpanChunk, type SpanSource } from '../../analysis/index.js';
import { EventCountSummarizer, type GenerationEventCounts } from '../../parser/index.js';

export interface EventTally {
  byType: Map<string, number>;
  total: number;
  cpuSamples: number;
}

export function newTally(): EventTally {
  return { byType: new Map(), total: 0, cpuSamples: 0 };
}

/** Adds one generation's counts (a summary's, or a cut generation's). */
export function addCounts(t: EventTally, c: Pick<GenerationEventCounts, 'byType' | 'total' | 'cpuSamples'>): void {
  for (const [type, n] of Object.entries(c.byType)) t.byType.set(type, (t.byType.get(type) ?? 0) + n);
  t.total += c.total;
  t.cpuSamples += c.cpuSamples;
}

/** An edge generation ordered again: its events in the range and its spans. */
export interface EdgeChunk {
  counts: GenerationEventCounts;
  /** The chunk's spans, as deriveChunkSpans gives them. */
  spans: SpanChunk;
}

/**
 * Chunk k ordered again (v1: the whole trace from its start): the counts of its events with
 * fromNs <= time <= toNs (absolute ns) and its spans; one ordering serves both. Undefined if
 * there is no such chunk, or if `stale` (asked at each yield) says the request was superseded.
 */
export async function readEdgeChunk(
  source: SpanSource,
  k: number,
  fromNs: number,
  toNs: number,
  yieldNow?: () => Promise<void>,
  stale?: () => boolean,
): Promise<EdgeChunk | undefined> {
  const counter = new EventCountSummarizer();
  // The spans need the whole chunk (a GoStatus late in it says the state since its start); the
  // counts only the events in the range: one ordering serves both.
  const spans = await deriveChunkSpans(source, k, {
    ...(yieldNow ? { onYield: yieldNow } : {}),
    ...(stale ? { stale } : {}),
    onEvent: (e) => {
      if (e.time >= fromNs && e.time <= toNs) counter.handleEvent(e);
    },
  });
  if (!spans) return undefined;
  counter.finalize();
  const counts = { generation: k, total: 0, byType: {} as Record<string, number>, cpuSamples: 0 };
  for (const c of counter.data()) {
    counts.total += c.total;
    counts.cpuSamples += c.cpuSamples;
    for (const [type, n] of Object.entries(c.byType)) counts.byType[type] = (counts.byType[type] ?? 0) + n;
  }
  return { counts, spans };
}
