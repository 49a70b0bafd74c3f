/**
 * Rows of the "Procs" and "Threads" summary roots: each proc (P) with its time running and idle,
 * the goroutines it ran and the syscalls made on it; each thread (M) with its time holding a
 * running proc and in syscalls, likewise. Both expand to their events in the ordered stream (the
 * rows of summaryEvents.ts). Built from the parser's ProcSummary and ThreadSummary.
 */
import type { ProcSummary, ThreadSummary } from '../../parser/index.js';
import type { TreeNode } from '../../shared/protocol.js';
import { formatNs, plural } from './format.js';
import { osThreadNodeId, procNodeId, PROCS_ID, THREADS_ID } from './nodeIds.js';

export function procsRootRow(procs: readonly ProcSummary[]): TreeNode {
  return {
    id: PROCS_ID, kind: 'summaryRoot', label: 'Procs',
    description: plural(procs.length, 'proc'),
    tooltip: 'procs (P) in the ordered event stream: time running and idle, goroutines run, syscalls; each expands to its events',
    icon: 'circuit-board', childCount: procs.length,
  };
}

export function threadsRootRow(threads: readonly ThreadSummary[]): TreeNode {
  return {
    id: THREADS_ID, kind: 'summaryRoot', label: 'Threads',
    description: plural(threads.length, 'thread'),
    tooltip: 'threads (M) in the ordered event stream: time holding a running proc and in syscalls, goroutines run, syscalls; each expands to its events',
    icon: 'server-process', childCount: threads.length,
  };
}

/** "12.5%" of a whole; '' when the whole is 0. */
function share(part: number, whole: number): string {
  if (!(whole > 0)) return '';
  return ` (${((100 * part) / whole).toFixed(1)}%)`;
}

/** "ran 12 goroutines (134 starts)"; "10000+" when the distinct count was capped. */
export function goroutinesRunText(s: { goroutines: number; goroutinesCapped: boolean; goroutineStarts: number }): string {
  const n = `${s.goroutines}${s.goroutinesCapped ? '+' : ''}`;
  return `ran ${n} goroutine${s.goroutines === 1 && !s.goroutinesCapped ? '' : 's'} (${plural(s.goroutineStarts, 'start')})`;
}

const generationsText = (first: number, last: number): string => (first === last ? `generation ${first + 1}` : `generations ${first + 1}–${last + 1}`);

/** A proc's row: "P 0", "running 1.2 ms (80.0%), idle 300 µs, ran 5 goroutines (40 starts), 3 syscalls". */
export function procRow(p: ProcSummary, traceStartNs: number, eventCount: number): TreeNode {
  const busy = p.runningNs + p.idleNs;
  const lines = [
    `proc ${p.id}`,
    `seen +${formatNs(p.firstNs - traceStartNs)} … +${formatNs(p.lastNs - traceStartNs)} (${generationsText(p.firstGeneration, p.lastGeneration)} in the file)`,
    `running ${formatNs(p.runningNs)}${share(p.runningNs, busy)}, started ${plural(p.starts, 'time')}`,
    `idle ${formatNs(p.idleNs)}${share(p.idleNs, busy)}`,
    goroutinesRunText(p),
    `${plural(p.syscalls, 'syscall')} entered on it`,
    plural(p.events, 'event'),
  ];
  return {
    id: procNodeId(p.id),
    kind: 'proc',
    label: `P ${p.id}`,
    description: [`running ${formatNs(p.runningNs)}${share(p.runningNs, busy)}`, `idle ${formatNs(p.idleNs)}`, goroutinesRunText(p), plural(p.syscalls, 'syscall')].join(', '),
    tooltip: lines.join('\n'),
    icon: 'circuit-board',
    childCount: eventCount,
  };
}

/** A thread's row: "M 7813", "running 1.2 ms, in syscalls 4 ms, ran 3 goroutines (9 starts), 2 syscalls". */
export function osThreadRow(t: ThreadSummary, traceStartNs: number, eventCount: number): TreeNode {
  const lines = [
    `thread ${t.id}`,
    `seen +${formatNs(t.firstNs - traceStartNs)} … +${formatNs(t.lastNs - traceStartNs)} (${generationsText(t.firstGeneration, t.lastGeneration)} in the file)`,
    `holding a running proc ${formatNs(t.runningNs)}`,
    `a goroutine in a syscall on it ${formatNs(t.syscallNs)}`,
    goroutinesRunText(t),
    `${plural(t.syscalls, 'syscall')} entered on it`,
    plural(t.events, 'event'),
  ];
  return {
    id: osThreadNodeId(t.id),
    kind: 'osThread',
    label: `M ${t.id}`,
    description: [`running ${formatNs(t.runningNs)}`, `in syscalls ${formatNs(t.syscallNs)}`, goroutinesRunText(t), plural(t.syscalls, 'syscall')].join(', '),
    tooltip: lines.join('\n'),
    icon: 'server-process',
    childCount: eventCount,
  };
}
