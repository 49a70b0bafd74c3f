/**
 * The merge of a v1 trace's per-P batches into one stream, by Go's v1 rules (tracev1's order.go
 * and parseEventBatches). Each P's events are in order; across Ps, an event may only be taken
 * once the goroutine it is about is in the state it expects, told by sequence numbers (GoStart,
 * GoUnblock and GoSysExit carry the goroutine's next sequence number; the "Local" variants carry
 * none and are ready once the frontier reaches them). Of the ready events the earliest goes next,
 * so a consistent stream comes out even when clocks disagree. If no P can go on, Go gives up:
 * "no consistent ordering of events possible".
 *
 * Then, as Go does: the stream must be sorted by time ("time stamps out of order" otherwise), and
 * a syscall exit takes the real exit time it carries, after which the stream is sorted again,
 * stably.
 */
import { goSort } from '../order/goSort.js';
import { GoroutineMap } from './goroutineMap.js';
import { int64, type V1Batches } from './v1Batches.js';
import { PROFILE_P, V1Ev } from './v1Events.js';
import { V1EventList, type V1Event } from './v1EventList.js';
import { TIME_ORDER, V1Error } from './v1Error.js';

// Goroutine statuses of the ordering.
const G_DEAD = 0;
const G_RUNNABLE = 1;
const G_RUNNING = 2;
const G_WAITING = 3;

/** The event has no ordering requirement. */
const UNORDERED = -1;
/** The pseudo-goroutine the GC sequence is kept on. */
const GARBAGE = -2;
/** Ready whatever the sequence number is / keep it. */
const NOSEQ = -1;
/** Add one to the sequence number, whatever it is. */
const SEQINC = -2;

/** A sequence number from the file (2^64-1, read as 2^64, is Go's "no sequence number"). */
const seqArg = (v: number): number => (v >= 2 ** 64 ? NOSEQ : v);

interface GState {
  seq: number;
  status: number;
}

// How each event type orders (a table: the merge asks for every event); 0: no requirement.
const ORDER_CREATE = 1;
const ORDER_STATUS = 2;
const ORDER_START = 3;
const ORDER_START_LOCAL = 4;
const ORDER_BLOCK = 5;
const ORDER_YIELD = 6;
const ORDER_UNBLOCK = 7;
const ORDER_UNBLOCK_LOCAL = 8;
const ORDER_GC = 9;

const ORDER_OF_TYPE: Uint8Array = (() => {
  const t = new Uint8Array(256);
  t[V1Ev.GoCreate] = ORDER_CREATE;
  t[V1Ev.GoWaiting] = t[V1Ev.GoInSyscall] = ORDER_STATUS;
  t[V1Ev.GoStart] = t[V1Ev.GoStartLabel] = ORDER_START;
  t[V1Ev.GoStartLocal] = ORDER_START_LOCAL;
  for (const b of [V1Ev.GoBlock, V1Ev.GoBlockSend, V1Ev.GoBlockRecv, V1Ev.GoBlockSelect, V1Ev.GoBlockSync, V1Ev.GoBlockCond,
    V1Ev.GoBlockNet, V1Ev.GoSleep, V1Ev.GoSysBlock, V1Ev.GoBlockGC]) t[b] = ORDER_BLOCK;
  t[V1Ev.GoSched] = t[V1Ev.GoPreempt] = ORDER_YIELD;
  t[V1Ev.GoUnblock] = t[V1Ev.GoSysExit] = ORDER_UNBLOCK;
  t[V1Ev.GoUnblockLocal] = t[V1Ev.GoSysExitLocal] = ORDER_UNBLOCK_LOCAL;
  t[V1Ev.GCStart] = ORDER_GC;
  return t;
})();

/** What an event needs (init) and leaves (next) of the goroutine it orders on (g). */
class Transition {
  g = UNORDERED;
  initSeq = 0;
  initStatus = 0;
  nextSeq = 0;
  nextStatus = 0;

  of(ev: V1Event): this {
    switch (ORDER_OF_TYPE[ev.type]) {
      case ORDER_CREATE:
        return this.set(ev.a0, 0, G_DEAD, 1, G_RUNNABLE);
      case ORDER_STATUS:
        return this.set(ev.g, 1, G_RUNNABLE, 2, G_WAITING);
      case ORDER_START:
        return this.set(ev.g, seqArg(ev.a1), G_RUNNABLE, ev.a1 + 1, G_RUNNING);
      case ORDER_START_LOCAL:
        // Written on the P that created or unblocked the goroutine, which is merged already.
        return this.set(ev.g, NOSEQ, G_RUNNABLE, SEQINC, G_RUNNING);
      case ORDER_BLOCK:
        return this.set(ev.g, NOSEQ, G_RUNNING, NOSEQ, G_WAITING);
      case ORDER_YIELD:
        return this.set(ev.g, NOSEQ, G_RUNNING, NOSEQ, G_RUNNABLE);
      case ORDER_UNBLOCK:
        return this.set(ev.a0, seqArg(ev.a1), G_WAITING, ev.a1 + 1, G_RUNNABLE);
      case ORDER_UNBLOCK_LOCAL:
        return this.set(ev.a0, NOSEQ, G_WAITING, SEQINC, G_RUNNABLE);
      case ORDER_GC:
        return this.set(GARBAGE, seqArg(ev.a0), G_DEAD, ev.a0 + 1, G_DEAD);
      default:
        this.g = UNORDERED;
        return this;
    }
  }

  private set(g: number, initSeq: number, initStatus: number, nextSeq: number, nextStatus: number): this {
    this.g = g;
    this.initSeq = initSeq;
    this.initStatus = initStatus;
    this.nextSeq = nextSeq;
    this.nextStatus = nextStatus;
    return this;
  }

  readyIn(gs: GoroutineMap<GState>): boolean {
    if (this.g === UNORDERED) return true;
    const cur = gs.get(this.g);
    const seq = cur ? cur.seq : 0;
    const status = cur ? cur.status : G_DEAD;
    return (this.initSeq === NOSEQ || this.initSeq === seq) && this.initStatus === status;
  }
}

/** One P's events: the batch being merged and what is left of it. */
interface Proc {
  pid: number;
  events: V1Event[];
  head: number;
  count: number;
  done: boolean;
  /** The P's event in the frontier (it has at most one there), and its transition. */
  front: V1Event | undefined;
  readonly tr: Transition;
}

/** The frontier: at most one event per P, a min-heap by time exactly as Go's (so ties go as in Go). */
class Frontier {
  readonly items: Proc[] = [];

  push(ev: V1Event, proc: Proc): void {
    proc.front = ev;
    const h = this.items;
    h.push(proc);
    let j = h.length - 1;
    for (;;) {
      const i = ((j - 1) / 2) | 0;
      if (i === j || !(h[j].front!.ts < h[i].front!.ts)) break;
      const t = h[i];
      h[i] = h[j];
      h[j] = t;
      j = i;
    }
  }

  /** Takes the earliest event; its P is returned, the event in `front`. */
  pop(): Proc {
    const h = this.items;
    const n = h.length - 1;
    let t = h[0];
    h[0] = h[n];
    h[n] = t;
    let i = 0;
    for (;;) {
      const j1 = 2 * i + 1;
      if (j1 >= n) break;
      let j = j1;
      const j2 = j1 + 1;
      if (j2 < n && h[j2].front!.ts < h[j1].front!.ts) j = j2;
      if (!(h[j].front!.ts < h[i].front!.ts)) break;
      t = h[i];
      h[i] = h[j];
      h[j] = t;
      i = j;
    }
    return h.pop()!;
  }

  get length(): number {
    return this.items.length;
  }
}

/** Ps waiting for a goroutine to reach a sequence number (NOSEQ: any), by goroutine. */
class Waiting {
  private readonly byG = new Map<number, Map<number, Proc[]>>();

  add(g: number, seq: number, proc: Proc): void {
    let bySeq = this.byG.get(g);
    if (!bySeq) this.byG.set(g, (bySeq = new Map()));
    const list = bySeq.get(seq);
    if (list) list.push(proc);
    else bySeq.set(seq, [proc]);
  }

  /** Moves the Ps waiting for g at seq (or at any) to out[count...]; returns the new count. */
  wake(g: number, seq: number, out: Proc[], count: number): number {
    if (this.byG.size === 0) return count;
    const bySeq = this.byG.get(g);
    if (!bySeq) return count;
    for (const key of seq === NOSEQ ? [NOSEQ] : [seq, NOSEQ]) {
      const list = bySeq.get(key);
      if (!list) continue;
      bySeq.delete(key);
      for (const p of list) out[count++] = p;
    }
    if (bySeq.size === 0) this.byG.delete(g);
    return count;
  }
}

/**
 * Merges every P's batches (loaded through `batches` as they are needed) and the CPU samples
 * into one stream; times are still ticks.
 */
export function mergeBatches(batches: V1Batches): V1EventList {
  // Samples go by the time the signal handler took, in Go's (unstable) order for equal times.
  const samples = batches.cpuSamples.slice();
  goSort(samples, (a, b) => a.ts < b.ts);

  // Go lists the Ps in its map's order, which varies from run to run; ours is the file's order.
  const all: Proc[] = [...batches.batchOffsets.keys()].map((pid) => ({ pid, events: [], head: 0, count: 0, done: false, front: undefined, tr: new Transition() }));
  all.push({ pid: PROFILE_P, events: samples, head: 0, count: samples.length, done: false, front: undefined, tr: new Transition() });

  const out = new V1EventList(batches.eventCount + samples.length);
  const gs = new GoroutineMap<GState>();
  const frontier = new Frontier();
  // Go looks at every P's next event again after each event it takes. Only a change of the
  // goroutine an event waits for can make it ready, so here a P whose next event is not ready
  // waits under the state that event needs, and is looked at again when its goroutine gets
  // there: the same events reach the frontier, without a pass over every P for every event
  // (quadratic on a trace with many Ps).
  const waiting = new Waiting();
  // The Ps to look at (again): toCheck[0, checkCount).
  let toCheck: Proc[] = all.slice();
  let checkCount = toCheck.length;
  let spare: Proc[] = [];
  for (;;) {
    const count = checkCount;
    const checking = toCheck;
    toCheck = spare;
    spare = checking;
    checkCount = 0;
    for (let k = 0; k < count; k++) {
      const proc = checking[k];
      let loaded = true;
      while (proc.head >= proc.count) {
        // A batch may be empty: load until one has events or the P has no more.
        const n = batches.loadBatch(proc.pid, proc.events);
        if (n < 0) {
          proc.done = true;
          loaded = false;
          break;
        }
        proc.head = 0;
        proc.count = n;
      }
      if (!loaded) continue;
      const ev = proc.events[proc.head];
      const tr = proc.tr.of(ev);
      if (!tr.readyIn(gs)) {
        // Only a change of tr.g can make it ready. (Its status is checked again when woken.)
        waiting.add(tr.g, tr.initSeq, proc);
        continue;
      }
      proc.head++;
      frontier.push(ev, proc);
    }

    if (frontier.length === 0) {
      for (const p of all) {
        if (!p.done) throw new V1Error('ordering-failed', 'no consistent ordering of events possible', stuckOffset(all));
      }
      break;
    }
    const f = frontier.pop();
    const ev = f.front!;
    f.front = undefined;
    // Its transition, worked out when it joined the frontier (the event has not changed since).
    const t = f.tr;
    // The "Local" variants only matter for the ordering.
    if (ev.type === V1Ev.GoStartLocal) ev.type = V1Ev.GoStart;
    else if (ev.type === V1Ev.GoUnblockLocal) ev.type = V1Ev.GoUnblock;
    else if (ev.type === V1Ev.GoSysExitLocal) ev.type = V1Ev.GoSysExit;
    out.push(ev);
    toCheck[checkCount++] = f;
    if (t.g !== UNORDERED) {
      const cur = gs.get(t.g);
      const seq = cur ? cur.seq : 0;
      const status = cur ? cur.status : G_DEAD;
      // Ready when it joined the frontier, but an event taken since may have moved the goroutine on.
      if (!((t.initSeq === NOSEQ || t.initSeq === seq) && t.initStatus === status)) {
        throw new V1Error('ordering-failed', 'encountered impossible goroutine state transition', ev.off);
      }
      const next = t.nextSeq === NOSEQ ? seq : t.nextSeq === SEQINC ? seq + 1 : t.nextSeq;
      if (cur) {
        cur.seq = next;
        cur.status = t.nextStatus;
      } else {
        gs.set(t.g, { seq: next, status: t.nextStatus });
      }
      // The Ps waiting for the goroutine's new sequence number (or for any).
      checkCount = waiting.wake(t.g, next, toCheck, checkCount);
    }
  }

  checkSorted(out);
  applySyscallExitTimes(out);
  return out;
}

/** Where the merge got stuck: the earliest unmerged event of any P. */
function stuckOffset(all: Proc[]): number {
  let best = -1;
  for (const p of all) {
    if (p.done || p.head >= p.count) continue;
    const off = p.events[p.head].off;
    if (best < 0 || off < best) best = off;
  }
  return Math.max(0, best);
}

function checkSorted(list: V1EventList): void {
  const ts = list.ts;
  for (let i = 1; i < list.length; i++) {
    if (ts[i] < ts[i - 1]) throw new V1Error('time-order', TIME_ORDER, list.off[i]);
  }
}

/**
 * A syscall exit is written when the goroutine runs again, but it carries the time the syscall
 * really returned: the event takes that time (when set), then the stream is sorted again, stably.
 */
function applySyscallExitTimes(list: V1EventList): void {
  const n = list.length;
  const lastBlock = new GoroutineMap<number>();
  const moved: number[] = [];
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const type = list.type[i];
    if (type === V1Ev.GoSysBlock || type === V1Ev.GoInSyscall) {
      lastBlock.set(list.g[i], list.ts[i]);
    } else if (type === V1Ev.GoSysExit) {
      const ts = int64(list.a2[i]);
      if (ts === 0) continue;
      const block = lastBlock.get(list.g[i]) ?? 0;
      if (block === 0) throw new V1Error('ordering-failed', 'stray syscall exit', list.off[i]);
      if (ts < block) throw new V1Error('time-order', TIME_ORDER, list.off[i]);
      if (ts !== list.ts[i]) {
        moved.push(i);
        times.push(ts);
      }
    }
  }
  if (moved.length === 0) return;
  if (!moveBackInPlace(list, moved, times)) sortMovedApart(list, moved, times);
}

/**
 * The usual case: every moved exit goes back in time, and not far (the syscall returned shortly
 * before the goroutine ran again). Taken in file order, each slides back past the events later
 * than it, which is what a stable sort does. False (nothing changed) when some exit goes forward
 * or the slides would add up to too much; sortMovedApart does those.
 */
function moveBackInPlace(list: V1EventList, moved: number[], times: number[]): boolean {
  const ts = list.ts;
  let work = 0;
  for (let k = 0; k < moved.length; k++) {
    const i = moved[k];
    if (times[k] > ts[i]) return false;
    // Bound of the slide: the events before i later than the new time (ts is still sorted).
    let lo = 0;
    let hi = i;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (ts[mid] > times[k]) hi = mid;
      else lo = mid + 1;
    }
    work += i - lo;
  }
  if (work > 4 * list.length + (1 << 20)) return false;
  for (let k = 0; k < moved.length; k++) {
    const i = moved[k];
    const t = times[k];
    let to = i;
    while (to > 0 && ts[to - 1] > t) to--;
    if (to < i) list.rotateRight(to, i);
    ts[to] = t;
  }
  return true;
}

/**
 * The general case: the rest stays sorted; the moved ones are sorted by (time, old index) and
 * merged back: exactly what a stable sort of the whole stream gives.
 */
function sortMovedApart(list: V1EventList, movedIdx: number[], times: number[]): void {
  const n = list.length;
  const ts = list.ts;
  movedIdx.forEach((i, k) => (ts[i] = times[k]));
  const moved = movedIdx.slice().sort((a, b) => ts[a] - ts[b] || a - b);
  const isMoved = new Uint8Array(n);
  for (const i of moved) isMoved[i] = 1;
  const order = new Uint32Array(n);
  let k = 0;
  let m = 0;
  for (let i = 0; i < n; i++) {
    if (isMoved[i]) continue;
    while (m < moved.length && (ts[moved[m]] < ts[i] || (ts[moved[m]] === ts[i] && moved[m] < i))) order[k++] = moved[m++];
    order[k++] = i;
  }
  while (m < moved.length) order[k++] = moved[m++];
  list.permute(order);
}
