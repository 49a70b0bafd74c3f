/**
 * One filter's run over an event source, shared by every source (v2 wire events, v1 raw events,
 * an owner's ordered events): the source splits its events into partitions in time order (each
 * partition's events all come before the next one's: a generation, or an owner's events in one
 * generation), and gives each one's matches in time order. The run counts the partitions in order
 * in the background (at once where the source knows a count without looking, by its index), so
 * the count grows while the webview already pages through the first matches; a page is the
 * matches of the partitions it covers, found again if they were dropped (a few are kept).
 */
import type { TreeNode } from '../../shared/protocol.js';

/** A partition's matches, in time order, in the source's own encoding. */
export interface PartitionMatches {
  readonly length: number;
}

export interface MatchSource<M extends PartitionMatches> {
  /** Partitions so far; more may come while the trace is being read. */
  partitions(): number;
  /** True once partitions() no longer grows. */
  complete(): boolean;
  /** Partition i's match count when known without finding them; undefined otherwise. */
  knownCount(i: number): number | undefined;
  /** Partition i's matches in time order (undefined: stopped). */
  find(i: number, shouldStop: () => boolean): Promise<M | undefined>;
  /**
   * Rows of matches [from, to) of partition i; `first` is the index of match `from` among all
   * matches, `lead` says whether the partition starts the page (a source may do more work for it).
   */
  rows(i: number, matches: M, from: number, to: number, first: number, lead: boolean): Promise<TreeNode[]>;
}

/** Partitions whose matches are kept. */
const KEPT_PARTITIONS = 16;
/** How often the background count yields when counts come without I/O. */
const YIELD_EVERY = 64;

export class FilterRun<M extends PartitionMatches = PartitionMatches> {
  /** Match count per partition, for the partitions counted so far (always a prefix). */
  private readonly counts: number[] = [];
  private readonly starts: number[] = [0];
  private readonly kept = new Map<number, Promise<M | undefined>>();
  private stopped = false;
  private finished = false;
  private waiters: (() => void)[] = [];
  /** Why the run cannot give results (shown to the user), if so. */
  failure: string | undefined;

  constructor(readonly source: MatchSource<M>) {}

  /** Matches counted so far (all of them once done). */
  get total(): number {
    return this.starts[this.counts.length];
  }

  get done(): boolean {
    return this.finished || this.stopped;
  }

  stop(): void {
    this.stopped = true;
    this.wake();
  }

  /** Counts every partition, in order; resolves when done or stopped. */
  async count(waitForMore: () => Promise<void>): Promise<void> {
    try {
      for (let i = 0, sinceYield = 0; !this.stopped; ) {
        if (i >= this.source.partitions()) {
          if (this.source.complete() && i >= this.source.partitions()) break;
          await waitForMore();
          continue;
        }
        let n = this.source.knownCount(i);
        if (n === undefined) {
          const m = await this.matchesOf(i);
          if (!m) break;
          n = m.length;
        } else if (++sinceYield % YIELD_EVERY === 0) {
          await new Promise<void>((resolve) => setImmediate(resolve));
        }
        if (this.stopped) break;
        this.counts.push(n);
        this.starts.push(this.starts[i] + n);
        i++;
        this.wake();
      }
    } catch (e) {
      this.failure = e instanceof Error ? e.message : String(e);
    }
    this.finished = true;
    this.wake();
  }

  /** Resolves on the next change of the count (or the end), or after `ms`. */
  changed(ms: number): Promise<void> {
    if (this.done) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.waiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  /** Waits until there are matches or the run is done, `ms` at most. */
  async firstMatches(ms: number): Promise<void> {
    const end = Date.now() + ms;
    while (!this.done && this.total === 0 && Date.now() < end) await this.changed(end - Date.now());
  }

  /** Rows [offset, offset + limit) of the matches counted so far. */
  async rows(offset: number, limit: number): Promise<{ total: number; items: TreeNode[] }> {
    const total = this.total;
    const end = Math.min(total, offset + Math.max(0, limit));
    const items: TreeNode[] = [];
    // The first partition holding match `offset`: the last start at or below it.
    let lo = 0;
    let hi = this.counts.length - 1;
    let i = 0;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.starts[mid] <= offset) {
        i = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    for (let at = Math.max(0, offset); at < end && i < this.counts.length; i++) {
      const start = this.starts[i];
      const n = this.counts[i];
      if (n === 0 || at >= start + n) continue;
      const m = await this.matchesOf(i);
      if (!m) break;
      const from = at - start;
      const to = Math.min(n, m.length, end - start);
      if (to > from) items.push(...(await this.source.rows(i, m, from, to, at, items.length === 0)));
      at = start + n;
    }
    return { total, items };
  }

  private matchesOf(i: number): Promise<M | undefined> {
    let p = this.kept.get(i);
    if (p) {
      this.kept.delete(i);
      this.kept.set(i, p);
      return p;
    }
    p = this.source.find(i, () => this.stopped);
    this.kept.set(i, p);
    // A stopped or failed search is not kept.
    p.then(
      (m) => m === undefined && this.kept.get(i) === p && this.kept.delete(i),
      () => this.kept.get(i) === p && this.kept.delete(i),
    );
    while (this.kept.size > KEPT_PARTITIONS) this.kept.delete(this.kept.keys().next().value!);
    return p;
  }

  private wake(): void {
    const w = this.waiters;
    this.waiters = [];
    for (const f of w) f();
  }
}
