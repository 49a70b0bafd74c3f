/**
 * What the timeline view needs from whoever has the data: the host through RPC in VS Code, or
 * the dev page's generated trace (webview/dev/fakeTimeline.ts). The view is written against this
 * interface only, so it can be drawn and profiled without the host.
 */
import type { RelationsQuery, SliceAnswer, SliceQuery, SliceRelations, SliceState, TimelineLane, TimelineLayout, TimelinePlace } from '../../src/shared/timeline.js';
import type { CounterAnswer, CounterQuery } from '../../src/shared/timelineCounters.js';
import type { RangeStats, RangeStatsQuery } from '../../src/shared/timelineRangeStats.js';

/** The slice the user selected, as the view knows it (enough for the event pane to find it). */
export interface SelectedSlice {
  /** File offset of the event that started the span, or -1. */
  offset: number;
  start: number;
  end: number;
  state: SliceState;
  label?: string;
  goroutine?: number;
  proc?: number;
}

export interface TimelineSource {
  /** Lanes, groups and the trace's span; asked again while `complete` is false. */
  layout(): Promise<TimelineLayout>;
  /** Slices of some lanes over a range at a resolution. */
  slices(q: SliceQuery): Promise<SliceAnswer>;
  /** The counter lanes' points over a range at a resolution (absent: no counter lanes drawn). */
  counters?(q: CounterQuery): Promise<CounterAnswer>;
  /** The goroutine lanes of a group, lanes [offset, offset + limit). */
  groupLanes(group: number, offset: number, limit: number): Promise<TimelineLane[]>;
  /** Cause and effect around a goroutine's slice (absent: none shown). */
  relations?(q: RelationsQuery): Promise<SliceRelations>;
  /** What happened in a range dragged on the ruler (absent: no statistics panel). */
  rangeStats?(q: RangeStatsQuery): Promise<RangeStats | undefined>;
  /** A goroutine's lane: its group and place there (to jump to it). */
  goroutinePlace?(goroutine: number): Promise<TimelinePlace | undefined>;
  /** The user selected a slice (click or Enter). */
  select(lane: string, slice: SelectedSlice): void;
}
