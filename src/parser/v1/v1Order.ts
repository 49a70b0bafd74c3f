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
import type { V1Batches } from './v1Batches.js';
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

/** What an event needs (init) and leaves (next) of the goroutine it orders on (g). */
class Transition {
  g = UNORDERED;
  initSeq = 0;
  initStatus = 0;
  nextSeq = 0;
  nextStatus = 0;

  of(ev: V1Event): this {
    switch (ev.type) {
      case V1Ev.GoCreate:
        return this.set(ev.a0, 0, G_DEAD, 1, G_RUNNABLE);
      case V1Ev.GoWaiting:
      case V1Ev.GoInSyscall:
        return this.set(ev.g, 1, G_RUNNABLE, 2, G_WAITING);
      case V1Ev.GoStart:
      case V1Ev.GoStartLabel:
        return this.set(ev.g, seqArg(ev.a1), G_RUNNABLE, ev.a1 + 1, G_RUNNING);
      case V1Ev.GoStartLocal:
        // Written on the P that created or unblocked the goroutine, which is merged already.
        return this.set(ev.g, NOSEQ, G_RUNNABLE, SEQINC, G_RUNNING);
      case V1Ev.GoBlock:
      case V1Ev.GoBlockSend:
      case V1Ev.GoBlockRecv:
      case V1Ev.GoBlockSelect:
      case V1Ev.GoBlockSync:
      case V1Ev.GoBlockCond:
      case V1Ev.GoBlockNet:
      case V1Ev.GoSleep:
      case V1Ev.GoSysBlock:
      case V1Ev.GoBlockGC:
        return this.set(ev.g, NOSEQ, G_RUNNING, NOSEQ, G_WAITING);
      case V1Ev.GoSched:
      case V1Ev.GoPreempt:
        return this.set(ev.g, NOSEQ, G_RUNNING, NOSEQ, G_RUNNABLE);
      case V1Ev.GoUnblock:
      case V1Ev.GoSysExit:
        return this.set(ev.a0, seqArg(ev.a1), G_WAITING, ev.a1 + 1, G_RUNNABLE);
      case V1Ev.GoUnblockLocal:
      case V1Ev.GoSysExitLocal:
        return this.set(ev.a0, NOSEQ, G_WAITING, SEQINC, G_RUNNABLE);
      case V1Ev.GCStart:
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

  readyIn(gs: Map<number, GState>): boolean {
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
}

/** The frontier: at most one event per P, a min-heap by time exactly as Go's (so ties go as in Go). */
class Frontier {
  readonly items: { ev: V1Event; proc: Proc }[] = [];

  push(ev: V1Event, proc: Proc): void {
    const h = this.items;
    h.push({ ev, proc });
    let j = h.length - 1;
    for (;;) {
      const i = ((j - 1) / 2) | 0;
      if (i === j || !(h[j].ev.ts < h[i].ev.ts)) break;
      const t = h[i];
      h[i] = h[j];
      h[j] = t;
      j = i;
    }
  }

  pop(): { ev: V1Event; proc: Proc } {
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
      if (j2 < n && h[j2].ev.ts < h[j1].ev.ts) j = j2;
      if (!(h[j].ev.ts < h[i].ev.ts)) break;
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

/**
 * Merges every P's batches (loaded through `batches` as they are needed) and the CPU samples
 * into one stream; times are still ticks.
 */
export function mergeBatches(batches: V1Batches): V1EventList {
  // Samples go by the time the signal handler took, in Go's (unstable) order for equal times.
  const samples = batches.cpuSamples.slice();
  goSort(samples, (a, b) => a.ts < b.ts);

  // Go lists the Ps in its map's order, which varies from run to run; ours is the file's order.
  const all: Proc[] = [...batches.batchOffsets.keys()].map((pid) => ({ pid, events: [], head: 0, count: 0, done: false }));
  all.push({ pid: PROFILE_P, events: samples, head: 0, count: samples.length, done: false });

  const out = new V1EventList(1 << 12);
  const gs = new Map<number, GState>();
  const frontier = new Frontier();
  const t = new Transition();
  // Go looks at every P's next event again after each event it takes. Only a change of the
  // goroutine an event waits for can make it ready, so here a P whose next event is not ready
  // waits under the state that event needs, and is looked at again when its goroutine gets
  // there: the same events reach the frontier, without a pass over every P for every event
  // (quadratic on a trace with many Ps).
  const blocked = new Map<string, Proc[]>();
  let toCheck: Proc[] = all.slice();
  for (;;) {
    for (let k = 0; k < toCheck.length; k++) {
      const proc = toCheck[k];
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
      if (!t.of(ev).readyIn(gs)) {
        const key = waitKey(t.g, t.initSeq, t.initStatus);
        const list = blocked.get(key);
        if (list) list.push(proc);
        else blocked.set(key, [proc]);
        continue;
      }
      proc.head++;
      frontier.push(ev, proc);
    }
    toCheck = [];

    if (frontier.length === 0) {
      for (const p of all) {
        if (!p.done) throw new V1Error('ordering-failed', 'no consistent ordering of events possible', stuckOffset(all));
      }
      break;
    }
    const f = frontier.pop();
    const ev = f.ev;
    t.of(ev);
    // The "Local" variants only matter for the ordering.
    if (ev.type === V1Ev.GoStartLocal) ev.type = V1Ev.GoStart;
    else if (ev.type === V1Ev.GoUnblockLocal) ev.type = V1Ev.GoUnblock;
    else if (ev.type === V1Ev.GoSysExitLocal) ev.type = V1Ev.GoSysExit;
    out.push(ev);
    toCheck.push(f.proc);
    if (t.g !== UNORDERED) {
      if (!t.readyIn(gs)) throw new V1Error('ordering-failed', 'encountered impossible goroutine state transition', ev.off);
      const cur = gs.get(t.g);
      const seq = cur ? cur.seq : 0;
      const next = t.nextSeq === NOSEQ ? seq : t.nextSeq === SEQINC ? seq + 1 : t.nextSeq;
      if (cur) {
        cur.seq = next;
        cur.status = t.nextStatus;
      } else {
        gs.set(t.g, { seq: next, status: t.nextStatus });
      }
      // The Ps waiting for the goroutine's new state.
      for (const key of [waitKey(t.g, next, t.nextStatus), waitKey(t.g, NOSEQ, t.nextStatus)]) {
        const woken = blocked.get(key);
        if (woken) {
          blocked.delete(key);
          for (const p of woken) toCheck.push(p);
        }
      }
    }
  }

  checkSorted(out);
  applySyscallExitTimes(out);
  return out;
}

/** The goroutine state an event waits for, as a map key. */
function waitKey(g: number, seq: number, status: number): string {
  return `${g}/${seq === NOSEQ ? '*' : seq}/${status}`;
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
 * Only the moved events are out of place, so they are sorted apart and merged back in.
 */
function applySyscallExitTimes(list: V1EventList): void {
  const n = list.length;
  const lastBlock = new Map<number, number>();
  const moved: number[] = [];
  for (let i = 0; i < n; i++) {
    const type = list.type[i];
    if (type === V1Ev.GoSysBlock || type === V1Ev.GoInSyscall) {
      lastBlock.set(list.g[i], list.ts[i]);
    } else if (type === V1Ev.GoSysExit) {
      const ts = list.a2[i] < 2 ** 63 ? list.a2[i] : list.a2[i] - 2 ** 64;
      if (ts === 0) continue;
      const block = lastBlock.get(list.g[i]) ?? 0;
      if (block === 0) throw new V1Error('ordering-failed', 'stray syscall exit', list.off[i]);
      if (ts < block) throw new V1Error('time-order', TIME_ORDER, list.off[i]);
      if (ts !== list.ts[i]) {
        list.ts[i] = ts;
        moved.push(i);
      }
    }
  }
  if (moved.length === 0) return;
  // The rest stays sorted; the moved ones are sorted by (time, old index) and merged back:
  // exactly what a stable sort of the whole stream gives.
  moved.sort((a, b) => list.ts[a] - list.ts[b] || a - b);
  const isMoved = new Uint8Array(n);
  for (const i of moved) isMoved[i] = 1;
  const order = new Uint32Array(n);
  const ts = list.ts;
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
