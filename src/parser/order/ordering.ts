/**
 * The ordering state machine: what Go's parser knows about every goroutine, proc, thread, task
 * and the GC at the current point of the merged stream, and the check of whether one thread's
 * next event can come next. One handler per event type (handlers/dispatch.ts) does the checks
 * and queues the event(s) it lets through; state carries over from generation to generation.
 */
import { Ev, specsForVersion } from '../format/v2Events.js';
import { goStart, goStopExec, goUnblock } from './handlers/goroutineHandlers.js';
import type { GenerationView } from './generationView.js';
import { OrderError } from './orderError.js';
import { EventQueue, type PendingEvent } from './pendingEvent.js';
import { IdMap } from './idMap.js';
import { GcState, GState, MState, PState, TaskState } from './resourceStates.js';
import { NONE } from './resources.js';
import type { SchedCtx } from './schedContext.js';
import type { WireEvent } from './wireEvent.js';

/**
 * Decides whether `ev`, the next event of thread cur.m, can come next. Returns false when it
 * cannot yet (another thread must go first), throws an OrderError when it never can. `cur` is
 * the context before the event (a handler may point it elsewhere for the queued event); `next`
 * starts as a copy and becomes the thread's binding after the event.
 */
export type Handler = (o: Ordering, ev: WireEvent, gen: number, cur: SchedCtx, next: SchedCtx) => boolean;

/** Where a caller keeps the state of the thread it advances (see advance). */
export interface MStateSlot {
  ms: MState | undefined;
}

export class Ordering {
  readonly gStates = new IdMap<GState>();
  readonly pStates = new IdMap<PState>();
  readonly mStates = new Map<number, MState>();
  readonly activeTasks = new Map<number, TaskState>();
  gcSeq = 0;
  gcState = GcState.Undetermined;
  /** Number of the first generation seen (0 before any). */
  initialGen = 0;
  readonly queue = new EventQueue();
  /** The generation whose events are being ordered. */
  table: GenerationView | undefined;
  /** File offset of the wire event being advanced (set by the reader): what emit() records. */
  srcOffset = -1;
  private readonly names: readonly { name: string }[];
  private readonly cur: SchedCtx = { m: NONE, p: NONE, g: NONE };
  private readonly next: SchedCtx = { m: NONE, p: NONE, g: NONE };

  constructor(
    readonly version: number,
    private readonly handlers: readonly (Handler | undefined)[],
  ) {
    this.names = specsForVersion(version);
  }

  /** Tries to let `ev`, the next event of thread m in generation gen, through. */
  advance(ev: WireEvent, m: number, gen: number, slot?: MStateSlot): boolean {
    if (this.initialGen === 0) this.initialGen = gen;
    const cur = this.cur;
    const next = this.next;
    cur.m = m;
    let ms: MState | undefined;
    if (m === NONE) {
      cur.p = NONE;
      cur.g = NONE;
    } else {
      // A thread's state, once made, stays the same object: the cursor keeps it at hand.
      ms = slot?.ms;
      if (!ms) {
        ms = this.mStates.get(m);
        if (!ms) {
          ms = new MState();
          this.mStates.set(m, ms);
        }
        if (slot) slot.ms = ms;
      }
      cur.p = ms.p;
      cur.g = ms.g;
    }
    next.m = cur.m;
    next.p = cur.p;
    next.g = cur.g;
    let ok: boolean;
    // The most frequent types are called directly (a call site V8 can inline), the rest
    // through the table (a call site that sees every handler).
    switch (ev.type) {
      case Ev.GoStart:
        ok = goStart(this, ev, gen, cur, next);
        break;
      case Ev.GoUnblock:
        ok = goUnblock(this, ev, gen, cur, next);
        break;
      case Ev.GoStop:
      case Ev.GoBlock:
      case Ev.GoDestroy:
        ok = goStopExec(this, ev, gen, cur, next);
        break;
      default: {
        const handler = this.handlers[ev.type];
        if (!handler) throw new OrderError('bad-event-type', `bad event type found while ordering: ${ev.type}`);
        ok = handler(this, ev, gen, cur, next);
      }
    }
    if (ok && ms) {
      ms.p = next.p;
      ms.g = next.g;
    }
    return ok;
  }

  /** Queues ev as is, in context ctx. */
  emit(ev: WireEvent, ctx: SchedCtx): PendingEvent {
    // The time is copied here, field to field: a double passed as an argument to a call V8 does
    // not inline is boxed, one allocation per event.
    const e = this.queue.make(ev.type, 0, ctx.m, ctx.p, ctx.g, this.table);
    e.time = ev.time;
    e.a0 = ev.a0;
    e.a1 = ev.a1;
    e.a2 = ev.a2;
    e.a3 = ev.a3;
    e.srcOffset = this.srcOffset;
    if (ev.exact !== undefined) e.exact = ev.exact;
    this.queue.push(e);
    return e;
  }

  /** Queues an event the orderer makes up (GoSwitch's three, GoDestroySyscall's ProcSteal). */
  synthesize(type: number, time: number, ctx: SchedCtx, a0 = 0, a1 = 0): PendingEvent {
    const e = this.queue.make(type, time, ctx.m, ctx.p, ctx.g, this.table);
    e.a0 = a0;
    e.a1 = a1;
    this.queue.push(e);
    return e;
  }

  /** The event type's name as this trace version's table spells it. */
  evName(type: number): string {
    const s = this.names[type];
    return s && s.name !== '' ? s.name : `Invalid(${type})`;
  }
}
