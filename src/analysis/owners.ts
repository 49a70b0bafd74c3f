/**
 * Whose event an event is, as the viewer lists them under Goroutines, Procs and Threads: a
 * goroutine's events are those it runs (its context) and those that change its state (another
 * goroutine unblocking it, its creation); a proc's likewise; a thread's are those it runs. The
 * index counts by these rules and the lists are re-derived by them, so both must be these.
 */
import { newTransitionCodes, readTransition, TransitionResource, type OrderedEvent } from '../parser/index.js';

export type OwnerKind = 'goroutine' | 'proc' | 'thread';
export const OWNER_KINDS: readonly OwnerKind[] = ['goroutine', 'proc', 'thread'];

/** The resource an event runs on, of that kind (-1: none). */
export function contextOwner(e: OrderedEvent, kind: OwnerKind): number {
  return kind === 'goroutine' ? e.g : kind === 'proc' ? e.p : e.m;
}

/** The goroutine or proc whose state the event changes, when it is not its context (-1: none). */
export function transitionOwner(e: OrderedEvent, kind: OwnerKind): number {
  if (kind === 'thread' || !readTransition(e, scratch)) return -1;
  const want = kind === 'goroutine' ? TransitionResource.Goroutine : TransitionResource.Proc;
  if (scratch.resource !== want || scratch.id === contextOwner(e, kind)) return -1;
  return scratch.id;
}

const scratch = newTransitionCodes();

export function isOwnedBy(e: OrderedEvent, kind: OwnerKind, id: number): boolean {
  if (e.kind === 'Sync') return false;
  return contextOwner(e, kind) === id || transitionOwner(e, kind) === id;
}
