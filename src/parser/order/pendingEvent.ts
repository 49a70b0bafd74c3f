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

/** A first-in first-out queue of pending events. */
export class EventQueue {
  private items: PendingEvent[] = [];
  private head = 0;

  push(e: PendingEvent): void {
    this.items.push(e);
  }

  pop(): PendingEvent | undefined {
    if (this.head >= this.items.length) return undefined;
    const e = this.items[this.head++];
    if (this.head === this.items.length) {
      this.items.length = 0;
      this.head = 0;
    }
    return e;
  }

  get size(): number {
    return this.items.length - this.head;
  }
}
