/**
 * What checking a whole trace found (checkTrace, checkV1Trace): its own module, below check.ts
 * and v1/, so that the v1 check can return one without importing check.ts, which calls it.
 */
import type { Problem } from './problems.js';
import type { TraceHeader } from './traceReader.js';

export interface CheckResult {
  header: TraceHeader | undefined;
  generations: number;
  batches: number;
  events: number;
  cpuSamples: number;
  /** Problems in file order; the last may be an 'info' saying how many more were left out. */
  problems: Problem[];
}
