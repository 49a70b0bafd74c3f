/**
 * Figures gathered while the trace is read, generation by generation, for the summary: distinct
 * threads, procs and goroutines, event counts by type, the time span, CPU samples.
 */
import { ARG_STRIDE, V2_SPECS, type EventColumns } from '../../parser/index.js';
import { slotMasks } from './filter.js';
import type { GenerationInfo } from './generationIndex.js';

/** Above this, a goroutine or proc argument is Go's "none" (2^64-1) or junk, not an ID. */
const MAX_ID = 2 ** 53;

export class TraceStats {
  readonly threads = new Set<number>();
  readonly procs = new Set<number>();
  readonly goroutines = new Set<number>();
  readonly eventsByType = new Map<number, number>();
  events = 0;
  cpuSamples = 0;
  /** Earliest and latest event time read, ns; NaN before the first event. */
  firstNs = NaN;
  lastNs = NaN;

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
    return [...this.eventsByType.keys()].map((t) => V2_SPECS[t]?.name ?? `Invalid(${t})`).sort();
  }
}
