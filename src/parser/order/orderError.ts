/**
 * An error that ends the ordered stream, as Go's Reader returns one: Go's message text, and a
 * problem code saying what kind of check failed.
 */
import type { ProblemCode } from '../problems.js';

/** Where in the file the event concerned is: its byte offset, batch and event index. */
export interface EventLocation {
  offset: number;
  batch?: number;
  event?: number;
}

export class OrderError extends Error {
  /** The event concerned, when the thrower knows it better than the reader's current event. */
  at: EventLocation | undefined;

  constructor(
    readonly code: ProblemCode,
    message: string,
  ) {
    super(message);
    this.name = 'OrderError';
  }
}

/** A state machine found a transition it cannot make. */
export function badTransition(message: string): OrderError {
  return new OrderError('bad-state-transition', message);
}
