/**
 * User annotations: tasks (ID, type name, parent, begin and end, the goroutines that began and
 * ended them) and regions (name, task, goroutine, begin and end), as Go's summarizer pairs them:
 * a RegionEnd closes the innermost open region of its goroutine; an end without a begin makes a
 * region with no start; tasks are created by any mention (begin, end, log, region).
 *
 * Each task keeps its first logs (time, goroutine, category, message, stack), for the viewer to
 * list under it.
 *
 * Bounded: at most `maxTasks` tasks and `maxRegions` regions are kept (the first ones); the rest
 * are only counted. Each task keeps at most `maxLogsPerTask` logs and all tasks together at most
 * `maxLogs`; `logs` counts them all. Open regions per goroutine are a stack of at most MAX_DEPTH.
 */
import type { StackFrame } from '../order/generationView.js';
import type { OrderedEvent } from '../order/orderedEvent.js';
import { GoState } from '../order/resources.js';
import { newTransitionCodes, readTransition, TransitionResource } from '../order/transitionCodes.js';
import { formatUint64, NO_TASK, type Uint64 } from '../order/resources.js';
import type { SummaryHandler } from './handler.js';

export interface TaskSummary {
  /** The task ID as decimal text (IDs are uint64). */
  id: string;
  name: string;
  /** Parent task ID, or undefined for none. */
  parent?: string;
  /** NaN when not seen in the trace. */
  startNs: number;
  endNs: number;
  /** Goroutine that began / ended it (-1 when unknown). */
  startGoroutine: number;
  endGoroutine: number;
  regions: number;
  /** Logs in the task, all of them; `logList` holds the first ones kept. */
  logs: number;
  logList: TaskLog[];
}

/** One log of a task, as kept. */
export interface TaskLog {
  time: number;
  /** The goroutine that logged it (-1 when none). */
  goroutine: number;
  category: string;
  message: string;
  /** Its stack ID in its generation (0: none) and frames, innermost first. */
  stack: number;
  frames: readonly StackFrame[];
}

export interface RegionSummary {
  name: string;
  /** Its task ID as decimal text ('0' for the background task). */
  task: string;
  goroutine: number;
  /** NaN when the begin or end is not in the trace. */
  startNs: number;
  endNs: number;
}

export interface Annotations {
  tasks: TaskSummary[];
  regions: RegionSummary[];
  /** Tasks and regions seen beyond the limits (not kept). */
  droppedTasks: number;
  droppedRegions: number;
  /** Logs of kept tasks counted but not kept (beyond a task's or the total bound). */
  droppedLogs: number;
}

const MAX_DEPTH = 64;

const taskKey = (v: Uint64): string => formatUint64(v);

export class AnnotationSummarizer implements SummaryHandler<Annotations> {
  /** By task ID: a number, or a bigint beyond 2^53 (Map compares both by value). */
  private tasks = new Map<Uint64, TaskSummary>();
  private regions: RegionSummary[] = [];
  private open = new Map<number, RegionSummary[]>();
  private droppedTasks = 0;
  private droppedRegions = 0;
  private keptLogs = 0;
  private droppedLogs = 0;
  private readonly st = newTransitionCodes();
  private lastTaskId: Uint64 = -1;
  private lastTask: TaskSummary | undefined;

  constructor(
    private readonly maxTasks = 100_000,
    private readonly maxRegions = 200_000,
    private readonly maxLogsPerTask = 100,
    private readonly maxLogs = 100_000,
  ) {}

  reset(): void {
    this.lastTaskId = -1;
    this.lastTask = undefined;
    this.tasks = new Map();
    this.regions = [];
    this.open = new Map();
    this.droppedTasks = 0;
    this.droppedRegions = 0;
    this.keptLogs = 0;
    this.droppedLogs = 0;
  }

  handleEvent(e: OrderedEvent): void {
    switch (e.kind) {
      case 'TaskBegin':
      case 'TaskEnd': {
        const t = e.task!;
        const task = this.task(t.id);
        if (!task) return;
        task.name = t.type;
        if (t.parent !== NO_TASK && task.parent === undefined) task.parent = taskKey(t.parent);
        if (e.kind === 'TaskBegin') {
          task.startNs = e.time;
          task.startGoroutine = e.g;
        } else {
          task.endNs = e.time;
          task.endGoroutine = e.g;
        }
        return;
      }
      case 'RegionBegin': {
        const r = e.region!;
        const region: RegionSummary = { name: r.type, task: taskKey(r.task), goroutine: e.g, startNs: e.time, endNs: NaN };
        let stack = this.open.get(e.g);
        if (!stack) this.open.set(e.g, (stack = []));
        if (stack.length < MAX_DEPTH) stack.push(region);
        this.keep(region, r.task);
        return;
      }
      case 'RegionEnd': {
        const r = e.region!;
        const stack = this.open.get(e.g);
        let region = stack?.pop();
        if (stack && stack.length === 0) this.open.delete(e.g);
        if (!region) {
          region = { name: r.type, task: taskKey(r.task), goroutine: e.g, startNs: NaN, endNs: NaN };
          this.keep(region, r.task);
        }
        region.endNs = e.time;
        return;
      }
      case 'Log': {
        const log = e.log!;
        const task = this.task(log.task);
        if (!task) return;
        task.logs++;
        if (task.logList.length >= this.maxLogsPerTask || this.keptLogs >= this.maxLogs) {
          this.droppedLogs++;
          return;
        }
        this.keptLogs++;
        // The event object may be reused after this call: keep its values, not it.
        task.logList.push({ time: e.time, goroutine: e.g, category: log.category, message: log.message, stack: e.stack?.id ?? 0, frames: e.stack?.frames ?? [] });
        return;
      }
      case 'StateTransition': {
        // A goroutine that exits leaves its regions open.
        // Only while some goroutine has regions open is there anything to close.
        if (this.open.size === 0) return;
        const st = this.st;
        if (readTransition(e, st) && st.resource === TransitionResource.Goroutine && st.to === GoState.NotExist) this.open.delete(st.id);
        return;
      }
    }
  }

  finalize(): void {
    this.open.clear();
  }

  data(): Annotations {
    return { tasks: [...this.tasks.values()], regions: this.regions, droppedTasks: this.droppedTasks, droppedRegions: this.droppedRegions, droppedLogs: this.droppedLogs };
  }

  private keep(region: RegionSummary, task: Uint64): void {
    if (this.regions.length >= this.maxRegions) {
      this.droppedRegions++;
      return;
    }
    this.regions.push(region);
    const t = this.tasks.get(task);
    if (t) t.regions++;
  }

  private task(id: Uint64): TaskSummary | undefined {
    // A task's events come together (its begin, regions, logs, end): the last one is asked for again.
    if (id === this.lastTaskId) return this.lastTask;
    let t = this.tasks.get(id);
    if (!t) {
      if (this.tasks.size >= this.maxTasks) {
        this.droppedTasks++;
        return undefined;
      }
      t = { id: taskKey(id), name: '', startNs: NaN, endNs: NaN, startGoroutine: -1, endGoroutine: -1, regions: 0, logs: 0, logList: [] };
      this.tasks.set(id, t);
    }
    this.lastTaskId = id;
    this.lastTask = t;
    return t;
  }
}
