/**
 * Procs (P) and threads (M): per ID, how many events ran in their context, when they were first
 * and last seen, time running (and idle, for procs), the goroutines they ran and the syscalls made
 * on them.
 *
 * - A proc runs from a transition to Running until one out of it (from the last Sync when it was
 *   already running at a generation's start); it is idle likewise between a transition to Idle and
 *   one out of it.
 * - A thread is counted as running while it holds a running proc (the thread of the event that
 *   started the proc), and in a syscall while a goroutine that entered a syscall on it stays there.
 * - A goroutine start is a goroutine's transition to Running, counted for the proc and the thread
 *   of its context; the distinct goroutines are counted up to MAX_DISTINCT_GOROUTINES per proc or
 *   thread (then `goroutinesCapped`), so memory stays bounded.
 * - A syscall is a goroutine's transition to Syscall, counted for its proc and thread.
 */
import type { OrderedEvent } from '../order/orderedEvent.js';
import { GoState, ProcState } from '../order/resources.js';
import { newTransitionCodes, readTransition, TransitionResource } from '../order/transitionCodes.js';
import type { SummaryHandler } from './handler.js';

/** Most distinct goroutines remembered per proc or thread (past it they are no longer counted). */
export const MAX_DISTINCT_GOROUTINES = 10_000;

export interface ProcSummary {
  id: number;
  events: number;
  firstNs: number;
  lastNs: number;
  runningNs: number;
  /** Time in the Idle state. */
  idleNs: number;
  /** Number of times it started running. */
  starts: number;
  /** Goroutine transitions to Running on it, and how many distinct goroutines those were. */
  goroutineStarts: number;
  goroutines: number;
  /** The distinct count stopped at MAX_DISTINCT_GOROUTINES. */
  goroutinesCapped: boolean;
  /** Goroutines entering a syscall on it. */
  syscalls: number;
  /** Index of the first and last generation (0-based, in file order) it has events in. */
  firstGeneration: number;
  lastGeneration: number;
}

export interface ThreadSummary {
  id: number;
  events: number;
  firstNs: number;
  lastNs: number;
  /** Time holding a running proc. */
  runningNs: number;
  /** Time a goroutine was in a syscall on it. */
  syscallNs: number;
  goroutineStarts: number;
  goroutines: number;
  goroutinesCapped: boolean;
  syscalls: number;
  firstGeneration: number;
  lastGeneration: number;
}

export interface ProcsAndThreads {
  procs: Map<number, ProcSummary>;
  threads: Map<number, ThreadSummary>;
}

interface LiveProc {
  s: ProcSummary;
  since: number;
  idleSince: number;
  thread: number;
  seen: Set<number>;
}

interface LiveThread {
  s: ThreadSummary;
  seen: Set<number>;
}

/** Goroutine g starts running on a proc or thread: counted, and among its distinct ones (bounded). */
function started(x: LiveProc | LiveThread, g: number): void {
  x.s.goroutineStarts++;
  if (x.s.goroutinesCapped || x.seen.has(g)) return;
  if (x.seen.size >= MAX_DISTINCT_GOROUTINES) x.s.goroutinesCapped = true;
  else {
    x.seen.add(g);
    x.s.goroutines++;
  }
}

export class ProcSummarizer implements SummaryHandler<ProcsAndThreads> {
  private procs = new Map<number, LiveProc>();
  private threads = new Map<number, LiveThread>();
  /** Goroutine in a syscall → the thread it entered it on and when. */
  private syscalling = new Map<number, { m: number; since: number }>();
  private syncNs = 0;
  private lastNs = 0;
  private generation = -1;
  private finalized = false;
  private readonly st = newTransitionCodes();
  private lastProc: LiveProc | undefined;
  private lastThread: LiveThread | undefined;

  reset(): void {
    this.lastProc = this.lastThread = undefined;
    this.procs = new Map();
    this.threads = new Map();
    this.syscalling = new Map();
    this.syncNs = 0;
    this.lastNs = 0;
    this.generation = -1;
    this.finalized = false;
  }

  handleEvent(e: OrderedEvent): void {
    this.lastNs = e.time;
    if (e.kind === 'Sync') {
      this.syncNs = e.time;
      this.generation++;
      return;
    }
    const t = e.m >= 0 ? this.thread(e.m, e.time) : undefined;
    if (t) this.touchThread(t, e.time);
    const ctx = e.p >= 0 ? this.proc(e.p, e.time) : undefined;
    if (ctx) this.touchProc(ctx, e.time);
    const st = this.st;
    if (!readTransition(e, st) || st.from === st.to) return;
    if (st.resource === TransitionResource.Goroutine) {
      this.goroutineTransition(st.id, st.from, st.to, e, ctx, t);
      return;
    }
    if (st.resource !== TransitionResource.Proc) return;
    const p = this.proc(st.id, e.time);
    if (p !== ctx) this.touchProc(p, e.time);
    if (st.from === ProcState.Running) this.stop(p, e.time);
    else if (st.from === ProcState.Idle) this.stopIdle(p, e.time);
    const since = st.from === ProcState.Undetermined ? this.syncNs : e.time;
    if (st.to === ProcState.Running) {
      p.since = since;
      p.thread = e.m;
      p.s.starts++;
    } else if (st.to === ProcState.Idle) {
      p.idleSince = since;
    }
  }

  finalize(): void {
    if (this.finalized) return;
    this.finalized = true;
    for (const p of this.procs.values()) {
      this.stop(p, this.lastNs);
      this.stopIdle(p, this.lastNs);
    }
    for (const [g, s] of this.syscalling) this.endSyscall(g, s, this.lastNs);
    this.syscalling.clear();
  }

  data(): ProcsAndThreads {
    const procs = new Map<number, ProcSummary>();
    for (const [id, p] of this.procs) procs.set(id, p.s);
    const threads = new Map<number, ThreadSummary>();
    for (const [id, t] of this.threads) threads.set(id, t.s);
    return { procs, threads };
  }

  /** `from` and `to` are GoStates. */
  private goroutineTransition(g: number, from: number, to: number, e: OrderedEvent, p: LiveProc | undefined, t: LiveThread | undefined): void {
    if (from === GoState.Syscall) {
      const s = this.syscalling.get(g);
      if (s) this.endSyscall(g, s, e.time);
    }
    if (to === GoState.Running) {
      if (p) started(p, g);
      if (t) started(t, g);
    } else if (to === GoState.Syscall) {
      // A goroutine found in a syscall at a generation's start has been in it since the Sync.
      if (from !== GoState.Undetermined) {
        if (p) p.s.syscalls++;
        if (t) t.s.syscalls++;
      }
      if (e.m >= 0) this.syscalling.set(g, { m: e.m, since: from === GoState.Undetermined ? this.syncNs : e.time });
    }
  }

  private endSyscall(g: number, s: { m: number; since: number }, ns: number): void {
    const t = this.threads.get(s.m);
    if (t) t.s.syscallNs += ns - s.since;
    this.syscalling.delete(g);
  }

  private touchProc(p: LiveProc, ns: number): void {
    p.s.events++;
    p.s.lastNs = ns;
    p.s.lastGeneration = this.generation;
  }

  private touchThread(t: LiveThread, ns: number): void {
    t.s.events++;
    t.s.lastNs = ns;
    t.s.lastGeneration = this.generation;
  }

  private stop(p: LiveProc, ns: number): void {
    if (p.since < 0) return;
    const dt = ns - p.since;
    p.s.runningNs += dt;
    if (p.thread >= 0) this.thread(p.thread, p.since).s.runningNs += dt;
    p.since = -1;
    p.thread = -1;
  }

  private stopIdle(p: LiveProc, ns: number): void {
    if (p.idleSince < 0) return;
    p.s.idleNs += ns - p.idleSince;
    p.idleSince = -1;
  }

  private proc(id: number, ns: number): LiveProc {
    // Events come in runs on one proc and thread: the last one found is asked for again.
    if (id === this.lastProc?.s.id) return this.lastProc;
    let p = this.procs.get(id);
    if (!p) {
      const s: ProcSummary = {
        id, events: 0, firstNs: ns, lastNs: ns, runningNs: 0, idleNs: 0, starts: 0, goroutineStarts: 0, goroutines: 0, goroutinesCapped: false,
        syscalls: 0, firstGeneration: this.generation, lastGeneration: this.generation,
      };
      this.procs.set(id, (p = { s, since: -1, idleSince: -1, thread: -1, seen: new Set() }));
    }
    this.lastProc = p;
    return p;
  }

  private thread(id: number, ns: number): LiveThread {
    if (id === this.lastThread?.s.id) return this.lastThread;
    let t = this.threads.get(id);
    if (!t) {
      const s: ThreadSummary = {
        id, events: 0, firstNs: ns, lastNs: ns, runningNs: 0, syscallNs: 0, goroutineStarts: 0, goroutines: 0, goroutinesCapped: false,
        syscalls: 0, firstGeneration: this.generation, lastGeneration: this.generation,
      };
      this.threads.set(id, (t = { s, seen: new Set() }));
    }
    this.lastThread = t;
    return t;
  }
}
