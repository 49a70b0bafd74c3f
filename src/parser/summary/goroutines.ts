/**
 * Goroutine summaries, by Go's rules (src/internal/trace/summary.go, restated, not copied):
 *
 * - A goroutine is first seen on a transition out of NotExist (created: creation time is the
 *   event's) or out of Undetermined (it existed when the trace, or the generation, started:
 *   creation time is the last Sync's, and the time since that Sync counts as time in the new state).
 * - Time is accumulated per state between transitions: Running (execution), Runnable (scheduling
 *   wait), Waiting (blocked, by the GoBlock / Waiting reason), Syscall (in a syscall; the part after
 *   its proc went idle while it was in the syscall is "syscall blocked").
 * - Waiting with reason "forever" counts as the end, like NotExist. Otherwise the end is the last
 *   event of the trace, where the open state's time is closed.
 * - The name is the function of the outermost frame of the first transition stack seen.
 * - Transitions to the same state tell nothing and are skipped.
 */
import type { OrderedEvent } from '../order/orderedEvent.js';
import type { SummaryHandler } from './handler.js';

export interface GoroutineSummary {
  id: number;
  /** Go's name: the outermost frame's function of the first transition stack ('' if none seen). */
  name: string;
  /** PC of that frame (0 if none). */
  pc: number;
  /**
   * The start function as a person reads it: the name, except that for a goroutine whose root is
   * runtime.main (the main goroutine) it is the frame above it, main.main.
   */
  startFunction: string;
  /** First appearance (creation, or the Sync before it was first seen), ns. */
  creationNs: number;
  /** First time it ran; NaN if it never ran in the trace. */
  startNs: number;
  /** When it exited (NotExist, or Waiting "forever"); NaN if it did not. */
  endNs: number;
  /** Whether it existed before its first generation (first seen out of Undetermined). */
  preexisting: boolean;
  runningNs: number;
  runnableNs: number;
  /** Blocked (Waiting), total and by reason. */
  blockedNs: number;
  blockedByReason: Record<string, number>;
  /** In a syscall holding its P, and in a syscall after its P was taken (Go: syscall block time). */
  syscallNs: number;
  syscallBlockedNs: number;
  /** State names as Go prints them ('Running', 'Waiting', ...), at the end. */
  lastState: string;
  /** Events whose context goroutine is this one, or that change its state. */
  events: number;
  /** Index of the first and last generation (0-based, in file order) it has events in. */
  firstGeneration: number;
  lastGeneration: number;
}

/** Most distinct block reasons kept per goroutine (Go's runtime has about 30); others go to "other". */
const MAX_REASONS = 48;

interface Live {
  s: GoroutineSummary;
  lastStart: number;
  lastRunnable: number;
  lastBlock: number;
  lastBlockReason: string;
  lastSyscall: number;
  lastSyscallBlock: number;
  reasons: number;
  ended: boolean;
}

export class GoroutineSummarizer implements SummaryHandler<Map<number, GoroutineSummary>> {
  private gs = new Map<number, Live>();
  private syncNs = 0;
  private lastNs = 0;
  private seenEvent = false;
  private generation = -1;
  /** Proc → the goroutine in a syscall on it; goroutine → its proc. */
  private syscallingP = new Map<number, number>();
  private syscallingG = new Map<number, number>();
  private finalized = false;

  reset(): void {
    this.gs = new Map();
    this.syncNs = 0;
    this.lastNs = 0;
    this.seenEvent = false;
    this.generation = -1;
    this.syscallingP = new Map();
    this.syscallingG = new Map();
    this.finalized = false;
  }

  handleEvent(e: OrderedEvent): void {
    if (!this.seenEvent) {
      this.seenEvent = true;
      this.syncNs = e.time;
    }
    this.lastNs = e.time;
    if (e.kind === 'Sync') {
      this.syncNs = e.time;
      this.generation++;
      return;
    }
    const ctx = e.g >= 0 ? this.gs.get(e.g) : undefined;
    if (ctx) this.touch(ctx);
    const st = e.transition;
    if (!st) return;
    if (st.resource.kind === 'Proc') {
      if (st.from !== st.to && st.to === 'Idle') {
        const goid = this.syscallingP.get(st.resource.id);
        if (goid !== undefined) {
          const g = this.gs.get(goid);
          if (g) g.lastSyscallBlock = e.time;
          this.syscallingP.delete(st.resource.id);
        }
      }
      return;
    }
    if (st.resource.kind !== 'Goroutine' || st.from === st.to) return;
    const id = st.resource.id;
    let g = this.gs.get(id);
    if (st.from === 'Undetermined' || st.from === 'NotExist' || !g) {
      const created = st.from === 'NotExist';
      g = this.create(id, created ? e.time : this.syncNs, !created);
      this.gs.set(id, g);
      if (!created) {
        const dt = e.time - this.syncNs;
        switch (st.to) {
          case 'Running':
            g.s.runningNs += dt;
            break;
          case 'Waiting':
            this.addBlock(g, st.reason, dt);
            break;
          case 'Runnable':
            g.s.runnableNs += dt;
            break;
          case 'Syscall':
            if (e.p < 0) g.s.syscallBlockedNs += dt;
            else g.s.syscallNs += dt;
            break;
        }
      }
    } else {
      switch (st.from) {
        case 'Running':
          if (g.lastStart >= 0) g.s.runningNs += e.time - g.lastStart;
          g.lastStart = -1;
          break;
        case 'Waiting':
          if (g.lastBlock >= 0) {
            this.addBlock(g, g.lastBlockReason, e.time - g.lastBlock);
            g.lastBlock = -1;
          }
          break;
        case 'Runnable':
          if (g.lastRunnable >= 0) {
            g.s.runnableNs += e.time - g.lastRunnable;
            g.lastRunnable = -1;
          }
          break;
        case 'Syscall':
          if (g.lastSyscall >= 0) {
            if (g.lastSyscallBlock >= 0) {
              g.s.syscallBlockedNs += e.time - g.lastSyscallBlock;
              g.s.syscallNs += g.lastSyscallBlock - g.lastSyscall;
            } else {
              g.s.syscallNs += e.time - g.lastSyscall;
            }
            g.lastSyscall = -1;
            g.lastSyscallBlock = -1;
            const p = this.syscallingG.get(id);
            if (p !== undefined) this.syscallingP.delete(p);
            this.syscallingG.delete(id);
          }
          break;
      }
    }
    if (g !== ctx) this.touch(g);
    if (g.s.name === '' && st.stack && st.stack.frames.length > 0) {
      const frames = st.stack.frames;
      const root = frames[frames.length - 1];
      g.s.name = root.func;
      g.s.pc = root.pc;
      g.s.startFunction = startFunctionOf(frames.map((f) => f.func));
    }
    g.s.lastState = st.to;
    switch (st.to) {
      case 'Running':
        g.lastStart = e.time;
        if (Number.isNaN(g.s.startNs)) g.s.startNs = e.time;
        break;
      case 'Runnable':
        g.lastRunnable = e.time;
        break;
      case 'Waiting':
        if (st.reason !== 'forever') {
          g.lastBlock = e.time;
          g.lastBlockReason = st.reason;
          break;
        }
        this.end(g, e.time, true);
        break;
      case 'NotExist':
        this.end(g, e.time, true);
        break;
      case 'Syscall':
        this.syscallingP.set(e.p, id);
        this.syscallingG.set(id, e.p);
        g.lastSyscall = e.time;
        break;
    }
  }

  finalize(): void {
    if (this.finalized) return;
    this.finalized = true;
    for (const g of this.gs.values()) this.end(g, this.lastNs, false);
  }

  data(): Map<number, GoroutineSummary> {
    const out = new Map<number, GoroutineSummary>();
    for (const [id, g] of this.gs) out.set(id, g.s);
    return out;
  }

  private create(id: number, creationNs: number, preexisting: boolean): Live {
    return {
      s: {
        id, name: '', pc: 0, startFunction: '', creationNs, startNs: NaN, endNs: NaN, preexisting,
        runningNs: 0, runnableNs: 0, blockedNs: 0, blockedByReason: {}, syscallNs: 0, syscallBlockedNs: 0,
        lastState: 'NotExist', events: 0, firstGeneration: this.generation, lastGeneration: this.generation,
      },
      lastStart: -1, lastRunnable: -1, lastBlock: -1, lastBlockReason: '', lastSyscall: -1, lastSyscallBlock: -1,
      reasons: 0, ended: false,
    };
  }

  private touch(g: Live): void {
    g.s.events++;
    g.s.lastGeneration = this.generation;
  }

  private addBlock(g: Live, reason: string, dt: number): void {
    let key = reason;
    if (!(key in g.s.blockedByReason)) {
      if (g.reasons >= MAX_REASONS) key = 'other';
      else g.reasons++;
    }
    g.s.blockedByReason[key] = (g.s.blockedByReason[key] ?? 0) + dt;
    g.s.blockedNs += dt;
  }

  /** Closes the open state at `ns`; an exit sets the end time (Go's goroutineSummary.finalize). */
  private end(g: Live, ns: number, exited: boolean): void {
    if (exited) g.s.endNs = ns;
    if (g.ended) return;
    if (g.lastStart >= 0) g.s.runningNs += ns - g.lastStart;
    if (g.lastRunnable >= 0) g.s.runnableNs += ns - g.lastRunnable;
    if (g.lastBlock >= 0) this.addBlock(g, g.lastBlockReason, ns - g.lastBlock);
    if (g.lastSyscall >= 0) {
      if (g.lastSyscallBlock >= 0) {
        g.s.syscallNs += g.lastSyscallBlock - g.lastSyscall;
        g.s.syscallBlockedNs += ns - g.lastSyscallBlock;
      } else {
        g.s.syscallNs += ns - g.lastSyscall;
      }
    }
    g.lastStart = g.lastRunnable = g.lastBlock = g.lastSyscall = g.lastSyscallBlock = -1;
    if (exited) g.ended = true;
  }
}

/** The start function shown for a goroutine's stack (innermost first, as in EventStack). */
export function startFunctionOf(funcs: readonly string[]): string {
  const n = funcs.length;
  if (n === 0) return '';
  if (funcs[n - 1] === 'runtime.main' && n >= 2 && funcs[n - 2] === 'main.main') return 'main.main';
  if (funcs[n - 1] === 'runtime.goexit' && n >= 2) return funcs[n - 2];
  return funcs[n - 1];
}

/** A goroutine's lifetime as the summary covers it: creation to end (or to `traceEndNs`). */
export function goroutineLifetimeNs(g: GoroutineSummary, traceEndNs: number): number {
  return (Number.isNaN(g.endNs) ? traceEndNs : g.endNs) - g.creationNs;
}
