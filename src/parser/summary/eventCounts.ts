/**
 * Events by type per generation: for each generation (in file order), how many ordered events of
 * each wire type ("GoCreate", "ProcStart", ...). Counted as the viewer's header and generation
 * rows count: the events written in the generation's batches. Not counted among them: the Sync
 * event the reader adds at each generation's start (it is not in the file), and the CPU samples,
 * which come from the generation's CPU samples batch and are counted apart (cpuSamples).
 */
import { Ev, V2_SPECS } from '../format/v2Events.js';
import type { OrderedEvent } from '../order/orderedEvent.js';
import type { SummaryHandler } from './handler.js';

export interface GenerationEventCounts {
  /** Index of the generation in the file. */
  generation: number;
  /** Events of the generation's batches: the sum of byType. */
  total: number;
  byType: Record<string, number>;
  /** The generation's CPU samples (StackSample events), not in total. */
  cpuSamples: number;
}

export class EventCountSummarizer implements SummaryHandler<GenerationEventCounts[]> {
  private gens: GenerationEventCounts[] = [];
  private current: GenerationEventCounts | undefined;
  private syncs = 0;
  /** The current generation's counts by wire type, and the types in the order first seen (byType's key order). */
  private byType = new Float64Array(256);
  private seen: number[] = [];

  reset(): void {
    this.gens = [];
    this.current = undefined;
    this.syncs = 0;
    this.byType.fill(0);
    this.seen = [];
  }

  handleEvent(e: OrderedEvent): void {
    const type = e.type;
    if (e.kind === 'Sync') {
      // A Sync opens each generation (and one closes the trace): it starts the next counts.
      this.close();
      this.syncs = e.sync!.n;
      return;
    }
    let c = this.current;
    if (!c) {
      this.current = c = { generation: Math.max(0, this.syncs - 1), total: 0, byType: {}, cpuSamples: 0 };
      this.gens.push(c);
    }
    if (type === Ev.CPUSample) {
      c.cpuSamples++;
      return;
    }
    // Counted by number, named when the generation closes: a keyed object per event is slow.
    if (type >= this.byType.length) this.growTo(type);
    if (this.byType[type]++ === 0) this.seen.push(type);
    c.total++;
  }

  finalize(): void {
    this.close();
  }

  data(): GenerationEventCounts[] {
    if (this.current) this.current.byType = this.named();
    return this.gens;
  }

  private close(): void {
    if (!this.current) return;
    this.current.byType = this.named();
    this.current = undefined;
    for (const t of this.seen) this.byType[t] = 0;
    this.seen = [];
  }

  private growTo(type: number): void {
    const next = new Float64Array(type + 1);
    next.set(this.byType);
    this.byType = next;
  }

  private named(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const t of this.seen) {
      const name = V2_SPECS[t]?.name ?? `type ${t}`;
      out[name] = (out[name] ?? 0) + this.byType[t];
    }
    return out;
  }
}
