/** What OrderedReader and V1OrderedReader have in common: the ordered event stream of any trace. */
import type { Problem } from '../problems.js';
import type { OrderedEvent } from './orderedEvent.js';

export interface EventStream {
  /** The next event; undefined at the end, after a failure, or when loadGeneration() must run first. */
  next(): OrderedEvent | undefined;
  /** next() returned undefined because more of the trace must be read first. */
  readonly needsGeneration: boolean;
  /** Reads what next() needs next (the only asynchronous step). */
  loadGeneration(): Promise<void>;
  /** Go's error that ended the stream, as a problem. */
  readonly failure: Problem | undefined;
  /** The problems found reading the trace. */
  readonly problems: readonly Problem[];
}
