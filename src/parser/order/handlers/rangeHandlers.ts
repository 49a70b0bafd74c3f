/**
 * Ranges bound to a resource: sweeping on a proc; stop-the-world and mark assists on a
 * goroutine. "Active" events at a generation's start open them (first generation) or confirm them.
 */
import { Ev } from '../../format/v2Events.js';
import { asInt64 } from '../resources.js';
import { Need, requireCtx, USER_GO_REQS } from '../schedContext.js';
import { badTransition } from '../orderError.js';
import { rangeTypeOf } from '../rangeState.js';
import type { Handler } from '../ordering.js';

const P_REQS = { m: Need.MustHave, p: Need.MustHave, g: Need.MayHave };

export const gcSweepBegin: Handler = (o, ev, _gen, cur) => {
  requireCtx(cur, P_REQS);
  o.pStates.get(cur.p)!.begin(rangeTypeOf(ev.type, 0));
  o.emit(ev, cur);
  return true;
};

export const gcSweepActive: Handler = (o, ev, gen, cur) => {
  const pid = asInt64(ev.a0);
  const ps = o.pStates.get(pid);
  if (!ps) throw badTransition(`encountered GCSweepActive for unknown proc ${pid}`);
  ps.active(rangeTypeOf(ev.type, 0), gen === o.initialGen);
  o.emit(ev, cur);
  return true;
};

export const gcSweepEnd: Handler = (o, ev, _gen, cur) => {
  requireCtx(cur, P_REQS);
  o.pStates.get(cur.p)!.end(ev.type);
  o.emit(ev, cur);
  return true;
};

/** STWBegin and GCMarkAssistBegin, on the running goroutine. */
export const goRangeBegin: Handler = (o, ev, _gen, cur) => {
  requireCtx(cur, USER_GO_REQS);
  const desc = ev.type === Ev.STWBegin ? ev.a0 : 0;
  const gs = o.gStates.get(cur.g);
  if (!gs) throw badTransition(`encountered event of type ${ev.type} without known state for current goroutine ${cur.g}`);
  gs.begin(rangeTypeOf(ev.type, desc));
  o.emit(ev, cur);
  return true;
};

/** GCMarkAssistActive: may name a goroutine that is not running; nothing about the context is checked. */
export const goRangeActive: Handler = (o, ev, gen, cur) => {
  const gid = asInt64(ev.a0);
  const gs = o.gStates.get(gid);
  if (!gs) throw badTransition(`uninitialized goroutine ${gid} found during ${o.evName(ev.type)}`);
  gs.active(rangeTypeOf(ev.type, 0), gen === o.initialGen);
  o.emit(ev, cur);
  return true;
};

/** STWEnd and GCMarkAssistEnd. STWEnd takes its kind from the Begin. */
export const goRangeEnd: Handler = (o, ev, _gen, cur) => {
  requireCtx(cur, USER_GO_REQS);
  const gs = o.gStates.get(cur.g);
  if (!gs) throw badTransition(`encountered event of type ${ev.type} without known state for current goroutine ${cur.g}`);
  const desc = gs.end(ev.type);
  if (ev.type === Ev.STWEnd) ev.a0 = desc;
  o.emit(ev, cur);
  return true;
};
