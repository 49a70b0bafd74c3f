/**
 * One event as the event renderer (eventNodes.ts) shows it, whatever its source: a v2 wire event
 * (wireEventView.ts), a v1 raw event (v1Nodes.ts) or an ordered event listed under a goroutine,
 * proc or thread (summaryEvents.ts). Each source adapts its event to this view, saying what it
 * knows in its own words (a v1 event names its P, an ordered event its G, P and M); the renderer
 * makes every row, ID and text from it alike. Methods, not fields: a page of rows asks only for
 * the row. Every string is trace data as shown (quoted as Go quotes it): the webview shows text.
 */

/** A frame as the rows show it. */
export interface FrameLike {
  pc: number;
  func: string;
  file: string;
  line: number;
}

/** What the event's row shows besides its name and time. */
export interface EventRowFacts {
  /** The description's parts after the time (empty parts are left out). */
  parts: string[];
  tooltip: string;
  icon: string;
  /** Frames listed under the row (none: the row is a leaf; selecting it shows the event tree). */
  frames: readonly FrameLike[];
  /** Its byte offset in the file, when known. */
  offset: number | undefined;
}

/** An info row of the event tree ("event", "time", "offset", "thread"...); `index` is its ID's. */
export interface EventFact {
  index: number;
  label: string;
  value: string;
  tooltip?: string;
  offset?: number;
}

/** An argument row of the event tree; `index` is its ID's (the argument's place in the event). */
export interface EventArg {
  index: number;
  label: string;
  value: string;
  tooltip: string;
}

/** A stack of the event, with its frames. */
export interface EventStack {
  label: string;
  /** Its row's description ("stack 9, 4 frames"). */
  description: string;
  /** Its line in Copy Event ("stack 9:"). */
  textLine: string;
  frames: readonly FrameLike[];
  /** Not in the trace's stacks (its row is marked). */
  missing: boolean;
}

export interface EventView {
  readonly name: string;
  /** Time in ns (NaN: the event has none). */
  readonly time: number;
  row(traceStartNs: number): EventRowFacts;
  /** The event tree's info rows: where and when. */
  facts(traceStartNs: number): EventFact[];
  args(): EventArg[];
  stacks(): EventStack[];
  /** Copy Event's first lines (where and when); the arguments and the stacks follow them. */
  textHead(traceStartNs: number): string[];
}
