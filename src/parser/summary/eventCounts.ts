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

  reset(): void {
    this.gens = [];
    this.current = undefined;
    this.syncs = 0;
  }

  handleEvent(e: OrderedEvent): void {
    if (e.kind === 'Sync') {
      // A Sync opens each generation (and one closes the trace): it starts the next counts.
      this.syncs = e.sync!.n;
      this.current = undefined;
      return;
    }
    let c = this.current;
    if (!c) {
      this.current = c = { generation: Math.max(0, this.syncs - 1), total: 0, byType: {}, cpuSamples: 0 };
      this.gens.push(c);
    }
    if (e.type === Ev.CPUSample) {
      c.cpuSamples++;
      return;
    }
    const name = V2_SPECS[e.type]?.name ?? `type ${e.type}`;
    c.byType[name] = (c.byType[name] ?? 0) + 1;
    c.total++;
  }

  finalize(): void {}

  data(): GenerationEventCounts[] {
    return this.gens;
  }
}
