/**
 * Goroutines: status at generation start, creation, start, stop/block/exit, unblock, and the
 * coroutine switches (GoSwitch, GoSwitchDestroy) that stand for three events each.
 */
import { Ev } from '../../format/v2Events.js';
import { asInt64, GO_STATUS_TO_STATE, GoState, GoStatus, goStatusName, NONE } from '../resources.js';
import { isNextSeq, makeSeq, succeeds } from '../sequence.js';
import { Need, requireCtx, USER_GO_REQS } from '../schedContext.js';
import { badTransition } from '../orderError.js';
import { GState, MState } from '../resourceStates.js';
import type { Handler, Ordering } from '../ordering.js';

export const goStatus: Handler = (o, ev, gen, cur, next) => {
  const gid = asInt64(ev.a0);
  const mid = asInt64(ev.a1);
  const status = ev.a2;
  if (status >= GO_STATUS_TO_STATE.length) throw badTransition(`invalid status for goroutine ${gid}: ${status}`);
  let oldState = GO_STATUS_TO_STATE[status];
  const s = o.gStates.get(gid);
  if (s) {
    if (s.status !== status) {
      throw badTransition(`inconsistent status for goroutine ${gid}: old ${goStatusName(s.status)} vs. new ${goStatusName(status)}`);
    }
    s.seq = makeSeq(gen, 0);
  } else if (gen === o.initialGen) {
    o.gStates.set(gid, new GState(gid, status, makeSeq(gen, 0)));
    oldState = GoState.Undetermined;
  } else {
    throw badTransition(`found goroutine status for new goroutine after the first generation: id=${gid} status=${goStatusName(status)}`);
  }
  if (status === GoStatus.Running) {
    next.g = gid;
  } else if (status === GoStatus.Syscall) {
    if (mid === NONE) throw badTransition(`found goroutine ${gid} in syscall without a thread`);
    if (mid === cur.m) {
      if (gen !== o.initialGen && cur.g !== gid) {
        throw badTransition(`inconsistent thread for syscalling goroutine ${gid}: thread has goroutine ${cur.g}`);
      }
      next.g = gid;
    } else {
      // A goroutine sitting in a syscall on another thread for the whole generation.
      const ms = o.mStates.get(mid);
      if (ms) {
        if (ms.g !== gid) throw badTransition(`inconsistent thread for syscalling goroutine ${gid}: thread has goroutine ${ms.g}`);
        cur.g = ms.g;
      } else {
        const fresh = new MState();
        fresh.g = gid;
        o.mStates.set(mid, fresh);
      }
      cur.m = mid;
    }
  }
  o.emit(ev, cur).x0 = oldState;
  return true;
};

export const goCreate: Handler = (o, ev, gen, cur) => {
  requireCtx(cur, { m: Need.MustHave, p: Need.MustHave, g: Need.MayHave });
  const creator = o.gStates.get(cur.g);
  if (creator && creator.status !== GoStatus.Running) throw badTransition(`${o.evName(ev.type)} event for goroutine that's not Running`);
  const newG = asInt64(ev.a0);
  if (o.gStates.has(newG)) throw badTransition(`tried to create goroutine (${newG}) that already exists`);
  const status = ev.type === Ev.GoCreateBlocked ? GoStatus.Waiting : GoStatus.Runnable;
  o.gStates.set(newG, new GState(newG, status, makeSeq(gen, 0)));
  o.emit(ev, cur);
  return true;
};

/** The running goroutine of this thread, which GoStop, GoBlock, GoDestroy, GoSwitch and GoSyscallBegin need. */
export function runningG(o: Ordering, type: number, g: number): GState {
  const state = o.gStates.get(g);
  if (!state) throw badTransition(`event ${o.evName(type)} for goroutine (${g}) that doesn't exist`);
  if (state.status !== GoStatus.Running) throw badTransition(`${o.evName(type)} event for goroutine that's not Running`);
  return state;
}

/** GoStop, GoBlock and GoDestroy: the running goroutine leaves its thread. */
export const goStopExec: Handler = (o, ev, _gen, cur, next) => {
  requireCtx(cur, USER_GO_REQS);
  const state = runningG(o, ev.type, cur.g);
  if (ev.type === Ev.GoDestroy) o.gStates.delete(cur.g);
  else if (ev.type === Ev.GoStop) state.status = GoStatus.Runnable;
  else if (ev.type === Ev.GoBlock) state.status = GoStatus.Waiting;
  next.g = NONE;
  o.emit(ev, cur);
  return true;
};

const GO_START_REQS = { m: Need.MustHave, p: Need.MustHave, g: Need.MustNotHave };

export const goStart: Handler = (o, ev, gen, cur, next) => {
  const gid = asInt64(ev.a0);
  const state = o.gStates.get(gid);
  if (!state || state.status !== GoStatus.Runnable || !isNextSeq(state.seq, gen, ev.a1)) return false;
  requireCtx(cur, GO_START_REQS);
  state.status = GoStatus.Running;
  state.seq.seq = ev.a1;
  next.g = gid;
  o.emit(ev, cur);
  return true;
};

export const goUnblock: Handler = (o, ev, gen, cur) => {
  const gid = asInt64(ev.a0);
  const state = o.gStates.get(gid);
  if (!state || state.status !== GoStatus.Waiting || !isNextSeq(state.seq, gen, ev.a1)) return false;
  // Anything may unblock a goroutine (sysmon too): no context to check.
  state.status = GoStatus.Runnable;
  state.seq.seq = ev.a1;
  o.emit(ev, cur);
  return true;
};

/**
 * GoSwitch and GoSwitchDestroy: the named goroutine is unblocked, the current one blocks (or
 * exits), and the named one starts, all at once. Like GoStart, it waits for its sequence number.
 */
export const goSwitch: Handler = (o, ev, gen, cur, next) => {
  requireCtx(cur, USER_GO_REQS);
  const current = runningG(o, ev.type, cur.g);
  const nextG = asInt64(ev.a0);
  const seq = makeSeq(gen, ev.a1);
  const target = o.gStates.get(nextG);
  if (!target || target.status !== GoStatus.Waiting || !succeeds(seq, target.seq)) return false;
  o.emit(ev, cur);
  if (ev.type === Ev.GoSwitch) {
    current.status = GoStatus.Waiting;
    o.synthesize(Ev.GoBlock, ev.time, cur);
  } else {
    o.gStates.delete(cur.g);
    o.synthesize(Ev.GoDestroy, ev.time, cur);
  }
  target.status = GoStatus.Running;
  target.seq = seq;
  next.g = nextG;
  o.synthesize(Ev.GoStart, ev.time, { m: cur.m, p: cur.p, g: NONE }, nextG, ev.a1);
  return true;
};
