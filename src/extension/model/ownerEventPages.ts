/**
 * The events listed under a goroutine, proc or thread, a page at a time, from the analysis pass's
 * owner index: a page is re-derived by ordering only the generation(s) holding it
 * (visitOwnerEvents), never the whole stream, and each event is placed in the file exactly (the
 * stream carries its wire event's offset). Recently shown events are kept, a bounded number, so
 * selecting a row or copying it does not order its generation again.
 */
import { visitOwnerEvents, type TraceAnalysisView } from '../../analysis/index.js';
import { BatchKind } from '../../parser/index.js';
import type { BatchCache } from './batchCache.js';
import type { GenerationInfo } from './generationIndex.js';
import type { SummaryOwner } from './nodeIds.js';
import { summaryEventEntry, type SummaryEventEntry, type WireLocation } from './summaryEvents.js';
import type { V1EventCache } from './v1EventView.js';

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
    await visitOwnerEvents(this.view, { kind: owner, id, from: missing, count: want }, (e, n, generation) => {
      const entry = summaryEventEntry(e, generation);
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

/**
 * Where such an event is in the file: its batch (the one whose payload holds its offset) and its
 * index there. Undefined for events no wire event made (Syncs, CPU samples, events the orderer
 * makes up).
 */
export async function locateEntry(e: SummaryEventEntry, g: GenerationInfo | undefined, batches: BatchCache, v1Events: V1EventCache): Promise<WireLocation | undefined> {
  const offset = e.sourceOffset;
  if (!g || offset === undefined) return undefined;
  if (g.v1) {
    const at = await v1Events.locate(g, offset);
    return at?.event !== undefined ? { generation: g.gen, batch: at.batch, event: at.event, offset } : undefined;
  }
  // Batches are in file order: the last one starting at or before the offset.
  let lo = 0;
  let hi = g.batches.length - 1;
  let bi = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (g.batches[mid].payloadOffset <= offset) {
      bi = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  const b = g.batches[bi];
  if (!b || b.kind !== BatchKind.Events || offset >= b.payloadOffset + b.size) return undefined;
  const columns = await batches.events(g, bi);
  for (let i = 0; i < columns.length; i++) {
    if (columns.offset[i] === offset) return { generation: g.gen, batch: bi, event: i, offset };
  }
  return undefined;
}
