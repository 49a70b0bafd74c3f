/**
 * The API events of the ordered stream: the kind of each wire type, and per kind what Go's Event
 * accessors (Metric, Range, StateTransition, ...) derive from the arguments and from what the
 * orderer added, worked out when first read.
 */
import { Ev, EXPERIMENT_NAMES, V2_SPECS } from '../format/v2Events.js';
import type { CpuSample } from '../generation/tables.js';
import type { GenerationView } from './generationView.js';
import type { EventKind, EventStack, OrderedEvent, RangeInfo, StateTransition } from './orderedEvent.js';
import { asInt64, NO_TASK, type Uint64, GO_STATE_NAMES, PROC_STATE_NAMES } from './resources.js';
import { decodeTransition, newTransitionCodes, TransitionResource, type TransitionCodes } from './transitionCodes.js';

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

function argOf(e: Source, i: number): number {
  return i === 0 ? e.a0 : i === 1 ? e.a1 : i === 2 ? e.a2 : e.a3;
}

/** Argument i as a uint64 value: exact when beyond 2^53 (NO_TASK, set by the orderer, stays). */
function u64(e: Source, i: number): Uint64 {
  const v = argOf(e, i);
  if (v <= Number.MAX_SAFE_INTEGER || v === NO_TASK || !e.exact || e.exact[i] === undefined) return v;
  return e.exact[i];
}

/** The event's own stack argument (its spec's first stack ID), or undefined for none / ID 0. */
function ownStack(e: Source, table: GenerationView): EventStack | undefined {
  const ids = V2_SPECS[e.type].stackIds;
  if (ids.length === 0) return undefined;
  const id = argOf(e, ids[0] - 1);
  return id === 0 ? undefined : { id, frames: table.frames(id) };
}

/** Types whose transition carries the event's own stack (GoCreate's is the new goroutine's). */
const TRANSITION_KEEPS_STACK = new Set<number>([Ev.GoStop, Ev.GoBlock, Ev.GoSyscallBegin, Ev.GoStatus, Ev.GoStatusStack]);
const scratch = newTransitionCodes();

function transitionOf(e: Source, table: GenerationView, stack: EventStack | undefined): StateTransition {
  const c = scratch;
  const hasReason = decodeTransition(e, c);
  const proc = c.resource === TransitionResource.Proc;
  const names = proc ? PROC_STATE_NAMES : GO_STATE_NAMES;
  const t: StateTransition = {
    resource: { kind: proc ? 'Proc' : 'Goroutine', id: c.id },
    from: names[c.from] ?? 'Bad',
    to: names[c.to] ?? 'Bad',
    reason: hasReason ? table.string(e.a0) : '',
  };
  if (e.type === Ev.GoCreate || e.type === Ev.GoCreateBlocked) t.stack = { id: e.a1, frames: table.frames(e.a1) };
  else if (stack && TRANSITION_KEEPS_STACK.has(e.type)) t.stack = stack;
  return t;
}

/** What an event's details are derived from. */
interface Source {
  type: number;
  p: number;
  g: number;
  a0: number;
  a1: number;
  a2: number;
  a3: number;
  exact: bigint[] | undefined;
  x0: number;
  x0Exact: bigint | undefined;
  taskName: string;
}

/**
 * An event of the ordered stream, from the orderer's queue to the caller: one object per event,
 * nothing copied. The context, time and kind are plain fields; the details (stack, transition,
 * range, ...) are worked out from the arguments the first time one is read, as Go's Event
 * accessors work them out on each call, so an event only counted or filtered by kind or time
 * costs one small object. One object shape for every kind.
 */
export class Event implements OrderedEvent, Source {
  /** Arguments after dt, in wire order. */
  a0 = 0;
  a1 = 0;
  a2 = 0;
  a3 = 0;
  /** File offset of the wire event it came from; -1 for Syncs, CPU samples and events the orderer makes up. */
  srcOffset = -1;
  /**
   * The rarely set parts (what the orderer adds, exact arguments) and the details, made on
   * first use: most events never need them, and the object stays small.
   */
  private d: Details | undefined = undefined;

  constructor(
    /** Wire type; SYNC_TYPE (-1) for Sync. */
    public type: number,
    public time: number,
    public m: number,
    public p: number,
    public g: number,
    /** The generation the details are worked out in; dropped once they are. */
    public table: GenerationView | undefined,
  ) {}

  /** Makes this object a new event (the stream's reuse mode): as if just constructed. */
  reset(type: number, time: number, m: number, p: number, g: number, table: GenerationView | undefined): void {
    this.type = type;
    this.time = time;
    this.m = m;
    this.p = p;
    this.g = g;
    this.table = table;
    this.a0 = this.a1 = this.a2 = this.a3 = 0;
    this.srcOffset = -1;
    this.d = undefined;
  }

  get kind(): EventKind {
    const t = this.type;
    return t < 0 ? 'Sync' : KIND_OF_TYPE[t]!;
  }

  /** The transition as codes, from the arguments: no details are made (transitionCodes.ts). */
  readTransition(out: TransitionCodes): boolean {
    const t = this.type;
    if (t < 0 || KIND_OF_TYPE[t] !== 'StateTransition') return false;
    if (decodeTransition(this, out)) {
      const table = this.table;
      out.reason = table !== undefined ? table.string(this.a0) : (this.d?.transition?.reason ?? '');
    }
    return true;
  }

  private get r(): Details {
    return (this.d ??= new Details());
  }

  /** Exact argument values when one is beyond 2^53. */
  get exact(): bigint[] | undefined {
    const d = this.d;
    return d === undefined ? undefined : d.exact;
  }
  set exact(v) {
    if (v !== undefined || this.d !== undefined) this.r.exact = v;
  }
  /**
   * What the orderer adds: the previous state for ProcStatus, ProcSteal (wire status) and
   * GoStatus (API state); the parent task for UserTaskEnd.
   */
  get x0(): number {
    const d = this.d;
    return d === undefined ? 0 : d.x0;
  }
  set x0(v) {
    this.r.x0 = v;
  }
  /** UserTaskEnd: the parent task exactly, when beyond 2^53. */
  get x0Exact(): bigint | undefined {
    const d = this.d;
    return d === undefined ? undefined : d.x0Exact;
  }
  set x0Exact(v) {
    this.r.x0Exact = v;
  }
  /** UserTaskEnd: the task's type, remembered from its Begin. */
  get taskName(): string {
    const d = this.d;
    return d === undefined ? '' : d.taskName;
  }
  set taskName(v) {
    this.r.taskName = v;
  }

  /** The details, worked out on first use. */
  private get x(): Details {
    const d = this.r;
    const table = this.table;
    if (table !== undefined) {
      this.table = undefined;
      fill(this.kind, d, this, table);
    }
    return d;
  }

  get stack() { return this.x.stack; }
  set stack(v) { this.x.stack = v; }
  get transition() { return this.x.transition; }
  set transition(v) { this.x.transition = v; }
  get range() { return this.x.range; }
  set range(v) { this.x.range = v; }
  get task() { return this.x.task; }
  set task(v) { this.x.task = v; }
  get region() { return this.x.region; }
  set region(v) { this.x.region = v; }
  get log() { return this.x.log; }
  set log(v) { this.x.log = v; }
  get label() { return this.x.label; }
  set label(v) { this.x.label = v; }
  get metric() { return this.x.metric; }
  set metric(v) { this.x.metric = v; }
  get sync() { return this.x.sync; }
  set sync(v) { this.x.sync = v; }
  get experimental() { return this.x.experimental; }
  set experimental(v) { this.x.experimental = v; }

  /** The API fields as plain data (what JSON.stringify shows). */
  toJSON(): OrderedEvent {
    const o: OrderedEvent = { kind: this.kind, time: this.time, m: this.m, p: this.p, g: this.g, type: this.type };
    const d = this.x;
    for (const k of DETAIL_KEYS) {
      if (d[k] !== undefined) (o as unknown as Record<string, unknown>)[k] = d[k];
    }
    return o;
  }
}

const DETAIL_KEYS = ['stack', 'transition', 'range', 'task', 'region', 'log', 'label', 'metric', 'sync', 'experimental'] as const;

/** An event's rarely set parts and optional details; one shape for all kinds. */
class Details {
  exact: bigint[] | undefined = undefined;
  x0 = 0;
  x0Exact: bigint | undefined = undefined;
  taskName = '';
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
}

/** Sets out's details from e's arguments. */
function fill(kind: EventKind, out: Details, e: Source, table: GenerationView): void {
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
    case 'RangeEnd': {
      const r: RangeInfo = rangeOf(e, table);
      if (kind === 'RangeEnd') {
        r.attributes = e.type === Ev.GCSweepEnd ? [{ name: 'bytes swept', value: u64(e, 0) }, { name: 'bytes reclaimed', value: u64(e, 1) }] : [];
      }
      out.range = r;
      break;
    }
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
}

function rangeOf(e: Source, table: GenerationView): { name: string; scope: { kind: 'None' | 'Goroutine' | 'Proc'; id: number } } {
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
export function sampleEvent(s: CpuSample, table: GenerationView): Event {
  const e = new Event(Ev.CPUSample, s.time, s.m, s.p, s.g, undefined);
  e.stack = { id: s.stack, frames: table.frames(s.stack) };
  return e;
}

/** The Sync event opening a generation (table given) or closing the trace / preceding an error. */
export function syncEvent(time: number, n: number, table: GenerationView | undefined): Event {
  const e = new Event(-1, time, -1, -1, -1, undefined);
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

