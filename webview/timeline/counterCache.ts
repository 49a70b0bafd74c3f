/**
 * The counter lanes' points the view has fetched: a few answers, each for all the visible
 * counter lanes over the viewport widened by a viewport each side, at the view's level (the power
 * of two ns per px of sliceCache.ts). So a pan within that range, or a redraw, asks nothing; a
 * zoom to another level asks once, and meanwhile the nearest level cached is drawn. One request
 * in flight at a time. Pure: no DOM.
 */
import type { CounterAnswer, CounterLaneData, CounterQuery } from '../../src/shared/timelineCounters.js';
import type { Viewport } from './timeMapping.js';

/** Answers kept (least recently used dropped first): each a few thousand points a lane. */
export const COUNTER_ENTRIES = 8;
/** After a failed request, wait this long before asking again. */
export const COUNTER_RETRY_MS = 1000;

interface Entry {
  level: number;
  fromNs: number;
  toNs: number;
  lanes: Map<string, CounterLaneData>;
  /** The lanes asked for (a lane the answer lacks is not asked again). */
  asked: Set<string>;
  usedAt: number;
}

export class CounterCache {
  private entries: Entry[] = [];
  private inFlight: CounterQuery | undefined;
  private failedAt = -Infinity;
  private tick = 0;

  /** The query to send now for these lanes, or undefined (cached, or one already in flight). */
  nextRequest(lanes: readonly string[], v: Viewport, level: number, now: number): CounterQuery | undefined {
    if (lanes.length === 0 || this.inFlight || now - this.failedAt < COUNTER_RETRY_MS) return undefined;
    if (this.covering(lanes, v, level)) return undefined;
    const span = Math.max(1, v.endNs - v.startNs);
    const q: CounterQuery = { lanes: [...lanes], fromNs: Math.max(0, v.startNs - span), toNs: Math.max(0, v.endNs + span), nsPerPx: Math.pow(2, level) };
    this.inFlight = q;
    return q;
  }

  store(answer: CounterAnswer, level: number): void {
    if (this.inFlight === answer.query) this.inFlight = undefined;
    const q = answer.query;
    this.entries.push({ level, fromNs: q.fromNs, toNs: q.toNs, lanes: new Map(answer.lanes.map((l) => [l.lane, l])), asked: new Set(q.lanes), usedAt: ++this.tick });
    if (this.entries.length > COUNTER_ENTRIES) {
      this.entries.sort((a, b) => b.usedAt - a.usedAt);
      this.entries.length = COUNTER_ENTRIES;
    }
  }

  /** The request failed: ask again later. */
  failed(q: CounterQuery, now: number): void {
    if (this.inFlight === q) this.inFlight = undefined;
    this.failedAt = now;
  }

  /**
   * A lane's points to draw over the viewport: from the entry at this level covering it, else
   * from the overlapping entry of the nearest level.
   */
  lane(id: string, v: Viewport, level: number): CounterLaneData | undefined {
    let best: Entry | undefined;
    let bestScore = Infinity;
    for (const e of this.entries) {
      const d = e.lanes.get(id);
      if (!d || e.toNs <= v.startNs || e.fromNs >= v.endNs) continue;
      const covers = e.fromNs <= v.startNs && e.toNs >= v.endNs;
      const score = Math.abs(e.level - level) * 2 + (covers ? 0 : 1);
      if (score < bestScore) [best, bestScore] = [e, score];
    }
    if (!best) return undefined;
    best.usedAt = ++this.tick;
    return best.lanes.get(id);
  }

  get size(): number {
    return this.entries.length;
  }

  clear(): void {
    this.entries = [];
    this.inFlight = undefined;
  }

  private covering(lanes: readonly string[], v: Viewport, level: number): Entry | undefined {
    return this.entries.find((e) => e.level === level && e.fromNs <= Math.max(0, v.startNs) && e.toNs >= v.endNs && lanes.every((l) => e.asked.has(l)));
  }
}

/**
 * Sends the counter request the view needs now, if any (the visible counter lanes, not cached at
 * this level): true if one was sent. `done` runs when its answer is stored, or it failed.
 */
export function requestCounters(cache: CounterCache, fetch: ((q: CounterQuery) => Promise<CounterAnswer>) | undefined, lanes: readonly string[], v: Viewport, level: number, done: () => void): boolean {
  const q = fetch ? cache.nextRequest(lanes, v, level, Date.now()) : undefined;
  if (!q || !fetch) return false;
  fetch(q).then(
    (answer) => {
      // The answer names its query; keep the one asked for (the in-flight mark is on it).
      cache.store({ ...answer, query: q }, level);
      done();
    },
    () => {
      cache.failed(q, Date.now());
      setTimeout(done, COUNTER_RETRY_MS);
    },
  );
  return true;
}
