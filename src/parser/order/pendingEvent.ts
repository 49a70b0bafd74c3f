/**
 * The orderer's queue. An event it lets through is made once, as the API event (Event, in
 * toOrderedEvent.ts): its wire type, time, context, arguments (as the orderer left them) and
 * what the orderer learned about it, as Go keeps a baseEvent with a context and a table.
 */
import type { GenerationView } from './generationView.js';
import { Event } from './toOrderedEvent.js';

/** Sync events have no wire type. */
export const SYNC_TYPE = -1;

/** An event the orderer has let through (the event handed to the caller, once checked). */
export type PendingEvent = Event;

/** A first-in first-out queue of pending events. It is empty after almost every event, so it rewinds instead of shrinking. */
export class EventQueue {
  private readonly items: (PendingEvent | undefined)[] = [];
  private head = 0;
  private tail = 0;
  /**
   * An event handed back by the caller (the stream's reuse mode), to be made again. One is
   * enough: the caller holds one event at a time, and the queue is empty after almost every event.
   */
  private spare: Event | undefined = undefined;

  /** A new pending event to fill. */
  make(type: number, time: number, m: number, p: number, g: number, table: GenerationView | undefined): PendingEvent {
    const e = this.spare;
    if (e === undefined) return new Event(type, time, m, p, g, table);
    this.spare = undefined;
    e.reset(type, time, m, p, g, table);
    return e;
  }

  /** Takes back an event its reader no longer uses. */
  recycle(e: Event): void {
    this.spare = e;
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
