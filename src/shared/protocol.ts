/**
 * The data the extension host, the parse worker and the webview exchange: tree rows, the summary,
 * problems, filters. The requests and notifications that carry them are in rpc.ts.
 *
 * Every string in a message that comes from a trace (function names, file paths, log messages,
 * task names...) is data: the webview renders it with textContent, never as markup.
 */

/** Kinds of rows in the trees. */
export type NodeKind =
  | 'generation'
  | 'thread'
  | 'batch'
  | 'event'
  | 'arg'
  | 'stack'
  | 'frame'
  | 'table'
  | 'string'
  | 'sample'
  | 'info'
  | 'more'
  /** A goroutine under the "Goroutines" root (from the summaries of the ordered stream). */
  | 'goroutine'
  /** The "Goroutines", "Procs", "Threads", "Tasks", "Regions" and "Event counts" roots beside the generations. */
  | 'summaryRoot'
  | 'task'
  | 'region'
  /** A proc (P) under the "Procs" root. */
  | 'proc'
  /** A thread (M) under the "Threads" root (a generation's thread is a 'thread'). */
  | 'osThread';

/** One row of a tree. Children are fetched page by page with getChildren. */
export interface TreeNode {
  /** Stable ID, unique within the document, e.g. "g3/b12/e40" (see src/extension/model/nodeIds.ts). */
  id: string;
  kind: NodeKind;
  /** Main text. */
  label: string;
  /** Secondary text shown dimmed after the label. */
  description?: string;
  /** Hover text. */
  tooltip?: string;
  /** Codicon name without the "codicon-" prefix, e.g. "symbol-event". */
  icon?: string;
  /** Number of children, or 0 for a leaf. */
  childCount: number;
  /** Byte offset in the file, for "Go to Byte Offset" and the wire dump. */
  offset?: number;
  /** Worst problem at or under this node. */
  severity?: 'error' | 'warning' | 'info';
  /** A frame node: what clicking it opens. */
  frame?: FrameRef;
}

export interface FrameRef {
  func: string;
  file: string;
  line: number;
}

export interface TraceSummary {
  fileName: string;
  fileSize: number;
  /** "go 1.26 trace" format version, and the Go releases that write it. */
  formatVersion?: number;
  goReleases?: string;
  /** Wall-clock time of the first clock snapshot (Go 1.25+), ISO 8601. */
  wallClockStart?: string;
  /** Trace duration in ns, from the first to the last event read. */
  durationNs?: number;
  generations: number;
  /** First and last generation numbers; a flight-recorder snapshot does not start at 1. */
  firstGeneration?: number;
  lastGeneration?: number;
  flightRecorderWindow?: string;
  threads: number;
  procs: number;
  goroutines: number;
  events: number;
  cpuSamples: number;
  problems: { errors: number; warnings: number; infos: number };
  /** Bytes parsed so far (equals fileSize once done). */
  parsedBytes: number;
  done: boolean;
  /**
   * The summaries (goroutines, tasks, regions) from the ordered event stream: absent before they
   * are computed, 'computing' meanwhile (goroutines is then the framing pass's count), 'done'.
   */
  summaries?: 'computing' | 'done' | 'unavailable';
  /** Tasks and regions, once the summaries are done. */
  tasks?: number;
  regions?: number;
  /** For a truncated or broken trace: what can still be read, for the banner. */
  banner?: { severity: 'error' | 'warning'; text: string };
}

export interface ProblemItem {
  code: string;
  severity: 'error' | 'warning' | 'info';
  message: string;
  offset: number;
  generation?: number;
  batch?: number;
  /** Node to reveal when the problem is clicked. */
  nodeId?: string;
  /** 0-based line of the problem's raw event in the wire dump document (set once reading is done). */
  wireLine?: number;
  /** The offset the window of the wire dump holding that line starts at; absent: the dump's first window. */
  wireStart?: number;
  /** A cause (src/parser/problemGroups.ts): its consequences, which follow it in the list, counted by kind. */
  consequences?: { code: string; count: number; text: string }[];
  /** A consequence: the index of its cause in the list. */
  cause?: number;
}

export interface Filter {
  /** Event type names to keep (empty: all). */
  eventTypes?: string[];
  goroutine?: number;
  proc?: number;
  thread?: number;
  /** Time range in ns since the trace's first event. */
  fromNs?: number;
  toNs?: number;
  /** Free text: function names, log messages, task and region names, any string argument. */
  text?: string;
}

export type TreeId = 'generations' | 'event';

/** Page size the webview asks for. */
export const PAGE_SIZE = 200;
