/**
 * A map keyed by goroutine IDs (uint64s held in doubles). Goroutine IDs are small integers in
 * real traces, and the v1 merge and checks look one up for almost every event: a Map keyed by
 * doubles hashes each one, an array indexed by a small integer does not. IDs below a bound go in
 * an array, the rest (and negative keys) in a Map.
 */

/** IDs from here on go to the Map (the array then takes at most 4M slots). */
const DENSE_LIMIT = 1 << 22;

export class GoroutineMap<T> {
  private readonly dense: (T | undefined)[] = [];
  private readonly sparse = new Map<number, T>();

  get(id: number): T | undefined {
    const i = id | 0;
    if (i === id && i >= 0 && i < DENSE_LIMIT) return this.dense[i];
    return this.sparse.get(id);
  }

  has(id: number): boolean {
    return this.get(id) !== undefined;
  }

  set(id: number, value: T): void {
    const i = id | 0;
    if (i === id && i >= 0 && i < DENSE_LIMIT) {
      // Fill up to i so the array stays packed (no holes to look through).
      const d = this.dense;
      while (d.length < i) d.push(undefined);
      d[i] = value;
    } else {
      this.sparse.set(id, value);
    }
  }

  delete(id: number): void {
    const i = id | 0;
    if (i === id && i >= 0 && i < DENSE_LIMIT) {
      if (i < this.dense.length) this.dense[i] = undefined;
    } else {
      this.sparse.delete(id);
    }
  }
}
