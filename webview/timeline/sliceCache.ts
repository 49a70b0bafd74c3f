/**
 * The slices the view has fetched, kept with a bound. Pure: no DOM.
 *
 * Keying: a resolution is quantized to a level L (2^L ns per px, the next power of two at or
 * above the view's nsPerPx) and time to tiles of TILE_PX px at that level, so small pans and
 * zooms ask for the same keys again and hit. One entry is one lane's slices over one tile at one
 * level. While a tile is missing the view draws the nearest coarser level it has, so something
 * is on screen while a request is in flight.
 *
 * Bound: entries are evicted least recently used first once their estimated size (8 bytes per
 * number of every column, 2 per string character) passes maxBytes.
 */
import type { LaneSlices, SliceAnswer, SliceQuery } from '../../src/shared/timeline.js';

export const TILE_PX = 256;
/** How many coarser levels the view may fall back to while a tile is missing. */
const FALLBACK_LEVELS = 12;
/** An inexact answer (overview only) is asked again after this long. */
export const INEXACT_RETRY_MS = 750;
export const DEFAULT_CACHE_BYTES = 48 * 1024 * 1024;

export interface CachedTile {
  lane: string;
  level: number;
  tile: number;
  slices: LaneSlices;
  /** The answer's string table (shared by the entries of one answer). */
  strings: string[];
  exact: boolean;
  bytes: number;
  fetchedAt: number;
}

/** The level for a resolution: 2^level ns per px >= nsPerPx; at least 0 (1 ns per px). */
export function levelFor(nsPerPx: number): number {
  if (!(nsPerPx > 1)) return 0;
  return Math.min(60, Math.ceil(Math.log2(nsPerPx) - 1e-9));
}

export function tileSpanNs(level: number): number {
  return Math.pow(2, level) * TILE_PX;
}

/** The tiles covering [fromNs, toNs] at a level, first and last index. */
export function tilesFor(fromNs: number, toNs: number, level: number): [number, number] {
  const span = tileSpanNs(level);
  const first = Math.max(0, Math.floor(fromNs / span));
  return [first, Math.max(first, Math.floor(Math.max(fromNs, toNs) / span))];
}

export function tileKey(lane: string, level: number, tile: number): string {
  return `${lane}|${level}|${tile}`;
}

/** The query for one tile of some lanes. */
export function tileQuery(lanes: string[], level: number, tile: number): SliceQuery {
  const span = tileSpanNs(level);
  return { lanes, fromNs: tile * span, toNs: (tile + 1) * span, nsPerPx: Math.pow(2, level) };
}

export function estimateBytes(slices: LaneSlices, strings: readonly string[]): number {
  const columns = 8;
  let bytes = 64 + slices.lane.length * 2 + slices.start.length * columns * 8;
  bytes += (slices.regions?.start.length ?? 0) * 5 * 8 + (slices.logs?.at.length ?? 0) * 3 * 8;
  for (const s of strings) bytes += 16 + s.length * 2;
  return bytes;
}

export class SliceCache {
  private readonly entries = new Map<string, CachedTile>();
  private readonly inFlight = new Set<string>();
  private totalBytes = 0;

  constructor(readonly maxBytes = DEFAULT_CACHE_BYTES) {}

  get bytes(): number {
    return this.totalBytes;
  }

  get size(): number {
    return this.entries.size;
  }

  /** The entry, marked as just used. */
  get(lane: string, level: number, tile: number): CachedTile | undefined {
    const key = tileKey(lane, level, tile);
    const e = this.entries.get(key);
    if (e) {
      this.entries.delete(key);
      this.entries.set(key, e);
    }
    return e;
  }

  /** What to draw for a tile: the tile itself, or the nearest coarser level holding its time. */
  lookup(lane: string, level: number, tile: number): CachedTile | undefined {
    for (let k = 0; k <= FALLBACK_LEVELS; k++) {
      const e = this.get(lane, level + k, Math.floor(tile / Math.pow(2, k)));
      if (e) return e;
    }
    return undefined;
  }

  put(entry: CachedTile): void {
    const key = tileKey(entry.lane, entry.level, entry.tile);
    const old = this.entries.get(key);
    if (old) {
      this.totalBytes -= old.bytes;
      this.entries.delete(key);
    }
    this.entries.set(key, entry);
    this.totalBytes += entry.bytes;
    for (const [k, e] of this.entries) {
      if (this.totalBytes <= this.maxBytes || k === key) break;
      this.entries.delete(k);
      this.totalBytes -= e.bytes;
    }
  }

  /** Stores an answer to tileQuery(...) and clears its in-flight marks. */
  storeAnswer(answer: SliceAnswer, level: number, tile: number, now: number): void {
    for (const lane of answer.query.lanes) this.inFlight.delete(tileKey(lane, level, tile));
    for (const slices of answer.lanes) {
      if (!answer.query.lanes.includes(slices.lane)) continue;
      this.put({ lane: slices.lane, level, tile, slices, strings: answer.strings, exact: answer.exact, bytes: estimateBytes(slices, answer.strings), fetchedAt: now });
    }
  }

  /** A request failed: its tiles may be asked again. */
  forget(q: SliceQuery, level: number, tile: number): void {
    for (const lane of q.lanes) this.inFlight.delete(tileKey(lane, level, tile));
  }

  /**
   * The next request worth sending for these lanes over [fromNs, toNs] at a level: the first
   * tile (middle of the range first) with lanes neither cached nor in flight, or with an
   * inexact answer older than INEXACT_RETRY_MS. Marks them in flight. Undefined: all is there.
   */
  nextRequest(lanes: readonly string[], fromNs: number, toNs: number, level: number, now: number): { query: SliceQuery; level: number; tile: number } | undefined {
    const [first, last] = tilesFor(fromNs, toNs, level);
    const mid = Math.floor((first + last) / 2);
    for (let d = 0; d <= last - first; d++) {
      for (const tile of d === 0 ? [mid] : [mid - d, mid + d]) {
        if (tile < first || tile > last) continue;
        const missing = lanes.filter((lane) => {
          const key = tileKey(lane, level, tile);
          if (this.inFlight.has(key)) return false;
          const e = this.entries.get(key);
          return !e || (!e.exact && now - e.fetchedAt >= INEXACT_RETRY_MS);
        });
        if (missing.length === 0) continue;
        for (const lane of missing) this.inFlight.add(tileKey(lane, level, tile));
        return { query: tileQuery(missing, level, tile), level, tile };
      }
    }
    return undefined;
  }

  clear(): void {
    this.entries.clear();
    this.inFlight.clear();
    this.totalBytes = 0;
  }
}

/**
 * Where a tile's own slices begin: one across the tile's left edge is in the answer for the tile
 * before too, and is that tile's. The first tile in view (`first`) owns all it has.
 */
export function tileOwnStart(e: Pick<CachedTile, 'tile' | 'level'>, first: boolean): number {
  return first ? -Infinity : e.tile * tileSpanNs(e.level);
}

/** Index of the first slice whose end is after ns (slices are in time order), or the count. */
export function firstEndingAfter(slices: LaneSlices, ns: number): number {
  let lo = 0;
  let hi = slices.end.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (slices.end[mid] <= ns) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The slice holding ns, within `slackNs` of it (so thin slices can be hovered), or -1. */
export function sliceAt(slices: LaneSlices, ns: number, slackNs = 0): number {
  const i = firstEndingAfter(slices, ns - slackNs);
  if (i >= slices.start.length || slices.start[i] > ns + slackNs) return -1;
  return i;
}
