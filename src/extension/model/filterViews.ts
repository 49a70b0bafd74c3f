/**
 * The filter of each view (editor panel): its run (filter.ts) goes on in the background while
 * the view pages through the matches found so far; a newer setFilter of the view stops it.
 */
import type { Filter, TreeNode } from '../../shared/protocol.js';
import { filterError, isEmptyFilter, runState, startFilter, type FilterContext, type FilterRun } from './filter.js';
import type { Page } from './paging.js';

/** How long setFilter waits for a filter's first matches before it answers with none yet. */
const FIRST_MATCHES_MS = 250;

/** A view's filter as far as its run got: `run` numbers the view's setFilter calls (for filterProgress). */
export interface FilterStatus {
  run: number;
  matches: number;
  done: boolean;
  /** The run waits for the analysis pass (a filter on a goroutine, proc or thread). */
  waiting?: boolean;
}

export type FilterAnswer = FilterStatus | { error: string } | undefined;

export class FilterViews {
  /** Active filter per view; absent: no filter. */
  private readonly filters = new Map<string, FilterRun>();
  /** Bumped per view on every setFilter, so an older, slower filter run gives up. */
  private readonly filterRuns = new Map<string, number>();

  constructor(
    private readonly context: () => FilterContext,
    /** Every event's count: what an empty filter matches. */
    private readonly eventCount: () => number,
  ) {}

  async set(view: string, filter: Filter): Promise<FilterAnswer> {
    const n = (this.filterRuns.get(view) ?? 0) + 1;
    this.filterRuns.set(view, n);
    this.filters.get(view)?.stop();
    const error = filterError(filter);
    if (error) {
      this.filters.delete(view);
      return { error };
    }
    if (isEmptyFilter(filter)) {
      this.filters.delete(view);
      return { run: n, matches: this.eventCount(), done: true };
    }
    const run = startFilter(this.context(), filter);
    this.filters.set(view, run);
    void run.count(() => new Promise<void>((resolve) => setTimeout(resolve, 50)));
    await run.firstMatches(FIRST_MATCHES_MS);
    return this.status(view, n);
  }

  async progress(view: string, run: number, waitMs: number): Promise<FilterAnswer> {
    const r = this.filters.get(view);
    if (!r || this.filterRuns.get(view) !== run) return undefined;
    await r.changed(waitMs);
    return this.status(view, run);
  }

  private status(view: string, run: number): FilterAnswer {
    const r = this.filters.get(view);
    if (!r || this.filterRuns.get(view) !== run) return undefined;
    const { waiting, failure } = runState(r);
    if (failure) return { error: failure };
    return { run, matches: r.total, done: r.done, ...(waiting ? { waiting: true } : {}) };
  }

  has(view: string): boolean {
    return this.filters.has(view);
  }

  drop(view: string): void {
    this.filters.get(view)?.stop();
    this.filters.delete(view);
    this.filterRuns.delete(view);
  }

  /** A page of the view's matches in time order (the rows found so far); undefined without a filter. */
  rows(view: string, offset: number, limit: number): Promise<Page<TreeNode>> | undefined {
    return this.filters.get(view)?.rows(offset, limit);
  }
}
