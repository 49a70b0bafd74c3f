/**
 * The timeline's slices: for some lanes, over a time range, at a resolution (SliceQuery). Where
 * the overview's buckets are no wider than the resolution asks, they answer (the whole trace at
 * once); otherwise the generation's spans are derived again (deriveChunkSpans) and kept in a
 * cache bounded by bytes. A query derives at most MAX_DERIVED generations, and waits for them
 * DERIVE_WAIT_MS at most; the rest of its range comes from the overview and the answer says it is
 * not exact (asking again gives more).
 */
import { deriveChunkSpans, type ChunkSummary, type OwnerOverview, type OwnerSpans, type SpanChunk, type SpanSource, type TimelineOverview } from '../../analysis/index.js';
import type { SliceAnswer, SliceQuery } from '../../shared/timeline.js';
import { forEachGcPeriod } from './gcPeriods.js';
import type { GoroutineAnnotations } from './laneAnnotations.js';
import type { TaskLanes } from './taskLanes.js';
import { LaneSliceBuilder } from './laneSlices.js';

/** Generations derived for one query, and being derived at once, at most. */
export const MAX_DERIVED = 2;
/**
 * How long a query waits for a generation being derived (where derivations yield) before it
 * answers that part from the overview, not exact: the view draws at once and asks again.
 */
export const DERIVE_WAIT_MS = 40;
/** Bytes of derived spans kept. */
export const SPAN_CACHE_BYTES = 64 * 1024 * 1024;

const RUNNING = 0;
const GC = 4;
const STW = 5;

export interface TimelineData {
  spans: SpanSource;
  overview: TimelineOverview;
  /** The trace's first event (ns): the query's times count from it. */
  originNs: number;
  /** A goroutine's label on proc and thread lanes ("G12 main.worker"). */
  goroutineLabel(id: number): string;
  /**
   * The pass is still running: the overview's chunks are those passed so far, and a GC period
   * may still be open (no end yet): it is cut where the chunks end.
   */
  partial?: boolean;
  /** The regions and logs drawn over goroutine lanes (laneAnnotations.ts). */
  annotations?(): GoroutineAnnotations | undefined;
  /** The task lanes' rows (taskLanes.ts). */
  tasks?(): TaskLanes | undefined;
  /** Awaited every few thousand events of a derivation, so other requests are answered meanwhile. */
  yieldNow?(): Promise<void>;
  /** Events between two yields of a derivation (deriveSpans.ts's default otherwise). */
  yieldEvery?: number;
}

type Lane = { kind: 'gc' } | { kind: 'task'; row: number } | { kind: 'goroutine' | 'proc' | 'thread'; id: number };

export function parseLane(lane: string): Lane | undefined {
  if (lane === 'gc') return { kind: 'gc' };
  const t = /^t(\d{1,3})$/.exec(lane);
  if (t) return { kind: 'task', row: Number(t[1]) };
  const m = /^([gpm])(\d{1,16})$/.exec(lane);
  if (!m) return undefined;
  return { kind: m[1] === 'g' ? 'goroutine' : m[1] === 'p' ? 'proc' : 'thread', id: Number(m[2]) };
}

export class TimelineSlices {
  /** Derived chunks, least recently used first. */
  private readonly cache = new Map<number, { chunk: SpanChunk; bytes: number }>();
  private cachedBytes = 0;
  /** Derivations under way, by chunk. */
  private readonly inFlight = new Map<number, Promise<SpanChunk | undefined>>();

  constructor(private readonly data: TimelineData) {}

  async slices(q: SliceQuery): Promise<SliceAnswer> {
    const d = this.data;
    const from = q.fromNs + d.originNs;
    const to = q.toNs + d.originNs;
    const strings: string[] = [];
    const ids = new Map<string, number>();
    const str = (s: string): number => {
      if (s === '') return -1;
      let i = ids.get(s);
      if (i === undefined) ids.set(s, (i = strings.push(s) - 1));
      return i;
    };
    const lanes = q.lanes.map((id) => ({ id, lane: parseLane(id), out: new LaneSliceBuilder(id, q.nsPerPx) }));
    const kinds = new Set(lanes.flatMap((l) => (l.lane && l.lane.kind !== 'gc' && l.lane.kind !== 'task' ? [l.lane.kind] : [])));
    let exact = true;
    let derived = 0;
    const chunks = d.overview.chunks;
    for (let k = 0; k < chunks.length; k++) {
      const c = chunks[k];
      if (c.endNs < from || c.startNs > to) continue;
      let spans = this.cached(k);
      if (!spans && this.needsDetail(c, kinds, q.nsPerPx)) {
        if (derived < MAX_DERIVED) {
          derived++;
          spans = await this.soon(k);
        }
        if (!spans) exact = false;
      }
      for (const l of lanes) {
        if (!l.lane || l.lane.kind === 'gc' || l.lane.kind === 'task') continue;
        if (spans) this.fromSpans(spans, l.lane.kind, l.lane.id, from, to, l.out, str);
        else this.fromOverview(k, l.lane.kind, l.lane.id, from, to, l.out);
      }
    }
    for (const l of lanes) if (l.lane?.kind === 'gc') this.gcSlices(from, to, l.out, str);
    const tasks = d.tasks?.();
    for (const l of lanes) if (l.lane?.kind === 'task') tasks?.slices(l.lane.row, from, to, d.originNs, l.out, str);
    const notes = d.annotations?.();
    const out = lanes.map((l) => {
      const slices = l.out.finish();
      if (notes && l.lane?.kind === 'goroutine') {
        const regions = notes.regionsOf(l.lane.id, from, to, q.nsPerPx, d.originNs, str);
        const logs = notes.logsOf(l.lane.id, from, to, q.nsPerPx, d.originNs, str);
        if (regions) slices.regions = regions;
        if (logs) slices.logs = logs;
      }
      return slices;
    });
    return { query: q, strings, lanes: out, exact };
  }

  /**
   * The lane of the span an event began, by the event's byte offset, in chunk k (a goroutine's
   * span first: it is what the event did; then a proc's or a thread's); undefined if it began none.
   */
  async laneOfEvent(k: number, offset: number): Promise<string | undefined> {
    const chunk = await this.chunk(k);
    if (!chunk || offset < 0) return undefined;
    for (const [prefix, spans] of [['g', chunk.goroutines], ['p', chunk.procs], ['m', chunk.threads]] as const) {
      const r = spans.offset.indexOf(offset);
      if (r < 0) continue;
      return `${prefix}${spans.owners[ownerIndex(spans.first, r)]}`;
    }
    return undefined;
  }

  /** Chunk k's spans, from the cache or derived again; undefined past the last chunk. */
  async chunk(k: number): Promise<SpanChunk | undefined> {
    return this.cached(k) ?? (await this.deriving(k));
  }

  /** Bytes of derived spans held. */
  get bytes(): number {
    return this.cachedBytes;
  }

  /**
   * Whether a bucket of this chunk, for a kind of lane asked, is wider than the resolution asks
   * (goroutines have fewer buckets than procs and threads: a query of procs alone, as the
   * overview strip's, is answered from their finer buckets).
   */
  private needsDetail(c: ChunkSummary, kinds: ReadonlySet<'goroutine' | 'proc' | 'thread'>, nsPerPx: number): boolean {
    for (const kind of kinds) if ((c.endNs - c.startNs) / pick(c, kind).buckets > nsPerPx) return true;
    return false;
  }

  private cached(k: number): SpanChunk | undefined {
    const hit = this.cache.get(k);
    if (!hit) return undefined;
    this.cache.delete(k);
    this.cache.set(k, hit);
    return hit.chunk;
  }

  /**
   * Chunk k's spans if they are derived within DERIVE_WAIT_MS (the derivation goes on after);
   * undefined if not yet, or if MAX_DERIVED derivations are already under way.
   */
  private async soon(k: number): Promise<SpanChunk | undefined> {
    if (!this.inFlight.has(k) && this.inFlight.size >= MAX_DERIVED) return undefined;
    const p = this.deriving(k);
    // Without yields a derivation runs to its end before any timer: nothing to wait for.
    if (!this.data.yieldNow) return p;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<undefined>((resolve) => {
      timer = setTimeout(() => resolve(undefined), DERIVE_WAIT_MS);
    });
    try {
      return await Promise.race([p, late]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** The derivation of chunk k, started if it is not under way. */
  private deriving(k: number): Promise<SpanChunk | undefined> {
    let p = this.inFlight.get(k);
    if (!p) {
      p = this.derive(k).finally(() => this.inFlight.delete(k));
      this.inFlight.set(k, p);
      // A derivation no query waits for any more must not be an unhandled rejection.
      p.catch(() => undefined);
    }
    return p;
  }

  private async derive(k: number): Promise<SpanChunk | undefined> {
    const chunk = await deriveChunkSpans(this.data.spans, k, { onYield: this.data.yieldNow?.bind(this.data), yieldEvery: this.data.yieldEvery });
    if (!chunk) return undefined;
    const bytes = chunk.goroutines.bytes + chunk.procs.bytes + chunk.threads.bytes;
    this.cache.set(k, { chunk, bytes });
    this.cachedBytes += bytes;
    for (const [key, v] of this.cache) {
      if (this.cachedBytes <= SPAN_CACHE_BYTES || key === k) break;
      this.cache.delete(key);
      this.cachedBytes -= v.bytes;
    }
    return chunk;
  }

  private fromSpans(chunk: SpanChunk, kind: 'goroutine' | 'proc' | 'thread', id: number, from: number, to: number, out: LaneSliceBuilder, str: (s: string) => number): void {
    const s: OwnerSpans = kind === 'goroutine' ? chunk.goroutines : kind === 'proc' ? chunk.procs : chunk.threads;
    const [a, b] = s.rowsOf(id);
    const o = this.data.originNs;
    const rows: number[] = [];
    for (let r = a; r < b; r++) if (s.end[r] >= from && s.start[r] <= to) rows.push(r);
    // A thread's spans overlap (a syscall while it holds a P) and come in the order they ended.
    if (kind === 'thread') rows.sort((x, y) => s.start[x] - s.start[y]);
    for (const r of rows) {
      const state = s.state[r];
      const other = s.other[r];
      let label = -1;
      let goroutine = -1;
      let proc = -1;
      if (kind === 'goroutine') {
        if (s.reason[r] >= 0) label = str(chunk.strings[s.reason[r]]);
        if (state === RUNNING) proc = other;
      } else if (state === 6) {
        // A thread holding a proc.
        proc = other;
        label = str(`P${other}`);
      } else {
        goroutine = other;
        if (other >= 0) label = str(this.data.goroutineLabel(other));
      }
      out.push({ start: s.start[r] - o, end: s.end[r] - o, state, label, offset: s.offset[r], goroutine, proc, merged: 0 });
    }
  }

  /** The overview's buckets of chunk k for one owner (an owner absent from it keeps its last state). */
  private fromOverview(k: number, kind: 'goroutine' | 'proc' | 'thread', id: number, from: number, to: number, out: LaneSliceBuilder): void {
    const chunks = this.data.overview.chunks;
    const c = chunks[k];
    const ov = pick(c, kind);
    const i = ov.indexOf(id);
    const o = this.data.originNs;
    if (i < 0) {
      const state = this.stateBefore(k, kind, id);
      if (state > 0) out.push({ start: Math.max(c.startNs, from) - o, end: Math.min(c.endNs, to) - o, state: state - 1, label: -1, offset: -1, goroutine: -1, proc: -1, merged: 1 });
      return;
    }
    const width = (c.endNs - c.startNs) / ov.buckets;
    if (!(width > 0)) return;
    const b0 = Math.max(0, Math.floor((from - c.startNs) / width));
    const b1 = Math.min(ov.buckets - 1, Math.floor((to - c.startNs) / width));
    for (let b = b0; b <= b1; b++) {
      const v = ov.bucket(i, b);
      if (v === 0) continue;
      out.push({ start: c.startNs + b * width - o, end: c.startNs + (b + 1) * width - o, state: v - 1, label: -1, offset: -1, goroutine: -1, proc: -1, merged: 1 });
    }
  }

  /** The state an owner was left in before chunk k (its last chunk's end state; 0: none). */
  private stateBefore(k: number, kind: 'goroutine' | 'proc' | 'thread', id: number): number {
    const chunks = this.data.overview.chunks;
    for (let j = k - 1; j >= 0; j--) {
      const ov = pick(chunks[j], kind);
      const i = ov.indexOf(id);
      if (i >= 0) return ov.endState[i];
    }
    return 0;
  }

  private gcSlices(from: number, to: number, out: LaneSliceBuilder, str: (s: string) => number): void {
    const { gc, reasons } = this.data.overview;
    const o = this.data.originNs;
    forEachGcPeriod(this.data.overview, this.data.partial === true, (r, start, end) => {
      if (end < from || start > to) return;
      const stw = gc.kind[r] === 1;
      const label = stw ? str(gc.reason[r] >= 0 ? reasons[gc.reason[r]] : 'stop-the-world') : str('GC');
      out.push({ start: start - o, end: end - o, state: stw ? STW : GC, label, offset: -1, goroutine: -1, proc: -1, merged: 0 });
    });
  }
}

/** The owner whose rows first[i]..first[i+1]-1 hold row r (binary search). */
function ownerIndex(first: Uint32Array, r: number): number {
  let lo = 0;
  let hi = first.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (first[mid] <= r) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function pick(c: ChunkSummary, kind: 'goroutine' | 'proc' | 'thread'): OwnerOverview {
  return kind === 'goroutine' ? c.goroutines : kind === 'proc' ? c.procs : c.threads;
}
