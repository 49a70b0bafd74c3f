/**
 * Rows of the summary roots beside the generations: "Goroutines" (each goroutine with its start
 * function and state times, expandable to its events in the ordered stream, each expandable to its
 * stack), "Procs" and "Threads" (procNodes.ts), "Tasks" and "Regions" with their durations, and
 * "Event counts" (eventCountNodes.ts). Built from the parser's TraceSummaries
 * (src/parser/summary/); every string here is trace data.
 */
import type { GoroutineSummary, ProcSummary, RegionSummary, StackFrame, TaskSummary, ThreadSummary, TraceSummaries } from '../../parser/index.js';
import type { TreeNode } from '../../shared/protocol.js';
import { eventCountsRootRow } from './eventCountNodes.js';
import { formatNs, plural } from './format.js';
import { goroutineNodeId, GOROUTINES_ID, regionNodeId, REGIONS_ID, taskNodeId, TASKS_ID } from './nodeIds.js';
import { procsRootRow, threadsRootRow } from './procNodes.js';
import { summaryEventRow, summaryFrameRow, type SummaryEventEntry } from './summaryEvents.js';

export { summaryEventEntry as goroutineEventEntry } from './summaryEvents.js';

/** The summaries as the model keeps them: goroutines, procs and threads sorted by ID for paging. */
export interface SummaryIndex {
  data: TraceSummaries;
  goroutines: GoroutineSummary[];
  /** Position of each goroutine ID in `goroutines`. */
  byId: Map<number, number>;
  procs: ProcSummary[];
  threads: ThreadSummary[];
}

export function indexSummaries(data: TraceSummaries): SummaryIndex {
  const goroutines = [...data.goroutines.values()].sort((a, b) => a.id - b.id);
  const procs = [...data.procs.values()].sort((a, b) => a.id - b.id);
  const threads = [...data.threads.values()].sort((a, b) => a.id - b.id);
  return { data, goroutines, byId: new Map(goroutines.map((g, i) => [g.id, i])), procs, threads };
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
      return {
        id: TASKS_ID, kind: 'summaryRoot', label: 'Tasks',
        description: plural(d.tasks.length, 'task') + (d.droppedTasks ? ` (${d.droppedTasks} more not kept)` : ''),
        icon: 'checklist', childCount: d.tasks.length,
      };
    case 'regions':
      return {
        id: REGIONS_ID, kind: 'summaryRoot', label: 'Regions',
        description: plural(d.regions.length, 'region') + (d.droppedRegions ? ` (${d.droppedRegions} more not kept)` : ''),
        icon: 'symbol-namespace', childCount: d.regions.length,
      };
    default:
      return eventCountsRootRow(d.eventCounts, generationNumbers);
  }
}

/** "running 1.2 ms, runnable 3 µs, blocked 4 ms (chan receive 3 ms, …), syscall 0 ns". */
export function goroutineStateText(g: GoroutineSummary): string {
  const parts = [`running ${formatNs(g.runningNs)}`, `runnable ${formatNs(g.runnableNs)}`];
  const reasons = Object.entries(g.blockedByReason).filter(([, ns]) => ns > 0).sort((a, b) => b[1] - a[1]);
  const why = reasons.slice(0, 2).map(([r, ns]) => `${r || 'no reason'} ${formatNs(ns)}`).join(', ');
  parts.push(`blocked ${formatNs(g.blockedNs)}${why ? ` (${why}${reasons.length > 2 ? ', …' : ''})` : ''}`);
  parts.push(`syscall ${formatNs(g.syscallNs + g.syscallBlockedNs)}`);
  return parts.join(', ');
}

export function goroutineRow(g: GoroutineSummary, traceStartNs: number, traceEndNs: number, eventCount: number): TreeNode {
  const end = Number.isNaN(g.endNs) ? traceEndNs : g.endNs;
  const lines = [
    `goroutine ${g.id}: ${g.startFunction || g.name || 'unknown start function'}`,
    `created +${formatNs(g.creationNs - traceStartNs)}${g.preexisting ? ' (existed before)' : ''}`,
    Number.isNaN(g.startNs) ? 'never ran' : `first ran +${formatNs(g.startNs - traceStartNs)}`,
    Number.isNaN(g.endNs) ? 'did not end' : `ended +${formatNs(g.endNs - traceStartNs)}`,
    `lifetime ${formatNs(end - g.creationNs)}`,
    `running ${formatNs(g.runningNs)}`,
    `runnable ${formatNs(g.runnableNs)}`,
    ...Object.entries(g.blockedByReason).map(([r, ns]) => `blocked (${r || 'no reason'}) ${formatNs(ns)}`),
    `in syscall ${formatNs(g.syscallNs)}, blocked in syscall ${formatNs(g.syscallBlockedNs)}`,
  ];
  return {
    id: goroutineNodeId(g.id),
    kind: 'goroutine',
    label: `G ${g.id}  ${g.startFunction || g.name || '?'}`,
    description: goroutineStateText(g),
    tooltip: lines.join('\n'),
    icon: 'symbol-class',
    childCount: eventCount,
  };
}

/** A goroutine's events: the rows of summaryEvents.ts, under goroutines/g<id>. */
export type GoroutineEventEntry = SummaryEventEntry;

export const goroutineEventRow = (goroutine: number, index: number, e: SummaryEventEntry, traceStartNs: number): TreeNode =>
  summaryEventRow('goroutine', goroutine, index, e, traceStartNs);

export const goroutineFrameRow = (goroutine: number, event: number, frame: number, f: StackFrame): TreeNode => summaryFrameRow('goroutine', goroutine, event, frame, f);

const span = (start: number, end: number, traceStartNs: number): string =>
  `${Number.isNaN(start) ? 'begin not in trace' : `+${formatNs(start - traceStartNs)}`} … ${Number.isNaN(end) ? 'not ended' : `+${formatNs(end - traceStartNs)}`}`;
const duration = (start: number, end: number): string => (Number.isNaN(start) || Number.isNaN(end) ? '' : formatNs(end - start));

export function taskRow(t: TaskSummary, index: number, traceStartNs: number): TreeNode {
  const d = duration(t.startNs, t.endNs);
  const g = t.startGoroutine >= 0 ? `G ${t.startGoroutine}` : t.endGoroutine >= 0 ? `G ${t.endGoroutine}` : '';
  return {
    id: taskNodeId(index),
    kind: 'task',
    label: t.name || (t.id === '0' ? 'background task' : `task ${t.id}`),
    description: [d || (Number.isNaN(t.endNs) ? 'not ended' : 'begin not in trace'), `id ${t.id}`, g, t.parent !== undefined ? `parent ${t.parent}` : ''].filter(Boolean).join('  '),
    tooltip: `task ${t.id} ${JSON.stringify(t.name)}\n${span(t.startNs, t.endNs, traceStartNs)}\nbegun by ${t.startGoroutine >= 0 ? `G ${t.startGoroutine}` : '?'}, ended by ${t.endGoroutine >= 0 ? `G ${t.endGoroutine}` : '?'}\n${plural(t.regions, 'region')}, ${plural(t.logs, 'log')}`,
    icon: 'checklist',
    childCount: 0,
  };
}

export function regionRow(r: RegionSummary, index: number, traceStartNs: number): TreeNode {
  const d = duration(r.startNs, r.endNs);
  return {
    id: regionNodeId(index),
    kind: 'region',
    label: r.name || '(unnamed region)',
    description: [d || (Number.isNaN(r.endNs) ? 'not ended' : 'begin not in trace'), `G ${r.goroutine}`, `task ${r.task}`].join('  '),
    tooltip: `region ${JSON.stringify(r.name)} of task ${r.task} on G ${r.goroutine}\n${span(r.startNs, r.endNs, traceStartNs)}`,
    icon: 'symbol-namespace',
    childCount: 0,
  };
}
