/**
 * The frontier: a binary min-heap of batch cursors keyed by the time of each cursor's next event.
 * Which thread is tried first decides the order of events with equal times, so the heap moves
 * entries exactly as Go's does (strict comparisons, the same sift rules), and the fallback sort
 * is Go's sort, which leaves equal keys where Go's leaves them.
 * The keys are copied into a typed array beside the cursors: the sifts, done for almost every
 * event, then compare numbers in one array instead of loading each cursor's event.
 */
import type { BatchCursor } from './batchCursor.js';
import { goSort } from './goSort.js';

export class Frontier {
  readonly items: BatchCursor[] = [];
  private keys = new Float64Array(16);

  get length(): number {
    return this.items.length;
  }

  insert(c: BatchCursor): void {
    const i = this.items.length;
    if (i === this.keys.length) {
      const grown = new Float64Array(i * 2);
      grown.set(this.keys);
      this.keys = grown;
    }
    this.items.push(c);
    this.keys[i] = c.ev.time;
    this.siftUp(i);
  }

  /** Restores the heap after the cursor at i moved to its next event. */
  update(i: number): void {
    this.keys[i] = this.items[i].ev.time;
    if (this.siftUp(i) !== i) return;
    this.siftDown(i);
  }

  /** Removes the entry at i: it is moved to the root regardless of keys, then swapped out. */
  remove(i: number): void {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      this.swap(parent, i);
      i = parent;
    }
    const last = this.items.length - 1;
    this.swap(0, last);
    this.items.pop();
    this.siftDown(0);
  }

  /** Sorts by key (a sorted array is still a heap), for trying every thread in time order. */
  sort(): void {
    goSort(this.items, byTime);
    for (let i = 0; i < this.items.length; i++) this.keys[i] = this.items[i].ev.time;
  }

  private swap(a: number, b: number): void {
    const h = this.items;
    const k = this.keys;
    const c = h[a];
    h[a] = h[b];
    h[b] = c;
    const t = k[a];
    k[a] = k[b];
    k[b] = t;
  }

  private siftUp(i: number): number {
    const k = this.keys;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!(k[parent] > k[i])) break;
      this.swap(parent, i);
      i = parent;
    }
    return i;
  }

  private siftDown(i: number): void {
    const k = this.keys;
    const n = this.items.length;
    for (;;) {
      let m = i;
      let minT = i < n ? k[i] : Infinity;
      const l = 2 * i + 1;
      const r = l + 1;
      if (l < n && k[l] < minT) {
        minT = k[l];
        m = l;
      }
      if (r < n && k[r] < minT) m = r;
      if (m === i) return;
      this.swap(i, m);
      i = m;
    }
  }
}

const byTime = (a: BatchCursor, b: BatchCursor) => a.ev.time < b.ev.time;
