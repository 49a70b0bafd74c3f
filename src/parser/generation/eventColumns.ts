/**
 * Decoded timed events in columns (typed arrays), reused across batches and generations, so the
 * hot loop allocates nothing per event. Objects are made only when an event is shown.
 */
import { MAX_TIMED_EVENT_ARGS } from '../format/v2Events.js';

/** Arguments kept per event after dt. */
export const ARG_STRIDE = MAX_TIMED_EVENT_ARGS - 1;

export class EventColumns {
  length = 0;
  type = new Uint8Array(0);
  /** Time in ns, as Go computes it per batch (before the global monotonic fix-up of ordering). */
  time = new Float64Array(0);
  /** File offset of each event's type byte. */
  offset = new Float64Array(0);
  /** Index of each event's batch within its generation. */
  batch = new Uint32Array(0);
  /** ARG_STRIDE slots per event for its arguments after dt; slots past its spec's count hold stale values. */
  args = new Float64Array(0);

  constructor(capacity = 1024) {
    this.grow(capacity);
  }

  clear(): void {
    this.length = 0;
  }

  /** Makes room for `extra` more events. */
  reserve(extra: number): void {
    const need = this.length + extra;
    if (need > this.type.length) this.grow(Math.max(need, this.type.length * 2));
  }

  private grow(capacity: number): void {
    const n = this.length;
    const type = new Uint8Array(capacity);
    type.set(this.type.subarray(0, n));
    const time = new Float64Array(capacity);
    time.set(this.time.subarray(0, n));
    const offset = new Float64Array(capacity);
    offset.set(this.offset.subarray(0, n));
    const batch = new Uint32Array(capacity);
    batch.set(this.batch.subarray(0, n));
    const args = new Float64Array(capacity * ARG_STRIDE);
    args.set(this.args.subarray(0, n * ARG_STRIDE));
    this.type = type;
    this.time = time;
    this.offset = offset;
    this.batch = batch;
    this.args = args;
  }
}
