/**
 * The events listed under a goroutine, proc or thread, a page at a time, from the analysis pass's
 * owner index: a page is re-derived by ordering only the generation(s) holding it
 * (visitOwnerEvents), never the whole stream, and each event is placed in the file exactly (the
 * stream carries its wire event's offset). Recently shown events are kept, a bounded number, so
 * selecting a row or copying it does not order its generation again.
 */
import { visitOwnerEvents, type TraceAnalysisView } from '../../analysis/index.js';
import type { SummaryOwner } from './nodeIds.js';
import { summaryEventEntry, type SummaryEventEntry } from './summaryEvents.js';

/** Events kept after they were shown (about 1 KB each with their text and frames). */
const KEPT_EVENTS = 4096;
/** A v1 trace is ordered from the start for every page: fetch more at once. */
const V1_FETCH = 1000;

export class OwnerEventPages {
  private readonly kept = new Map<string, SummaryEventEntry>();

  constructor(private readonly view: TraceAnalysisView) {}

  /** How many events the owner has. */
  total(owner: SummaryOwner, id: number): number {
    return this.view.owners.of(owner, id)?.total ?? 0;
  }

  /** Its events from..from+count-1 (fewer past its last). */
  async page(owner: SummaryOwner, id: number, from: number, count: number): Promise<SummaryEventEntry[]> {
    const end = Math.min(from + count, this.total(owner, id));
    const out: SummaryEventEntry[] = [];
    let missing = -1;
    for (let n = from; n < end; n++) {
      const e = this.kept.get(key(owner, id, n));
      if (!e) {
        missing = n;
        break;
      }
      out.push(e);
    }
    if (missing < 0) return out;
    const v1 = this.view.generations.length === 0;
    const want = Math.max(end - missing, v1 ? V1_FETCH : 0);
    await visitOwnerEvents(this.view, { kind: owner, id, from: missing, count: want }, (e, n, genIndex) => {
      const entry = summaryEventEntry(e, genIndex);
      if (e.srcOffset !== undefined && e.srcOffset >= 0) entry.sourceOffset = e.srcOffset;
      this.keep(key(owner, id, n), entry);
      if (n < end) out.push(entry);
    });
    return out;
  }

  async event(owner: SummaryOwner, id: number, n: number): Promise<SummaryEventEntry | undefined> {
    if (n < 0 || n >= this.total(owner, id)) return undefined;
    return (await this.page(owner, id, n, 1))[0];
  }

  private keep(k: string, e: SummaryEventEntry): void {
    this.kept.delete(k);
    this.kept.set(k, e);
    while (this.kept.size > KEPT_EVENTS) this.kept.delete(this.kept.keys().next().value!);
  }
}

const key = (owner: SummaryOwner, id: number, n: number): string => `${owner}:${id}:${n}`;
