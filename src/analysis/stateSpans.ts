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
import { Growable } from './growable.js';

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
}

const f64 = (n: number) => new Float64Array(n);
const i32 = (n: number) => new Int32Array(n);

/** Rows appended as spans end; grouped by owner into OwnerSpans when the chunk is finished. */
class Rows {
  kind = new Growable(i32);
  owner = new Growable(f64);
  start = new Growable(f64);
  end = new Growable(f64);
  state = new Growable(i32);
  flags = new Growable(i32);
  reason = new Growable(i32);
  offset = new Growable(f64);
  other = new Growable(f64);
  by = new Growable(f64);

  push(kind: number, owner: number, s: Open, end: number, flags: number, other = s.other, by = s.by): void {
    if (end <= s.start) return;
    this.kind.push(kind);
    this.owner.push(owner);
    this.start.push(s.start);
    this.end.push(end);
    this.state.push(s.state);
    this.flags.push(s.flags | flags);
    this.reason.push(s.reason);
    this.offset.push(s.offset);
    this.other.push(other);
    this.by.push(by);
  }

  /**
   * The rows of one kind grouped by owner, each owner's in the order they were appended (by
   * start for goroutines and procs, whose spans do not overlap). A counting sort: no comparisons.
   */
  group(kind: number): OwnerSpans {
    const n = this.kind.length;
    const k = this.kind.toArray();
    const owner = this.owner.toArray();
    const count = new Map<number, number>();
    for (let i = 0; i < n; i++) if (k[i] === kind) count.set(owner[i], (count.get(owner[i]) ?? 0) + 1);
    const owners = Float64Array.from(count.keys()).sort();
    const first = new Uint32Array(owners.length + 1);
    const next = new Map<number, number>();
    for (let i = 0; i < owners.length; i++) {
      next.set(owners[i], first[i]);
      first[i + 1] = first[i] + count.get(owners[i])!;
    }
    const m = first[owners.length];
    const cols = {
      start: new Float64Array(m), end: new Float64Array(m), state: new Uint8Array(m), flags: new Uint8Array(m),
      reason: new Int32Array(m), offset: new Float64Array(m), other: new Float64Array(m), by: new Float64Array(m),
    };
    for (let i = 0; i < n; i++) {
      if (k[i] !== kind) continue;
      const at = next.get(owner[i])!;
      next.set(owner[i], at + 1);
      cols.start[at] = this.start.at(i);
      cols.end[at] = this.end.at(i);
      cols.state[at] = this.state.at(i);
      cols.flags[at] = this.flags.at(i);
      cols.reason[at] = this.reason.at(i);
      cols.offset[at] = this.offset.at(i);
      cols.other[at] = this.other.at(i);
      cols.by[at] = this.by.at(i);
    }
    return new OwnerSpans(owners, first, cols.start, cols.end, cols.state, cols.flags, cols.reason, cols.offset, cols.other, cols.by);
  }
}

/**
 * Builds one chunk's spans from its events (the chunk's Sync first, then its events in order).
 * finish(endNs) cuts the open spans and returns the chunk.
 */
export class SpanChunkBuilder {
  private readonly rows = new Rows();
  private readonly goroutines = new Map<number, Open>();
  /** Goroutines seen in this chunk (a first transition decides their leading span). */
  private readonly seen = new Set<number>();
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
    for (const [g, s] of this.goroutines) this.close(g, s, endNs, SpanFlag.Trailing);
    for (const h of this.held.values()) this.rows.push(KIND_CODE.thread, h.thread, h, endNs, SpanFlag.Trailing);
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
    const open = this.goroutines.get(g);
    let since = t;
    if (open) {
      this.close(g, open, t, 0);
    } else if (!this.seen.has(g)) {
      const was = GO_STATE[from];
      if (from === GoState.Undetermined) since = this.startNs;
      else if (was !== undefined && t > this.startNs) {
        const lead: Open = { start: this.startNs, state: was, flags: SpanFlag.Leading, reason: -1, offset: -1, other: -1, by: -1, m: -1 };
        this.close(g, lead, t, 0);
      }
    }
    this.seen.add(g);
    const state = GO_STATE[to];
    if (state === undefined) {
      if (open) this.goroutines.delete(g);
      return;
    }
    // The goroutine's record is reused: one object per live goroutine, not per span.
    const s = open ?? ({} as Open);
    s.start = since;
    s.state = state;
    s.flags = 0;
    s.reason = state === SpanState.Waiting || state === SpanState.Runnable ? this.intern(reason) : -1;
    s.offset = e.srcOffset ?? -1;
    s.other = state === SpanState.Running ? e.p : -1;
    s.by = e.g >= 0 && e.g !== g ? e.g : -1;
    s.m = e.m;
    if (!open) this.goroutines.set(g, s);
  }

  /** Ends a goroutine's span; a running one is also its proc's, a syscall also its thread's. */
  private close(g: number, s: Open, end: number, flags: number): void {
    this.rows.push(KIND_CODE.goroutine, g, s, end, flags);
    if (s.state === SpanState.Running && s.other >= 0) {
      this.rows.push(KIND_CODE.proc, s.other, s, end, flags, g, -1);
    } else if (s.state === SpanState.Syscall && s.m >= 0) {
      this.rows.push(KIND_CODE.thread, s.m, s, end, flags, g, -1);
    }
  }

  /** `from` and `to` are ProcStates. */
  private proc(p: number, from: number, to: number, e: OrderedEvent): void {
    const t = e.time;
    const h = this.held.get(p);
    if (h) {
      this.rows.push(KIND_CODE.thread, h.thread, h, t, 0);
      this.held.delete(p);
    } else if (!this.procsSeen.has(p) && from === ProcState.Running && e.m >= 0 && e.p === p && t > this.startNs) {
      // Stopped by the thread holding it since before this chunk.
      const lead = { start: this.startNs, state: SpanState.ProcHeld, flags: SpanFlag.Leading, reason: -1, offset: -1, other: p, by: -1, m: e.m };
      this.rows.push(KIND_CODE.thread, e.m, lead, t, 0);
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
      thread: e.m,
    });
  }
}
