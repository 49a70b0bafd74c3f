/**
 * What the orderer knows about each goroutine, proc and thread: wire status, sequence counter,
 * ranges in flight, and (goroutines) the user regions open on it.
 */
import { NONE } from './resources.js';
import { RangeState } from './rangeState.js';
import type { Seq } from './sequence.js';
import { badTransition } from './orderError.js';
import { formatUint64 } from './resources.js';

export interface UserRegion {
  task: number;
  name: string;
}

export class GState extends RangeState {
  readonly regions: UserRegion[] = [];

  constructor(
    readonly id: number,
    /** Wire status (GoStatus). */
    public status: number,
    public seq: Seq,
  ) {
    super();
  }

  beginRegion(r: UserRegion): void {
    this.regions.push(r);
  }

  /** Ends the innermost region; an End with none open is fine (it began before the trace). */
  endRegion(r: UserRegion): void {
    if (this.regions.length === 0) return;
    const top = this.regions[this.regions.length - 1];
    if (top.task !== r.task || top.name !== r.name) {
      const fmt = (x: UserRegion) => `{${formatUint64(x.task)} ${x.name}}`;
      throw badTransition(`misuse of region in goroutine ${this.id}: region end ${fmt(r)} when the inner-most active region start event is ${fmt(top)}`);
    }
    this.regions.pop();
  }
}

export class PState extends RangeState {
  constructor(
    readonly id: number,
    /** Wire status (ProcStatus). */
    public status: number,
    public seq: Seq,
  ) {
    super();
  }
}

/** A thread's binding: the goroutine and proc it runs. */
export class MState {
  g = NONE;
  p = NONE;
}

export const enum GcState {
  Undetermined = 0,
  NotRunning = 1,
  Running = 2,
}

export interface TaskState {
  name: string;
  parent: number;
  /** The parent exactly, when beyond 2^53. */
  parentExact?: bigint;
}
