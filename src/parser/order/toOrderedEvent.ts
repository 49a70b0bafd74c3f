/**
 * Turns what the orderer let through into API events: the kind of each wire type, and per kind
 * what Go's Event accessors (Metric, Range, StateTransition, ...) derive from the arguments and
 * from what the orderer added.
 */
import { Ev, EXPERIMENT_NAMES, V2_SPECS } from '../format/v2Events.js';
import type { CpuSample } from '../generation/tables.js';
import type { GenerationView } from './generationView.js';
import type { EventKind, EventStack, OrderedEvent, StateTransition } from './orderedEvent.js';
import { PendingEvent } from './pendingEvent.js';
import { asInt64, NO_TASK, type Uint64, GO_STATE_NAMES, GO_STATUS_TO_STATE, GoState, PROC_STATE_NAMES, PROC_STATUS_TO_STATE, ProcState, ProcStatus } from './resources.js';

/** Kind of each wire type (undefined for types that are never events). */
export const KIND_OF_TYPE: readonly (EventKind | undefined)[] = (() => {
  const k: (EventKind | undefined)[] = new Array(256).fill(undefined);
  k[Ev.CPUSample] = 'StackSample';
  for (const t of [Ev.ProcsChange, Ev.HeapAlloc, Ev.HeapGoal]) k[t] = 'Metric';
  for (const t of [
    Ev.ProcStart, Ev.ProcStop, Ev.ProcSteal, Ev.ProcStatus, Ev.GoCreate, Ev.GoCreateSyscall, Ev.GoStart, Ev.GoDestroy,
    Ev.GoDestroySyscall, Ev.GoStop, Ev.GoBlock, Ev.GoUnblock, Ev.GoSyscallBegin, Ev.GoSyscallEnd, Ev.GoSyscallEndBlocked,
    Ev.GoStatus, Ev.GoSwitch, Ev.GoSwitchDestroy, Ev.GoCreateBlocked, Ev.GoStatusStack,
  ]) k[t] = 'StateTransition';
  for (const t of [Ev.STWBegin, Ev.GCBegin, Ev.GCSweepBegin, Ev.GCMarkAssistBegin]) k[t] = 'RangeBegin';
  for (const t of [Ev.GCActive, Ev.GCSweepActive, Ev.GCMarkAssistActive]) k[t] = 'RangeActive';
  for (const t of [Ev.STWEnd, Ev.GCEnd, Ev.GCSweepEnd, Ev.GCMarkAssistEnd]) k[t] = 'RangeEnd';
  k[Ev.GoLabel] = 'Label';
  k[Ev.UserTaskBegin] = 'TaskBegin';
  k[Ev.UserTaskEnd] = 'TaskEnd';
  k[Ev.UserRegionBegin] = 'RegionBegin';
  k[Ev.UserRegionEnd] = 'RegionEnd';
  k[Ev.UserLog] = 'Log';
  for (let t = Ev.Span; t <= Ev.GoroutineStackFree; t++) k[t] = 'Experimental';
  return k;
})();

const METRIC_NAMES: Record<number, string> = {
  [Ev.ProcsChange]: '/sched/gomaxprocs:threads',
  [Ev.HeapAlloc]: '/memory/classes/heap/objects:bytes',
  [Ev.HeapGoal]: '/gc/heap/goal:bytes',
};

function argOf(e: PendingEvent, i: number): number {
  return i === 0 ? e.a0 : i === 1 ? e.a1 : i === 2 ? e.a2 : e.a3;
}

/** Argument i as a uint64 value: exact when beyond 2^53 (NO_TASK, set by the orderer, stays). */
function u64(e: PendingEvent, i: number): Uint64 {
  const v = argOf(e, i);
  if (v <= Number.MAX_SAFE_INTEGER || v === NO_TASK || !e.exact || e.exact[i] === undefined) return v;
  return e.exact[i];
}

/** The event's own stack argument (its spec's first stack ID), or undefined for none / ID 0. */
function ownStack(e: PendingEvent, table: GenerationView): EventStack | undefined {
  const ids = V2_SPECS[e.type].stackIds;
  if (ids.length === 0) return undefined;
  const id = argOf(e, ids[0] - 1);
  return id === 0 ? undefined : { id, frames: table.frames(id) };
}

const goTransition = (id: number, from: GoState, to: GoState): StateTransition => ({
  resource: { kind: 'Goroutine', id },
  from: GO_STATE_NAMES[from] ?? 'Bad',
  to: GO_STATE_NAMES[to] ?? 'Bad',
  reason: '',
});

const procTransition = (id: number, from: ProcState, to: ProcState): StateTransition => ({
  resource: { kind: 'Proc', id },
  from: PROC_STATE_NAMES[from] ?? 'Bad',
  to: PROC_STATE_NAMES[to] ?? 'Bad',
  reason: '',
});

function transitionOf(e: PendingEvent, table: GenerationView, stack: EventStack | undefined): StateTransition {
  switch (e.type) {
    case Ev.ProcStart: return procTransition(asInt64(e.a0), ProcState.Idle, ProcState.Running);
    case Ev.ProcStop: return procTransition(e.p, ProcState.Running, ProcState.Idle);
    case Ev.ProcSteal:
      // A steal of an abandoned P: it already looked idle.
      return procTransition(asInt64(e.a0), e.x0 === ProcStatus.SyscallAbandoned ? ProcState.Idle : ProcState.Running, ProcState.Idle);
    case Ev.ProcStatus: return procTransition(asInt64(e.a0), e.x0, PROC_STATUS_TO_STATE[e.a1] ?? ProcState.Undetermined);
    case Ev.GoCreate:
    case Ev.GoCreateBlocked: {
      const t = goTransition(asInt64(e.a0), GoState.NotExist, e.type === Ev.GoCreateBlocked ? GoState.Waiting : GoState.Runnable);
      t.stack = { id: e.a1, frames: table.frames(e.a1) };
      return t;
    }
    case Ev.GoCreateSyscall: return goTransition(asInt64(e.a0), GoState.NotExist, GoState.Syscall);
    case Ev.GoStart: return goTransition(asInt64(e.a0), GoState.Runnable, GoState.Running);
    case Ev.GoDestroy: return goTransition(e.g, GoState.Running, GoState.NotExist);
    case Ev.GoDestroySyscall: return goTransition(e.g, GoState.Syscall, GoState.NotExist);
    case Ev.GoStop:
    case Ev.GoBlock: {
      const t = goTransition(e.g, GoState.Running, e.type === Ev.GoStop ? GoState.Runnable : GoState.Waiting);
      t.reason = table.string(e.a0);
      if (stack) t.stack = stack;
      return t;
    }
    case Ev.GoUnblock:
    case Ev.GoSwitch:
    case Ev.GoSwitchDestroy:
      return goTransition(asInt64(e.a0), GoState.Waiting, GoState.Runnable);
    case Ev.GoSyscallBegin: {
      const t = goTransition(e.g, GoState.Running, GoState.Syscall);
      if (stack) t.stack = stack;
      return t;
    }
    case Ev.GoSyscallEnd: return goTransition(e.g, GoState.Syscall, GoState.Running);
    case Ev.GoSyscallEndBlocked: return goTransition(e.g, GoState.Syscall, GoState.Runnable);
    default: {
      // GoStatus, GoStatusStack.
      const t = goTransition(asInt64(e.a0), e.x0, GO_STATUS_TO_STATE[e.a2] ?? GoState.Undetermined);
      if (stack) t.stack = stack;
      return t;
    }
  }
}

/** Every event has every field (unset ones undefined): one object shape for all kinds. */
class Event implements OrderedEvent {
  stack: OrderedEvent['stack'] = undefined;
  transition: OrderedEvent['transition'] = undefined;
  range: OrderedEvent['range'] = undefined;
  task: OrderedEvent['task'] = undefined;
  region: OrderedEvent['region'] = undefined;
  log: OrderedEvent['log'] = undefined;
  label: OrderedEvent['label'] = undefined;
  metric: OrderedEvent['metric'] = undefined;
  sync: OrderedEvent['sync'] = undefined;
  experimental: OrderedEvent['experimental'] = undefined;

  constructor(
    public kind: EventKind,
    public time: number,
    public m: number,
    public p: number,
    public g: number,
    public type: number,
  ) {}
}

function base(kind: EventKind, e: PendingEvent): OrderedEvent {
  return new Event(kind, e.time, e.m, e.p, e.g, e.type);
}

/** The API form of an event the orderer let through. */
export function toOrderedEvent(e: PendingEvent): OrderedEvent {
  const table = e.table!;
  const kind = KIND_OF_TYPE[e.type]!;
  const out = base(kind, e);
  const stack = ownStack(e, table);
  if (stack) out.stack = stack;
  switch (kind) {
    case 'Metric':
      out.metric = { name: METRIC_NAMES[e.type], value: u64(e, 0) };
      break;
    case 'Label':
      out.label = { label: table.string(e.a0), resource: { kind: 'Goroutine', id: e.g } };
      break;
    case 'RangeBegin':
    case 'RangeActive':
    case 'RangeEnd':
      out.range = rangeOf(e, table);
      if (kind === 'RangeEnd') {
        out.range.attributes = e.type === Ev.GCSweepEnd ? [{ name: 'bytes swept', value: u64(e, 0) }, { name: 'bytes reclaimed', value: u64(e, 1) }] : [];
      }
      break;
    case 'TaskBegin':
      out.task = { id: u64(e, 0), parent: u64(e, 1), type: table.string(e.a2) };
      break;
    case 'TaskEnd':
      out.task = { id: u64(e, 0), parent: e.x0Exact ?? e.x0, type: e.taskName };
      break;
    case 'RegionBegin':
    case 'RegionEnd':
      out.region = { task: u64(e, 0), type: table.string(e.a1) };
      break;
    case 'Log':
      out.log = { task: u64(e, 0), category: table.string(e.a1), message: table.string(e.a2) };
      break;
    case 'StateTransition':
      out.transition = transitionOf(e, table, stack);
      break;
    case 'Experimental': {
      const spec = V2_SPECS[e.type];
      out.experimental = {
        name: spec.name,
        experiment: EXPERIMENT_NAMES[spec.experiment] ?? '',
        args: spec.args.slice(1).map((name, i) => ({ name, value: u64(e, i) })),
      };
      break;
    }
    default:
      break;
  }
  return out;
}

function rangeOf(e: PendingEvent, table: GenerationView): { name: string; scope: { kind: 'None' | 'Goroutine' | 'Proc'; id: number } } {
  switch (e.type) {
    case Ev.STWBegin:
    case Ev.STWEnd:
      return { name: `stop-the-world (${table.string(e.a0)})`, scope: { kind: 'Goroutine', id: e.g } };
    case Ev.GCBegin:
    case Ev.GCActive:
    case Ev.GCEnd:
      return { name: 'GC concurrent mark phase', scope: { kind: 'None', id: 0 } };
    case Ev.GCSweepBegin:
    case Ev.GCSweepActive:
    case Ev.GCSweepEnd:
      return { name: 'GC incremental sweep', scope: { kind: 'Proc', id: e.type === Ev.GCSweepActive ? asInt64(e.a0) : e.p } };
    default:
      return { name: 'GC mark assist', scope: { kind: 'Goroutine', id: e.type === Ev.GCMarkAssistActive ? asInt64(e.a0) : e.g } };
  }
}

/** A CPU sample as a StackSample event (its stack is always shown, even stack 0). */
export function sampleEvent(s: CpuSample, table: GenerationView): OrderedEvent {
  const e = new Event('StackSample', s.time, s.m, s.p, s.g, Ev.CPUSample);
  e.stack = { id: s.stack, frames: table.frames(s.stack) };
  return e;
}

/** The Sync event opening a generation (table given) or closing the trace / preceding an error. */
export function syncEvent(time: number, n: number, table: GenerationView | undefined): OrderedEvent {
  const e = new Event('Sync', time, -1, -1, -1, -1);
  e.sync = { n };
  if (table) {
    const t = table.tables;
    if (t.clock) e.sync!.clock = { trace: t.ticksToNs(t.clock.ticks), mono: t.clock.mono, wallSec: t.clock.sec, wallNsec: t.clock.nsec };
    if (t.experimental.length > 0) {
      const byName: Record<string, { thread: number; offset: number; size: number }[]> = {};
      for (const b of t.experimental) (byName[EXPERIMENT_NAMES[b.experiment] ?? ''] ??= []).push({ thread: b.m, offset: b.offset, size: b.size });
      e.sync!.experimentalBatches = byName;
    }
  }
  return e;
}

