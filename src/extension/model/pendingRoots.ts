/**
 * The summary roots (Goroutines, Procs, Threads, Tasks, Regions, Event counts) while the analysis
 * pass computes them: the same rows, at the top of the tree from the first moment, saying how far
 * it is, with no children yet. The pass runs beside the reading, so they fill in when the file is
 * read.
 */
import type { TreeNode } from '../../shared/protocol.js';
import { EVENT_COUNTS_ID, GOROUTINES_ID, PROCS_ID, REGIONS_ID, TASKS_ID, THREADS_ID } from './nodeIds.js';

const PENDING: readonly { id: string; label: string; icon: string }[] = [
  { id: GOROUTINES_ID, label: 'Goroutines', icon: 'symbol-class' },
  { id: PROCS_ID, label: 'Procs', icon: 'circuit-board' },
  { id: THREADS_ID, label: 'Threads', icon: 'server-process' },
  { id: TASKS_ID, label: 'Tasks', icon: 'checklist' },
  { id: REGIONS_ID, label: 'Regions', icon: 'symbol-namespace' },
  { id: EVENT_COUNTS_ID, label: 'Event counts', icon: 'symbol-numeric' },
];

/** Root row i (in summaryRootRow's order) while the summaries are computed; `done` is the share of the file read (0..1). */
export function pendingSummaryRootRow(i: number, done: number): TreeNode {
  const r = PENDING[i];
  const pct = Math.max(0, Math.min(99, Math.floor(done * 100)));
  return {
    id: r.id,
    kind: 'summaryRoot',
    label: r.label,
    description: `computing… ${pct}%`,
    tooltip: 'computed in the same pass as the reading of the file; ready when the file is read',
    icon: r.icon,
    childCount: 0,
  };
}
