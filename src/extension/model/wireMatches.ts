/** One generation's wire-event matches of a filter, in time order (wireFilterSource.ts). */
import type { PartitionMatches } from './filterRun.js';

/** Batch and event index, file offset, time; the goroutine and proc once derived (wireContexts.ts; NaN: not found). */
export class WireMatches implements PartitionMatches {
  g: Float64Array | undefined;
  p: Float64Array | undefined;
  /** 1: derivation was tried for the match (its g and p, or NaN for good). */
  tried: Uint8Array | undefined;
  constructor(
    readonly batch: Uint32Array,
    readonly event: Uint32Array,
    readonly offset: Float64Array,
    readonly time: Float64Array,
  ) {}
  get length(): number {
    return this.batch.length;
  }
}
