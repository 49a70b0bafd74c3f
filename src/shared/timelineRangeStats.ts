/**
 * What happened in a time range of the timeline (a drag on the ruler): time by state per
 * goroutine group, the top waiting reasons, events by type, GC and stop-the-world time. Shared by
 * the webview (which shows it) and the worker (src/extension/model/timelineRangeStats.ts).
 *
 * Times are ns since the trace's first event, as every timeline query. Strings from the trace
 * (group names, reasons, event names) are data, shown as text.
 */

export interface RangeStatsQuery {
  /** 0 (the ruler's start) counts from the first generation's start, which may be a little before the first event. */
  fromNs: number;
  toNs: number;
}

/** One goroutine group's time in the range, summed over its goroutines, clipped to the range. */
export interface GroupRangeStats {
  /** GoroutineGroup.index (TimelineLayout.groups). */
  group: number;
  /** The group's start function. */
  name: string;
  /** Its goroutines with any time in the range. */
  goroutines: number;
  runningNs: number;
  runnableNs: number;
  waitingNs: number;
  syscallNs: number;
}

export interface ReasonTime {
  reason: string;
  ns: number;
}

export interface EventTypeCount {
  /** Go's event name ("GoBlock", "ProcStart", ...). */
  type: string;
  count: number;
}

export interface PeriodStats {
  count: number;
  /** Their time within the range (periods cut by its edges count the part inside). */
  ns: number;
}

export interface RangeStats {
  query: RangeStatsQuery;
  /** Groups with time in the range, by group index. */
  groups: GroupRangeStats[];
  /** The waiting reasons with the most time (all goroutines), most first; at most MAX_RANGE_REASONS. */
  waitingReasons: ReasonTime[];
  /** Events by type in the range, most first (the Sync the reader adds and CPU samples apart). */
  events: EventTypeCount[];
  totalEvents: number;
  cpuSamples: number;
  gc: PeriodStats;
  stw: PeriodStats & { reasons: (ReasonTime & { count: number })[] };
  /** Generations the range touches, and of those, how many were ordered again for the answer. */
  generations: number;
  derived: number;
  /** False: some of it is approximate (`approximate` says what), or the pass is still running. */
  exact: boolean;
  /** What is approximate, as sentences for the user; empty when exact. */
  approximate: string[];
  /** The trace is still being read: asking again later counts more of it. */
  reading?: boolean;
}

/** Waiting reasons listed, at most. */
export const MAX_RANGE_REASONS = 10;
