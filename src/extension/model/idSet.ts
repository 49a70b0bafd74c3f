/**
 * A set of non-negative integer IDs that only grows and is counted: a bit per ID below a bound
 * (a million goroutine IDs take 128 KB, where a Set<number> of them takes about 40 MB), and a
 * Set for the rare IDs above it.
 */
const BITS_LIMIT = 1 << 27;

export class IdSet {
  private bits = new Uint32Array(1024);
  private readonly large = new Set<number>();
  private count = 0;

  add(id: number): void {
    if (id >>> 0 === id && id < BITS_LIMIT) {
      const w = id >>> 5;
      if (w >= this.bits.length) this.grow(w);
      const m = 1 << (id & 31);
      if ((this.bits[w] & m) === 0) {
        this.bits[w] |= m;
        this.count++;
      }
      return;
    }
    this.large.add(id);
  }

  has(id: number): boolean {
    if (id >>> 0 === id && id < BITS_LIMIT) {
      const w = id >>> 5;
      return w < this.bits.length && (this.bits[w] & (1 << (id & 31))) !== 0;
    }
    return this.large.has(id);
  }

  get size(): number {
    return this.count + this.large.size;
  }

  private grow(word: number): void {
    let n = this.bits.length;
    while (n <= word) n *= 2;
    const next = new Uint32Array(n);
    next.set(this.bits);
    this.bits = next;
  }
}
