/**
 * State spans: what each goroutine, proc and thread was doing from when to when, built from the
 * ordered events of one chunk of time (a v2 generation, or a whole v1 trace). The timeline draws
 * them; the analyses sum them.
 *
 * A chunk's spans depend on its events only: a span open at the chunk's end is cut there
 * (`trailing`), and a goroutine's state before its first transition in the chunk is that
 * transition's `from` state, from the chunk's start (`leading`, with no reason: the reason is in
 * an earlier chunk). So the spans the analysis pass builds for generation k are exactly those
 * built by ordering generation k again on its own (deriveSpans.ts), which is how detail is got
 * back once it has left the cache.
 *
 * Memory: 53 bytes per span in the columns below (kept only for the chunks the viewer caches).
 */
import { GoState, newTransitionCodes, ProcState, readTransition, TransitionResource, type OrderedEvent } from '../parser/index.js';

/** What a span shows; the order is the shared timeline contract's SLICE_STATES. */
export const SpanState = { Running: 0, Runnable: 1, Waiting: 2, Syscall: 3, ProcHeld: 6 } as const;
export type SpanStateCode = (typeof SpanState)[keyof typeof SpanState];

export type SpanOwnerKind = 'goroutine' | 'proc' | 'thread';
const KIND_CODE: Record<SpanOwnerKind, number> = { goroutine: 0, proc: 1, thread: 2 };

export const SpanFlag = { Leading: 1, Trailing: 2 } as const;

/** A GoState's span state (undefined: no span, as for NotExist). */
const GO_STATE: readonly (number | undefined)[] = (() => {
  const s: (number | undefined)[] = [];
  s[GoState.Running] = SpanState.Running;
  s[GoState.Runnable] = SpanState.Runnable;
  s[GoState.Waiting] = SpanState.Waiting;
  s[GoState.Syscall] = SpanState.Syscall;
  return s;
})();

/** The spans of one owner kind, grouped by owner (ascending IDs); a goroutine's or proc's by start time. */
export class OwnerSpans {
  constructor(
    /** Distinct owners, ascending; owner i's spans are rows first[i]..first[i+1]-1. */
    readonly owners: Float64Array,
    readonly first: Uint32Array,
    readonly start: Float64Array,
    readonly end: Float64Array,
    readonly state: Uint8Array,
    readonly flags: Uint8Array,
    /** Index into SpanChunk.strings, or -1. */
    readonly reason: Int32Array,
    /** File offset of the event that began the span, or -1. */
    readonly offset: Float64Array,
    /** Goroutine spans: the proc it ran on; proc spans: the goroutine; thread spans: the P or the goroutine in a syscall. */
    readonly other: Float64Array,
    /** Goroutine spans: the goroutine whose event began it when not the owner (who unblocked it), or -1. */
    readonly by: Float64Array,
  ) {}

  get length(): number {
    return this.start.length;
  }

  get bytes(): number {
    return this.owners.byteLength + this.first.byteLength + this.length * 53;
  }

  /** Rows [from, to) of an owner, or [0, 0) if it has none here. */
  rowsOf(id: number): [number, number] {
    let lo = 0;
    let hi = this.owners.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const v = this.owners[mid];
      if (v === id) return [this.first[mid], this.first[mid + 1]];
      if (v < id) lo = mid + 1;
      else hi = mid - 1;
    }
    return [0, 0];
  }
}

export interface SpanChunk {
  startNs: number;
  endNs: number;
  goroutines: OwnerSpans;
  procs: OwnerSpans;
  threads: OwnerSpans;
  /** Reasons, interned per chunk. */
  strings: string[];
}

interface Open {
  start: number;
  state: number;
  flags: number;
  reason: number;
  offset: number;
  other: number;
  by: number;
  /** The thread a goroutine's syscall runs on. */
  m: number;
  /** A goroutine's slot in Rows (-1 for other records). */
  slot: number;
}

/** A goroutine's record between spans (after it ended): it was seen in the chunk, nothing is open. */
const CLOSED = -1;

/**
 * Rows appended as spans end, all columns grown together; grouped by owner into OwnerSpans when
 * the chunk is finished. Each row keeps its owner's slot (owners numbered as first seen, per
 * kind), so grouping is counting over typed arrays, with no map lookups per row.
 */
class Rows {
  n = 0;
  private cap = 0;
  kind = new Uint8Array(0);
  slot = new Int32Array(0);
  start = new Float64Array(0);
  end = new Float64Array(0);
  state = new Uint8Array(0);
  flags = new Uint8Array(0);
  reason = new Int32Array(0);
  offset = new Float64Array(0);
  other = new Float64Array(0);
  by = new Float64Array(0);
  /** Per kind: owner → slot, and slot → owner. */
  private readonly slots = [new Map<number, number>(), new Map<number, number>(), new Map<number, number>()];
  private readonly owners: number[][] = [[], [], []];

  constructor() {
    this.grow(1024);
  }

  /** The slot of an owner of a kind (numbered as first seen). */
  slotOf(kind: number, owner: number): number {
    const map = this.slots[kind];
    let slot = map.get(owner);
    if (slot === undefined) {
      slot = this.owners[kind].push(owner) - 1;
      map.set(owner, slot);
    }
    return slot;
  }

  push(kind: number, slot: number, s: Open, end: number, flags: number, other = s.other, by = s.by): void {
    if (end <= s.start) return;
    if (this.n === this.cap) this.grow(this.cap * 2);
    const i = this.n++;
    this.kind[i] = kind;
    this.slot[i] = slot;
    this.start[i] = s.start;
    this.end[i] = end;
    this.state[i] = s.state;
    this.flags[i] = s.flags | flags;
    this.reason[i] = s.reason;
    this.offset[i] = s.offset;
    this.other[i] = other;
    this.by[i] = by;
  }

  /**
   * The rows of one kind grouped by owner (ascending IDs), each owner's in the order they were
   * appended (by start for goroutines and procs, whose spans do not overlap). A counting sort.
   */
  group(kind: number): OwnerSpans {
    const ids = this.owners[kind];
    const k = ids.length;
    // Slots in ascending owner ID: rank[slot] is the owner's place.
    const order = Int32Array.from({ length: k }, (_, i) => i).sort((x, y) => ids[x] - ids[y]);
    const rank = new Int32Array(k);
    const owners = new Float64Array(k);
    for (let r = 0; r < k; r++) {
      rank[order[r]] = r;
      owners[r] = ids[order[r]];
    }
    const first = new Uint32Array(k + 1);
    for (let i = 0; i < this.n; i++) if (this.kind[i] === kind) first[rank[this.slot[i]] + 1]++;
    for (let r = 0; r < k; r++) first[r + 1] += first[r];
    const at = first.slice(0, k);
    const m = first[k];
    const cols = {
      start: new Float64Array(m), end: new Float64Array(m), state: new Uint8Array(m), flags: new Uint8Array(m),
      reason: new Int32Array(m), offset: new Float64Array(m), other: new Float64Array(m), by: new Float64Array(m),
    };
    for (let i = 0; i < this.n; i++) {
      if (this.kind[i] !== kind) continue;
      const j = at[rank[this.slot[i]]]++;
      cols.start[j] = this.start[i];
      cols.end[j] = this.end[i];
      cols.state[j] = this.state[i];
      cols.flags[j] = this.flags[i];
      cols.reason[j] = this.reason[i];
      cols.offset[j] = this.offset[i];
      cols.other[j] = this.other[i];
      cols.by[j] = this.by[i];
    }
    // Owners whose every span was empty have no rows: they are left out.
    let kept = 0;
    for (let r = 0; r < k; r++) if (first[r + 1] > first[r]) kept++;
    if (kept === k) return new OwnerSpans(owners, first, cols.start, cols.end, cols.state, cols.flags, cols.reason, cols.offset, cols.other, cols.by);
    const o2 = new Float64Array(kept);
    const f2 = new Uint32Array(kept + 1);
    let w = 0;
    for (let r = 0; r < k; r++) {
      if (first[r + 1] === first[r]) continue;
      o2[w] = owners[r];
      f2[++w] = first[r + 1];
    }
    return new OwnerSpans(o2, f2, cols.start, cols.end, cols.state, cols.flags, cols.reason, cols.offset, cols.other, cols.by);
  }

  private grow(cap: number): void {
    const f = (a: Float64Array): Float64Array<ArrayBuffer> => {
      const next = new Float64Array(cap);
      next.set(a);
      return next;
    };
    const i = (a: Int32Array): Int32Array<ArrayBuffer> => {
      const next = new Int32Array(cap);
      next.set(a);
      return next;
    };
    const u = (a: Uint8Array): Uint8Array<ArrayBuffer> => {
      const next = new Uint8Array(cap);
      next.set(a);
      return next;
    };
    this.kind = u(this.kind);
    this.slot = i(this.slot);
    this.start = f(this.start);
    this.end = f(this.end);
    this.state = u(this.state);
    this.flags = u(this.flags);
    this.reason = i(this.reason);
    this.offset = f(this.offset);
    this.other = f(this.other);
    this.by = f(this.by);
    this.cap = cap;
  }
}

/**
 * Builds one chunk's spans from its events (the chunk's Sync first, then its events in order).
 * finish(endNs) cuts the open spans and returns the chunk.
 */
export class SpanChunkBuilder {
  private readonly rows = new Rows();
  /**
   * Every goroutine seen in this chunk (its first transition decided its leading span), its open
   * span, or CLOSED: one record per goroutine, reused for each of its spans.
   */
  private readonly goroutines = new Map<number, Open>();
  /** Per proc, the thread holding it. */
  private readonly held = new Map<number, Open & { thread: number }>();
  private readonly procsSeen = new Set<number>();
  private readonly strings: string[] = [];
  private readonly stringIds = new Map<string, number>();

  private readonly st = newTransitionCodes();

  constructor(readonly startNs: number) {}

  handleEvent(e: OrderedEvent): void {
    const st = this.st;
    if (!readTransition(e, st) || st.from === st.to) return;
    if (st.resource === TransitionResource.Goroutine) this.goroutine(st.id, st.from, st.to, st.reason, e);
    else if (st.resource === TransitionResource.Proc) this.proc(st.id, st.from, st.to, e);
  }

  finish(endNs: number): SpanChunk {
    for (const [g, s] of this.goroutines) if (s.state !== CLOSED) this.close(g, s, endNs, SpanFlag.Trailing);
    for (const h of this.held.values()) this.rows.push(KIND_CODE.thread, this.rows.slotOf(KIND_CODE.thread, h.thread), h, endNs, SpanFlag.Trailing);
    this.goroutines.clear();
    this.held.clear();
    return {
      startNs: this.startNs,
      endNs,
      goroutines: this.rows.group(KIND_CODE.goroutine),
      procs: this.rows.group(KIND_CODE.proc),
      threads: this.rows.group(KIND_CODE.thread),
      strings: this.strings,
    };
  }

  private intern(s: string): number {
    if (s === '') return -1;
    let id = this.stringIds.get(s);
    if (id === undefined) {
      id = this.strings.length;
      this.strings.push(s);
      this.stringIds.set(s, id);
    }
    return id;
  }

  /** `from` and `to` are GoStates. */
  private goroutine(g: number, from: number, to: number, reason: string, e: OrderedEvent): void {
    const t = e.time;
    let s = this.goroutines.get(g);
    let since = t;
    if (s) {
      if (s.state !== CLOSED) this.close(g, s, t, 0);
    } else {
      s = { start: this.startNs, state: CLOSED, flags: SpanFlag.Leading, reason: -1, offset: -1, other: -1, by: -1, m: -1, slot: this.rows.slotOf(KIND_CODE.goroutine, g) };
      this.goroutines.set(g, s);
      const was = GO_STATE[from];
      if (from === GoState.Undetermined) since = this.startNs;
      else if (was !== undefined && t > this.startNs) {
        // Its state from the chunk's start: the leading span.
        s.state = was;
        this.close(g, s, t, 0);
      }
    }
    const state = GO_STATE[to];
    if (state === undefined) {
      s.state = CLOSED;
      return;
    }
    s.start = since;
    s.state = state;
    s.flags = 0;
    s.reason = state === SpanState.Waiting || state === SpanState.Runnable ? this.intern(reason) : -1;
    s.offset = e.srcOffset ?? -1;
    s.other = state === SpanState.Running ? e.p : -1;
    s.by = e.g >= 0 && e.g !== g ? e.g : -1;
    s.m = e.m;
  }

  /** Ends a goroutine's span; a running one is also its proc's, a syscall also its thread's. */
  private close(g: number, s: Open, end: number, flags: number): void {
    const rows = this.rows;
    rows.push(KIND_CODE.goroutine, s.slot, s, end, flags);
    if (s.state === SpanState.Running && s.other >= 0) {
      rows.push(KIND_CODE.proc, rows.slotOf(KIND_CODE.proc, s.other), s, end, flags, g, -1);
    } else if (s.state === SpanState.Syscall && s.m >= 0) {
      rows.push(KIND_CODE.thread, rows.slotOf(KIND_CODE.thread, s.m), s, end, flags, g, -1);
    }
  }

  /** `from` and `to` are ProcStates. */
  private proc(p: number, from: number, to: number, e: OrderedEvent): void {
    const t = e.time;
    const h = this.held.get(p);
    if (h) {
      this.rows.push(KIND_CODE.thread, this.rows.slotOf(KIND_CODE.thread, h.thread), h, t, 0);
      this.held.delete(p);
    } else if (!this.procsSeen.has(p) && from === ProcState.Running && e.m >= 0 && e.p === p && t > this.startNs) {
      // Stopped by the thread holding it since before this chunk.
      const lead = { start: this.startNs, state: SpanState.ProcHeld, flags: SpanFlag.Leading, reason: -1, offset: -1, other: p, by: -1, m: e.m, slot: -1 };
      this.rows.push(KIND_CODE.thread, this.rows.slotOf(KIND_CODE.thread, e.m), lead, t, 0);
    }
    this.procsSeen.add(p);
    if (to !== ProcState.Running || e.m < 0) return;
    this.held.set(p, {
      start: from === ProcState.Undetermined ? this.startNs : t,
      state: SpanState.ProcHeld,
      flags: 0,
      reason: -1,
      offset: e.srcOffset ?? -1,
      other: p,
      by: -1,
      m: e.m,
      slot: -1,
      thread: e.m,
    });
  }
}
