/**
 * A chunk's state spans got back from the trace: its generation ordered again on its own, from
 * the state the pass kept at its start (v1: the whole trace, from the start). The spans are
 * exactly those the pass built for that chunk (stateSpans.ts says why).
 */
import { openEventStream, openGenerationStream, type ByteSource, type EventStream, type OrderedEvent } from '../parser/index.js';
import type { GenerationStart } from './analysisPass.js';
import { SpanChunkBuilder, type SpanChunk } from './stateSpans.js';

export interface SpanSource {
  source: ByteSource;
  /** v2: the generations and their start states; empty for v1. */
  generations: readonly GenerationStart[];
}

/** Events between two calls of onYield. */
const YIELD_EVERY = 20_000;

export interface DeriveOptions {
  /** Awaited every `yieldEvery` events (so a worker can answer requests while a generation is derived). */
  onYield?: () => Promise<void>;
  yieldEvery?: number;
  /** Asked after each yield: true gives up (the request was superseded), and undefined is returned. */
  stale?: () => boolean;
  /** Each of the chunk's events but its Sync, in order (a caller counting them too: one ordering). */
  onEvent?: (e: OrderedEvent) => void;
}

/** The spans of chunk `index`; undefined if there is no such chunk (or it went stale). */
export async function deriveChunkSpans(t: SpanSource, index: number, o: DeriveOptions = {}): Promise<SpanChunk | undefined> {
  const { onYield, yieldEvery = YIELD_EVERY, stale, onEvent } = o;
  let r: EventStream;
  if (t.generations.length === 0) {
    if (index !== 0) return undefined;
    r = await openEventStream(t.source, { reuseEvents: true });
  } else {
    const start = t.generations[index];
    if (!start) return undefined;
    r = await openGenerationStream(t.source, start.extent, start.snapshot, { reuseEvents: true });
  }
  let b: SpanChunkBuilder | undefined;
  let lastNs = 0;
  let sinceYield = 0;
  for (;;) {
    if (onYield && ++sinceYield >= yieldEvery) {
      sinceYield = 0;
      await onYield();
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
      if (b) return b.finish(e.time);
      b = new SpanChunkBuilder(e.time);
      continue;
    }
    lastNs = e.time;
    if (!b) continue;
    b.handleEvent(e);
    onEvent?.(e);
  }
  return b?.finish(lastNs);
}
