/**
 * The resources Go's ordered event stream talks about (goroutines, procs, threads), their states
 * as the API reports them, and the sentinel IDs. Restated from Go's src/internal/trace/resources.go
 * (see ../../../../shared/FORMAT.md §3.5).
 */

/** No thread, proc or goroutine: Go's NoThread, NoProc, NoGoroutine (int64 -1). */
export const NONE = -1;
/** Go's NoTask (2^64-1). As a float it is 2^64; formatUint64 prints it exactly. */
export const NO_TASK = 2 ** 64;
/** Go's BackgroundTask. */
export const BACKGROUND_TASK = 0;

/** Goroutine states as the API reports them. */
export const enum GoState {
  Undetermined = 0,
  NotExist = 1,
  Runnable = 2,
  Running = 3,
  Waiting = 4,
  Syscall = 5,
}
export const GO_STATE_NAMES: readonly string[] = ['Undetermined', 'NotExist', 'Runnable', 'Running', 'Waiting', 'Syscall'];

/** Proc states as the API reports them. */
export const enum ProcState {
  Undetermined = 0,
  NotExist = 1,
  Running = 2,
  Idle = 3,
}
export const PROC_STATE_NAMES: readonly string[] = ['Undetermined', 'NotExist', 'Running', 'Idle'];

/** Wire goroutine statuses (GoStatus.gstatus). */
export const enum GoStatus {
  Bad = 0,
  Runnable = 1,
  Running = 2,
  Syscall = 3,
  Waiting = 4,
}

/** Wire proc statuses (ProcStatus.pstatus). */
export const enum ProcStatus {
  Bad = 0,
  Running = 1,
  Idle = 2,
  Syscall = 3,
  SyscallAbandoned = 4,
}

/** Wire goroutine status to API state (Bad maps to Undetermined, never used). */
export const GO_STATUS_TO_STATE: readonly GoState[] = [GoState.Undetermined, GoState.Runnable, GoState.Running, GoState.Syscall, GoState.Waiting];
/** Wire proc status to API state: a P in a syscall is Running, an abandoned one Idle. */
export const PROC_STATUS_TO_STATE: readonly ProcState[] = [ProcState.Undetermined, ProcState.Running, ProcState.Idle, ProcState.Running, ProcState.Idle];

export const GO_STATUS_WIRE_NAMES: readonly string[] = ['Bad', 'Runnable', 'Running', 'Syscall', 'Waiting'];
export const PROC_STATUS_WIRE_NAMES: readonly string[] = ['Bad', 'Running', 'Idle', 'Syscall', 'SyscallAbandoned'];

export type ResourceKind = 'None' | 'Goroutine' | 'Proc' | 'Thread';

export interface ResourceId {
  kind: ResourceKind;
  /** Unused (0) for None. */
  id: number;
}

/**
 * A uint64 argument read into a float, as Go's int64 conversion sees it (thread, proc and
 * goroutine IDs): values from 2^63 are negative, and 2^64-1 (which rounds to 2^64) is -1.
 */
export function asInt64(v: number): number {
  if (v < 2 ** 63) return v;
  return v >= 2 ** 64 ? -1 : v - 2 ** 64;
}

/**
 * A uint64 from the trace: a number, or a bigint where the value is beyond 2^53 and known exactly.
 * NO_TASK stays a number.
 */
export type Uint64 = number | bigint;

/** A uint64 value, printed as Go's %d prints the uint64. */
export function formatUint64(v: Uint64): string {
  if (typeof v === 'bigint') return v.toString();
  if (v < 2 ** 53) return String(v);
  if (v >= 2 ** 64) return '18446744073709551615';
  return BigInt(v).toString();
}

/** The name of a wire status for Go's %v of tracev2.GoStatus / ProcStatus. */
export function goStatusName(s: number): string {
  return GO_STATUS_WIRE_NAMES[s] ?? 'Bad';
}
export function procStatusName(s: number): string {
  return PROC_STATUS_WIRE_NAMES[s] ?? 'Bad';
}
