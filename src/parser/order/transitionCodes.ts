/**
 * A state transition as numbers: the resource, its ID and the states as GoState / ProcState codes,
 * read from the wire arguments without making the StateTransition object (transitionOf makes it
 * from these). The one pass reads every event's transition; for most events nothing else of
 * their details is ever looked at, so this saves an object per event and every string compare.
 */
import { Ev } from '../format/v2Events.js';
import { TransitionResource, type OrderedEvent, type TransitionCodes } from './orderedEvent.js';
import { asInt64, GO_STATE_NAMES, GO_STATUS_TO_STATE, GoState, PROC_STATE_NAMES, PROC_STATUS_TO_STATE, ProcState, ProcStatus } from './resources.js';

export { TransitionResource, type TransitionCodes };

export function newTransitionCodes(): TransitionCodes {
  return { resource: TransitionResource.None, id: 0, from: 0, to: 0, reason: '' };
}

/** What the codes are read from: the wire arguments and what the orderer added (x0). */
export interface TransitionArgs {
  type: number;
  p: number;
  g: number;
  a0: number;
  a1: number;
  a2: number;
  x0: number;
}

/** A state the names table does not know (shown as "Bad"). */
export const BAD_STATE = -1;

const goState = (s: number): number => (GO_STATE_NAMES[s] === undefined ? BAD_STATE : s);
const procState = (s: number): number => (PROC_STATE_NAMES[s] === undefined ? BAD_STATE : s);

function set(out: TransitionCodes, resource: TransitionResource, id: number, from: number, to: number): void {
  out.resource = resource;
  out.id = id;
  out.from = resource === TransitionResource.Proc ? procState(from) : goState(from);
  out.to = resource === TransitionResource.Proc ? procState(to) : goState(to);
  out.reason = '';
}

/**
 * Sets `out` from a StateTransition event's arguments (Go's Event.StateTransition). Returns true
 * when the reason is the string of argument 0 (GoStop, GoBlock): the caller looks it up.
 */
export function decodeTransition(e: TransitionArgs, out: TransitionCodes): boolean {
  const G = TransitionResource.Goroutine;
  const P = TransitionResource.Proc;
  switch (e.type) {
    case Ev.ProcStart: set(out, P, asInt64(e.a0), ProcState.Idle, ProcState.Running); return false;
    case Ev.ProcStop: set(out, P, e.p, ProcState.Running, ProcState.Idle); return false;
    case Ev.ProcSteal:
      // A steal of an abandoned P: it already looked idle.
      set(out, P, asInt64(e.a0), e.x0 === ProcStatus.SyscallAbandoned ? ProcState.Idle : ProcState.Running, ProcState.Idle);
      return false;
    case Ev.ProcStatus: set(out, P, asInt64(e.a0), e.x0, PROC_STATUS_TO_STATE[e.a1] ?? ProcState.Undetermined); return false;
    case Ev.GoCreate: set(out, G, asInt64(e.a0), GoState.NotExist, GoState.Runnable); return false;
    case Ev.GoCreateBlocked: set(out, G, asInt64(e.a0), GoState.NotExist, GoState.Waiting); return false;
    case Ev.GoCreateSyscall: set(out, G, asInt64(e.a0), GoState.NotExist, GoState.Syscall); return false;
    case Ev.GoStart: set(out, G, asInt64(e.a0), GoState.Runnable, GoState.Running); return false;
    case Ev.GoDestroy: set(out, G, e.g, GoState.Running, GoState.NotExist); return false;
    case Ev.GoDestroySyscall: set(out, G, e.g, GoState.Syscall, GoState.NotExist); return false;
    case Ev.GoStop: set(out, G, e.g, GoState.Running, GoState.Runnable); return true;
    case Ev.GoBlock: set(out, G, e.g, GoState.Running, GoState.Waiting); return true;
    case Ev.GoUnblock:
    case Ev.GoSwitch:
    case Ev.GoSwitchDestroy:
      set(out, G, asInt64(e.a0), GoState.Waiting, GoState.Runnable);
      return false;
    case Ev.GoSyscallBegin: set(out, G, e.g, GoState.Running, GoState.Syscall); return false;
    case Ev.GoSyscallEnd: set(out, G, e.g, GoState.Syscall, GoState.Running); return false;
    case Ev.GoSyscallEndBlocked: set(out, G, e.g, GoState.Syscall, GoState.Runnable); return false;
    default:
      // GoStatus, GoStatusStack.
      set(out, G, asInt64(e.a0), e.x0, GO_STATUS_TO_STATE[e.a2] ?? GoState.Undetermined);
      return false;
  }
}

const RESOURCE_CODES: Record<string, TransitionResource> = { Goroutine: TransitionResource.Goroutine, Proc: TransitionResource.Proc };

/**
 * The event's transition as codes; false when it is not a state transition. The ordered stream's
 * events read them from their arguments; other OrderedEvents (made by hand) from their object.
 */
export function readTransition(e: OrderedEvent, out: TransitionCodes): boolean {
  if (e.readTransition !== undefined) return e.readTransition(out);
  const st = e.transition;
  if (st === undefined) return false;
  const resource = RESOURCE_CODES[st.resource.kind] ?? TransitionResource.None;
  const names = resource === TransitionResource.Proc ? PROC_STATE_NAMES : GO_STATE_NAMES;
  out.resource = resource;
  out.id = st.resource.id;
  out.from = names.indexOf(st.from);
  out.to = names.indexOf(st.to);
  out.reason = st.reason;
  return true;
}
