/**
 * System calls: a goroutine enters one (its P with it), leaves it with its P or without
 * (after the P was stolen), and goroutines made for and ended after cgo callbacks.
 */
import { Ev } from '../../format/v2Events.js';
import { asInt64, NONE, ProcStatus, procStatusName } from '../resources.js';
import { formatSeq, makeSeq, succeeds } from '../sequence.js';
import { Need, requireCtx, USER_GO_REQS } from '../schedContext.js';
import { badTransition } from '../orderError.js';
import { GState } from '../resourceStates.js';
import type { Handler, Ordering } from '../ordering.js';
import { runningG } from './goroutineHandlers.js';
import { GoStatus } from '../resources.js';

function gInSyscall(o: Ordering, type: number, g: number): GState {
  const state = o.gStates.get(g);
  if (!state) throw badTransition(`event ${o.evName(type)} for goroutine (${g}) that doesn't exist`);
  return state;
}

export const goSyscallBegin: Handler = (o, ev, gen, cur) => {
  requireCtx(cur, USER_GO_REQS);
  const state = runningG(o, ev.type, cur.g);
  state.status = GoStatus.Syscall;
  const ps = o.pStates.get(cur.p);
  if (!ps) throw badTransition(`uninitialized proc ${cur.p} found during ${o.evName(ev.type)}`);
  ps.status = ProcStatus.Syscall;
  // The P's sequence number only disambiguates steals; on a running P it must simply be next.
  const pSeq = makeSeq(gen, ev.a0);
  if (!succeeds(pSeq, ps.seq)) {
    throw badTransition(`failed to advance ${o.evName(ev.type)}: can't make sequence: ${formatSeq(ps.seq)} -> ${formatSeq(pSeq)}`);
  }
  ps.seq = pSeq;
  o.emit(ev, cur);
  return true;
};

export const goSyscallEnd: Handler = (o, ev, _gen, cur) => {
  requireCtx(cur, USER_GO_REQS);
  const state = gInSyscall(o, ev.type, cur.g);
  if (state.status !== GoStatus.Syscall) throw badTransition(`${o.evName(ev.type)} event for goroutine that's not Running`);
  state.status = GoStatus.Running;
  const ps = o.pStates.get(cur.p);
  if (!ps) throw badTransition(`uninitialized proc ${cur.p} found during ${o.evName(ev.type)}`);
  if (ps.status !== ProcStatus.Syscall) {
    throw badTransition(`expected proc ${cur.p} in state Syscall, but got ${procStatusName(ps.status)} instead`);
  }
  ps.status = ProcStatus.Running;
  o.emit(ev, cur);
  return true;
};

/** Waits while this thread's P is still in the syscall: it must be seen stolen (or stopped) first. */
export const goSyscallEndBlocked: Handler = (o, ev, _gen, cur, next) => {
  if (cur.p !== NONE) {
    const ps = o.pStates.get(cur.p);
    if (!ps) throw badTransition(`uninitialized proc ${cur.p} found during ${o.evName(ev.type)}`);
    if (ps.status === ProcStatus.Syscall) return false;
  }
  requireCtx(cur, { m: Need.MustHave, p: Need.MayHave, g: Need.MustHave });
  const state = gInSyscall(o, ev.type, cur.g);
  if (state.status !== GoStatus.Syscall) throw badTransition(`${o.evName(ev.type)} event for goroutine that's not Running`);
  next.g = NONE;
  state.status = GoStatus.Runnable;
  o.emit(ev, cur);
  return true;
};

/** A goroutine appears in a syscall: a cgo callback on a thread Go did not make. */
export const goCreateSyscall: Handler = (o, ev, gen, cur, next) => {
  requireCtx(cur, { m: Need.MustHave, p: Need.MayHave, g: Need.MustNotHave });
  const newG = asInt64(ev.a0);
  if (o.gStates.has(newG)) throw badTransition(`tried to create goroutine (${newG}) in syscall that already exists`);
  o.gStates.set(newG, new GState(newG, GoStatus.Syscall, makeSeq(gen, 0)));
  next.g = newG;
  o.emit(ev, cur);
  return true;
};

/**
 * The callback's goroutine goes away. A P still held is let go at once, as a steal by this
 * thread, so that a new thread reusing the ID cannot be confused with this one.
 */
export const goDestroySyscall: Handler = (o, ev, _gen, cur, next) => {
  requireCtx(cur, { m: Need.MustHave, p: Need.MayHave, g: Need.MustHave });
  const state = gInSyscall(o, ev.type, cur.g);
  if (state.status !== GoStatus.Syscall) throw badTransition(`${o.evName(ev.type)} event for goroutine that's not Syscall`);
  o.gStates.delete(cur.g);
  next.g = NONE;
  if (cur.p !== NONE) {
    const ps = o.pStates.get(cur.p);
    if (!ps) throw badTransition(`found invalid proc ${cur.p} during ${o.evName(ev.type)}`);
    if (ps.status !== ProcStatus.Syscall) {
      throw badTransition(`proc ${cur.p} in unexpected state ${procStatusName(ps.status)} during ${o.evName(ev.type)}`);
    }
    ps.status = ProcStatus.SyscallAbandoned;
    next.p = NONE;
    o.synthesize(Ev.ProcSteal, ev.time, cur, cur.p).x0 = ProcStatus.Syscall;
  }
  o.emit(ev, cur);
  return true;
};
