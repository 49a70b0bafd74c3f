/** What a generation's structural batches define: strings, stacks, frames, clocks, CPU samples. */
import { IdTable } from './idTable.js';

export interface Frame {
  pc: number;
  /** String IDs of the function name and file path. */
  funcId: number;
  fileId: number;
  line: number;
}

export interface Stack {
  /** Program counters, innermost first; look each up in GenerationTables.frames. */
  pcs: number[];
}

export interface ClockSnapshot {
  /** Trace clock at the snapshot, in ticks. */
  ticks: number;
  /** OS monotonic clock, ns. */
  mono: number;
  /** Wall clock, Unix seconds and nanoseconds. */
  sec: number;
  nsec: number;
}

export interface CpuSample {
  /** File offset of the sample. */
  offset: number;
  /** Absolute time in ticks, and converted to ns as Go converts it. */
  ticks: number;
  time: number;
  m: number;
  p: number;
  /** Goroutine, or -1 when none. */
  g: number;
  stack: number;
}

export interface ExperimentalData {
  experiment: number;
  m: number;
  offset: number;
  size: number;
}

export class GenerationTables {
  readonly strings = new IdTable<string>('');
  readonly stacks = new IdTable<Stack>({ pcs: [] });
  /** The first frame recorded for each PC wins, as in Go. */
  readonly frames = new Map<number, Frame>();
  /** Ticks per second, 0 until a Frequency event is read. */
  freq = 0;
  /** Go's conversion factor: 1 / (freq / 1e9). */
  nsPerTick = 0;
  clock: ClockSnapshot | undefined;
  readonly cpuSamples: CpuSample[] = [];
  readonly experimental: ExperimentalData[] = [];

  /** Converts an absolute tick count to ns as Go does: float multiply, then truncate. */
  ticksToNs(ticks: number): number {
    return Math.trunc(ticks * this.nsPerTick);
  }

  /** The frames of a stack, innermost first; a PC without a frame is skipped. */
  framesOf(stackId: number): Frame[] {
    const stack = this.stacks.get(stackId);
    if (!stack) return [];
    const out: Frame[] = [];
    for (const pc of stack.pcs) {
      const f = this.frames.get(pc);
      if (f) out.push(f);
    }
    return out;
  }
}
