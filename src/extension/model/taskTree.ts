/**
 * Tasks as a tree, for the Tasks root: each task under its parent (a task whose parent was not
 * kept, or that has none, is a root), siblings longest first, and each task's regions. Built once
 * from the summaries (positions in their lists); a cycle of parents (only a hostile trace has one)
 * is cut so that every task is reachable exactly once.
 */
import type { TaskSummary, TraceSummaries } from '../../parser/index.js';
import { REGIONS_ID, taskLogId, taskNodeId, TASKS_ID, type NodeRef } from './nodeIds.js';

export interface TaskTree {
  /** Positions (in the summary's task list) of the tasks listed under the Tasks root, longest first. */
  roots: number[];
  /** Per task position: its child tasks' positions, longest first. */
  children: number[][];
  /** Per task position: the positions of its regions in the summary's region list, in their order. */
  regions: number[][];
  /** Per task position: its parent's position, -1 for a root. */
  parent: Int32Array;
  /** The trace's span, for tasks whose begin or end is not in it. */
  firstNs: number;
  lastNs: number;
}

/**
 * What a task is sorted by: its duration, counted from the trace's start when it began before
 * it, and to the trace's end when it did not end in it. -1 when neither end is in the trace
 * (the background task).
 */
export function sortDuration(t: TaskSummary, firstNs: number, lastNs: number): number {
  if (Number.isNaN(t.startNs) && Number.isNaN(t.endNs)) return -1;
  const start = Number.isNaN(t.startNs) ? firstNs : t.startNs;
  const end = Number.isNaN(t.endNs) ? lastNs : t.endNs;
  return Number.isFinite(end - start) ? Math.max(0, end - start) : -1;
}

export function indexTasks(d: Pick<TraceSummaries, 'tasks' | 'regions' | 'firstNs' | 'lastNs'>): TaskTree {
  const n = d.tasks.length;
  const byId = new Map<string, number>();
  d.tasks.forEach((t, i) => byId.set(t.id, i));
  const parent = new Int32Array(n).fill(-1);
  d.tasks.forEach((t, i) => {
    const p = t.parent === undefined ? undefined : byId.get(t.parent);
    if (p !== undefined && p !== i) parent[i] = p;
  });
  cutCycles(parent);
  const firstNs = d.firstNs;
  const lastNs = Number.isNaN(d.lastNs) ? firstNs : d.lastNs;
  const key = d.tasks.map((t) => sortDuration(t, firstNs, lastNs));
  const longestFirst = (a: number, b: number): number => key[b] - key[a] || a - b;
  const roots: number[] = [];
  const children: number[][] = Array.from({ length: n }, () => []);
  for (let i = 0; i < n; i++) (parent[i] < 0 ? roots : children[parent[i]]).push(i);
  roots.sort(longestFirst);
  for (const c of children) c.sort(longestFirst);
  const regions: number[][] = Array.from({ length: n }, () => []);
  d.regions.forEach((r, i) => {
    const t = byId.get(r.task);
    if (t !== undefined) regions[t].push(i);
  });
  return { roots, children, regions, parent, firstNs, lastNs };
}

/** Cuts one parent link in each cycle, so following parents always ends at a root. */
function cutCycles(parent: Int32Array): void {
  const state = new Uint8Array(parent.length); // 0 unseen, 1 on the current walk, 2 done
  for (let i = 0; i < parent.length; i++) {
    const walk: number[] = [];
    let j = i;
    while (j >= 0 && state[j] === 0) {
      state[j] = 1;
      walk.push(j);
      j = parent[j];
    }
    if (j >= 0 && state[j] === 1) parent[walk[walk.length - 1]] = -1;
    for (const k of walk) state[k] = 2;
  }
}

/** The IDs of a task's ancestors' rows and its own, from the Tasks root down. */
export function taskPath(tree: TaskTree, task: number): string[] {
  const ids: string[] = [];
  for (let j = task; j >= 0 && ids.length <= tree.parent.length; j = tree.parent[j]) ids.push(taskNodeId(j));
  return [TASKS_ID, ...ids.reverse()];
}

/** Where a row of the Tasks or Regions root is: its ancestors' IDs and its own. */
export function annotationPathTo(tree: TaskTree | undefined, ref: NodeRef, nodeId: string): { path: string[]; select: string } | undefined {
  const known = (t: number): boolean => tree !== undefined && t < tree.parent.length;
  switch (ref.kind) {
    case 'region':
      return { path: [REGIONS_ID], select: nodeId };
    case 'task':
      return known(ref.task) ? { path: taskPath(tree!, ref.task).slice(0, -1), select: nodeId } : undefined;
    case 'taskRegion':
    case 'taskLog':
      return known(ref.task) ? { path: taskPath(tree!, ref.task), select: nodeId } : undefined;
    case 'taskLogFrame':
      return known(ref.task) ? { path: [...taskPath(tree!, ref.task), taskLogId(ref.task, ref.log)], select: nodeId } : undefined;
    default:
      return undefined;
  }
}
