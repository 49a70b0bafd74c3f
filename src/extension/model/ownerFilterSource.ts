/**
 * The filter's event source when it names a goroutine, proc or thread: that owner's events as
 * Go's API gives them, the ones the owner index counted (src/analysis/owners.ts), in Go's order,
 * re-derived a generation at a time (visitOwnerEvents). One partition per generation the owner
 * has events in. The owner alone: every count is the index's, and nothing is searched. With
 * more fields, each of its events is checked against them (another owner by the same rule, the
 * type, the time, the text in the ordered event's strings and stacks).
 *
 * The row of a match is the owner's event row (goroutines/g5/e3), so selecting, copying and
 * revealing it work as under Goroutines, Procs and Threads.
 */
import { isOwnedBy, visitOwnerEvents, type OwnerEvents, type OwnerKind, type TraceAnalysisView } from '../../analysis/index.js';
import { V2_SPECS, type OrderedEvent } from '../../parser/index.js';
import type { TreeNode } from '../../shared/protocol.js';
import { formatNs } from './format.js';
import { hasEventFields, inTimeRange, type FilterQuery } from './filterQuery.js';
import { contextRow } from './filterRows.js';
import type { MatchSource, PartitionMatches } from './filterRun.js';
import { eventRow } from './eventNodes.js';
import { summaryEventId } from './nodeIds.js';
import { OwnerEventView, summaryEventEntry, type SummaryEventEntry } from './summaryEvents.js';

/** A partition's matches: owner event numbers, ascending; `n` undefined: all of start..start+length-1. */
export interface OwnerMatches extends PartitionMatches {
  start: number;
  n: Uint32Array | undefined;
}

/** A span of owner events paged through the owner pages (kept there for selecting) at most. */
const PAGED_SPAN = 4096;

export interface OwnerSourceContext {
  view: TraceAnalysisView;
  traceStartNs: number;
  /** Generation number as written, by index in the file. */
  generationNumber(index: number): number;
  /** Events n..n+count-1 of an owner, as the Goroutines, Procs and Threads lists page them. */
  page(kind: OwnerKind, id: number, from: number, count: number): Promise<SummaryEventEntry[]>;
  /** The type name of the wire event at a file offset, where the type list names wire events, not Go's API kinds (v1). */
  wireTypeAt?: (offset: number) => Promise<string | undefined>;
}

export class OwnerFilterSource implements MatchSource<OwnerMatches> {
  private readonly kind: OwnerKind;
  private readonly id: number;
  private readonly owner: OwnerEvents | undefined;
  private readonly starts: number[] = [0];
  private readonly others: { kind: OwnerKind; id: number }[];

  constructor(
    private readonly q: FilterQuery,
    private readonly ctx: OwnerSourceContext,
  ) {
    // The owner with the fewest events leads; the others are checked event by event.
    const ranked = q.owners.map((o) => ({ ...o, events: ctx.view.owners.of(o.kind, o.id) })).sort((a, b) => (a.events?.total ?? 0) - (b.events?.total ?? 0));
    this.kind = ranked[0].kind;
    this.id = ranked[0].id;
    this.owner = ranked[0].events;
    this.others = ranked.slice(1).map(({ kind, id }) => ({ kind, id }));
    for (const c of this.owner?.counts ?? []) this.starts.push(this.starts[this.starts.length - 1] + c);
  }

  partitions(): number {
    return this.owner?.counts.length ?? 0;
  }

  complete(): boolean {
    return true;
  }

  private get onlyOwner(): boolean {
    return this.others.length === 0 && !hasEventFields(this.q);
  }

  knownCount(i: number): number | undefined {
    return this.onlyOwner ? this.owner!.counts[i] : undefined;
  }

  async find(i: number, shouldStop: () => boolean): Promise<OwnerMatches | undefined> {
    const start = this.starts[i];
    const count = this.owner!.counts[i];
    if (this.onlyOwner) return { start, length: count, n: undefined };
    const found: number[] = [];
    const offsets: number[] = [];
    const typed = this.q.types !== undefined && this.ctx.wireTypeAt === undefined;
    let stopped = false;
    await visitOwnerEvents(this.ctx.view, { kind: this.kind, id: this.id, from: start, count }, (e, n) => {
      if (stopped || (n & 1023) === 0 && shouldStop()) {
        stopped = true;
        return;
      }
      if (!this.matches(e, typed)) return;
      found.push(n);
      offsets.push(e.srcOffset ?? -1);
    });
    if (stopped) return undefined;
    let kept = found;
    if (this.q.types && this.ctx.wireTypeAt) {
      // v1: the type list names the raw v1 events; each candidate's is read at its offset.
      kept = [];
      for (let k = 0; k < found.length; k++) {
        const name = offsets[k] >= 0 ? await this.ctx.wireTypeAt(offsets[k]) : undefined;
        if (name !== undefined && this.q.types.has(name)) kept.push(found[k]);
      }
    }
    return { start, length: kept.length, n: Uint32Array.from(kept) };
  }

  private matches(e: OrderedEvent, checkType: boolean): boolean {
    const q = this.q;
    for (const o of this.others) if (!isOwnedBy(e, o.kind, o.id)) return false;
    if (!inTimeRange(q, e.time - this.ctx.traceStartNs)) return false;
    if (checkType && !q.types!.has((e.type >= 0 && V2_SPECS[e.type]?.name) || e.kind)) return false;
    if (q.text !== undefined && !orderedEventHasText(e, q.text)) return false;
    return true;
  }

  async rows(_i: number, m: OwnerMatches, from: number, to: number): Promise<TreeNode[]> {
    const at = (k: number): number => (m.n ? m.n[k] : m.start + k);
    const first = at(from);
    const span = at(to - 1) - first + 1;
    const wanted = new Set<number>();
    for (let k = from; k < to; k++) wanted.add(at(k));
    const entries: { n: number; e: SummaryEventEntry }[] = [];
    if (span <= PAGED_SPAN) {
      (await this.ctx.page(this.kind, this.id, first, span)).forEach((e, k) => wanted.has(first + k) && entries.push({ n: first + k, e }));
    } else {
      await visitOwnerEvents(this.ctx.view, { kind: this.kind, id: this.id, from: first, count: span }, (e, n, genIndex) => {
        if (!wanted.has(n)) return;
        const entry = summaryEventEntry(e, genIndex);
        if (e.srcOffset !== undefined && e.srcOffset >= 0) entry.sourceOffset = e.srcOffset;
        entries.push({ n, e: entry });
      });
    }
    return entries.map(({ n, e }) => {
      const row = eventRow(new OwnerEventView(e, { owner: this.kind }), summaryEventId(this.kind, this.id, n), this.ctx.traceStartNs);
      row.description = [`+${formatNs(e.time - this.ctx.traceStartNs)}`, e.detail].filter(Boolean).join('  ');
      return contextRow(row, this.ctx.generationNumber(e.genIndex), { g: e.g, p: e.p, m: e.m }, 'ordered');
    });
  }
}

/** Whether a search text (lower-cased) is in an ordered event's strings or its stacks' functions and files. */
export function orderedEventHasText(e: OrderedEvent, needle: string): boolean {
  const has = (s: string | undefined): boolean => s !== undefined && s.toLowerCase().includes(needle);
  const st = e.transition;
  for (const stack of [e.stack, st?.stack]) for (const f of stack?.frames ?? []) if (has(f.func) || has(f.file)) return true;
  return (
    has(st?.reason) ||
    has(e.log?.category) ||
    has(e.log?.message) ||
    has(e.region?.type) ||
    has(e.task?.type) ||
    has(e.label?.label) ||
    has(e.range?.name) ||
    has(e.metric?.name) ||
    has(e.experimental?.name)
  );
}
