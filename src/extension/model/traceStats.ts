/**
 * Figures gathered while the trace is read, generation by generation, for the summary: distinct
 * threads, procs and goroutines, event counts by type, the time span, CPU samples.
 */
import { ARG_STRIDE, V1_SPECS, V2_SPECS, type EventColumns } from '../../parser/index.js';
import { slotMasks } from './filter.js';
import type { GenerationInfo } from './generationIndex.js';
import { IdSet } from './idSet.js';

/** Above this, a goroutine or proc argument is Go's "none" (2^64-1) or junk, not an ID. */
const MAX_ID = 2 ** 53;

export class TraceStats {
  readonly threads = new Set<number>();
  readonly procs = new Set<number>();
  /** Bits, not a Set: a trace may name a million goroutines. */
  readonly goroutines = new IdSet();
  readonly eventsByType = new Map<number, number>();
  events = 0;
  cpuSamples = 0;
  /** Earliest and latest event time read, ns; NaN before the first event. */
  firstNs = NaN;
  lastNs = NaN;
  /** The counts are of a v1 trace's raw events (v1 event types). */
  private v1 = false;

  /**
   * The one generation of a v1 trace (v1Index.ts): its raw events by v1 type, the goroutines of
   * their g arguments, the threads ProcStart names, the Ps of the batches.
   */
  addV1Generation(g: GenerationInfo): void {
    const v = g.v1!;
    this.v1 = true;
    for (const m of v.threads) this.threads.add(m);
    for (const p of v.procs) this.procs.add(p);
    for (const id of v.goroutines) this.goroutines.add(id);
    for (const [type, n] of v.typeCounts) this.eventsByType.set(type, (this.eventsByType.get(type) ?? 0) + n);
    this.events += g.eventCount;
    this.cpuSamples += g.tables.cpuSamples.length;
    if (!Number.isNaN(g.startNs) && !(g.startNs >= this.firstNs)) this.firstNs = g.startNs;
    if (!Number.isNaN(g.endNs) && !(g.endNs <= this.lastNs)) this.lastNs = g.endNs;
  }

  /** Adds a generation once its events are counted into its index (addEventsToIndex). */
  addGeneration(g: GenerationInfo): void {
    for (const m of g.threads) this.threads.add(m);
    this.cpuSamples += g.tables.cpuSamples.length;
    if (!Number.isNaN(g.startNs) && !(g.startNs >= this.firstNs)) this.firstNs = g.startNs;
    if (!Number.isNaN(g.endNs) && !(g.endNs <= this.lastNs)) this.lastNs = g.endNs;
  }

  /** Counts decoded events: by type, and the goroutines and procs they name. */
  addEvents(columns: EventColumns): void {
    this.events += columns.length;
    for (let i = 0; i < columns.length; i++) {
      const type = columns.type[i];
      this.eventsByType.set(type, (this.eventsByType.get(type) ?? 0) + 1);
      const masks = slotMasks(type);
      if (!masks) continue;
      const base = i * ARG_STRIDE;
      let gm = masks.goroutine;
      for (let k = 0; gm !== 0; k++, gm >>>= 1) {
        const v = columns.args[base + k];
        if (gm & 1 && v < MAX_ID) this.goroutines.add(v);
      }
      let pm = masks.proc;
      for (let k = 0; pm !== 0; k++, pm >>>= 1) {
        const v = columns.args[base + k];
        if (pm & 1 && v < MAX_ID) this.procs.add(v);
      }
    }
  }

  /** Names of the event types seen, for the filter's type list. */
  eventTypeNames(): string[] {
    const specs = this.v1 ? V1_SPECS : V2_SPECS;
    return [...this.eventsByType.keys()].map((t) => specs[t]?.name ?? `Invalid(${t})`).sort();
  }
}
