/**
 * Rows of the summary roots beside the generations: "Goroutines" (each goroutine with its start
 * function and state times, expandable to its events in the ordered stream, each expandable to its
 * stack), "Procs" and "Threads" (procNodes.ts), "Tasks" and "Regions" (taskNodes.ts), and
 * "Event counts" (eventCountNodes.ts). Built from the parser's TraceSummaries
 * (src/parser/summary/); every string here is trace data, shown as it is only when Go's quoting
 * would escape nothing in it (displayTraceText), else quoted.
 */
import { displayTraceText, type GoroutineSummary, type ProcSummary, type ThreadSummary, type TraceSummaries } from '../../parser/index.js';
import type { TreeNode } from '../../shared/protocol.js';
import { eventCountsRootRow } from './eventCountNodes.js';
import { formatNs, plural } from './format.js';
import { goroutineNodeId, GOROUTINES_ID } from './nodeIds.js';
import { procsRootRow, threadsRootRow } from './procNodes.js';
import { regionsRootRow, tasksRootRow } from './taskNodes.js';
import { indexTasks, type TaskTree } from './taskTree.js';

/** The summaries as the model keeps them: goroutines, procs and threads sorted by ID for paging. */
export interface SummaryIndex {
  data: TraceSummaries;
  /** By ID ascending; each summary is made when its row is asked for (a trace can have millions). */
  goroutines: GoroutineList;
  procs: ProcSummary[];
  threads: ThreadSummary[];
  /** The tasks as a tree, longest first (taskTree.ts). */
  tasks: TaskTree;
}

/** The goroutines in ID order, made one at a time. */
export interface GoroutineList {
  readonly length: number;
  at(i: number): GoroutineSummary;
}

export function indexSummaries(data: TraceSummaries): SummaryIndex {
  const ids = data.goroutines.sortedIds();
  const goroutines: GoroutineList = { length: ids.length, at: (i) => data.goroutines.get(ids[i])! };
  const procs = [...data.procs.values()].sort((a, b) => a.id - b.id);
  const threads = [...data.threads.values()].sort((a, b) => a.id - b.id);
  return { data, goroutines, procs, threads, tasks: indexTasks(data) };
}

/** The summary roots, in order (shown after the generations). */
const SUMMARY_ROOTS = ['goroutines', 'procs', 'threads', 'tasks', 'regions', 'eventCounts'] as const;
export const SUMMARY_ROOT_COUNT = SUMMARY_ROOTS.length;

export function summaryRootRow(s: SummaryIndex, i: number, generationNumbers: readonly number[] = []): TreeNode {
  const d = s.data;
  switch (SUMMARY_ROOTS[i]) {
    case 'goroutines':
      return {
        id: GOROUTINES_ID, kind: 'summaryRoot', label: 'Goroutines',
        description: plural(s.goroutines.length, 'goroutine'),
        tooltip: 'goroutines in the ordered event stream, with their start function and time by state (Go\'s goroutine summary)',
        icon: 'symbol-class', childCount: s.goroutines.length,
      };
    case 'procs':
      return procsRootRow(s.procs);
    case 'threads':
      return threadsRootRow(s.threads);
    case 'tasks':
      return tasksRootRow(s);
    case 'regions':
      return regionsRootRow(d);
    default:
      return eventCountsRootRow(d.eventCounts, generationNumbers);
  }
}

/** A block reason (a string of the trace) as shown. */
export const reasonText = (r: string): string => (r ? displayTraceText(r) : 'no reason');

/** A goroutine's start function (or Go's name for it) as shown; '' when unknown. */
export const startFunctionText = (g: GoroutineSummary): string => {
  const f = g.startFunction || g.name;
  return f ? displayTraceText(f) : '';
};

/** "running 1.2 ms, runnable 3 µs, blocked 4 ms (chan receive 3 ms, …), syscall 0 ns". */
export function goroutineStateText(g: GoroutineSummary): string {
  const parts = [`running ${formatNs(g.runningNs)}`, `runnable ${formatNs(g.runnableNs)}`];
  const reasons = Object.entries(g.blockedByReason).filter(([, ns]) => ns > 0).sort((a, b) => b[1] - a[1]);
  const why = reasons.slice(0, 2).map(([r, ns]) => `${reasonText(r)} ${formatNs(ns)}`).join(', ');
  parts.push(`blocked ${formatNs(g.blockedNs)}${why ? ` (${why}${reasons.length > 2 ? ', …' : ''})` : ''}`);
  parts.push(`syscall ${formatNs(g.syscallNs + g.syscallBlockedNs)}`);
  return parts.join(', ');
}

export function goroutineRow(g: GoroutineSummary, traceStartNs: number, traceEndNs: number, eventCount: number): TreeNode {
  const end = Number.isNaN(g.endNs) ? traceEndNs : g.endNs;
  const lines = [
    `goroutine ${g.id}: ${startFunctionText(g) || 'unknown start function'}`,
    `created +${formatNs(g.creationNs - traceStartNs)}${g.preexisting ? ' (existed before)' : ''}`,
    Number.isNaN(g.startNs) ? 'never ran' : `first ran +${formatNs(g.startNs - traceStartNs)}`,
    Number.isNaN(g.endNs) ? 'did not end' : `ended +${formatNs(g.endNs - traceStartNs)}`,
    `lifetime ${formatNs(end - g.creationNs)}`,
    `running ${formatNs(g.runningNs)}`,
    `runnable ${formatNs(g.runnableNs)}`,
    ...Object.entries(g.blockedByReason).map(([r, ns]) => `blocked (${reasonText(r)}) ${formatNs(ns)}`),
    `in syscall ${formatNs(g.syscallNs)}, blocked in syscall ${formatNs(g.syscallBlockedNs)}`,
  ];
  return {
    id: goroutineNodeId(g.id),
    kind: 'goroutine',
    label: `G ${g.id}  ${startFunctionText(g) || '?'}`,
    description: goroutineStateText(g),
    tooltip: lines.join('\n'),
    icon: 'symbol-class',
    childCount: eventCount,
  };
}
