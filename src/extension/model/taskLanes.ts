/**
 * The timeline's task lanes: every user task (runtime/trace.NewTask) as a slice from its begin to
 * its end, labelled with its type. Tasks overlap, so they are packed into rows, each task in the
 * first row below its parent's that is free at its begin (so nesting shows). A task
 * begun before the trace starts at the trace's first event; one not ended in it ends at the last.
 * Built once from the pass's summaries; at most MAX_TASK_ROWS rows, the rest of the tasks in the
 * last row (drawn merged where they overlap).
 */
import type { TraceSummaries } from '../../parser/index.js';
import type { TimelineLane } from '../../shared/timeline.js';
import { SLICE_STATES } from '../../shared/timeline.js';
import type { LaneSliceBuilder } from './laneSlices.js';

type TaskSummary = TraceSummaries['tasks'][number];

export const MAX_TASK_ROWS = 32;
const TASK = SLICE_STATES.indexOf('task');

/** A lane id of a task row: "t0", "t1"... */
export const taskLaneId = (row: number): string => `t${row}`;

export class TaskLanes {
  /** Per row, the tasks' indices in `tasks`, by begin. */
  private readonly rows: number[][] = [];
  /** Per task (index in `tasks`), its row. */
  private readonly rowOf: Int32Array;
  private readonly start: Float64Array;
  private readonly end: Float64Array;

  constructor(
    private readonly tasks: readonly TaskSummary[],
    /** The trace's first and last event (absolute ns): where open tasks begin and end. */
    firstNs: number,
    lastNs: number,
  ) {
    const n = tasks.length;
    this.start = new Float64Array(n);
    this.end = new Float64Array(n);
    this.rowOf = new Int32Array(n).fill(-1);
    for (let k = 0; k < n; k++) {
      this.start[k] = Number.isNaN(tasks[k].startNs) ? firstNs : tasks[k].startNs;
      this.end[k] = Number.isNaN(tasks[k].endNs) ? lastNs : tasks[k].endNs;
    }
    const order = Array.from({ length: n }, (_, k) => k).filter((k) => Number.isFinite(this.start[k]) && Number.isFinite(this.end[k]));
    order.sort((a, b) => this.start[a] - this.start[b] || this.end[b] - this.end[a] || a - b);
    const index = new Map(tasks.map((t, k) => [t.id, k]));
    /** Per row, where its last task ends. */
    const free: number[] = [];
    for (const k of order) {
      // Below its parent's row: a parent begins no later than its child, so it has one already.
      const parent = tasks[k].parent === undefined ? undefined : index.get(tasks[k].parent!);
      const below = parent === undefined || this.rowOf[parent] < 0 ? 0 : this.rowOf[parent] + 1;
      let r = -1;
      for (let q = below; q < free.length && r < 0; q++) if (free[q] <= this.start[k]) r = q;
      if (r < 0) r = free.length < MAX_TASK_ROWS ? free.length : MAX_TASK_ROWS - 1;
      if (r === free.length) {
        free.push(-Infinity);
        this.rows.push([]);
      }
      free[r] = Math.max(free[r], this.end[k]);
      this.rows[r].push(k);
      this.rowOf[k] = r;
    }
  }

  get rowCount(): number {
    return this.rows.length;
  }

  /** The layout's lanes, one per row. */
  lanes(): TimelineLane[] {
    return this.rows.map((tasks, r) => ({
      id: taskLaneId(r),
      kind: 'task',
      label: r === 0 ? 'Tasks' : `Tasks ${r + 1}`,
      tooltip: `${tasks.length} task${tasks.length === 1 ? '' : 's'}${r === 0 ? '' : ' overlapping those above'}${r === MAX_TASK_ROWS - 1 ? ' (and every task past this row)' : ''}`,
    }));
  }

  /** A task's row and times (absolute ns), by its index in the summaries' tasks. */
  placeOf(task: number): { lane: string; startNs: number; endNs: number } | undefined {
    const r = this.rowOf[task];
    return r === undefined || r < 0 ? undefined : { lane: taskLaneId(r), startNs: this.start[task], endNs: this.end[task] };
  }

  /** Row `row`'s tasks over [from, to] (absolute ns) into a lane's slices, times from `origin`. */
  slices(row: number, from: number, to: number, origin: number, out: LaneSliceBuilder, str: (s: string) => number): void {
    for (const k of this.rows[row] ?? []) {
      if (this.end[k] < from || this.start[k] > to) continue;
      const t = this.tasks[k];
      out.push({ start: this.start[k] - origin, end: this.end[k] - origin, state: TASK, label: str(t.name || `task ${t.id}`), offset: -1, goroutine: t.startGoroutine, proc: -1, merged: 0 });
    }
  }
}
