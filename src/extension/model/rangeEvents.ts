/**
 * Events by type in a time range, for the timeline's range statistics: a generation wholly inside
 * the range takes its counts from the summaries (counted by the pass); one cut by the range's edge
 * is ordered again from its start state and its events counted by time, stopping past the range.
 * Counted as the summaries count (EventCountSummarizer): the reader's Sync apart, CPU samples apart.
 */
import type { SpanSource } from '../../analysis/index.js';
import { EventCountSummarizer, openEventStream, openGenerationStream, type EventStream, type GenerationEventCounts } from '../../parser/index.js';

/** Events between two yields while a generation is ordered again. */
const YIELD_EVERY = 20_000;

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

/**
 * The counts of chunk k's events with fromNs <= time <= toNs (absolute ns), the generation
 * ordered again (v1: the whole trace from its start); undefined if there is no such chunk.
 * `stale` is asked at each yield: true stops the count (the request was superseded).
 */
export async function countChunkEvents(
  spans: SpanSource,
  k: number,
  fromNs: number,
  toNs: number,
  yieldNow?: () => Promise<void>,
  stale?: () => boolean,
): Promise<GenerationEventCounts | undefined> {
  let r: EventStream;
  if (spans.generations.length === 0) {
    if (k !== 0) return undefined;
    r = await openEventStream(spans.source, { reuseEvents: true });
  } else {
    const start = spans.generations[k];
    if (!start) return undefined;
    r = await openGenerationStream(spans.source, start.extent, start.snapshot, { reuseEvents: true });
  }
  const counter = new EventCountSummarizer();
  let syncs = 0;
  let since = 0;
  for (;;) {
    if (yieldNow && ++since >= YIELD_EVERY) {
      since = 0;
      await yieldNow();
      if (stale?.()) return undefined;
    }
    const e = r.next();
    if (!e) {
      if (r.needsGeneration) {
        await r.loadGeneration();
        continue;
      }
      break;
    }
    if (e.kind === 'Sync') {
      // The first opens the chunk; the next one is the next chunk's.
      if (++syncs > 1) break;
      continue;
    }
    if (e.time > toNs) break;
    if (e.time >= fromNs) counter.handleEvent(e);
  }
  counter.finalize();
  const out = { generation: k, total: 0, byType: {} as Record<string, number>, cpuSamples: 0 };
  for (const c of counter.data()) {
    out.total += c.total;
    out.cpuSamples += c.cpuSamples;
    for (const [type, n] of Object.entries(c.byType)) out.byType[type] = (out.byType[type] ?? 0) + n;
  }
  return out;
}
