/**
 * An event the orderer has let through, not yet turned into an OrderedEvent: its wire type, time,
 * context, arguments (as the orderer left them) and what the orderer learned about it. Go keeps
 * the same in its queue (a baseEvent with a context and a table).
 */
import type { GenerationView } from './generationView.js';

/** Sync events have no wire type. */
export const SYNC_TYPE = -1;

export class PendingEvent {
  /** Arguments after dt, in wire order. */
  a0 = 0;
  a1 = 0;
  a2 = 0;
  a3 = 0;
  /** Exact argument values when one is beyond 2^53. */
  exact: bigint[] | undefined = undefined;
  /**
   * What the orderer adds: the previous state for ProcStatus, ProcSteal (wire status) and
   * GoStatus (API state); the parent task for UserTaskEnd.
   */
  x0 = 0;
  /** UserTaskEnd: the parent task exactly, when beyond 2^53. */
  x0Exact: bigint | undefined = undefined;
  /** UserTaskEnd: the task's type, remembered from its Begin. */
  taskName = '';

  constructor(
    public type: number,
    public time: number,
    public m: number,
    public p: number,
    public g: number,
    public table: GenerationView | undefined,
  ) {}
}

/**
 * A first-in first-out queue of pending events. It is empty after almost every event, so it
 * keeps its slots and rewinds instead of shrinking; popped events go back to a pool.
 */
export class EventQueue {
  private readonly items: (PendingEvent | undefined)[] = [];
  private head = 0;
  private tail = 0;
  private readonly pool: PendingEvent[] = [];

  /** A pending event to fill (reused when one was released). */
  make(type: number, time: number, m: number, p: number, g: number, table: GenerationView | undefined): PendingEvent {
    const e = this.pool.pop();
    if (!e) return new PendingEvent(type, time, m, p, g, table);
    e.type = type;
    e.time = time;
    e.m = m;
    e.p = p;
    e.g = g;
    e.table = table;
    e.a0 = e.a1 = e.a2 = e.a3 = e.x0 = 0;
    e.exact = undefined;
    e.x0Exact = undefined;
    e.taskName = '';
    return e;
  }

  /** Gives an event back once it has been turned into an OrderedEvent. */
  release(e: PendingEvent): void {
    e.table = undefined;
    if (this.pool.length < 64) this.pool.push(e);
  }

  push(e: PendingEvent): void {
    this.items[this.tail++] = e;
  }

  pop(): PendingEvent | undefined {
    if (this.head === this.tail) return undefined;
    const e = this.items[this.head];
    this.items[this.head++] = undefined;
    if (this.head === this.tail) this.head = this.tail = 0;
    return e;
  }

  get size(): number {
    return this.tail - this.head;
  }
}
