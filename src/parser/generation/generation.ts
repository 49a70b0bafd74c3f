/** One generation as read from the file: where it is, its batches, and its tables. */
import type { BatchRef } from '../framing/batch.js';
import { GenerationTables } from './tables.js';

/** How a generation's bytes ended. */
export type GenerationEnding =
  /** Go 1.26+: its EndOfGeneration byte. */
  | 'end-marker'
  /** Before Go 1.26: the first batch of the next generation. */
  | 'next-generation'
  /** Before Go 1.26: the end of the file (whether it was complete cannot be known). */
  | 'end-of-file'
  /** Go 1.26+: a batch of another generation came before any EndOfGeneration. */
  | 'missing-end-marker'
  /** The file ended, or broke, inside it. */
  | 'cut-short';

export class Generation {
  /** Generation number as written (usually 1, 2, ... but a flight-recorder snapshot starts anywhere). */
  gen = 0;
  /** File offset of the first batch and just past the last byte (the EndOfGeneration byte included). */
  offset = 0;
  end = 0;
  readonly batches: BatchRef[] = [];
  /**
   * Event batches' payloads, by batch index, kept from the framing read so events can be decoded
   * without reading the file again; undefined for structural batches, or when the generation is
   * over the memory budget (then they are read again on demand).
   */
  readonly payloads: (Uint8Array | undefined)[] = [];
  readonly tables = new GenerationTables();
  ending: GenerationEnding = 'end-of-file';
  /** Smallest batch timestamp in ticks, with Go's quirk of replacing a 0. */
  minTicks = 0;
  eventBatchCount = 0;
  /**
   * Go 1.26+: the file ends inside this generation. Its missing tables are then a consequence
   * of the truncation, reported once, not as a problem per dangling reference.
   */
  truncated = false;
  retainedBytes = 0;

  constructor(
    /** Position of the generation in the file, 0-based. */
    readonly index: number,
  ) {}

  /** Start time in ns, as Go stamps the generation's Sync event. */
  get startTime(): number {
    return this.tables.ticksToNs(this.minTicks);
  }

  get complete(): boolean {
    return this.ending === 'end-marker' || this.ending === 'next-generation' || this.ending === 'end-of-file';
  }
}
