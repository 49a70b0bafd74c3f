/**
 * The error that ends the reading of a v1 trace. Go reads a v1 trace whole and gives up at the
 * first problem, so there is only ever one: Go's message text, a problem code saying what kind of
 * check failed, and the byte offset of the event it is about.
 */
import type { Problem, ProblemCode } from '../problems.js';

export class V1Error extends Error {
  constructor(
    readonly code: ProblemCode,
    message: string,
    /** File offset of the event (or byte) the problem is about. */
    readonly offset: number,
  ) {
    super(message);
    this.name = 'V1Error';
  }

  toProblem(): Problem {
    return { code: this.code, severity: 'error', message: this.message, offset: this.offset };
  }
}

/** Go's text for a uvarint that is cut short or longer than 64 bits. */
export const MALFORMED_VARINT = 'malformatted base-128 varint';
/** Go's ErrTimeOrder. */
export const TIME_ORDER = 'time stamps out of order';
