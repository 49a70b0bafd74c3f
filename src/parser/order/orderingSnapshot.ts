/**
 * What the ordered stream knows at the start of a generation, copied out so that the generation
 * can be ordered again on its own, later, and give exactly the events the whole stream gave:
 * every goroutine's and proc's status, sequence counter, ranges in flight and open regions; every
 * thread's binding; the active tasks; the GC's state; and the reader's clock (times are forced
 * strictly increasing across generations) and Sync count.
 *
 * Taken between generations, when the queue and the frontier are empty, so only the live
 * resources are copied: a few thousand records where a trace has seen a million goroutines.
 */
import type { Ordering } from './ordering.js';
import { GcState, GState, MState, PState, type TaskState } from './resourceStates.js';
import type { RangeType } from './rangeState.js';
import { makeSeq, type Seq } from './sequence.js';

interface ResourceRecord {
  id: number;
  status: number;
  seq: Seq;
  inFlight: RangeType[];
}

/** What a goroutine has beside its ID, status and sequence: ranges in flight, open regions (rare). */
interface GoroutineExtras {
  inFlight: RangeType[];
  regions: { task: number; name: string }[];
}

/**
 * The live goroutines as columns (a snapshot per generation is kept for the whole session: a
 * record per goroutine cost about 360 bytes, the columns cost 32 and a rare extras entry).
 */
export interface GoroutineColumns {
  count: number;
  ids: Float64Array;
  status: Float64Array;
  seqGen: Float64Array;
  seq: Float64Array;
  /** By row, for the goroutines with ranges in flight or open regions. */
  extras: Map<number, GoroutineExtras>;
}

export interface OrderingSnapshot {
  goroutines: GoroutineColumns;
  procs: ResourceRecord[];
  threads: { id: number; g: number; p: number }[];
  tasks: [number, TaskState][];
  gcSeq: number;
  gcState: GcState;
  initialGen: number;
  /** The reader's last time before the generation's Sync, and the Syncs handed out before it. */
  lastTs: number;
  syncs: number;
}

const copyRanges = (r: readonly RangeType[]): RangeType[] => r.map((x) => ({ typ: x.typ, desc: x.desc }));
const copySeq = (s: Seq): Seq => makeSeq(s.gen, s.seq);

function goroutineColumns(o: Ordering): GoroutineColumns {
  const n = o.gStates.size;
  const c: GoroutineColumns = { count: n, ids: new Float64Array(n), status: new Float64Array(n), seqGen: new Float64Array(n), seq: new Float64Array(n), extras: new Map() };
  let r = 0;
  for (const [id, g] of o.gStates) {
    c.ids[r] = id;
    c.status[r] = g.status;
    c.seqGen[r] = g.seq.gen;
    c.seq[r] = g.seq.seq;
    if (g.inFlight.length > 0 || g.regions.length > 0) c.extras.set(r, { inFlight: copyRanges(g.inFlight), regions: g.regions.map((x) => ({ ...x })) });
    r++;
  }
  return c;
}

export function snapshotOrdering(o: Ordering, lastTs: number, syncs: number): OrderingSnapshot {
  const goroutines = goroutineColumns(o);
  const procs: ResourceRecord[] = [];
  for (const [id, p] of o.pStates) procs.push({ id, status: p.status, seq: copySeq(p.seq), inFlight: copyRanges(p.inFlight) });
  const threads = [...o.mStates].map(([id, m]) => ({ id, g: m.g, p: m.p }));
  const tasks = [...o.activeTasks].map(([id, t]): [number, TaskState] => [id, { ...t }]);
  return { goroutines, procs, threads, tasks, gcSeq: o.gcSeq, gcState: o.gcState, initialGen: o.initialGen, lastTs, syncs };
}

/** Puts a snapshot's state into a fresh Ordering (copies again: one snapshot can be restored many times). */
export function restoreOrdering(o: Ordering, s: OrderingSnapshot): void {
  const c = s.goroutines;
  for (let r = 0; r < c.count; r++) {
    const g = new GState(c.ids[r], c.status[r], makeSeq(c.seqGen[r], c.seq[r]));
    const x = c.extras.get(r);
    if (x) {
      g.inFlight.push(...copyRanges(x.inFlight));
      for (const reg of x.regions) g.regions.push({ ...reg });
    }
    o.gStates.set(c.ids[r], g);
  }
  for (const r of s.procs) {
    const p = new PState(r.id, r.status, copySeq(r.seq));
    p.inFlight.push(...copyRanges(r.inFlight));
    o.pStates.set(r.id, p);
  }
  for (const t of s.threads) {
    const m = new MState();
    m.g = t.g;
    m.p = t.p;
    o.mStates.set(t.id, m);
  }
  for (const [id, t] of s.tasks) o.activeTasks.set(id, { ...t });
  o.gcSeq = s.gcSeq;
  o.gcState = s.gcState;
  o.initialGen = s.initialGen;
}
