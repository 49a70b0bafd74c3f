/**
 * v1 events after parsing: one record per event in columns (typed arrays), not one object each.
 * A v1 trace is held whole, as Go holds it, and a big one has millions of events; columns keep
 * that at 53 bytes an event with nothing for the garbage collector to trace. The columns
 * grow by doubling as events are appended in merge order.
 */

/** One event while it is parsed and merged; the merge copies it into a V1EventList. */
export interface V1Event {
  /** Ticks while parsing, nanoseconds once converted. */
  ts: number;
  /** The goroutine the event happened on (for some types, the goroutine it is about). */
  g: number;
  /**
   * Arguments after the timestamp delta and before the stack ID (no event has more than three).
   * A UserLog's a2 (unused in the format) holds its message's index among the inline strings.
   */
  a0: number;
  a1: number;
  a2: number;
  /** Stack ID (uint32), 0 for none. */
  stk: number;
  /** The P the event happened on: a real P, -1, or one of the pseudo-Ps. */
  p: number;
  type: number;
  /** File offset of the event's type byte (files are under 4 GiB). */
  off: number;
}

export function newEvent(): V1Event {
  return { ts: 0, g: 0, a0: 0, a1: 0, a2: 0, stk: 0, p: 0, type: 0, off: 0 };
}

export class V1EventList {
  length = 0;
  ts: Float64Array;
  g: Float64Array;
  a0: Float64Array;
  a1: Float64Array;
  a2: Float64Array;
  stk: Uint32Array;
  p: Int32Array;
  type: Uint8Array;
  off: Uint32Array;

  constructor(capacity = 1024) {
    const n = Math.max(16, capacity);
    this.ts = new Float64Array(n);
    this.g = new Float64Array(n);
    this.a0 = new Float64Array(n);
    this.a1 = new Float64Array(n);
    this.a2 = new Float64Array(n);
    this.stk = new Uint32Array(n);
    this.p = new Int32Array(n);
    this.type = new Uint8Array(n);
    this.off = new Uint32Array(n);
  }

  push(e: V1Event): void {
    if (this.length === this.ts.length) this.grow();
    const i = this.length++;
    this.ts[i] = e.ts;
    this.g[i] = e.g;
    this.a0[i] = e.a0;
    this.a1[i] = e.a1;
    this.a2[i] = e.a2;
    this.stk[i] = e.stk;
    this.p[i] = e.p;
    this.type[i] = e.type;
    this.off[i] = e.off;
  }

  /** Argument k (0–2) of event i. */
  arg(i: number, k: number): number {
    return k === 0 ? this.a0[i] : k === 1 ? this.a1[i] : k === 2 ? this.a2[i] : 0;
  }

  private grow(): void {
    const n = this.ts.length * 2;
    const more = <T extends Float64Array | Uint32Array | Int32Array | Uint8Array>(a: T, make: (n: number) => T): T => {
      const b = make(n);
      b.set(a);
      return b;
    };
    this.ts = more(this.ts, (k) => new Float64Array(k));
    this.g = more(this.g, (k) => new Float64Array(k));
    this.a0 = more(this.a0, (k) => new Float64Array(k));
    this.a1 = more(this.a1, (k) => new Float64Array(k));
    this.a2 = more(this.a2, (k) => new Float64Array(k));
    this.stk = more(this.stk, (k) => new Uint32Array(k));
    this.p = more(this.p, (k) => new Int32Array(k));
    this.type = more(this.type, (k) => new Uint8Array(k));
    this.off = more(this.off, (k) => new Uint32Array(k));
  }

  /** Moves event `to`..`from`-1 one place on and event `from` to `to` (to < from). */
  rotateRight(to: number, from: number): void {
    const rotate = (a: Float64Array | Uint32Array | Int32Array | Uint8Array): void => {
      const x = a[from];
      a.copyWithin(to + 1, to, from);
      a[to] = x;
    };
    rotate(this.ts);
    rotate(this.g);
    rotate(this.a0);
    rotate(this.a1);
    rotate(this.a2);
    rotate(this.stk);
    rotate(this.p);
    rotate(this.type);
    rotate(this.off);
  }

  /**
   * Reorders every column by `order` (a permutation of 0..length-1: order[k] = old index of new
   * k). It is mostly runs of consecutive indices (a few events moved), so runs are copied whole.
   */
  permute(order: Uint32Array): void {
    const n = this.length;
    const runs: number[] = [];
    for (let k = 0; k < n; ) {
      const from = order[k];
      let len = 1;
      while (k + len < n && order[k + len] === from + len) len++;
      runs.push(k, from, len);
      k += len;
    }
    const apply = <T extends Float64Array | Uint32Array | Int32Array | Uint8Array>(a: T): void => {
      const copy = a.slice(0, n);
      for (let r = 0; r < runs.length; r += 3) {
        const to = runs[r];
        const from = runs[r + 1];
        const len = runs[r + 2];
        if (len > 8) a.set(copy.subarray(from, from + len), to);
        else for (let j = 0; j < len; j++) a[to + j] = copy[from + j];
      }
    };
    apply(this.ts);
    apply(this.g);
    apply(this.a0);
    apply(this.a1);
    apply(this.a2);
    apply(this.stk);
    apply(this.p);
    apply(this.type);
    apply(this.off);
  }
}
