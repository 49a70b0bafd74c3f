/**
 * Cause and effect on the timeline, from the state spans: for a goroutine's slice, the spans
 * before and after it, who made it runnable (a span's `by`: the goroutine whose event began
 * it), who created the goroutine, and the chain of unblocks leading to the slice (its unblocker
 * was running when it unblocked it; who made that one runnable; and so on).
 *
 * Times in queries and answers count from the timeline's origin; spans are in absolute ns.
 */
import { SpanFlag, type OwnerSpans, type SpanChunk } from '../../analysis/index.js';
import type { RelationsQuery, SliceRelations, SpanRef, TimelineLink } from '../../shared/timeline.js';

export const MAX_CHAIN = 8;
/** How many chunks away a previous or next span is looked for. */
const NEIGHBOUR_CHUNKS = 4;
const RUNNABLE = 1;
const WAITING = 2;

export interface RelationsData {
  originNs: number;
  /** Chunk k's spans (derived again if not cached). */
  chunk(k: number): Promise<SpanChunk | undefined>;
  /** The chunk holding an absolute time, or -1. */
  chunkAt(ns: number): number;
  /** A goroutine's creation time (absolute ns; NaN or 0: it existed when the trace began). */
  creationNs(goroutine: number): number;
}

/** A span found: its chunk, row, and the chunk's goroutine spans. */
interface Found {
  k: number;
  r: number;
  s: OwnerSpans;
}

export class TimelineRelations {
  constructor(private readonly d: RelationsData) {}

  async relations(q: RelationsQuery): Promise<SliceRelations> {
    const o = this.d.originNs;
    const at = q.atNs + o;
    const out: SliceRelations = { query: q, chain: [] };
    const f = await this.spanAt(q.goroutine, at);
    if (!f) return out;
    out.slice = this.ref(f);
    const prev = await this.neighbour(q.goroutine, f, -1);
    const next = await this.neighbour(q.goroutine, f, 1);
    if (prev) out.prev = this.ref(prev);
    if (next) out.next = this.ref(next);
    const u = await this.unblocker(q.goroutine, f);
    if (u) out.unblocker = { goroutine: u.goroutine, atNs: u.at - o };
    const c = await this.creator(q.goroutine);
    if (c) out.creator = { goroutine: c.goroutine, atNs: c.at - o };
    out.chain = await this.chain(q.goroutine, f, u);
    return out;
  }

  private ref(f: Found): SpanRef {
    const o = this.d.originNs;
    return { startNs: f.s.start[f.r] - o, endNs: f.s.end[f.r] - o, state: f.s.state[f.r] };
  }

  /** The goroutine's span holding `at` (the later one where two meet there). */
  private async spanAt(g: number, at: number): Promise<Found | undefined> {
    const k = this.d.chunkAt(at);
    if (k < 0) return undefined;
    const chunk = await this.d.chunk(k);
    if (!chunk) return undefined;
    const s = chunk.goroutines;
    const [a, b] = s.rowsOf(g);
    let found = -1;
    for (let r = a; r < b && s.start[r] <= at; r++) if (s.end[r] >= at) found = r;
    return found < 0 ? undefined : { k, r: found, s };
  }

  /**
   * The span before (dir -1) or after (+1). A span that goes on across a chunk's edge is cut in
   * pieces (Trailing, then Leading in the next chunk): its other pieces are the same span, skipped.
   */
  private async neighbour(g: number, f: Found, dir: -1 | 1): Promise<Found | undefined> {
    let cur = f;
    for (let n = 0; n < NEIGHBOUR_CHUNKS; n++) {
      const [a, b] = cur.s.rowsOf(g);
      const r = cur.r + dir;
      if (r >= a && r < b) return { k: cur.k, r, s: cur.s };
      const edge = await this.edgeSpan(g, cur.k + dir, dir);
      if (!edge || !this.continues(cur, edge, dir)) return edge;
      cur = edge;
    }
    return undefined;
  }

  /** Whether `next` (in direction dir) is the same span as `cur`, cut at the chunks' edge. */
  private continues(cur: Found, next: Found, dir: -1 | 1): boolean {
    const [out, into] = dir > 0 ? [SpanFlag.Trailing, SpanFlag.Leading] : [SpanFlag.Leading, SpanFlag.Trailing];
    return (cur.s.flags[cur.r] & out) !== 0 && (next.s.flags[next.r] & into) !== 0 && cur.s.state[cur.r] === next.s.state[next.r];
  }

  /** The goroutine's first (dir +1) or last (-1) span in the nearest chunk from k that has one. */
  private async edgeSpan(g: number, k: number, dir: -1 | 1): Promise<Found | undefined> {
    for (let n = 0; k >= 0 && n < NEIGHBOUR_CHUNKS; k += dir, n++) {
      const chunk = await this.d.chunk(k);
      if (!chunk) return undefined;
      const s = chunk.goroutines;
      const [x, y] = s.rowsOf(g);
      if (x < y) return { k, r: dir > 0 ? x : y - 1, s };
    }
    return undefined;
  }

  /** The piece of a span where it began (a span cut at chunk edges began in its first piece). */
  private async firstPiece(g: number, f: Found): Promise<Found | undefined> {
    let cur = f;
    for (let n = 0; n < NEIGHBOUR_CHUNKS && cur.s.flags[cur.r] & SpanFlag.Leading; n++) {
      const [a] = cur.s.rowsOf(g);
      if (cur.r > a) return cur;
      const prev = await this.edgeSpan(g, cur.k - 1, -1);
      if (!prev || !this.continues(cur, prev, -1)) return undefined;
      cur = prev;
    }
    return cur.s.flags[cur.r] & SpanFlag.Leading ? undefined : cur;
  }

  /**
   * Who made it runnable for this span: a waiting span's is the next span's `by` (who ended the
   * wait); a runnable span's its own; a running or syscall span's the runnable span before it.
   */
  private async unblocker(g: number, f: Found): Promise<{ goroutine: number; at: number } | undefined> {
    const state = f.s.state[f.r];
    let w: Found | undefined = f;
    if (state === WAITING) w = await this.neighbour(g, f, 1);
    else if (state !== RUNNABLE) {
      w = await this.neighbour(g, f, -1);
      if (w && w.s.state[w.r] !== RUNNABLE) return undefined;
    }
    if (!w) return undefined;
    // Where the span began (its first piece), or undefined: it began before the trace.
    w = await this.firstPiece(g, w);
    if (!w) return undefined;
    const by = w.s.by[w.r];
    return { goroutine: by >= 0 && by !== g ? by : -1, at: w.s.start[w.r] };
  }

  private async creator(g: number): Promise<{ goroutine: number; at: number } | undefined> {
    const t = this.d.creationNs(g);
    if (!(t > 0)) return undefined;
    const f = await this.spanAt(g, t);
    if (!f) return undefined;
    const by = f.s.by[f.r];
    return by >= 0 && by !== g ? { goroutine: by, at: f.s.start[f.r] } : undefined;
  }

  /** The unblock chain: g's unblocker u at t was running then; who made u runnable; and so on. */
  private async chain(g: number, f: Found, first: { goroutine: number; at: number } | undefined): Promise<TimelineLink[]> {
    const o = this.d.originNs;
    const links: TimelineLink[] = [];
    const seen = new Set<string>();
    let to = g;
    let u = first;
    let span: Found | undefined = f;
    while (u && u.goroutine >= 0 && links.length < MAX_CHAIN && span) {
      const key = `${u.goroutine}@${u.at}`;
      if (seen.has(key)) break;
      seen.add(key);
      links.push({ from: u.goroutine, to, atNs: u.at - o, kind: 'unblock' });
      to = u.goroutine;
      span = await this.spanAt(u.goroutine, u.at);
      u = span ? await this.unblocker(u.goroutine, span) : undefined;
    }
    return links;
  }
}
