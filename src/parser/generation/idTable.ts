/**
 * A generation's table from IDs to entries (strings, stacks). ID 0 always means "empty" and is
 * always valid, as in Go. Lookups are on the hot path (every event's stack and string IDs are
 * checked), so once loaded the table becomes a dense array when the IDs allow it.
 */
export class IdTable<T> {
  private sparse: Map<number, T> | undefined = new Map();
  private dense: (T | undefined)[] = [];

  constructor(private readonly empty: T) {}

  /**
   * A table of IDs only, from a compact table's presence map (see `presence`): has() answers as
   * the original did; get() gives `placeholder` for every present ID. For the event decoder away
   * from the tables' entries (a decode job in a worker).
   */
  static fromPresence<T>(presence: Uint8Array, placeholder: T): IdTable<T> {
    const t = new IdTable<T>(placeholder);
    const dense: (T | undefined)[] = new Array(presence.length).fill(undefined);
    let count = 0;
    for (let id = 1; id < presence.length; id++) {
      if (presence[id] === 1) {
        dense[id] = placeholder;
        count++;
      }
    }
    t.dense = dense;
    t.denseCount = count;
    t.presence = presence;
    t.sparse = undefined;
    return t;
  }

  /**
   * A table of IDs only, from the IDs of a sparse table (see `ids()`), staying sparse as the
   * original did; get() gives `placeholder` for every ID.
   */
  static fromIds<T>(ids: ArrayLike<number>, placeholder: T): IdTable<T> {
    const t = new IdTable<T>(placeholder);
    for (let i = 0; i < ids.length; i++) if (ids[i] !== 0) t.sparse!.set(ids[i], placeholder);
    return t;
  }

  /** Adds an entry; returns the existing one if the ID is taken (0 is always taken). */
  insert(id: number, value: T): T | undefined {
    const existing = this.get(id);
    if (existing !== undefined) return existing;
    if (!this.sparse) throw new Error('IdTable: insert after compact');
    this.sparse.set(id, value);
    return undefined;
  }

  get(id: number): T | undefined {
    if (id === 0) return this.empty;
    if (this.sparse) return this.sparse.get(id);
    return id < this.dense.length ? this.dense[id] : undefined;
  }

  has(id: number): boolean {
    return this.get(id) !== undefined;
  }

  get size(): number {
    return this.sparse ? this.sparse.size : this.denseCount;
  }

  private denseCount = 0;

  /** Switches to a dense array when the IDs are compact enough (the runtime numbers them from 1). */
  compact(): void {
    const sparse = this.sparse;
    if (!sparse) return;
    let max = 0;
    for (const id of sparse.keys()) if (id > max) max = id;
    if (max > 2 * sparse.size + 16 || !Number.isSafeInteger(max)) return;
    const dense: (T | undefined)[] = new Array(max + 1).fill(undefined);
    for (const [id, v] of sparse) dense[id] = v;
    this.dense = dense;
    this.denseCount = sparse.size;
    const presence = new Uint8Array(max + 1);
    presence[0] = 1;
    for (const id of sparse.keys()) presence[id] = 1;
    this.presence = presence;
    this.sparse = undefined;
  }

  /**
   * Once compact: a byte per ID, 1 where the ID exists (ID 0 included), for the decoder's hot
   * loop. Undefined while the table is sparse; use has() then.
   */
  presence: Uint8Array | undefined;

  /** IDs in ID order (ID 0 excluded). */
  ids(): number[] {
    if (this.sparse) return [...this.sparse.keys()].sort((a, b) => a - b);
    const out: number[] = [];
    for (let id = 1; id < this.dense.length; id++) if (this.dense[id] !== undefined) out.push(id);
    return out;
  }

  /** Entries in ID order (ID 0 excluded). */
  *entries(): IterableIterator<[number, T]> {
    if (this.sparse) {
      yield* [...this.sparse.entries()].sort((a, b) => a[0] - b[0]);
      return;
    }
    for (let id = 1; id < this.dense.length; id++) {
      const v = this.dense[id];
      if (v !== undefined) yield [id, v];
    }
  }
}
