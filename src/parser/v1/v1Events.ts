/**
 * The v1 (Go 1.11–1.21) event table, kept as data: one row per event type, with the argument
 * names Go's v1 parser uses (its error messages print them), whether a stack ID follows the
 * arguments, and the first format version that has the type. Restated from Go's
 * src/internal/trace/internal/tracev1/parser.go; see ../../../../shared/FORMAT.md §7.
 */

export const enum V1Ev {
  None = 0,
  Batch = 1,
  Frequency = 2,
  Stack = 3,
  Gomaxprocs = 4,
  ProcStart = 5,
  ProcStop = 6,
  GCStart = 7,
  GCDone = 8,
  STWStart = 9,
  STWDone = 10,
  GCSweepStart = 11,
  GCSweepDone = 12,
  GoCreate = 13,
  GoStart = 14,
  GoEnd = 15,
  GoStop = 16,
  GoSched = 17,
  GoPreempt = 18,
  GoSleep = 19,
  GoBlock = 20,
  GoUnblock = 21,
  GoBlockSend = 22,
  GoBlockRecv = 23,
  GoBlockSelect = 24,
  GoBlockSync = 25,
  GoBlockCond = 26,
  GoBlockNet = 27,
  GoSysCall = 28,
  GoSysExit = 29,
  GoSysBlock = 30,
  GoWaiting = 31,
  GoInSyscall = 32,
  HeapAlloc = 33,
  HeapGoal = 34,
  TimerGoroutine = 35,
  FutileWakeup = 36,
  String = 37,
  GoStartLocal = 38,
  GoUnblockLocal = 39,
  GoSysExitLocal = 40,
  GoStartLabel = 41,
  GoBlockGC = 42,
  GCMarkAssistStart = 43,
  GCMarkAssistDone = 44,
  UserTaskCreate = 45,
  UserTaskEnd = 46,
  UserRegion = 47,
  UserLog = 48,
  CPUSample = 49,
  /** One past the last type. */
  Count = 50,
}

export interface V1EventSpec {
  readonly name: string;
  /** The first format version with this type (types from before Go 1.11 say 5). */
  readonly minVersion: number;
  /** A stack ID follows the arguments on the wire. */
  readonly stack: boolean;
  /** Argument names after the timestamp delta, as Go's v1 parser names them. */
  readonly args: readonly string[];
}

const row = (name: string, args: string[] = [], stack = false, minVersion = 5): V1EventSpec => ({ name, minVersion, stack, args });

function buildTable(): V1EventSpec[] {
  const t: V1EventSpec[] = [];
  t[V1Ev.None] = row('None');
  t[V1Ev.Batch] = row('Batch', ['p', 'ticks']);
  t[V1Ev.Frequency] = row('Frequency', ['freq']);
  t[V1Ev.Stack] = row('Stack', ['id', 'siz']);
  t[V1Ev.Gomaxprocs] = row('Gomaxprocs', ['procs'], true);
  t[V1Ev.ProcStart] = row('ProcStart', ['thread']);
  t[V1Ev.ProcStop] = row('ProcStop');
  t[V1Ev.GCStart] = row('GCStart', ['seq'], true);
  t[V1Ev.GCDone] = row('GCDone');
  t[V1Ev.STWStart] = row('GCSTWStart', ['kindid']);
  t[V1Ev.STWDone] = row('GCSTWDone');
  t[V1Ev.GCSweepStart] = row('GCSweepStart', [], true);
  t[V1Ev.GCSweepDone] = row('GCSweepDone', ['swept', 'reclaimed']);
  t[V1Ev.GoCreate] = row('GoCreate', ['g', 'stack'], true);
  t[V1Ev.GoStart] = row('GoStart', ['g', 'seq']);
  t[V1Ev.GoEnd] = row('GoEnd');
  t[V1Ev.GoStop] = row('GoStop', [], true);
  t[V1Ev.GoSched] = row('GoSched', [], true);
  t[V1Ev.GoPreempt] = row('GoPreempt', [], true);
  t[V1Ev.GoSleep] = row('GoSleep', [], true);
  t[V1Ev.GoBlock] = row('GoBlock', [], true);
  t[V1Ev.GoUnblock] = row('GoUnblock', ['g', 'seq'], true);
  t[V1Ev.GoBlockSend] = row('GoBlockSend', [], true);
  t[V1Ev.GoBlockRecv] = row('GoBlockRecv', [], true);
  t[V1Ev.GoBlockSelect] = row('GoBlockSelect', [], true);
  t[V1Ev.GoBlockSync] = row('GoBlockSync', [], true);
  t[V1Ev.GoBlockCond] = row('GoBlockCond', [], true);
  t[V1Ev.GoBlockNet] = row('GoBlockNet', [], true);
  t[V1Ev.GoSysCall] = row('GoSysCall', [], true);
  t[V1Ev.GoSysExit] = row('GoSysExit', ['g', 'seq', 'ts']);
  t[V1Ev.GoSysBlock] = row('GoSysBlock');
  t[V1Ev.GoWaiting] = row('GoWaiting', ['g']);
  t[V1Ev.GoInSyscall] = row('GoInSyscall', ['g']);
  t[V1Ev.HeapAlloc] = row('HeapAlloc', ['mem']);
  t[V1Ev.HeapGoal] = row('HeapGoal', ['mem']);
  t[V1Ev.TimerGoroutine] = row('TimerGoroutine', ['g']);
  t[V1Ev.FutileWakeup] = row('FutileWakeup');
  t[V1Ev.String] = row('String', [], false, 7);
  t[V1Ev.GoStartLocal] = row('GoStartLocal', ['g'], false, 7);
  t[V1Ev.GoUnblockLocal] = row('GoUnblockLocal', ['g'], true, 7);
  t[V1Ev.GoSysExitLocal] = row('GoSysExitLocal', ['g', 'ts'], false, 7);
  t[V1Ev.GoStartLabel] = row('GoStartLabel', ['g', 'seq', 'labelid'], false, 8);
  t[V1Ev.GoBlockGC] = row('GoBlockGC', [], true, 8);
  t[V1Ev.GCMarkAssistStart] = row('GCMarkAssistStart', [], true, 9);
  t[V1Ev.GCMarkAssistDone] = row('GCMarkAssistDone', [], false, 9);
  t[V1Ev.UserTaskCreate] = row('UserTaskCreate', ['taskid', 'pid', 'typeid'], true, 11);
  t[V1Ev.UserTaskEnd] = row('UserTaskEnd', ['taskid'], true, 11);
  t[V1Ev.UserRegion] = row('UserRegion', ['taskid', 'mode', 'typeid'], true, 11);
  t[V1Ev.UserLog] = row('UserLog', ['id', 'keyid'], true, 11);
  t[V1Ev.CPUSample] = row('CPUSample', ['ts', 'p', 'g'], true, 19);
  return t;
}

/** Indexed by event type, V1Ev.None to V1Ev.CPUSample. */
export const V1_SPECS: readonly V1EventSpec[] = buildTable();

/** What an event does to the goroutine its P runs, as Go's v1 parser tracks it (parseEvent). */
export const enum V1GoEffect {
  /** Nothing: the event belongs to the running goroutine. */
  None = 0,
  /** The goroutine in its first argument starts running (GoStart and its variants). */
  Starts = 1,
  /** The running goroutine stops running (it ends, blocks, yields or enters a blocking syscall). */
  Leaves = 2,
  /** The event concerns the goroutine in its first argument; the running one stays (GoSysExit, GoWaiting, GoInSyscall). */
  Names = 3,
}

/** Per event type, its V1GoEffect. */
export const V1_GO_EFFECT: Uint8Array = (() => {
  const t = new Uint8Array(V1Ev.Count);
  for (const type of [V1Ev.GoStart, V1Ev.GoStartLocal, V1Ev.GoStartLabel]) t[type] = V1GoEffect.Starts;
  for (const type of [
    V1Ev.GoEnd, V1Ev.GoStop, V1Ev.GoSched, V1Ev.GoPreempt, V1Ev.GoSleep, V1Ev.GoBlock, V1Ev.GoBlockSend, V1Ev.GoBlockRecv,
    V1Ev.GoBlockSelect, V1Ev.GoBlockSync, V1Ev.GoBlockCond, V1Ev.GoBlockNet, V1Ev.GoSysBlock, V1Ev.GoBlockGC,
  ]) t[type] = V1GoEffect.Leaves;
  for (const type of [V1Ev.GoSysExit, V1Ev.GoWaiting, V1Ev.GoInSyscall]) t[type] = V1GoEffect.Names;
  return t;
})();

/** Whether a type byte names an event in this format version (Go: "unknown event type" otherwise). */
export function isKnownV1Type(type: number, version: number): boolean {
  return type > V1Ev.None && type < V1Ev.Count && V1_SPECS[type].minVersion <= version;
}

/**
 * How many uvarints an event carries on the wire, timestamp delta and stack ID included: Batch,
 * Frequency and TimerGoroutine have no timestamp, Stack has as many as it says.
 */
export function wireArgCount(type: number): number {
  const s = V1_SPECS[type];
  const n = s.args.length + (s.stack ? 1 : 0);
  return type === V1Ev.Batch || type === V1Ev.Frequency || type === V1Ev.TimerGoroutine ? n : n + 1;
}

/** The runtime's pseudo-Ps: events moved off their real P (timers, netpoll, syscalls, GC, CPU samples). */
export const FAKE_P = 1000000;
export const TIMER_P = 1000001;
export const NETPOLL_P = 1000002;
export const SYSCALL_P = 1000003;
export const GC_P = 1000004;
export const PROFILE_P = 1000005;

/** Stop-the-world reasons of Go 1.21 traces, by kind ID (older traces know only the first two). */
export const STW_REASONS: readonly string[] = [
  '', 'GC mark termination', 'GC sweep termination', 'write heap dump', 'goroutine profile',
  'goroutine profile cleanup', 'all goroutine stack trace', 'read mem stats', 'AllThreadsSyscall', 'GOMAXPROCS',
  'start trace', 'stop trace', 'CountPagesInUse (test)', 'ReadMetricsSlow (test)', 'ReadMemStatsSlow (test)',
  'PageCachePagesLeaked (test)', 'ResetDebugLog (test)',
];

/** The STW reason index of a GCSTWStart kind ID: before 1.21 kind 0 and 1 stand for reasons 1 and 2. */
export function stwReason(kindId: number, version: number): number {
  if (version < 21) return kindId === 0 || kindId === 1 ? kindId + 1 : 0;
  if (version === 21) return kindId < STW_REASONS.length ? kindId : 0;
  return 0;
}
