/**
 * The goroutine summaries as columns: one row per goroutine in typed arrays, names and block
 * reasons interned, the time blocked by reason in a shared pool of small linked lists. A trace
 * can have a million short-lived goroutines; as objects their summaries took ~700 bytes each,
 * as rows about 110 (plus ~14 per distinct block reason), and looking one up by ID is an array
 * read. GoroutineSummary objects are made on demand, one at a time (get, values).
 */

/** One goroutine's summary, as an object of its own (GoroutineTable.get makes them). */
export interface GoroutineSummary {
  id: number;
  /** Go's name: the outermost frame's function of the first transition stack ('' if none seen). */
  name: string;
  /** PC of that frame (0 if none). */
  pc: number;
  /**
   * The start function as a person reads it: the name, except that for a goroutine whose root is
   * runtime.main (the main goroutine) it is the frame above it, main.main.
   */
  startFunction: string;
  /** First appearance (creation, or the Sync before it was first seen), ns. */
  creationNs: number;
  /** First time it ran; NaN if it never ran in the trace. */
  startNs: number;
  /** When it exited (NotExist, or Waiting "forever"); NaN if it did not. */
  endNs: number;
  /** Whether it existed before its first generation (first seen out of Undetermined). */
  preexisting: boolean;
  runningNs: number;
  runnableNs: number;
  /** Blocked (Waiting), total and by reason. */
  blockedNs: number;
  blockedByReason: Record<string, number>;
  /** In a syscall holding its P, and in a syscall after its P was taken (Go: syscall block time). */
  syscallNs: number;
  syscallBlockedNs: number;
  /** State names as Go prints them ('Running', 'Waiting', ...), at the end. */
  lastState: string;
  /** Events whose context goroutine is this one, or that change its state. */
  events: number;
  /** Index of the first and last generation (0-based, in file order) it has events in. */
  firstGeneration: number;
  lastGeneration: number;
}

/** IDs below this are found through a dense array (Go's goroutine IDs are small counters). */
const DENSE_ID_LIMIT = 1 << 22;

/** The states a goroutine can end in, as Go prints them; index 0 is the initial one. */
export const GO_STATES = ['NotExist', 'Undetermined', 'Runnable', 'Running', 'Waiting', 'Syscall'] as const;

const F64 = ['id', 'creationNs', 'startNs', 'endNs', 'runningNs', 'runnableNs', 'blockedNs', 'syscallNs', 'syscallBlockedNs', 'pc'] as const;
const I32 = ['name', 'startFunction', 'events', 'firstGeneration', 'lastGeneration', 'reasonHead', 'state', 'flags', 'reasons'] as const;
type F64Column = (typeof F64)[number];
type I32Column = (typeof I32)[number];

/** Doubling while small, then a quarter more each time: a million rows do not reserve a second million. */
const nextCapacity = (cap: number): number => (cap < 1 << 18 ? cap * 2 : Math.ceil(cap * 1.25));

export const PREEXISTING = 1;
export const ENDED = 2;

/** Interned strings: each distinct one once, by index. */
export class StringPool {
  readonly items: string[] = [];
  private readonly index = new Map<string, number>();

  intern(s: string): number {
    let i = this.index.get(s);
    if (i === undefined) {
      i = this.items.length;
      this.items.push(s);
      this.index.set(s, i);
    }
    return i;
  }
}

export class GoroutineTable implements ReadonlyMap<number, GoroutineSummary> {
  private cap = 0;
  private n = 0;
  readonly f = {} as Record<F64Column, Float64Array>;
  readonly i = {} as Record<I32Column, Int32Array>;
  private dense = new Int32Array(0);
  private readonly sparse = new Map<number, number>();
  readonly strings = new StringPool();
  /** Block reasons per row: entry k is (reason string index, ns, next entry or -1). */
  private reasonOf = new Int32Array(0);
  private reasonNs = new Float64Array(0);
  private reasonNext = new Int32Array(0);
  private reasonCount = 0;

  constructor(initial = 256) {
    this.grow(initial);
    this.growReasons(initial);
  }

  get size(): number {
    return this.n;
  }

  /** The row of a goroutine ID, or -1. */
  row(id: number): number {
    if (id >>> 0 === id && id < this.dense.length) return this.dense[id] - 1;
    if (id >>> 0 === id && id < DENSE_ID_LIMIT) return -1;
    return this.sparse.get(id) ?? -1;
  }

  /** A new row for `id` (which has none), zeroed, with its name and start function empty. */
  add(id: number): number {
    if (this.n === this.cap) this.grow(nextCapacity(this.cap));
    const r = this.n++;
    this.f.id[r] = id;
    this.i.name[r] = this.i.startFunction[r] = this.i.reasonHead[r] = -1;
    if (id >>> 0 === id && id < DENSE_ID_LIMIT) {
      if (id >= this.dense.length) {
        let len = Math.max(1024, this.dense.length);
        while (len <= id) len *= 2;
        const next = new Int32Array(Math.min(len, DENSE_ID_LIMIT));
        next.set(this.dense);
        this.dense = next;
      }
      this.dense[id] = r + 1;
    } else {
      this.sparse.set(id, r);
    }
    return r;
  }

  /** Adds `dt` to the time blocked for `reason` (its string index); returns false if the row already has `max` reasons and this is a new one. */
  addReason(r: number, reason: number, dt: number, max: number): boolean {
    for (let k = this.i.reasonHead[r]; k >= 0; k = this.reasonNext[k]) {
      if (this.reasonOf[k] === reason) {
        this.reasonNs[k] += dt;
        return true;
      }
    }
    if (this.i.reasons[r] >= max) return false;
    if (this.reasonCount === this.reasonOf.length) this.growReasons(nextCapacity(this.reasonOf.length));
    const k = this.reasonCount++;
    this.reasonOf[k] = reason;
    this.reasonNs[k] = dt;
    // Appended at the tail, so a summary lists reasons in the order they were first seen.
    this.reasonNext[k] = -1;
    let tail = this.i.reasonHead[r];
    if (tail < 0) this.i.reasonHead[r] = k;
    else {
      while (this.reasonNext[tail] >= 0) tail = this.reasonNext[tail];
      this.reasonNext[tail] = k;
    }
    this.i.reasons[r]++;
    return true;
  }

  get(id: number): GoroutineSummary | undefined {
    const r = this.row(id);
    return r < 0 ? undefined : this.summaryAt(r);
  }

  has(id: number): boolean {
    return this.row(id) >= 0;
  }

  /** The summary of row r, as an object of its own. */
  summaryAt(r: number): GoroutineSummary {
    const f = this.f;
    const i = this.i;
    const str = (k: number): string => (k < 0 ? '' : this.strings.items[k]);
    const blockedByReason: Record<string, number> = {};
    for (let k = i.reasonHead[r]; k >= 0; k = this.reasonNext[k]) blockedByReason[this.strings.items[this.reasonOf[k]]] = this.reasonNs[k];
    return {
      id: f.id[r], name: str(i.name[r]), pc: f.pc[r], startFunction: str(i.startFunction[r]),
      creationNs: f.creationNs[r], startNs: f.startNs[r], endNs: f.endNs[r], preexisting: (i.flags[r] & PREEXISTING) !== 0,
      runningNs: f.runningNs[r], runnableNs: f.runnableNs[r], blockedNs: f.blockedNs[r], blockedByReason,
      syscallNs: f.syscallNs[r], syscallBlockedNs: f.syscallBlockedNs[r], lastState: GO_STATES[i.state[r]],
      events: i.events[r], firstGeneration: i.firstGeneration[r], lastGeneration: i.lastGeneration[r],
    };
  }

  /** Lets go of the room reserved for rows not added (once the table is complete). */
  trim(): void {
    this.grow(Math.max(1, this.n));
    this.growReasons(Math.max(1, this.reasonCount));
  }

  /** The IDs, ascending. */
  sortedIds(): Float64Array {
    return this.f.id.slice(0, this.n).sort();
  }

  /** Bytes held by the columns, the ID index and the reason pool. */
  get bytes(): number {
    let b = this.dense.byteLength + this.reasonOf.byteLength + this.reasonNs.byteLength + this.reasonNext.byteLength;
    for (const c of F64) b += this.f[c].byteLength;
    for (const c of I32) b += this.i[c].byteLength;
    return b;
  }

  *keys(): MapIterator<number> {
    for (let r = 0; r < this.n; r++) yield this.f.id[r];
  }

  *values(): MapIterator<GoroutineSummary> {
    for (let r = 0; r < this.n; r++) yield this.summaryAt(r);
  }

  *entries(): MapIterator<[number, GoroutineSummary]> {
    for (let r = 0; r < this.n; r++) yield [this.f.id[r], this.summaryAt(r)];
  }

  [Symbol.iterator](): MapIterator<[number, GoroutineSummary]> {
    return this.entries();
  }

  forEach(f: (value: GoroutineSummary, key: number, map: ReadonlyMap<number, GoroutineSummary>) => void): void {
    for (let r = 0; r < this.n; r++) f(this.summaryAt(r), this.f.id[r], this);
  }

  /** Resizes every column to `cap` rows (at least the rows there are). */
  private grow(cap: number): void {
    for (const c of F64) {
      const next = new Float64Array(cap);
      if (this.f[c]) next.set(this.f[c].subarray(0, Math.min(cap, this.f[c].length)));
      this.f[c] = next;
    }
    for (const c of I32) {
      const next = new Int32Array(cap);
      if (this.i[c]) next.set(this.i[c].subarray(0, Math.min(cap, this.i[c].length)));
      this.i[c] = next;
    }
    this.cap = cap;
  }

  private growReasons(cap: number): void {
    const keep = Math.min(cap, this.reasonOf.length);
    const of = new Int32Array(cap);
    of.set(this.reasonOf.subarray(0, keep));
    const ns = new Float64Array(cap);
    ns.set(this.reasonNs.subarray(0, keep));
    const next = new Int32Array(cap);
    next.set(this.reasonNext.subarray(0, keep));
    this.reasonOf = of;
    this.reasonNs = ns;
    this.reasonNext = next;
  }
}
