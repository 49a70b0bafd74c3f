/**
 * The frontier: a binary min-heap of batch cursors keyed by the time of each cursor's next event.
 * Which thread is tried first decides the order of events with equal times, so the heap moves
 * entries exactly as Go's does (strict comparisons, the same sift rules), and the fallback sort
 * is Go's sort, which leaves equal keys where Go's leaves them.
 */
import type { BatchCursor } from './batchCursor.js';
import { goSort } from './goSort.js';

export class Frontier {
  readonly items: BatchCursor[] = [];

  get length(): number {
    return this.items.length;
  }

  insert(c: BatchCursor): void {
    this.items.push(c);
    this.siftUp(this.items.length - 1);
  }

  /** Restores the heap after the key at i changed. */
  update(i: number): void {
    if (this.siftUp(i) !== i) return;
    this.siftDown(i);
  }

  /** Removes the entry at i: it is moved to the root regardless of keys, then swapped out. */
  remove(i: number): void {
    const h = this.items;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      [h[parent], h[i]] = [h[i], h[parent]];
      i = parent;
    }
    const last = h.length - 1;
    [h[0], h[last]] = [h[last], h[0]];
    h.pop();
    this.siftDown(0);
  }

  /** Sorts by key (a sorted array is still a heap), for trying every thread in time order. */
  sort(): void {
    goSort(this.items, byTime);
  }

  private siftUp(i: number): number {
    const h = this.items;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!(h[parent].ev.time > h[i].ev.time)) break;
      [h[parent], h[i]] = [h[i], h[parent]];
      i = parent;
    }
    return i;
  }

  private siftDown(i: number): void {
    const h = this.items;
    for (;;) {
      let m = i;
      let minT = i < h.length ? h[i].ev.time : Infinity;
      const l = 2 * i + 1;
      const r = l + 1;
      if (l < h.length && h[l].ev.time < minT) {
        minT = h[l].ev.time;
        m = l;
      }
      if (r < h.length && h[r].ev.time < minT) m = r;
      if (m === i) return;
      [h[i], h[m]] = [h[m], h[i]];
      i = m;
    }
  }
}

const byTime = (a: BatchCursor, b: BatchCursor) => a.ev.time < b.ev.time;
