/**
 * The ordered event stream's event model: what Go's trace.Event offers (src/internal/trace/event.go),
 * as plain data. Every event has a kind, a time, the M/P/G context before it, and the wire type it
 * came from; the kind says which of the optional parts is set.
 */
import type { StackFrame } from './generationView.js';
import type { ResourceId, Uint64 } from './resources.js';

export type EventKind =
  | 'Sync'
  | 'Metric'
  | 'Label'
  | 'StackSample'
  | 'RangeBegin'
  | 'RangeActive'
  | 'RangeEnd'
  | 'TaskBegin'
  | 'TaskEnd'
  | 'RegionBegin'
  | 'RegionEnd'
  | 'Log'
  | 'StateTransition'
  | 'Experimental';

/** A stack: its ID in its generation's table (0 = an empty stack) and its frames, innermost first. */
export interface EventStack {
  id: number;
  frames: readonly StackFrame[];
}

export interface StateTransition {
  resource: ResourceId;
  /** State names as Go prints them (GoState / ProcState). */
  from: string;
  to: string;
  reason: string;
  /** The stack of the resource making the transition (a new goroutine's start for GoCreate). */
  stack?: EventStack;
}

export interface RangeInfo {
  name: string;
  scope: ResourceId;
  /** RangeEnd only. */
  attributes?: { name: string; value: Uint64 }[];
}

export interface TaskInfo {
  id: Uint64;
  /** NO_TASK when none. */
  parent: Uint64;
  type: string;
}

export interface ClockSnapshotInfo {
  /** Trace clock, ns. */
  trace: number;
  /** OS monotonic clock, ns. */
  mono: number;
  /** Wall clock, Unix seconds and nanoseconds. */
  wallSec: number;
  wallNsec: number;
}

export interface SyncInfo {
  n: number;
  clock?: ClockSnapshotInfo;
  /** Experimental batches of the generation, by experiment name: thread and payload size. */
  experimentalBatches?: Record<string, { thread: number; offset: number; size: number }[]>;
}

/** A state transition as numbers (transitionCodes.ts reads them without making the object). */
export const enum TransitionResource {
  None = 0,
  Goroutine = 1,
  Proc = 2,
}

export interface TransitionCodes {
  resource: TransitionResource;
  id: number;
  /** GoState or ProcState (by resource), or BAD_STATE. */
  from: number;
  to: number;
  /** GoStop and GoBlock: the reason's text; '' otherwise. */
  reason: string;
}

export interface OrderedEvent {
  kind: EventKind;
  /** Time in ns, strictly increasing along the stream. */
  time: number;
  /** Context before the event: thread, proc, goroutine (-1 = none). */
  m: number;
  p: number;
  g: number;
  /** Wire event type behind it; -1 for Sync. */
  type: number;
  /**
   * File offset of the event in the trace it came from (v1: the raw v1 event it was converted
   * from); -1 (or absent) for Syncs, CPU samples and events the orderer makes up.
   */
  srcOffset?: number;
  /** The event's own stack, when it has one (a non-zero stack ID, or any CPU sample). */
  stack?: EventStack;
  /**
   * The transition as numbers, without making `transition` (the ordered stream's events have it;
   * use transitionCodes.readTransition, which falls back to `transition`).
   */
  readTransition?(out: TransitionCodes): boolean;
  transition?: StateTransition;
  range?: RangeInfo;
  task?: TaskInfo;
  region?: { task: Uint64; type: string };
  log?: { task: Uint64; category: string; message: string };
  label?: { label: string; resource: ResourceId };
  metric?: { name: string; value: Uint64 };
  sync?: SyncInfo;
  experimental?: { name: string; experiment: string; args: { name: string; value: Uint64 }[] };
}
