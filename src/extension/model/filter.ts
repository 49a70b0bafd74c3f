/**
 * The filter engine, one for both formats: one meaning of every field (filterQuery.ts), one run
 * that counts and pages the matches in time order as they are found (filterRun.ts), and the
 * event source that fits the filter:
 * - a goroutine, proc or thread named: that owner's events as Go gives them (ownerFilterSource.ts),
 *   for both formats, once the analysis pass has indexed them (until then the run waits: the
 *   pass runs beside the reading, and a wire scan cannot tell which goroutine an event runs on);
 * - otherwise the wire events, from the trace's format model: v2 (wireFilterSource.ts) or v1 raw
 *   events (v1FilterSource.ts).
 */
import type { OwnerKind, TraceAnalysisView } from '../../analysis/index.js';
import type { Filter, TreeNode } from '../../shared/protocol.js';
import { compileFilter, type FilterQuery } from './filterQuery.js';
import { FilterRun, type MatchSource, type PartitionMatches } from './filterRun.js';
import type { GenerationInfo } from './generationIndex.js';
import { OwnerFilterSource } from './ownerFilterSource.js';
import type { SummaryEventEntry } from './summaryEvents.js';

export { filterError, isEmptyFilter } from './filterQuery.js';
export { FilterRun } from './filterRun.js';
export { slotMasks } from './argSlots.js';

/** What the engine reads from the model. */
export interface FilterContext {
  generations: readonly GenerationInfo[];
  traceStartNs: number;
  /** The format's source of wire events, for a filter without a goroutine, proc or thread (formatModel.ts). */
  wireSource(q: FilterQuery): MatchSource<PartitionMatches>;
  /** The type name of the wire event at an offset, where the type list names the format's wire events, not Go's API kinds (v1). */
  wireTypeAt?: (offset: number) => Promise<string | undefined>;
  /** The pass's view once it is done; undefined when there will be none; 'pending' meanwhile. */
  analysis(): TraceAnalysisView | undefined | 'pending';
  page(kind: OwnerKind, id: number, from: number, count: number): Promise<SummaryEventEntry[]>;
}

/** Why a filter on an owner cannot run on this trace. */
export const NO_OWNER_INDEX = 'goroutine, proc and thread filters need the trace\'s summaries (Goroutines, Procs, Threads), which could not be computed for this trace';

/** A filter's run, counting not yet started (call run.count). */
export function startFilter(ctx: FilterContext, filter: Filter): FilterRun {
  const q = compileFilter(filter);
  return new FilterRun(q.owners.length > 0 ? new WhenIndexed(q, ctx) : ctx.wireSource(q));
}

/** The owner source once the pass is done; no partitions (and a failure) when it will not be. */
class WhenIndexed implements MatchSource<PartitionMatches> {
  private inner: MatchSource<PartitionMatches> | undefined;
  private unavailable = false;

  constructor(
    private readonly q: FilterQuery,
    private readonly ctx: FilterContext,
  ) {}

  /** True while the run waits for the index. */
  get waiting(): boolean {
    this.poll();
    return !this.inner && !this.unavailable;
  }

  get failure(): string | undefined {
    this.poll();
    return this.unavailable && this.q.owners.length > 0 ? NO_OWNER_INDEX : undefined;
  }

  private poll(): void {
    if (this.inner || this.unavailable) return;
    const a = this.ctx.analysis();
    if (a === 'pending') return;
    if (!a || this.q.owners.length === 0) {
      this.unavailable = true;
      return;
    }
    const ctx = this.ctx;
    this.inner = new OwnerFilterSource(this.q, {
      view: a,
      traceStartNs: ctx.traceStartNs,
      generationNumber: (index) => ctx.generations[index]?.genNumber ?? index,
      page: ctx.page,
      ...(ctx.wireTypeAt ? { wireTypeAt: ctx.wireTypeAt } : {}),
    });
  }

  partitions(): number {
    this.poll();
    return this.inner?.partitions() ?? 0;
  }

  complete(): boolean {
    this.poll();
    return this.unavailable || (this.inner?.complete() ?? false);
  }

  knownCount(i: number): number | undefined {
    return this.inner!.knownCount(i);
  }

  find(i: number, shouldStop: () => boolean): Promise<PartitionMatches | undefined> {
    return this.inner!.find(i, shouldStop);
  }

  rows(i: number, m: PartitionMatches, from: number, to: number, first: number, lead: boolean): Promise<TreeNode[]> {
    return this.inner!.rows(i, m, from, to, first, lead);
  }
}

/** Whether a run waits for the owner index, and why it cannot run at all. */
export function runState(run: FilterRun): { waiting: boolean; failure: string | undefined } {
  const s = run.source;
  if (s instanceof WhenIndexed) return { waiting: s.waiting, failure: run.failure ?? s.failure };
  return { waiting: false, failure: run.failure };
}
