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
import { GO_STATE_NAMES, GoState, ProcState } from '../order/resources.js';
import { newTransitionCodes, readTransition, TransitionResource } from '../order/transitionCodes.js';
import { ENDED, GO_STATES, GoroutineTable, PREEXISTING } from './goroutineTable.js';
import type { SummaryHandler } from './handler.js';

import type { GoroutineSummary } from './goroutineTable.js';
export type { GoroutineSummary };

/** Most distinct block reasons kept per goroutine (Go's runtime has about 30); others go to "other". */
const MAX_REASONS = 48;

const NO_PROC = -(2 ** 31);

/** A GoState → its index in GO_STATES (the table's state column). */
const SUMMARY_STATE: readonly number[] = GO_STATE_NAMES.map((name) => (GO_STATES as readonly string[]).indexOf(name));

/** What is open for a goroutine while the stream runs, per table row: when each state began (-1: not in it). */
class LiveColumns {
  lastStart: Float64Array = new Float64Array(0);
  lastRunnable: Float64Array = new Float64Array(0);
  lastBlock: Float64Array = new Float64Array(0);
  lastSyscall: Float64Array = new Float64Array(0);
  lastSyscallBlock: Float64Array = new Float64Array(0);
  lastBlockReason: Int32Array = new Int32Array(0);
  /** The proc a goroutine in a syscall entered it on (NO_PROC: none; -1 is "no proc" of the event). */
  syscallP: Int32Array = new Int32Array(0);

  /** Makes row r exist, with nothing open. */
  open(r: number): void {
    if (r >= this.lastStart.length) {
      const len = this.lastStart.length;
      const cap = Math.max(256, len < 1 << 18 ? len * 2 : Math.ceil(len * 1.25));
      const f = (a: Float64Array): Float64Array => {
        const next = new Float64Array(cap);
        next.set(a);
        return next;
      };
      this.lastStart = f(this.lastStart);
      this.lastRunnable = f(this.lastRunnable);
      this.lastBlock = f(this.lastBlock);
      this.lastSyscall = f(this.lastSyscall);
      this.lastSyscallBlock = f(this.lastSyscallBlock);
      const i = (a: Int32Array): Int32Array => {
        const next = new Int32Array(cap);
        next.set(a);
        return next;
      };
      this.lastBlockReason = i(this.lastBlockReason);
      this.syscallP = i(this.syscallP);
    }
    this.lastStart[r] = this.lastRunnable[r] = this.lastBlock[r] = this.lastSyscall[r] = this.lastSyscallBlock[r] = -1;
    this.lastBlockReason[r] = -1;
    this.syscallP[r] = NO_PROC;
  }
}

export class GoroutineSummarizer implements SummaryHandler<GoroutineTable> {
  private t = new GoroutineTable();
  private live = new LiveColumns();
  private syncNs = 0;
  private lastNs = 0;
  private seenEvent = false;
  private generation = -1;
  /** Proc → the row of the goroutine in a syscall on it. */
  private syscallingP = new Map<number, number>();
  private readonly st = newTransitionCodes();
  private finalized = false;
  private otherReason = -1;

  reset(): void {
    this.t = new GoroutineTable();
    this.live = new LiveColumns();
    this.syncNs = 0;
    this.lastNs = 0;
    this.seenEvent = false;
    this.generation = -1;
    this.syscallingP = new Map();
    this.finalized = false;
    this.otherReason = -1;
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
    const t = this.t;
    const live = this.live;
    const f = t.f;
    const ctx = e.g >= 0 ? t.row(e.g) : -1;
    if (ctx >= 0) this.touch(ctx);
    const st = this.st;
    if (!readTransition(e, st)) return;
    if (st.resource === TransitionResource.Proc) {
      if (st.from !== st.to && st.to === ProcState.Idle) {
        const g = this.syscallingP.get(st.id);
        if (g !== undefined) {
          live.lastSyscallBlock[g] = e.time;
          this.syscallingP.delete(st.id);
        }
      }
      return;
    }
    if (st.resource !== TransitionResource.Goroutine || st.from === st.to) return;
    const id = st.id;
    let g = t.row(id);
    if (st.from === GoState.Undetermined || st.from === GoState.NotExist || g < 0) {
      const created = st.from === GoState.NotExist;
      // Seen again after it ended (an ID reused): it starts over, as Go's summary does.
      g = g >= 0 ? this.restart(g, created ? e.time : this.syncNs, !created) : this.create(id, created ? e.time : this.syncNs, !created);
      if (!created) {
        const dt = e.time - this.syncNs;
        switch (st.to) {
          case GoState.Running:
            f.runningNs[g] += dt;
            break;
          case GoState.Waiting:
            this.addBlock(g, t.strings.intern(st.reason), dt);
            break;
          case GoState.Runnable:
            f.runnableNs[g] += dt;
            break;
          case GoState.Syscall:
            if (e.p < 0) f.syscallBlockedNs[g] += dt;
            else f.syscallNs[g] += dt;
            break;
        }
      }
    } else {
      switch (st.from) {
        case GoState.Running:
          if (live.lastStart[g] >= 0) f.runningNs[g] += e.time - live.lastStart[g];
          live.lastStart[g] = -1;
          break;
        case GoState.Waiting:
          if (live.lastBlock[g] >= 0) {
            this.addBlock(g, live.lastBlockReason[g], e.time - live.lastBlock[g]);
            live.lastBlock[g] = -1;
          }
          break;
        case GoState.Runnable:
          if (live.lastRunnable[g] >= 0) {
            f.runnableNs[g] += e.time - live.lastRunnable[g];
            live.lastRunnable[g] = -1;
          }
          break;
        case GoState.Syscall:
          if (live.lastSyscall[g] >= 0) {
            if (live.lastSyscallBlock[g] >= 0) {
              f.syscallBlockedNs[g] += e.time - live.lastSyscallBlock[g];
              f.syscallNs[g] += live.lastSyscallBlock[g] - live.lastSyscall[g];
            } else {
              f.syscallNs[g] += e.time - live.lastSyscall[g];
            }
            live.lastSyscall[g] = -1;
            live.lastSyscallBlock[g] = -1;
            const p = live.syscallP[g];
            if (p !== NO_PROC) this.syscallingP.delete(p);
            live.syscallP[g] = NO_PROC;
          }
          break;
      }
    }
    if (g !== ctx) this.touch(g);
    if (t.i.name[g] < 0) this.name(g, e);
    t.i.state[g] = SUMMARY_STATE[st.to] ?? 0;
    switch (st.to) {
      case GoState.Running:
        live.lastStart[g] = e.time;
        if (Number.isNaN(f.startNs[g])) f.startNs[g] = e.time;
        break;
      case GoState.Runnable:
        live.lastRunnable[g] = e.time;
        break;
      case GoState.Waiting:
        if (st.reason !== 'forever') {
          live.lastBlock[g] = e.time;
          live.lastBlockReason[g] = t.strings.intern(st.reason);
          break;
        }
        this.end(g, e.time, true);
        break;
      case GoState.NotExist:
        this.end(g, e.time, true);
        break;
      case GoState.Syscall:
        this.enterSyscall(g, e.p);
        live.lastSyscall[g] = e.time;
        break;
    }
  }

  /** The goroutine's name from the first transition stack seen (rare: the object is made only then). */
  private name(g: number, e: OrderedEvent): void {
    const stack = e.transition?.stack;
    if (!stack || stack.frames.length === 0) return;
    const t = this.t;
    const frames = stack.frames;
    const root = frames[frames.length - 1];
    t.i.name[g] = t.strings.intern(root.func);
    t.f.pc[g] = root.pc;
    t.i.startFunction[g] = t.strings.intern(startFunctionOf(frames.map((x) => x.func)));
  }

  /** Goroutine row g enters a syscall on proc p (the proc going idle meanwhile makes it "blocked"). */
  private enterSyscall(g: number, p: number): void {
    this.syscallingP.set(p, g);
    this.live.syscallP[g] = p;
  }

  finalize(): void {
    if (this.finalized) return;
    this.finalized = true;
    for (let r = 0; r < this.t.size; r++) this.end(r, this.lastNs, false);
    // Nothing is open any more: the open states' columns and the spare rows go.
    this.live = new LiveColumns();
    this.t.trim();
  }

  /** The summaries, one row per goroutine (the table itself: it is not copied). */
  data(): GoroutineTable {
    return this.t;
  }

  private create(id: number, creationNs: number, preexisting: boolean): number {
    const r = this.t.add(id);
    this.live.open(r);
    return this.restart(r, creationNs, preexisting);
  }

  /** Row r as a goroutine first seen now. */
  private restart(r: number, creationNs: number, preexisting: boolean): number {
    const { f, i } = this.t;
    f.creationNs[r] = creationNs;
    f.startNs[r] = f.endNs[r] = NaN;
    f.runningNs[r] = f.runnableNs[r] = f.blockedNs[r] = f.syscallNs[r] = f.syscallBlockedNs[r] = f.pc[r] = 0;
    i.name[r] = i.startFunction[r] = i.reasonHead[r] = -1;
    i.reasons[r] = i.events[r] = 0;
    i.state[r] = 0;
    i.flags[r] = preexisting ? PREEXISTING : 0;
    i.firstGeneration[r] = i.lastGeneration[r] = this.generation;
    this.live.open(r);
    return r;
  }

  private touch(r: number): void {
    this.t.i.events[r]++;
    this.t.i.lastGeneration[r] = this.generation;
  }

  private addBlock(r: number, reason: number, dt: number): void {
    const t = this.t;
    if (!t.addReason(r, reason, dt, MAX_REASONS)) {
      if (this.otherReason < 0) this.otherReason = t.strings.intern('other');
      // Past MAX_REASONS, "other" is allowed in as one more.
      t.addReason(r, this.otherReason, dt, MAX_REASONS + 1);
    }
    t.f.blockedNs[r] += dt;
  }

  /** Closes the open state at `ns`; an exit sets the end time (Go's goroutineSummary.finalize). */
  private end(r: number, ns: number, exited: boolean): void {
    const { f, i } = this.t;
    const live = this.live;
    if (exited) f.endNs[r] = ns;
    if (i.flags[r] & ENDED) return;
    if (live.lastStart[r] >= 0) f.runningNs[r] += ns - live.lastStart[r];
    if (live.lastRunnable[r] >= 0) f.runnableNs[r] += ns - live.lastRunnable[r];
    if (live.lastBlock[r] >= 0) this.addBlock(r, live.lastBlockReason[r], ns - live.lastBlock[r]);
    if (live.lastSyscall[r] >= 0) {
      if (live.lastSyscallBlock[r] >= 0) {
        f.syscallNs[r] += live.lastSyscallBlock[r] - live.lastSyscall[r];
        f.syscallBlockedNs[r] += ns - live.lastSyscallBlock[r];
      } else {
        f.syscallNs[r] += ns - live.lastSyscall[r];
      }
    }
    live.lastStart[r] = live.lastRunnable[r] = live.lastBlock[r] = live.lastSyscall[r] = live.lastSyscallBlock[r] = -1;
    if (exited) i.flags[r] |= ENDED;
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
