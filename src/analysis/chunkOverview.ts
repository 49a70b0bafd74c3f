/**
 * The resident overview of one chunk: for each owner with spans in it, the state that held
 * longest in each of a fixed number of equal buckets of the chunk's time, and the state it was
 * left in at the chunk's end. The timeline draws the whole trace from these while the detail
 * (the spans themselves) is derived per chunk on demand.
 *
 * Memory per (owner, chunk) pair: 8 bytes of ID, 1 of end state, 4 of end reason, and half a
 * byte per bucket (16 buckets for a goroutine in a v2 generation: 21 bytes in all).
 */
import { SpanFlag, type OwnerSpans, type SpanChunk } from './stateSpans.js';

/** Bucket value: 0 for nothing (not yet created, ended, idle), else the SpanState + 1. */
export const NO_STATE = 0;
const STATES = 8;

export class OwnerOverview {
  constructor(
    readonly buckets: number,
    /** Owners with spans in the chunk, ascending. */
    readonly ids: Float64Array,
    /** Two bucket values a byte, owner i's at i * ceil(buckets / 2). */
    private readonly packed: Uint8Array,
    /** The state at the chunk's end (NO_STATE: none, or ended), and its reason (index into the overview's reasons, or -1). */
    readonly endState: Uint8Array,
    readonly endReason: Int32Array,
  ) {}

  get bytes(): number {
    return this.ids.byteLength + this.packed.byteLength + this.endState.byteLength + this.endReason.byteLength;
  }

  indexOf(id: number): number {
    let lo = 0;
    let hi = this.ids.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const v = this.ids[mid];
      if (v === id) return mid;
      if (v < id) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  /** Owner i's value in bucket b. */
  bucket(i: number, b: number): number {
    const byte = this.packed[i * ((this.buckets + 1) >> 1) + (b >> 1)];
    return b & 1 ? byte >> 4 : byte & 15;
  }
}

/**
 * The overview of one owner kind's spans. `reasonId` maps a chunk's reason string index to the
 * overview's global reason index.
 */
export function overviewOf(spans: OwnerSpans, chunk: SpanChunk, buckets: number, reasonId: (chunkReason: number) => number): OwnerOverview {
  const n = spans.owners.length;
  const stride = (buckets + 1) >> 1;
  const packed = new Uint8Array(n * stride);
  const endState = new Uint8Array(n);
  const endReason = new Int32Array(n).fill(-1);
  const time = new Float64Array(buckets * STATES);
  const { startNs, endNs } = chunk;
  const width = (endNs - startNs) / buckets;
  for (let i = 0; i < n; i++) {
    time.fill(0);
    const from = spans.first[i];
    const to = spans.first[i + 1];
    let lastStart = -Infinity;
    for (let r = from; r < to; r++) {
      const s = spans.start[r];
      const e = spans.end[r];
      const st = spans.state[r];
      if (width > 0) {
        const b0 = Math.max(0, Math.min(buckets - 1, Math.floor((s - startNs) / width)));
        const b1 = Math.max(0, Math.min(buckets - 1, Math.floor((e - startNs) / width)));
        for (let b = b0; b <= b1; b++) {
          const bs = startNs + b * width;
          const overlap = Math.min(e, bs + width) - Math.max(s, bs);
          if (overlap > 0) time[b * STATES + st] += overlap;
        }
      }
      // The state left at the end: the span cut there (the later one: a syscall over a held P).
      if (spans.flags[r] & SpanFlag.Trailing && s >= lastStart) {
        lastStart = s;
        endState[i] = st + 1;
        endReason[i] = spans.reason[r] >= 0 ? reasonId(spans.reason[r]) : -1;
      }
    }
    for (let b = 0; b < buckets; b++) {
      let best = NO_STATE;
      let bestTime = width - sumOf(time, b * STATES);
      for (let st = 0; st < STATES; st++) {
        const v = time[b * STATES + st];
        if (v > bestTime) {
          best = st + 1;
          bestTime = v;
        }
      }
      const at = i * stride + (b >> 1);
      packed[at] |= b & 1 ? best << 4 : best;
    }
  }
  return new OwnerOverview(buckets, spans.owners, packed, endState, endReason);
}

function sumOf(a: Float64Array, from: number): number {
  let s = 0;
  for (let i = from; i < from + STATES; i++) s += a[i];
  return s;
}
