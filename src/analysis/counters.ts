/**
 * The timeline's counters, built by the one ordered pass: heap in use and the heap goal (Metric
 * events), goroutines by state (running, runnable, waiting, in a syscall), procs running (the
 * threads holding a P) and CPU samples, as `go tool trace` draws them.
 *
 * Bounded whatever the trace's size: each chunk (a v2 generation, or a whole v1 trace, as in
 * timelineOverview.ts) keeps a fixed number of buckets, and each bucket, for each series, the value
 * at its end and the min and max within it, so a spike shorter than a bucket is never lost. The
 * chunk's end is not known while it is read, so buckets start narrow and, when time passes the
 * last one, adjacent pairs are merged (the width doubles): at least half the buckets are used.
 *
 * Per event: one comparison of its time, and for a transition two counter updates; nothing is
 * allocated. The event objects are reused by the stream: nothing of them is kept.
 */
import { GoState, newTransitionCodes, ProcState, readTransition, TransitionResource, type OrderedEvent } from '../parser/index.js';
import type { AnalysisHandler } from './handler.js';

/** The series, by index. Heap values are bytes (NaN until the first Metric event). */
export const Series = { Heap: 0, Goal: 1, Running: 2, Runnable: 3, Waiting: 4, Syscall: 5, ProcsRunning: 6, Cpu: 7 } as const;
export const SERIES_COUNT = 8;
/** Series 0..HEAP_SERIES-1 hold bytes (Float64); the rest counts (Int32). */
const HEAP_SERIES = 2;
const COUNT_SERIES = SERIES_COUNT - HEAP_SERIES;

/** Buckets per chunk: a v2 generation (about a second), and a whole v1 trace. */
export const V2_COUNTER_BUCKETS = 256;
export const V1_COUNTER_BUCKETS = 4096;
/** The narrowest bucket a chunk starts with, ns. */
const FIRST_WIDTH_NS = 1024;

export const HEAP_METRIC = '/memory/classes/heap/objects:bytes';
export const GOAL_METRIC = '/gc/heap/goal:bytes';

/** A GoState's series, or -1 (not existing, undetermined). */
const GO_SERIES: Int8Array = (() => {
  const s = new Int8Array(8).fill(-1);
  s[GoState.Running] = Series.Running;
  s[GoState.Runnable] = Series.Runnable;
  s[GoState.Waiting] = Series.Waiting;
  s[GoState.Syscall] = Series.Syscall;
  return s;
})();

/**
 * One chunk's buckets: bucket i covers [startNs + i * widthNs, startNs + (i + 1) * widthNs), the
 * last used one (count - 1) ends at or after endNs. Series s's values of bucket i are at
 * s * capacity + i of its columns (heap series in `heap*`, the others in `count*` at
 * (s - 2) * capacity + i). Cpu: `countEnd` is the samples in the bucket; its min and max are unused.
 */
export class CounterChunk {
  count = 0;
  readonly heapEnd: Float64Array;
  readonly heapMin: Float64Array;
  readonly heapMax: Float64Array;
  readonly countEnd: Int32Array;
  readonly countMin: Int32Array;
  readonly countMax: Int32Array;

  constructor(
    readonly startNs: number,
    public endNs: number,
    public widthNs: number,
    readonly capacity: number,
  ) {
    this.heapEnd = new Float64Array(HEAP_SERIES * capacity).fill(Number.NaN);
    this.heapMin = new Float64Array(HEAP_SERIES * capacity).fill(Number.NaN);
    this.heapMax = new Float64Array(HEAP_SERIES * capacity).fill(Number.NaN);
    this.countEnd = new Int32Array(COUNT_SERIES * capacity);
    this.countMin = new Int32Array(COUNT_SERIES * capacity);
    this.countMax = new Int32Array(COUNT_SERIES * capacity);
  }

  get bytes(): number {
    return 3 * (this.heapEnd.byteLength + this.countEnd.byteLength);
  }

  /** Series s at bucket i: the value at its end and the min and max within it (Cpu: the samples, thrice). */
  end(s: number, i: number): number {
    return s < HEAP_SERIES ? this.heapEnd[s * this.capacity + i] : this.countEnd[(s - HEAP_SERIES) * this.capacity + i];
  }
  min(s: number, i: number): number {
    if (s === Series.Cpu) return this.end(s, i);
    return s < HEAP_SERIES ? this.heapMin[s * this.capacity + i] : this.countMin[(s - HEAP_SERIES) * this.capacity + i];
  }
  max(s: number, i: number): number {
    if (s === Series.Cpu) return this.end(s, i);
    return s < HEAP_SERIES ? this.heapMax[s * this.capacity + i] : this.countMax[(s - HEAP_SERIES) * this.capacity + i];
  }

  /** Bucket i's end time, ns (the chunk's end for the last). */
  bucketEndNs(i: number): number {
    return Math.min(this.endNs, this.startNs + (i + 1) * this.widthNs);
  }
}

export interface Counters {
  /** Chunk k is the pass's generation k (as TimelineOverview.chunks). */
  chunks: readonly CounterChunk[];
  /** Whether the trace has any: Metric events of the heap, CPU samples, goroutine or proc transitions. */
  has: { heap: boolean; goroutines: boolean; threads: boolean; cpu: boolean };
  bytes: number;
}

const nanMax = (a: number, b: number) => (Number.isNaN(a) || b > a ? b : a);
const nanMin = (a: number, b: number) => (Number.isNaN(a) || b < a ? b : a);

export class CounterBuilder implements AnalysisHandler<Counters> {
  buckets = V2_COUNTER_BUCKETS;
  private chunks: CounterChunk[] = [];
  private chunk: CounterChunk | undefined;
  /** The current bucket's index and end time. */
  private at = 0;
  private bucketEnd = 0;
  /** The counters now, and their min and max in the current bucket (Cpu: samples in it). */
  private readonly v = new Float64Array(SERIES_COUNT);
  private readonly lo = new Float64Array(SERIES_COUNT);
  private readonly hi = new Float64Array(SERIES_COUNT);
  private readonly st = newTransitionCodes();
  private chunkEvents = 0;
  private lastNs = 0;
  private has = { heap: false, goroutines: false, threads: false, cpu: false };
  private enabled = true;

  constructor() {
    this.clearValues();
  }

  /** Ignores every event (the pass was not asked for the timeline). */
  disable(): void {
    this.enabled = false;
  }

  reset(): void {
    this.chunks = [];
    this.chunk = undefined;
    this.chunkEvents = 0;
    this.has = { heap: false, goroutines: false, threads: false, cpu: false };
    this.clearValues();
  }

  handleEvent(e: OrderedEvent): void {
    if (!this.enabled) return;
    const t = e.time;
    const st = this.st;
    if (readTransition(e, st)) {
      this.tick(t);
      if (st.from === st.to) return;
      if (st.resource === TransitionResource.Goroutine) {
        this.has.goroutines = true;
        const a = st.from >= 0 ? GO_SERIES[st.from] : -1;
        const b = st.to >= 0 ? GO_SERIES[st.to] : -1;
        if (a >= 0) this.add(a, -1);
        if (b >= 0) this.add(b, 1);
      } else if (st.resource === TransitionResource.Proc) {
        this.has.threads = true;
        if (st.from === ProcState.Running) this.add(Series.ProcsRunning, -1);
        if (st.to === ProcState.Running) this.add(Series.ProcsRunning, 1);
      }
      return;
    }
    const k = e.kind;
    if (k === 'Sync') {
      this.endChunk(t, true);
      this.startChunk(t);
      return;
    }
    this.tick(t);
    if (k === 'StackSample') {
      this.has.cpu = true;
      this.hi[Series.Cpu]++;
    } else if (k === 'Metric') {
      const m = e.metric;
      const s = m?.name === HEAP_METRIC ? Series.Heap : m?.name === GOAL_METRIC ? Series.Goal : -1;
      if (s < 0) return;
      this.has.heap = true;
      this.set(s, Number(m!.value));
    }
  }

  finalize(): void {
    // The closing Sync opened a chunk no event followed.
    this.endChunk(this.lastNs, false);
  }

  data(): Counters {
    let bytes = 0;
    for (const c of this.chunks) bytes += c.bytes;
    return { chunks: this.chunks, has: this.has, bytes };
  }

  private clearValues(): void {
    this.v.fill(0);
    this.v[Series.Heap] = this.v[Series.Goal] = Number.NaN;
    this.openBucket();
  }

  /** The current bucket starts with the counters' values (they held them from its start). */
  private openBucket(): void {
    this.lo.set(this.v);
    this.hi.set(this.v);
    this.hi[Series.Cpu] = 0;
  }

  private add(s: number, d: number): void {
    const x = (this.v[s] += d);
    if (x > this.hi[s]) this.hi[s] = x;
    if (x < this.lo[s]) this.lo[s] = x;
  }

  private set(s: number, x: number): void {
    this.v[s] = x;
    this.hi[s] = nanMax(this.hi[s], x);
    this.lo[s] = nanMin(this.lo[s], x);
  }

  /** Every event's time: past the current bucket, it is stored and the one holding t opened. */
  private tick(t: number): void {
    this.chunkEvents++;
    this.lastNs = t;
    if (t >= this.bucketEnd && this.chunk) this.moveTo(t, this.chunk);
  }

  private startChunk(t: number): void {
    this.chunk = new CounterChunk(t, t, FIRST_WIDTH_NS, this.buckets);
    this.at = 0;
    this.bucketEnd = t + FIRST_WIDTH_NS;
    this.chunkEvents = 0;
    this.openBucket();
  }

  /** Stores the current bucket, merges pairs until t's bucket fits, fills the gap, opens t's. */
  private moveTo(t: number, c: CounterChunk): void {
    this.store(c, this.at);
    let j = Math.floor((t - c.startNs) / c.widthNs);
    while (j >= c.capacity) {
      this.halve(c);
      j = Math.floor((t - c.startNs) / c.widthNs);
    }
    const i = this.at;
    if (j === i) {
      // The merge put t back in the bucket just stored: carry on from what it holds.
      this.load(c, i);
    } else {
      for (let g = i + 1; g < j; g++) this.storeFlat(c, g);
      this.openBucket();
    }
    this.at = j;
    this.bucketEnd = c.startNs + (j + 1) * c.widthNs;
  }

  private store(c: CounterChunk, i: number): void {
    const n = c.capacity;
    const v = this.v;
    for (let s = 0; s < HEAP_SERIES; s++) {
      c.heapEnd[s * n + i] = v[s];
      c.heapMin[s * n + i] = this.lo[s];
      c.heapMax[s * n + i] = this.hi[s];
    }
    for (let s = HEAP_SERIES; s < SERIES_COUNT; s++) {
      const k = (s - HEAP_SERIES) * n + i;
      if (s === Series.Cpu) {
        c.countEnd[k] = this.hi[s];
        continue;
      }
      c.countEnd[k] = v[s];
      c.countMin[k] = this.lo[s];
      c.countMax[k] = this.hi[s];
    }
    if (i + 1 > c.count) c.count = i + 1;
  }

  /** A bucket no event fell in: the counters held their values through it. */
  private storeFlat(c: CounterChunk, i: number): void {
    this.openBucket();
    this.store(c, i);
  }

  private load(c: CounterChunk, i: number): void {
    const n = c.capacity;
    for (let s = 0; s < HEAP_SERIES; s++) {
      this.lo[s] = c.heapMin[s * n + i];
      this.hi[s] = c.heapMax[s * n + i];
    }
    for (let s = HEAP_SERIES; s < SERIES_COUNT; s++) {
      const k = (s - HEAP_SERIES) * n + i;
      this.lo[s] = c.countMin[k];
      this.hi[s] = s === Series.Cpu ? c.countEnd[k] : c.countMax[k];
    }
  }

  /** Doubles the bucket width: buckets 2i and 2i+1 become bucket i. */
  private halve(c: CounterChunk): void {
    const n = c.capacity;
    const used = c.count;
    const half = (used + 1) >> 1;
    for (let s = 0; s < HEAP_SERIES; s++) {
      const o = s * n;
      for (let i = 0; i < half; i++) {
        const a = o + 2 * i;
        const b = 2 * i + 1 < used ? a + 1 : a;
        c.heapEnd[o + i] = c.heapEnd[b];
        c.heapMin[o + i] = nanMin(c.heapMin[a], c.heapMin[b]);
        c.heapMax[o + i] = nanMax(c.heapMax[a], c.heapMax[b]);
      }
    }
    for (let s = HEAP_SERIES; s < SERIES_COUNT; s++) {
      const o = (s - HEAP_SERIES) * n;
      for (let i = 0; i < half; i++) {
        const a = o + 2 * i;
        const b = 2 * i + 1 < used ? a + 1 : a;
        if (s === Series.Cpu) {
          c.countEnd[o + i] = c.countEnd[a] + (b !== a ? c.countEnd[b] : 0);
          continue;
        }
        c.countEnd[o + i] = c.countEnd[b];
        c.countMin[o + i] = Math.min(c.countMin[a], c.countMin[b]);
        c.countMax[o + i] = Math.max(c.countMax[a], c.countMax[b]);
      }
    }
    this.at >>= 1;
    c.count = half;
    c.widthNs *= 2;
  }

  /** Chunk k is the pass's generation k: an empty generation still has its chunk. */
  private endChunk(endNs: number, keepEmpty: boolean): void {
    const c = this.chunk;
    if (!c) return;
    this.chunk = undefined;
    const empty = this.chunkEvents === 0;
    this.chunkEvents = 0;
    if (empty && !keepEmpty) return;
    // Store the current bucket and fill up to the one holding the end.
    const end = Math.max(endNs, c.startNs);
    if (end > this.bucketEnd) this.moveTo(end, c);
    this.store(c, this.at);
    c.endNs = end;
    this.chunks.push(c);
    // The next chunk's first bucket starts from the values now; its samples from none.
    this.hi[Series.Cpu] = 0;
  }
}
