/** An append-only typed array that doubles as it fills (the index's columns). */
type TypedArray = Float64Array | Uint32Array | Int32Array;

export class Growable<T extends TypedArray> {
  private buf: T;
  length = 0;

  constructor(private readonly make: (n: number) => T, initial = 1024) {
    this.buf = make(initial);
  }

  push(v: number): void {
    if (this.length === this.buf.length) {
      const next = this.make(this.buf.length * 2);
      next.set(this.buf as never);
      this.buf = next;
    }
    this.buf[this.length++] = v;
  }

  at(i: number): number {
    return this.buf[i];
  }

  /** The filled part, copied to an array of its own size. */
  toArray(): T {
    return this.buf.slice(0, this.length) as T;
  }

  get bytes(): number {
    return this.buf.byteLength;
  }
}
