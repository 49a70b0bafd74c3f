/**
 * Events per resource ID within one generation, for one owner kind: a dense array for the small
 * counters Go uses as IDs (the hot path: a typed-array increment per event), a Map for the rest
 * (huge or negative IDs, which only hostile traces have), and the list of IDs touched, so that
 * the end of a generation costs what the generation held, not the largest ID.
 */
const DENSE_LIMIT = 1 << 22;

export class GenerationCounts {
  private dense = new Uint32Array(1024);
  private readonly sparse = new Map<number, number>();
  private touched = new Int32Array(1024);
  private touchedCount = 0;

  add(id: number): void {
    if (id >>> 0 === id && id < DENSE_LIMIT) {
      if (id >= this.dense.length) this.growDense(id);
      if (this.dense[id]++ === 0) this.touch(id);
      return;
    }
    this.sparse.set(id, (this.sparse.get(id) ?? 0) + 1);
  }

  /** Calls `f` with every ID counted since the last drain and its count (dense IDs ascending, then the rest), and starts again at zero. */
  drain(f: (id: number, count: number) => void): void {
    const ids = this.touched.subarray(0, this.touchedCount).sort();
    for (const id of ids) {
      f(id, this.dense[id]);
      this.dense[id] = 0;
    }
    this.touchedCount = 0;
    for (const [id, n] of this.sparse) f(id, n);
    this.sparse.clear();
  }

  private touch(id: number): void {
    if (this.touchedCount === this.touched.length) {
      const next = new Int32Array(this.touched.length * 2);
      next.set(this.touched);
      this.touched = next;
    }
    this.touched[this.touchedCount++] = id;
  }

  private growDense(id: number): void {
    let n = this.dense.length;
    while (n <= id) n *= 2;
    const next = new Uint32Array(Math.min(n, DENSE_LIMIT));
    next.set(this.dense);
    this.dense = next;
  }
}
