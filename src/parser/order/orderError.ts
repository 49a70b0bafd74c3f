/**
 * An error that ends the ordered stream, as Go's Reader returns one: Go's message text, and a
 * problem code saying what kind of check failed.
 */
import type { ProblemCode } from '../problems.js';

export class OrderError extends Error {
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
