/**
 * The GC mark phase, one global range with a sequence number of its own (Begin and End can be on
 * different threads), and the heap metrics.
 */
import { Need, requireCtx, USER_GO_REQS } from '../schedContext.js';
import { badTransition } from '../orderError.js';
import { GcState } from '../resourceStates.js';
import type { Handler } from '../ordering.js';

export const gcActive: Handler = (o, ev, gen, cur) => {
  const seq = ev.a0;
  if (gen === o.initialGen) {
    if (o.gcState !== GcState.Undetermined) throw badTransition('GCActive in the first generation isn\'t first GC event');
    o.gcSeq = seq;
    o.gcState = GcState.Running;
    o.emit(ev, cur);
    return true;
  }
  if (seq !== o.gcSeq + 1) return false;
  if (o.gcState !== GcState.Running) throw badTransition('encountered GCActive while GC was not in progress');
  o.gcSeq = seq;
  requireCtx(cur, USER_GO_REQS);
  o.emit(ev, cur);
  return true;
};

export const gcBegin: Handler = (o, ev, _gen, cur) => {
  const seq = ev.a0;
  if (o.gcState === GcState.Undetermined) {
    o.gcSeq = seq;
    o.gcState = GcState.Running;
    o.emit(ev, cur);
    return true;
  }
  if (seq !== o.gcSeq + 1) return false;
  if (o.gcState === GcState.Running) throw badTransition('encountered GCBegin while GC was already in progress');
  o.gcSeq = seq;
  o.gcState = GcState.Running;
  requireCtx(cur, USER_GO_REQS);
  o.emit(ev, cur);
  return true;
};

export const gcEnd: Handler = (o, ev, _gen, cur) => {
  const seq = ev.a0;
  if (seq !== o.gcSeq + 1) return false;
  if (o.gcState === GcState.NotRunning) throw badTransition('encountered GCEnd when GC was not in progress');
  if (o.gcState === GcState.Undetermined) throw badTransition('encountered GCEnd when GC was in an undetermined state');
  o.gcSeq = seq;
  o.gcState = GcState.NotRunning;
  requireCtx(cur, USER_GO_REQS);
  o.emit(ev, cur);
  return true;
};

/** HeapAlloc and HeapGoal need a P, not a goroutine. */
export const heapMetric: Handler = (o, ev, _gen, cur) => {
  requireCtx(cur, { m: Need.MustHave, p: Need.MustHave, g: Need.MayHave });
  o.emit(ev, cur);
  return true;
};
