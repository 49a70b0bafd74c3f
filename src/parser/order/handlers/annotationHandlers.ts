/**
 * User annotations (tasks, regions, logs), labels, GOMAXPROCS changes, and the experimental
 * events (which are only checked for a thread).
 */
import { NO_TASK, BACKGROUND_TASK } from '../resources.js';
import { Need, requireCtx, USER_GO_REQS } from '../schedContext.js';
import { badTransition } from '../orderError.js';
import type { Handler, Ordering } from '../ordering.js';

/** Instantaneous events of a running goroutine: ProcsChange, GoLabel, UserLog. */
export const annotation: Handler = (o, ev, _gen, cur) => {
  requireCtx(cur, USER_GO_REQS);
  o.emit(ev, cur);
  return true;
};

function nameOf(o: Ordering, id: number, type: number): string {
  const table = o.table!;
  if (!table.hasString(id)) throw badTransition(`invalid string ID ${id} for ${type} event`);
  return table.string(id);
}

/** A task may be ended many times and used without a Begin; only beginning an active ID is wrong. */
export const userTaskBegin: Handler = (o, ev, _gen, cur) => {
  const id = ev.a0;
  if (o.activeTasks.has(id)) throw badTransition(`task ID conflict: ${id}`);
  // Parent 0 means no parent here, not the background task.
  if (ev.a1 === BACKGROUND_TASK) ev.a1 = NO_TASK;
  const name = nameOf(o, ev.a2, ev.type);
  const parentExact = ev.a1 !== NO_TASK && ev.a1 > Number.MAX_SAFE_INTEGER ? ev.exact?.[1] : undefined;
  o.activeTasks.set(id, parentExact === undefined ? { name, parent: ev.a1 } : { name, parent: ev.a1, parentExact });
  requireCtx(cur, USER_GO_REQS);
  o.emit(ev, cur);
  return true;
};

export const userTaskEnd: Handler = (o, ev, _gen, cur) => {
  const id = ev.a0;
  const task = o.activeTasks.get(id);
  if (task) o.activeTasks.delete(id);
  requireCtx(cur, USER_GO_REQS);
  const e = o.emit(ev, cur);
  e.x0 = task ? task.parent : NO_TASK;
  e.x0Exact = task?.parentExact;
  e.taskName = task ? task.name : '';
  return true;
};

export const userRegionBegin: Handler = (o, ev, _gen, cur) => {
  requireCtx(cur, USER_GO_REQS);
  const name = nameOf(o, ev.a1, ev.type);
  const gs = o.gStates.get(cur.g);
  if (!gs) throw badTransition(`encountered EvUserRegionBegin without known state for current goroutine ${cur.g}`);
  gs.beginRegion({ task: ev.a0, name });
  o.emit(ev, cur);
  return true;
};

export const userRegionEnd: Handler = (o, ev, _gen, cur) => {
  requireCtx(cur, USER_GO_REQS);
  const name = nameOf(o, ev.a1, ev.type);
  const gs = o.gStates.get(cur.g);
  if (!gs) throw badTransition(`encountered EvUserRegionEnd without known state for current goroutine ${cur.g}`);
  gs.endRegion({ task: ev.a0, name });
  o.emit(ev, cur);
  return true;
};

/** Experimental (AllocFree) events need a thread only. */
export const experimental: Handler = (o, ev, _gen, cur) => {
  requireCtx(cur, { m: Need.MustHave, p: Need.MayHave, g: Need.MayHave });
  o.emit(ev, cur);
  return true;
};
