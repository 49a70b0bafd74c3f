/**
 * One analysis of the trace, fed by the one ordered pass (analysisPass.ts): every event once, in
 * Go's order, then finalize. `data()` is usable at any time, as a snapshot of what is known so
 * far. A handler keeps bounded records per resource, never the events themselves.
 */
import type { OrderedEvent } from '../parser/index.js';

export interface AnalysisHandler<T> {
  reset(): void;
  handleEvent(e: OrderedEvent): void;
  finalize(): void;
  data(): T;
}
