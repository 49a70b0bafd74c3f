/**
 * A map from resource IDs (goroutine, proc) to their state. The orderer looks a state up for
 * almost every event; goroutine and proc IDs are small counters, so an array indexed by the ID
 * answers those lookups without hashing. IDs that are negative, fractional or past DENSE_LIMIT
 * (an array that large would cost more memory than the states) go to a Map instead.
 * Iteration is over the dense IDs in ascending order, then the others in insertion order.
 */
const DENSE_LIMIT = 1 << 20;

export class IdMap<T> {
  private dense: (T | undefined)[] = [];
  private readonly sparse = new Map<number, T>();
  private denseCount = 0;

  get size(): number {
    return this.denseCount + this.sparse.size;
  }

  get(id: number): T | undefined {
    // `id >>> 0 === id` is true exactly for the integers 0..2^32-1.
    if (id >>> 0 === id && id < this.dense.length) return this.dense[id];
    return this.sparse.size === 0 ? undefined : this.sparse.get(id);
  }

  has(id: number): boolean {
    return this.get(id) !== undefined;
  }

  set(id: number, value: T): this {
    if (id >>> 0 === id && id < DENSE_LIMIT) {
      if (id >= this.dense.length) this.grow(id);
      if (this.dense[id] === undefined) this.denseCount++;
      this.dense[id] = value;
    } else {
      this.sparse.set(id, value);
    }
    return this;
  }

  delete(id: number): boolean {
    if (id >>> 0 === id && id < this.dense.length) {
      if (this.dense[id] === undefined) return false;
      this.dense[id] = undefined;
      this.denseCount--;
      return true;
    }
    return this.sparse.delete(id);
  }

  *[Symbol.iterator](): IterableIterator<[number, T]> {
    for (let id = 0; id < this.dense.length; id++) {
      const v = this.dense[id];
      if (v !== undefined) yield [id, v];
    }
    yield* this.sparse;
  }

  /** Doubles the array past id, filled so that it stays a packed array (holes are slower to read). */
  private grow(id: number): void {
    let n = Math.max(64, this.dense.length);
    while (n <= id) n *= 2;
    const next = new Array<T | undefined>(Math.min(n, DENSE_LIMIT)).fill(undefined);
    for (let i = 0; i < this.dense.length; i++) next[i] = this.dense[i];
    this.dense = next;
  }
}
