/**
 * Rows of the Tasks and Regions roots: the tasks as a tree (taskTree.ts: longest first, each
 * under its parent), each expanding to its child tasks, its regions and its logs (the first ones
 * the summary kept); the regions in their order. Selecting a task, a region or a log shows its
 * details in the event pane: a log as an event (where, when, category, message, its stack's
 * frames that open the source). Task and region names as they are when Go's quoting escapes
 * nothing in them, else quoted; log categories and messages always quoted, as Go prints them.
 */
import { displayTraceText, goQuoteShort, goQuoteString, type RegionSummary, type TaskSummary, type TraceSummaries } from '../../parser/index.js';
import type { TreeNode } from '../../shared/protocol.js';
import { frameFileText, frameFuncText, frameRow } from './eventNodes.js';
import { formatNs, plural } from './format.js';
import { regionNodeId, REGIONS_ID, taskLogFrameId, taskLogId, taskNodeId, taskRegionId, TASKS_ID, type NodeRef } from './nodeIds.js';
import { pageOf, type Page } from './paging.js';
import type { TaskTree } from './taskTree.js';

/** What these rows read: the summaries and their task tree (SummaryIndex has both). */
export interface AnnotationIndex {
  data: TraceSummaries;
  tasks: TaskTree;
}

type TaskLog = TaskSummary['logList'][number];

/** Longest log message shown in a row; the event pane shows it whole. */
const SHORT_TEXT = 60;

const at = (ns: number, traceStartNs: number): string => `+${formatNs(ns - traceStartNs)}`;
const span = (start: number, end: number, traceStartNs: number): string =>
  `${Number.isNaN(start) ? 'begin not in trace' : at(start, traceStartNs)} … ${Number.isNaN(end) ? 'not ended' : at(end, traceStartNs)}`;
const duration = (start: number, end: number): string => (Number.isNaN(start) || Number.isNaN(end) ? '' : formatNs(end - start));
const goroutineText = (g: number): string => (g >= 0 ? `G ${g}` : '?');

export function taskName(t: TaskSummary): string {
  if (t.name) return displayTraceText(t.name);
  return t.id === '0' ? 'background task' : `task ${t.id}`;
}

export const regionName = (r: RegionSummary): string => (r.name ? displayTraceText(r.name) : '(unnamed region)');

export function tasksRootRow(s: AnnotationIndex): TreeNode {
  const d = s.data;
  const nested = d.tasks.length - s.tasks.roots.length;
  return {
    id: TASKS_ID, kind: 'summaryRoot', label: 'Tasks',
    description: `${plural(d.tasks.length, 'task')}, longest first` + (nested > 0 ? ` (${nested} under their parent)` : '') + (d.droppedTasks ? ` (${d.droppedTasks} more not kept)` : ''),
    tooltip: 'tasks (runtime/trace.NewTask), longest first: a task not ended counts to the end of the trace, one begun before it from its start; ' +
      'a child task is listed under its parent; each expands to its child tasks, its regions and its logs',
    icon: 'checklist', childCount: s.tasks.roots.length,
  };
}

export function regionsRootRow(d: TraceSummaries): TreeNode {
  return {
    id: REGIONS_ID, kind: 'summaryRoot', label: 'Regions',
    description: plural(d.regions.length, 'region') + (d.droppedRegions ? ` (${d.droppedRegions} more not kept)` : ''),
    tooltip: 'regions (runtime/trace.WithRegion, StartRegion), in the order they began; a task lists its own too',
    icon: 'symbol-namespace', childCount: d.regions.length,
  };
}

/** How many rows a task expands to: child tasks, regions, kept logs. */
const taskChildCount = (s: AnnotationIndex, i: number): number => s.tasks.children[i].length + s.tasks.regions[i].length + s.data.tasks[i].logList.length;

export function taskRow(s: AnnotationIndex, i: number, traceStartNs: number): TreeNode {
  const t = s.data.tasks[i];
  const d = duration(t.startNs, t.endNs);
  const g = t.startGoroutine >= 0 ? `G ${t.startGoroutine}` : t.endGoroutine >= 0 ? `G ${t.endGoroutine}` : '';
  const kids = s.tasks.children[i].length;
  return {
    id: taskNodeId(i),
    kind: 'task',
    label: taskName(t),
    description: [d || (Number.isNaN(t.endNs) ? 'not ended' : 'begin not in trace'), `id ${t.id}`, g, t.parent !== undefined ? `parent ${t.parent}` : ''].filter(Boolean).join('  '),
    tooltip: `task ${t.id} ${goQuoteString(t.name)}\n${span(t.startNs, t.endNs, traceStartNs)}\nbegun by ${goroutineText(t.startGoroutine)}, ended by ${goroutineText(t.endGoroutine)}\n` +
      `${plural(kids, 'child task')}, ${plural(t.regions, 'region')}, ${plural(t.logs, 'log')}`,
    icon: 'checklist',
    childCount: taskChildCount(s, i),
  };
}

export function regionRow(r: RegionSummary, id: string, traceStartNs: number): TreeNode {
  const d = duration(r.startNs, r.endNs);
  return {
    id,
    kind: 'region',
    label: regionName(r),
    description: [d || (Number.isNaN(r.endNs) ? 'not ended' : 'begin not in trace'), `G ${r.goroutine}`, `task ${r.task}`].join('  '),
    tooltip: `region ${goQuoteString(r.name)} of task ${r.task} on G ${r.goroutine}\n${span(r.startNs, r.endNs, traceStartNs)}`,
    icon: 'symbol-namespace',
    childCount: 0,
  };
}

export function taskLogRow(task: number, k: number, log: TaskLog, traceStartNs: number): TreeNode {
  return {
    id: taskLogId(task, k),
    kind: 'event',
    label: 'Log',
    description: [at(log.time, traceStartNs), log.goroutine >= 0 ? `G ${log.goroutine}` : '', `${goQuoteString(log.category)}: ${goQuoteShort(log.message, SHORT_TEXT)}`].filter(Boolean).join('  '),
    tooltip: `Log at ${at(log.time, traceStartNs)} on ${goroutineText(log.goroutine)}\ncategory ${goQuoteString(log.category)}\nmessage ${goQuoteString(log.message)}`,
    icon: 'symbol-event',
    childCount: log.frames.length,
  };
}

/** Rows under the Tasks root, a task, a task's log, or the Regions root; undefined for other rows. */
export function annotationChildren(s: AnnotationIndex, ref: NodeRef, offset: number, limit: number, traceStartNs: number): Page<TreeNode> | undefined {
  const { data: d, tasks: tree } = s;
  switch (ref.kind) {
    case 'tasks':
      return pageOf(tree.roots.length, offset, limit, (i) => taskRow(s, tree.roots[i], traceStartNs));
    case 'regions':
      return pageOf(d.regions.length, offset, limit, (i) => regionRow(d.regions[i], regionNodeId(i), traceStartNs));
    case 'task': {
      const t = d.tasks[ref.task];
      if (!t) return { total: 0, items: [] };
      const kids = tree.children[ref.task];
      const regions = tree.regions[ref.task];
      return pageOf(taskChildCount(s, ref.task), offset, limit, (i) => {
        if (i < kids.length) return taskRow(s, kids[i], traceStartNs);
        const j = i - kids.length;
        if (j < regions.length) return regionRow(d.regions[regions[j]], taskRegionId(ref.task, regions[j]), traceStartNs);
        const k = j - regions.length;
        return taskLogRow(ref.task, k, t.logList[k], traceStartNs);
      });
    }
    case 'taskLog': {
      const frames = d.tasks[ref.task]?.logList[ref.log]?.frames ?? [];
      return pageOf(frames.length, offset, limit, (i) => frameRow(taskLogFrameId(ref.task, ref.log, i), frames[i]));
    }
    default:
      return undefined;
  }
}

/** A region listed under a task: only if it is that task's. */
function regionOf(s: AnnotationIndex, ref: NodeRef): RegionSummary | undefined {
  if (ref.kind === 'region') return s.data.regions[ref.region];
  if (ref.kind === 'taskRegion') return s.tasks.regions[ref.task]?.includes(ref.region) ? s.data.regions[ref.region] : undefined;
  return undefined;
}

/** The event pane's rows for a task, a region or a log; undefined for other rows. */
export function annotationDetails(s: AnnotationIndex, ref: NodeRef, nodeId: string, traceStartNs: number): TreeNode[] | undefined {
  const info = (facts: [string, string][]): TreeNode[] =>
    facts.map(([label, description], i) => ({ id: `${nodeId}#d${i}`, kind: 'info', label, description, childCount: 0 }));
  const when = (ns: number): string => (Number.isNaN(ns) ? 'not in the trace' : `${at(ns, traceStartNs)} (${ns} ns)`);
  const taskRef = (id: string): string => {
    const i = s.data.tasks.findIndex((t) => t.id === id);
    return i >= 0 && s.data.tasks[i].name ? `${id} ${goQuoteString(s.data.tasks[i].name)}` : id;
  };
  if (ref.kind === 'task') {
    const t = s.data.tasks[ref.task];
    if (!t) return undefined;
    return info([
      ['task', t.id],
      ['type', goQuoteString(t.name)],
      ['parent', t.parent !== undefined ? taskRef(t.parent) : 'none'],
      ['begin', when(t.startNs)],
      ['end', when(t.endNs)],
      ['duration', duration(t.startNs, t.endNs) || 'unknown (begin or end not in the trace)'],
      ['begun by', goroutineText(t.startGoroutine)],
      ['ended by', goroutineText(t.endGoroutine)],
      ['child tasks', String(s.tasks.children[ref.task].length)],
      ['regions', String(t.regions)],
      ['logs', t.logList.length < t.logs ? `${t.logs} (the first ${t.logList.length} listed)` : String(t.logs)],
    ]);
  }
  const r = regionOf(s, ref);
  if (r) {
    return info([
      ['region', goQuoteString(r.name)],
      ['task', taskRef(r.task)],
      ['goroutine', `G ${r.goroutine}`],
      ['begin', when(r.startNs)],
      ['end', when(r.endNs)],
      ['duration', duration(r.startNs, r.endNs) || 'unknown (begin or end not in the trace)'],
    ]);
  }
  if (ref.kind !== 'taskLog') return undefined;
  const t = s.data.tasks[ref.task];
  const log = t?.logList[ref.log];
  if (!log) return undefined;
  const rows = info([
    ['event', 'Log'],
    ['time', when(log.time)],
    ['goroutine', goroutineText(log.goroutine)],
    ['task', taskRef(t.id)],
    ['category', goQuoteString(log.category)],
    ['message', goQuoteString(log.message)],
  ]);
  if (log.frames.length > 0) {
    rows.push({ id: `${nodeId}#s`, kind: 'info', label: 'stack', description: `stack ${log.stack}, ${plural(log.frames.length, 'frame')}`, childCount: 0 });
    log.frames.forEach((f, i) => rows.push(frameRow(`${nodeId}#f${i}`, f)));
  }
  return rows;
}

/** "Copy Event" for a task's log; undefined for other rows. */
export function annotationText(s: AnnotationIndex, ref: NodeRef, traceStartNs: number): string | undefined {
  if (ref.kind !== 'taskLog') return undefined;
  const t = s.data.tasks[ref.task];
  const log = t?.logList[ref.log];
  if (!log) return undefined;
  const lines = [
    `Log at ${at(log.time, traceStartNs)} (${log.time} ns)`,
    `goroutine ${goroutineText(log.goroutine)}, task ${t.id}${t.name ? ` ${goQuoteString(t.name)}` : ''}`,
    `category: ${goQuoteString(log.category)}`,
    `message: ${goQuoteString(log.message)}`,
  ];
  if (log.frames.length > 0) lines.push(`stack ${log.stack}:`);
  for (const f of log.frames) lines.push(`  ${frameFuncText(f)}`, `      ${frameFileText(f)}`);
  return lines.join('\n') + '\n';
}
