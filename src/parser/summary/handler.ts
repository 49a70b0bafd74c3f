/**
 * A summary handler: fed every event of the ordered stream once, in order (see
 * ../order/orderedReader.ts), it keeps a bounded summary and hands it out at the end.
 *
 *   h.reset();                        // before a trace
 *   for (const e of events) h.handleEvent(e);
 *   h.finalize();                     // at the end (or where the stream stopped)
 *   h.data();                         // the summary (also usable before finalize, as a snapshot)
 *
 * Handlers keep fixed-size records per resource (goroutine, proc, thread, task, region) and never
 * the events themselves.
 */
import type { OrderedEvent } from '../order/orderedEvent.js';

export interface SummaryHandler<T> {
  reset(): void;
  handleEvent(e: OrderedEvent): void;
  finalize(): void;
  data(): T;
}
