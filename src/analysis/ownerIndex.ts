/**
 * The index of whose events are where: for every goroutine, proc and thread, the generations it
 * has events in and how many in each (by the rules of owners.ts). With it the viewer knows, the
 * moment the pass ends, how many events an owner has and which generation holds its N-th one, and
 * re-derives just that generation to list them (ownerEvents.ts), instead of running the whole
 * stream again.
 *
 * Memory: 16 bytes per (owner, generation) pair, nothing per event. A trace with a million
 * short-lived goroutines over 65 generations has about 1.1 million pairs: ~18 MB.
 */
import { newTransitionCodes, readTransition, TransitionResource, type OrderedEvent } from '../parser/index.js';
import { GenerationCounts } from './generationCounts.js';
import { Growable } from './growable.js';
import type { AnalysisHandler } from './handler.js';
import { OWNER_KINDS, type OwnerKind } from './owners.js';

/** One owner's events: per generation it appears in (index in the file, ascending), the count. */
export interface OwnerEvents {
  total: number;
  generations: Int32Array;
  counts: Uint32Array;
}

/** Where an owner's n-th event is: the k-th of its generation `generation`. */
export interface OwnerEventPlace {
  generation: number;
  skip: number;
}

/** The finished index of one owner kind: IDs ascending, each with its run of (generation, count). */
class KindIndex {
  constructor(
    private readonly ids: Float64Array,
    private readonly starts: Uint32Array,
    private readonly gens: Int32Array,
    private readonly counts: Uint32Array,
  ) {}

  get owners(): number {
    return this.ids.length;
  }

  get bytes(): number {
    return this.ids.byteLength + this.starts.byteLength + this.gens.byteLength + this.counts.byteLength;
  }

  of(id: number): OwnerEvents | undefined {
    let lo = 0;
    let hi = this.ids.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const v = this.ids[mid];
      if (v === id) {
        const a = this.starts[mid];
        const b = this.starts[mid + 1];
        const counts = this.counts.subarray(a, b);
        let total = 0;
        for (const c of counts) total += c;
        return { total, generations: this.gens.subarray(a, b), counts };
      }
      if (v < id) lo = mid + 1;
      else hi = mid - 1;
    }
    return undefined;
  }
}

export class OwnerIndex {
  constructor(private readonly kinds: Record<OwnerKind, KindIndex>) {}

  of(kind: OwnerKind, id: number): OwnerEvents | undefined {
    return this.kinds[kind].of(id);
  }

  /** The generation holding an owner's n-th event (0-based), or undefined past its last. */
  place(kind: OwnerKind, id: number, n: number): OwnerEventPlace | undefined {
    const o = this.of(kind, id);
    if (!o || n < 0) return undefined;
    let left = n;
    for (let i = 0; i < o.counts.length; i++) {
      if (left < o.counts[i]) return { generation: o.generations[i], skip: left };
      left -= o.counts[i];
    }
    return undefined;
  }

  get bytes(): number {
    return OWNER_KINDS.reduce((s, k) => s + this.kinds[k].bytes, 0);
  }
}

/** Collects the pairs, generation by generation: per kind the IDs counted, drained at each boundary. */
class KindBuilder {
  readonly counts = new GenerationCounts();
  private readonly ids = new Growable((n) => new Float64Array(n));
  private readonly gens = new Growable((n) => new Int32Array(n));
  private readonly ns = new Growable((n) => new Uint32Array(n));

  endGeneration(generation: number): void {
    this.counts.drain((id, n) => {
      this.ids.push(id);
      this.gens.push(generation);
      this.ns.push(n);
    });
  }

  get pairs(): number {
    return this.ids.length;
  }

  build(): KindIndex {
    const n = this.ids.length;
    const ids = this.ids.toArray();
    // By ID, and for one ID in the order its generations came (a stable sort).
    const order = new Uint32Array(n);
    for (let i = 0; i < n; i++) order[i] = i;
    order.sort((a, b) => ids[a] - ids[b] || a - b);
    const uniq: number[] = [];
    const starts: number[] = [];
    const gens = new Int32Array(n);
    const counts = new Uint32Array(n);
    for (let k = 0; k < n; k++) {
      const i = order[k];
      if (uniq.length === 0 || uniq[uniq.length - 1] !== ids[i]) {
        uniq.push(ids[i]);
        starts.push(k);
      }
      gens[k] = this.gens.at(i);
      counts[k] = this.ns.at(i);
    }
    starts.push(n);
    return new KindIndex(Float64Array.from(uniq), Uint32Array.from(starts), gens, counts);
  }
}

export class OwnerIndexBuilder implements AnalysisHandler<OwnerIndex> {
  private builders = this.fresh();
  private generation = -1;
  private built: { pairs: number; index: OwnerIndex } | undefined;
  private readonly st = newTransitionCodes();

  private fresh(): Record<OwnerKind, KindBuilder> {
    return { goroutine: new KindBuilder(), proc: new KindBuilder(), thread: new KindBuilder() };
  }

  reset(): void {
    this.builders = this.fresh();
    this.generation = -1;
    this.built = undefined;
  }

  /** The events that follow are of generation `index` (index in the file). */
  startGeneration(index: number): void {
    this.closeGeneration();
    this.generation = index;
  }

  /** Counts by the rules of owners.ts (contextOwner, transitionOwner), written out for speed. */
  handleEvent(e: OrderedEvent): void {
    if (e.kind === 'Sync' || this.generation < 0) return;
    const b = this.builders;
    if (e.g >= 0) b.goroutine.counts.add(e.g);
    if (e.p >= 0) b.proc.counts.add(e.p);
    if (e.m >= 0) b.thread.counts.add(e.m);
    const st = this.st;
    if (readTransition(e, st)) {
      if (st.resource === TransitionResource.Goroutine) {
        if (st.id !== e.g) b.goroutine.counts.add(st.id);
      } else if (st.resource === TransitionResource.Proc && st.id !== e.p) b.proc.counts.add(st.id);
    }
  }

  finalize(): void {
    this.closeGeneration();
    this.generation = -1;
  }

  data(): OwnerIndex {
    const pairs = OWNER_KINDS.reduce((s, k) => s + this.builders[k].pairs, 0);
    if (this.built?.pairs !== pairs) {
      const b = this.builders;
      this.built = { pairs, index: new OwnerIndex({ goroutine: b.goroutine.build(), proc: b.proc.build(), thread: b.thread.build() }) };
    }
    return this.built.index;
  }

  private closeGeneration(): void {
    if (this.generation < 0) return;
    for (const k of OWNER_KINDS) this.builders[k].endGeneration(this.generation);
  }
}

