/** Procs (Ps): status at generation start, start, stop, and steal by another thread. */
import { asInt64, PROC_STATUS_TO_STATE, ProcState, ProcStatus, procStatusName, NONE } from '../resources.js';
import { makeSeq, succeeds } from '../sequence.js';
import { Need, requireCtx } from '../schedContext.js';
import { badTransition } from '../orderError.js';
import { PState } from '../resourceStates.js';
import type { Handler } from '../ordering.js';

export const procStatus: Handler = (o, ev, gen, cur, next) => {
  const pid = asInt64(ev.a0);
  const status = ev.a1;
  if (status >= PROC_STATUS_TO_STATE.length) throw badTransition(`invalid status for proc ${pid}: ${status}`);
  let oldState = PROC_STATUS_TO_STATE[status];
  const s = o.pStates.get(pid);
  if (s) {
    if (status === ProcStatus.SyscallAbandoned && s.status === ProcStatus.Syscall) {
      // Nothing was lost after all: the P is still known to be in its syscall.
      oldState = ProcState.Running;
      ev.a1 = ProcStatus.Syscall;
    } else if (status === ProcStatus.SyscallAbandoned && s.status === ProcStatus.SyscallAbandoned) {
      oldState = ProcState.Idle;
    } else if (s.status !== status) {
      throw badTransition(`inconsistent status for proc ${pid}: old ${procStatusName(s.status)} vs. new ${procStatusName(status)}`);
    }
    s.seq = makeSeq(gen, 0);
  } else {
    o.pStates.set(pid, new PState(pid, status, makeSeq(gen, 0)));
    oldState = gen === o.initialGen ? ProcState.Undetermined : ProcState.NotExist;
  }
  if (status === ProcStatus.Running || status === ProcStatus.Syscall) next.p = pid;
  // A P promoted from SyscallAbandoned back to Syscall is about to be stolen, and its status may
  // come from another thread: the event belongs to the thread the P is bound to.
  if (status === ProcStatus.SyscallAbandoned && oldState === ProcState.Running) {
    let found = false;
    for (const [mid, ms] of o.mStates) {
      if (ms.p === pid) {
        cur.m = mid;
        cur.p = pid;
        cur.g = ms.g;
        found = true;
      }
    }
    if (!found) throw badTransition(`failed to find sched context for proc ${pid} that's about to be stolen`);
  }
  o.emit(ev, cur).x0 = oldState;
  return true;
};

export const procStart: Handler = (o, ev, gen, cur, next) => {
  const pid = asInt64(ev.a0);
  const seq = makeSeq(gen, ev.a1);
  const state = o.pStates.get(pid);
  // Not yet: the P's status or an earlier event of it is still to come, or this thread still
  // holds a P in a syscall that has not been seen stolen.
  if (!state || state.status !== ProcStatus.Idle || !succeeds(seq, state.seq) || cur.p !== NONE) return false;
  requireCtx(cur, { m: Need.MustHave, p: Need.MustNotHave, g: Need.MayHave });
  state.status = ProcStatus.Running;
  state.seq = seq;
  next.p = pid;
  o.emit(ev, cur);
  return true;
};

export const procStop: Handler = (o, ev, _gen, cur, next) => {
  const state = o.pStates.get(cur.p);
  if (!state) throw badTransition(`event ${o.evName(ev.type)} for proc (${cur.p}) that doesn't exist`);
  if (state.status !== ProcStatus.Running && state.status !== ProcStatus.Syscall) {
    throw badTransition(`${o.evName(ev.type)} event for proc that's not Running or Syscall`);
  }
  requireCtx(cur, { m: Need.MustHave, p: Need.MustHave, g: Need.MayHave });
  state.status = ProcStatus.Idle;
  next.p = NONE;
  o.emit(ev, cur);
  return true;
};

export const procSteal: Handler = (o, ev, gen, cur, next) => {
  const pid = asInt64(ev.a0);
  const seq = makeSeq(gen, ev.a1);
  const state = o.pStates.get(pid);
  if (!state || (state.status !== ProcStatus.Syscall && state.status !== ProcStatus.SyscallAbandoned) || !succeeds(seq, state.seq)) return false;
  requireCtx(cur, { m: Need.MustHave, p: Need.MayHave, g: Need.MayHave });
  const oldStatus = state.status;
  state.status = ProcStatus.Idle;
  state.seq = seq;
  if (oldStatus === ProcStatus.SyscallAbandoned) {
    // The thread it was abandoned by may have moved on: leave threads alone.
    o.emit(ev, cur).x0 = oldStatus;
    return true;
  }
  const victim = asInt64(ev.a2);
  if (victim === cur.m) {
    // Stealing from itself: a ProcStop.
    if (cur.p !== pid) throw badTransition(`tried to self-steal proc ${pid} (thread ${victim}), but got proc ${cur.p} instead`);
    next.p = NONE;
    o.emit(ev, cur).x0 = oldStatus;
    return true;
  }
  const ms = o.mStates.get(victim);
  if (!ms) throw badTransition(`stole proc from non-existent thread ${victim}`);
  if (ms.p !== pid) throw badTransition(`tried to steal proc ${pid} from thread ${victim}, but got proc ${ms.p} instead`);
  // The victim is leaving its syscall; without its P it can go on.
  ms.p = NONE;
  o.emit(ev, cur).x0 = oldStatus;
  return true;
};

