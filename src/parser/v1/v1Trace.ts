/**
 * A whole v1 trace parsed, in Go's steps (tracev1's parse): find the batches and CPU samples,
 * merge the batches by the ordering rules, require a frequency, turn ticks into nanoseconds
 * since the first event, move timer unblocks and syscall exits to their pseudo-Ps, check the
 * stream (validateV1), and build the tables the conversion prints from. Any problem throws a
 * V1Error: Go gives up on the whole trace at the first one.
 */
import type { Problem } from '../problems.js';
import type { V1Batches } from './v1Batches.js';
import { SYSCALL_P, TIMER_P, V1Ev } from './v1Events.js';
import type { V1EventList } from './v1EventList.js';
import { V1Error } from './v1Error.js';
import { mergeBatches } from './v1Order.js';
import { buildV1Tables, type V1Tables } from './v1Tables.js';
import { validateV1 } from './v1Validate.js';

export interface V1Trace {
  version: number;
  /** The events in order, times in ns since the first. */
  events: V1EventList;
  tables: V1Tables;
  ticksPerSec: number;
  batchCount: number;
  cpuSampleCount: number;
}

/** Largest v1 trace read: it is read whole and held in memory (about 60 bytes per event besides). */
export const MAX_V1_BYTES = 1 << 30;

/**
 * The problem of a v1 trace too large to read whole, or undefined: above `max` bytes (default
 * MAX_V1_BYTES), and never above 2^32 - 1, since offsets are kept in 32 bits.
 */
export function v1SizeProblem(size: number, max = MAX_V1_BYTES): Problem | undefined {
  const limit = Math.min(max, 2 ** 32 - 1);
  if (size <= limit) return undefined;
  return {
    code: 'trace-too-large', severity: 'error', offset: 0,
    message: `v1 traces are read whole, and this one (${size} bytes) is larger than the limit of ${limit} bytes`,
  };
}

export function parseV1Trace(batches: V1Batches): V1Trace {
  batches.collect();
  const events = mergeBatches(batches);
  if (batches.ticksPerSec === 0) throw new V1Error('missing-frequency', 'no EvFrequency event', batches.scanner.data.length);
  if (events.length > 0) {
    const ts = events.ts;
    const minTs = ts[0];
    // Go multiplies by the float ns-per-tick and truncates, per event.
    const nsPerTick = 1e9 / batches.ticksPerSec;
    for (let i = 0; i < events.length; i++) {
      ts[i] = Math.trunc((ts[i] - minTs) * nsPerTick);
      const type = events.type[i];
      if (type === V1Ev.GoUnblock && batches.timerGoids.has(events.g[i])) events.p[i] = TIMER_P;
      else if (type === V1Ev.GoSysExit) events.p[i] = SYSCALL_P;
    }
  }
  validateV1(events, batches.stacks);
  return {
    version: batches.version,
    events,
    tables: buildV1Tables(batches),
    ticksPerSec: batches.ticksPerSec,
    batchCount: batches.batchCount,
    cpuSampleCount: batches.cpuSamples.length,
  };
}
