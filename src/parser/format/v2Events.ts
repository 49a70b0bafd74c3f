/**
 * The v2 (Go 1.22+) event table, kept as data: one row per wire byte, with argument names exactly
 * as Go's tracev2 spec spells them (the wire dump prints them). Restated from Go's
 * src/internal/trace/tracev2/events.go; see ../../../../shared/FORMAT.md §3.
 */
import { TraceVersion } from './version.js';

export const enum Ev {
  None = 0,
  EventBatch = 1,
  Stacks = 2,
  Stack = 3,
  Strings = 4,
  String = 5,
  CPUSamples = 6,
  CPUSample = 7,
  Frequency = 8,
  ProcsChange = 9,
  ProcStart = 10,
  ProcStop = 11,
  ProcSteal = 12,
  ProcStatus = 13,
  GoCreate = 14,
  GoCreateSyscall = 15,
  GoStart = 16,
  GoDestroy = 17,
  GoDestroySyscall = 18,
  GoStop = 19,
  GoBlock = 20,
  GoUnblock = 21,
  GoSyscallBegin = 22,
  GoSyscallEnd = 23,
  GoSyscallEndBlocked = 24,
  GoStatus = 25,
  STWBegin = 26,
  STWEnd = 27,
  GCActive = 28,
  GCBegin = 29,
  GCEnd = 30,
  GCSweepActive = 31,
  GCSweepBegin = 32,
  GCSweepEnd = 33,
  GCMarkAssistActive = 34,
  GCMarkAssistBegin = 35,
  GCMarkAssistEnd = 36,
  HeapAlloc = 37,
  HeapGoal = 38,
  GoLabel = 39,
  UserTaskBegin = 40,
  UserTaskEnd = 41,
  UserRegionBegin = 42,
  UserRegionEnd = 43,
  UserLog = 44,
  GoSwitch = 45,
  GoSwitchDestroy = 46,
  GoCreateBlocked = 47,
  GoStatusStack = 48,
  ExperimentalBatch = 49,
  Sync = 50,
  ClockSnapshot = 51,
  EndOfGeneration = 52,
  /** Highest non-experimental type the format reserves (never written). */
  MaxEvent = 127,
  Span = 128,
  SpanAlloc = 129,
  SpanFree = 130,
  HeapObject = 131,
  HeapObjectAlloc = 132,
  HeapObjectFree = 133,
  GoroutineStack = 134,
  GoroutineStackAlloc = 135,
  GoroutineStackFree = 136,
}

/** Experiments that experimental batches and events belong to. */
export const EXPERIMENT_NAMES: readonly string[] = ['None', 'AllocFree'];

export interface EventSpec {
  /** Go's name; '' for a byte the table leaves undefined. */
  readonly name: string;
  /** Argument names in wire order; timed events start with "dt". */
  readonly args: readonly string[];
  /** Indices into args of string IDs. */
  readonly stringIds: readonly number[];
  /** Indices into args of stack IDs; the first is the event's own stack. */
  readonly stackIds: readonly number[];
  /** Type of the event that begins the range this event ends or continues, or 0. */
  readonly startEv: number;
  readonly isTimed: boolean;
  /** A uvarint length and that many bytes follow the arguments. */
  readonly hasData: boolean;
  /** nframes (args[1]) groups of four uvarints follow: pc, func, file, line. */
  readonly isStack: boolean;
  /** Experiment ID, or 0. */
  readonly experiment: number;
}

type SpecInit = Partial<Omit<EventSpec, 'name'>> & { name: string };

function spec(init: SpecInit): EventSpec {
  return {
    args: [],
    stringIds: [],
    stackIds: [],
    startEv: 0,
    isTimed: false,
    hasData: false,
    isStack: false,
    experiment: 0,
    ...init,
  };
}

const timed = (init: SpecInit): EventSpec => spec({ isTimed: true, ...init });

/** The spec of a byte the table leaves undefined. */
export const EMPTY_SPEC: EventSpec = spec({ name: '' });

function buildTable(): EventSpec[] {
  const t: EventSpec[] = new Array(Ev.GoroutineStackFree + 1).fill(EMPTY_SPEC);
  t[Ev.EventBatch] = spec({ name: 'EventBatch', args: ['gen', 'm', 'time', 'size'] });
  t[Ev.Stacks] = spec({ name: 'Stacks' });
  t[Ev.Stack] = spec({ name: 'Stack', args: ['id', 'nframes'], isStack: true });
  t[Ev.Strings] = spec({ name: 'Strings' });
  t[Ev.String] = spec({ name: 'String', args: ['id'], hasData: true });
  t[Ev.CPUSamples] = spec({ name: 'CPUSamples' });
  t[Ev.CPUSample] = spec({ name: 'CPUSample', args: ['time', 'm', 'p', 'g', 'stack'], stackIds: [4] });
  t[Ev.Frequency] = spec({ name: 'Frequency', args: ['freq'] });
  t[Ev.ExperimentalBatch] = spec({ name: 'ExperimentalBatch', args: ['exp', 'gen', 'm', 'time'], hasData: true });
  t[Ev.Sync] = spec({ name: 'Sync' });
  t[Ev.EndOfGeneration] = spec({ name: 'EndOfGeneration' });

  t[Ev.ProcsChange] = timed({ name: 'ProcsChange', args: ['dt', 'procs_value', 'stack'], stackIds: [2] });
  t[Ev.ProcStart] = timed({ name: 'ProcStart', args: ['dt', 'p', 'p_seq'] });
  t[Ev.ProcStop] = timed({ name: 'ProcStop', args: ['dt'] });
  t[Ev.ProcSteal] = timed({ name: 'ProcSteal', args: ['dt', 'p', 'p_seq', 'm'] });
  t[Ev.ProcStatus] = timed({ name: 'ProcStatus', args: ['dt', 'p', 'pstatus'] });
  t[Ev.GoCreate] = timed({ name: 'GoCreate', args: ['dt', 'new_g', 'new_stack', 'stack'], stackIds: [3, 2] });
  t[Ev.GoCreateSyscall] = timed({ name: 'GoCreateSyscall', args: ['dt', 'new_g'] });
  t[Ev.GoStart] = timed({ name: 'GoStart', args: ['dt', 'g', 'g_seq'] });
  t[Ev.GoDestroy] = timed({ name: 'GoDestroy', args: ['dt'] });
  t[Ev.GoDestroySyscall] = timed({ name: 'GoDestroySyscall', args: ['dt'] });
  t[Ev.GoStop] = timed({ name: 'GoStop', args: ['dt', 'reason_string', 'stack'], stackIds: [2], stringIds: [1] });
  t[Ev.GoBlock] = timed({ name: 'GoBlock', args: ['dt', 'reason_string', 'stack'], stackIds: [2], stringIds: [1] });
  t[Ev.GoUnblock] = timed({ name: 'GoUnblock', args: ['dt', 'g', 'g_seq', 'stack'], stackIds: [3] });
  t[Ev.GoSyscallBegin] = timed({ name: 'GoSyscallBegin', args: ['dt', 'p_seq', 'stack'], stackIds: [2] });
  t[Ev.GoSyscallEnd] = timed({ name: 'GoSyscallEnd', args: ['dt'], startEv: Ev.GoSyscallBegin });
  t[Ev.GoSyscallEndBlocked] = timed({ name: 'GoSyscallEndBlocked', args: ['dt'], startEv: Ev.GoSyscallBegin });
  t[Ev.GoStatus] = timed({ name: 'GoStatus', args: ['dt', 'g', 'm', 'gstatus'] });
  t[Ev.STWBegin] = timed({ name: 'STWBegin', args: ['dt', 'kind_string', 'stack'], stackIds: [2], stringIds: [1] });
  t[Ev.STWEnd] = timed({ name: 'STWEnd', args: ['dt'], startEv: Ev.STWBegin });
  t[Ev.GCActive] = timed({ name: 'GCActive', args: ['dt', 'gc_seq'], startEv: Ev.GCBegin });
  t[Ev.GCBegin] = timed({ name: 'GCBegin', args: ['dt', 'gc_seq', 'stack'], stackIds: [2] });
  t[Ev.GCEnd] = timed({ name: 'GCEnd', args: ['dt', 'gc_seq'], startEv: Ev.GCBegin });
  t[Ev.GCSweepActive] = timed({ name: 'GCSweepActive', args: ['dt', 'p'], startEv: Ev.GCSweepBegin });
  t[Ev.GCSweepBegin] = timed({ name: 'GCSweepBegin', args: ['dt', 'stack'], stackIds: [1] });
  t[Ev.GCSweepEnd] = timed({ name: 'GCSweepEnd', args: ['dt', 'swept_value', 'reclaimed_value'], startEv: Ev.GCSweepBegin });
  t[Ev.GCMarkAssistActive] = timed({ name: 'GCMarkAssistActive', args: ['dt', 'g'], startEv: Ev.GCMarkAssistBegin });
  t[Ev.GCMarkAssistBegin] = timed({ name: 'GCMarkAssistBegin', args: ['dt', 'stack'], stackIds: [1] });
  t[Ev.GCMarkAssistEnd] = timed({ name: 'GCMarkAssistEnd', args: ['dt'], startEv: Ev.GCMarkAssistBegin });
  t[Ev.HeapAlloc] = timed({ name: 'HeapAlloc', args: ['dt', 'heapalloc_value'] });
  t[Ev.HeapGoal] = timed({ name: 'HeapGoal', args: ['dt', 'heapgoal_value'] });
  t[Ev.GoLabel] = timed({ name: 'GoLabel', args: ['dt', 'label_string'], stringIds: [1] });
  t[Ev.UserTaskBegin] = timed({ name: 'UserTaskBegin', args: ['dt', 'task', 'parent_task', 'name_string', 'stack'], stackIds: [4], stringIds: [3] });
  t[Ev.UserTaskEnd] = timed({ name: 'UserTaskEnd', args: ['dt', 'task', 'stack'], stackIds: [2] });
  t[Ev.UserRegionBegin] = timed({ name: 'UserRegionBegin', args: ['dt', 'task', 'name_string', 'stack'], stackIds: [3], stringIds: [2] });
  t[Ev.UserRegionEnd] = timed({ name: 'UserRegionEnd', args: ['dt', 'task', 'name_string', 'stack'], startEv: Ev.UserRegionBegin, stackIds: [3], stringIds: [2] });
  t[Ev.UserLog] = timed({ name: 'UserLog', args: ['dt', 'task', 'key_string', 'value_string', 'stack'], stackIds: [4], stringIds: [2, 3] });
  t[Ev.GoSwitch] = timed({ name: 'GoSwitch', args: ['dt', 'g', 'g_seq'] });
  t[Ev.GoSwitchDestroy] = timed({ name: 'GoSwitchDestroy', args: ['dt', 'g', 'g_seq'] });
  t[Ev.GoCreateBlocked] = timed({ name: 'GoCreateBlocked', args: ['dt', 'new_g', 'new_stack', 'stack'], stackIds: [3, 2] });
  t[Ev.GoStatusStack] = timed({ name: 'GoStatusStack', args: ['dt', 'g', 'm', 'gstatus', 'stack'], stackIds: [4] });
  t[Ev.ClockSnapshot] = timed({ name: 'ClockSnapshot', args: ['dt', 'mono', 'sec', 'nsec'] });

  const allocFree = 1;
  t[Ev.Span] = timed({ name: 'Span', args: ['dt', 'id', 'npages_value', 'kindclass'], experiment: allocFree });
  t[Ev.SpanAlloc] = timed({ name: 'SpanAlloc', args: ['dt', 'id', 'npages_value', 'kindclass'], experiment: allocFree });
  t[Ev.SpanFree] = timed({ name: 'SpanFree', args: ['dt', 'id'], experiment: allocFree });
  t[Ev.HeapObject] = timed({ name: 'HeapObject', args: ['dt', 'id', 'type'], experiment: allocFree });
  t[Ev.HeapObjectAlloc] = timed({ name: 'HeapObjectAlloc', args: ['dt', 'id', 'type'], experiment: allocFree });
  t[Ev.HeapObjectFree] = timed({ name: 'HeapObjectFree', args: ['dt', 'id'], experiment: allocFree });
  t[Ev.GoroutineStack] = timed({ name: 'GoroutineStack', args: ['dt', 'id', 'order'], experiment: allocFree });
  t[Ev.GoroutineStackAlloc] = timed({ name: 'GoroutineStackAlloc', args: ['dt', 'id', 'order'], experiment: allocFree });
  t[Ev.GoroutineStackFree] = timed({ name: 'GoroutineStackFree', args: ['dt', 'id'], experiment: allocFree });
  return t;
}

/** The newest table, indexed by wire byte (length 137). Go's parser decodes events with it in every v2 version. */
export const V2_SPECS: readonly EventSpec[] = buildTable();

/**
 * The slice of the table a version defines, as Go's version package cuts it. The raw (wire) reader
 * and the text format use it: a byte beyond the slice is an invalid event there.
 */
export function specsForVersion(version: number): readonly EventSpec[] {
  switch (version) {
    case TraceVersion.Go122: return V2_SPECS.slice(0, Ev.UserLog + 1);
    case TraceVersion.Go123: return V2_SPECS.slice(0, Ev.ExperimentalBatch + 1);
    case TraceVersion.Go125: return V2_SPECS.slice(0, Ev.ClockSnapshot + 1);
    case TraceVersion.Go126: return V2_SPECS;
    default: return [];
  }
}

/** Limits the runtime writes within; a trace beyond them is malformed. */
export const MAX_BATCH_SIZE = 64 << 10;
export const MAX_FRAMES_PER_STACK = 128;
export const MAX_STRING_SIZE = 1 << 10;
/** Maximum arguments of a timed event, dt included. */
export const MAX_TIMED_EVENT_ARGS = 5;

/** Wire values of goroutine and proc statuses (GoStatus.gstatus, ProcStatus.pstatus). */
export const GO_STATUS_NAMES: readonly string[] = ['Bad', 'Runnable', 'Running', 'Syscall', 'Waiting'];
export const PROC_STATUS_NAMES: readonly string[] = ['Bad', 'Running', 'Idle', 'Syscall', 'SyscallAbandoned'];
