/**
 * What the timeline asks for and gets: lanes, and the slices of some lanes over a time range at a
 * resolution. Shared by the webview (which draws) and the worker's model (which answers from the
 * analysis pass's overview and the per-generation state spans).
 *
 * Times are ns since the trace's first event. Strings from the trace are data, drawn as text.
 */

/** What a slice shows. A state is never told by colour alone: the webview also hatches or labels. */
export const SLICE_STATES = [
  /** A goroutine running; on a proc or thread lane, the goroutine it runs. */
  'running',
  /** Runnable, waiting for a proc: scheduler latency. */
  'runnable',
  /** Blocked; the slice's label is the reason. */
  'waiting',
  /** In a system call (goroutine lanes), or a thread in one. */
  'syscall',
  /** A GC cycle (GC lane). */
  'gc',
  /** A stop-the-world period; the label is its reason (GC lane). */
  'stw',
  /** A thread holding a proc (thread lanes); the label is the P. */
  'proc',
  /** A region of a task, on its goroutine's lane. */
  'region',
  /** A user task, from its begin to its end (task lanes); the label is its type. */
  'task',
] as const;
export type SliceState = (typeof SLICE_STATES)[number];

/** 'counter': a counter lane (heap, goroutines, threads, CPU samples: src/shared/timelineCounters.ts). */
export type LaneKind = 'gc' | 'counter' | 'proc' | 'thread' | 'task' | 'goroutine';

export interface TimelineLane {
  /** Stable id: "gc", "p3", "m12", "g45". */
  id: string;
  kind: LaneKind;
  label: string;
  /** Hover text of the lane's header. */
  tooltip?: string;
}

/** Goroutines grouped by their start function, as `go tool trace` groups them. */
export interface GoroutineGroup {
  /** Index in TimelineLayout.groups; ask for its lanes with this. */
  index: number;
  /** The start function ("(unknown)" when the trace does not say). */
  name: string;
  goroutines: number;
  /** Sums over its goroutines, ns: for sorting by running or blocked time. */
  runningNs: number;
  blockedNs: number;
  /** The earliest first event of its goroutines, ns: for sorting by start. */
  firstNs: number;
}

export interface TimelineLayout {
  durationNs: number;
  /** Each generation's time span (ns since the first event), in order. */
  generations: { number: number; startNs: number; endNs: number }[];
  /** The GC lane, the counter lanes the trace has data for, then one lane per proc, then one per thread. */
  lanes: TimelineLane[];
  groups: GoroutineGroup[];
  /** A flight-recorder snapshot: the window it holds, for the ruler. */
  window?: { startNs: number; endNs: number; text: string };
  /** The reading's problems at their place in time, in time order (timelineMarks.ts); once complete. */
  marks?: TimelineMark[];
  /** False while the analysis pass still runs: lanes and groups may grow. */
  complete: boolean;
}

/** A problem at its time (ns since the first event): an event's, or its generation's start. */
export interface TimelineMark {
  ns: number;
  /** Drawn as a different shape per severity, not by colour alone. */
  severity: 'error' | 'warning' | 'info';
  /** The problem's message and code: trace text, drawn as text. */
  text: string;
}

/** The slices of one lane, in time order, as columns (index i is one slice). */
export interface LaneSlices {
  lane: string;
  start: number[];
  end: number[];
  /** Index into SLICE_STATES. */
  state: number[];
  /** Index into SliceAnswer.strings (a function, a reason, "G12"...), or -1. */
  label: number[];
  /**
   * 0: one span, exact. n > 1: n spans shorter than the resolution merged into this one, drawn as
   * the state that held longest in it.
   */
  merged: number[];
  /** File offset of the event that started the span (for selecting it), or -1. */
  offset: number[];
  /** Proc and thread lanes: the goroutine running; -1 otherwise. */
  goroutine: number[];
  /** Goroutine lanes: the proc it ran on (running slices); thread lanes: the P held; -1 otherwise. */
  proc: number[];
  /** Goroutine lanes: the user regions it was in over the range, if any. */
  regions?: LaneRegions;
  /** Goroutine lanes: the user logs it wrote in the range, if any. */
  logs?: LaneLogs;
}

/** A goroutine's user regions (trace.WithRegion), by start; nested ones overlap their parent. */
export interface LaneRegions {
  start: number[];
  end: number[];
  /** 0: outermost. */
  depth: number[];
  /** Index into SliceAnswer.strings: the region's name (the first one's, where merged). */
  label: number[];
  /** 1: one region; n > 1: n regions closer than the resolution, merged. */
  count: number[];
}

/** A goroutine's user logs (trace.Log), as instants, in time order. */
export interface LaneLogs {
  at: number[];
  /** Index into SliceAnswer.strings: "category: message" (the first one's, where merged). */
  label: number[];
  /** 1: one log; n > 1: n logs within the resolution, merged. */
  count: number[];
}

export interface SliceQuery {
  lanes: string[];
  fromNs: number;
  toNs: number;
  /** The resolution: spans shorter than this may be merged. */
  nsPerPx: number;
}

export interface SliceAnswer {
  query: SliceQuery;
  strings: string[];
  lanes: LaneSlices[];
  /**
   * False: some of the range came from the overview only (its detail is being derived); asking
   * again later gives more.
   */
  exact: boolean;
}

/** The goroutine lanes of one group, paged: lanes [offset, offset + limit) in the group's order. */
export interface GroupLanesQuery {
  /** GoroutineGroup.index. */
  group: number;
  offset: number;
  limit: number;
}

export interface GroupLanesAnswer {
  query: GroupLanesQuery;
  /** The group's goroutine count now (it may grow while the analysis pass runs). */
  total: number;
  lanes: TimelineLane[];
}

/**
 * Where a tree row is on the timeline ("Show in Timeline"): its lane, if it has one, and its time.
 * An event's place is its instant (startNs = endNs) and the span it began, when it began one.
 */
export interface TimelinePlace {
  /** The lane to show and select in ("g12", "p0", "m7"); absent: the row has no lane (a task). */
  lane?: string;
  /** A goroutine lane: its group (GoroutineGroup.index) and its place in the group's order. */
  group?: number;
  indexInGroup?: number;
  startNs: number;
  endNs: number;
  /** What is shown, for the announcement ("G12", "event GoBlock", "task 3"). */
  text: string;
}

/** Cause and effect around a goroutine's slice: ask with the goroutine and a time in the slice. */
export interface RelationsQuery {
  goroutine: number;
  atNs: number;
}

/** One goroutine's event made another runnable (or created it): drawn as an arrow. */
export interface TimelineLink {
  /** The goroutine that acted, and the one acted on, at the same instant. */
  from: number;
  to: number;
  atNs: number;
  kind: 'unblock' | 'create';
}

export interface SpanRef {
  startNs: number;
  endNs: number;
  /** Index into SLICE_STATES. */
  state: number;
}

export interface SliceRelations {
  query: RelationsQuery;
  /** The goroutine's span holding the time (exact), and the spans before and after it. */
  slice?: SpanRef;
  prev?: SpanRef;
  next?: SpanRef;
  /**
   * Who made the goroutine runnable for this slice (a waiting slice: who ended the wait), and
   * when; goroutine -1: no goroutine did (the runtime, a timer, the network poller).
   */
  unblocker?: { goroutine: number; atNs: number };
  /** The goroutine that created it, and when (absent: it existed when the trace began). */
  creator?: { goroutine: number; atNs: number };
  /** The unblock chain back from the slice: its unblocker's, then that one's... (at most 8). */
  chain: TimelineLink[];
}
