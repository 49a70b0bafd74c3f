/**
 * The scheduling context of an event: the thread (M), proc (P) and goroutine (G) bound to it
 * just before the event, and the requirements an event type puts on it (Go's schedReqs).
 */
import { NONE } from './resources.js';
import { OrderError } from './orderError.js';

export interface SchedCtx {
  m: number;
  p: number;
  g: number;
}

/** A requirement on one part of the context. */
export const enum Need {
  MustNotHave = 0,
  MayHave = 1,
  MustHave = 2,
}

export interface SchedReqs {
  m: Need;
  p: Need;
  g: Need;
}

/** Events of running user code need all three. */
export const USER_GO_REQS: SchedReqs = { m: Need.MustHave, p: Need.MustHave, g: Need.MustHave };

function check(have: number, need: Need, what: string): void {
  if (need === Need.MustHave && have === NONE) throw new OrderError('bad-sched-context', `expected a ${what} but didn't have one`);
  if (need === Need.MustNotHave && have !== NONE) throw new OrderError('bad-sched-context', `expected no ${what} but had one`);
}

/** Throws Go's error when ctx does not meet reqs (thread first, then proc, then goroutine). */
export function requireCtx(ctx: SchedCtx, reqs: SchedReqs): void {
  check(ctx.m, reqs.m, 'thread');
  check(ctx.p, reqs.p, 'proc');
  check(ctx.g, reqs.g, 'goroutine');
}
