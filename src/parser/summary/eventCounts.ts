/**
 * Events by type per generation: for each generation (in file order), how many ordered events of
 * each wire type ("GoCreate", "ProcStart", ...; "Sync" for the Sync events, "CPUSample" for samples).
 */
import { V2_SPECS } from '../format/v2Events.js';
import type { OrderedEvent } from '../order/orderedEvent.js';
import type { SummaryHandler } from './handler.js';

export interface GenerationEventCounts {
  /** Index of the generation in the file. */
  generation: number;
  total: number;
  byType: Record<string, number>;
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
      // The Sync opening a generation is counted with its events; the closing one has none.
      this.syncs = e.sync!.n;
      this.current = undefined;
      return;
    }
    let c = this.current;
    if (!c) {
      this.current = c = { generation: Math.max(0, this.syncs - 1), total: 1, byType: { Sync: 1 } };
      this.gens.push(c);
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
