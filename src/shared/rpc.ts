/**
 * The one API between the webview, the extension host and the parse worker.
 *
 * `rpcRequests` is the table of what the webview may ask: for each request, the schema of its
 * args (which the host checks before acting: src/extension/webviewMessages.ts), the type of its
 * result, and who answers it. 'worker' requests are forwarded by the host to the parse worker
 * unchanged and the worker's answer goes back as is; 'host' requests are answered by the host
 * (src/extension/webviewPanelController.ts). Every request carries an id; the response echoes it,
 * with a result (possibly null) or an error.
 *
 * `HostNotifications` is what the host sends without being asked (progress, filter counts,
 * reveals). Strings from a trace in either are data: the webview renders them as text.
 *
 * Adding a request: one entry in `rpcRequests`, then its handler: in parseWorker.ts for a
 * 'worker' request, in WebviewPanelController's `hostHandlers` for a 'host' one. The type checker
 * names the handler that is missing.
 */
import type { Filter, FrameRef, TraceSummary, TreeId, TreeNode, ProblemItem } from './protocol.js';
import type { SliceAnswer, SliceRelations, TimelineLane, TimelineLayout, TimelinePlace } from './timeline.js';
import type { CounterAnswer } from './timelineCounters.js';
import type { RangeStats } from './timelineRangeStats.js';
import { int, list, num, obj, oneOf, optional, str, type Infer, type Schema } from './schema.js';

/** A page of a node's children. */
export interface ChildPage {
  total: number;
  nodes: TreeNode[];
}

/** A row and its ancestors, top down. */
export interface RowLocation {
  path: string[];
  select: string;
}

/** Where a view's filter run is: the matches so far; done once the whole trace was searched. */
export interface FilterStatus {
  run: number;
  matches: number;
  done: boolean;
  /** The run waits for the analysis pass (a filter on a goroutine, proc or thread). */
  waiting?: boolean;
}

/** A filter's answer: its status, why it cannot run, or null when a newer filter replaced it. */
export type FilterAnswer = FilterStatus | { error: string } | null;

/** Names the result type of a request in the table (no value: results are not checked). */
export interface Result<R> {
  readonly __result?: R;
}
const result = <R>(): Result<R> => ({});

export type Server = 'host' | 'worker';

export interface RequestSpec<A, R, S extends Server> {
  args: Schema<A>;
  result: Result<R>;
  served: S;
}

function request<A, R, S extends Server>(args: Schema<A>, r: Result<R>, served: S): RequestSpec<A, R, S> {
  return { args, result: r, served };
}

/** Node ids are short ("g3/b12/e40", "goroutines/g17/e3"). */
const NODE_ID = str(200);
const nodeArgs = obj({ nodeId: NODE_ID });
const none = obj({});

/** Limits of what a filter may hold: the filter bar sends one event type and one text. */
export const FILTER_LIMITS = { text: 1000, eventTypes: 100, eventTypeName: 100 } as const;

/** The filter, field by field (src/shared/protocol.ts `Filter`). */
export const filterSchema = obj({
  eventTypes: optional(list(str(FILTER_LIMITS.eventTypeName), FILTER_LIMITS.eventTypes)),
  goroutine: optional(int()),
  proc: optional(int()),
  thread: optional(int()),
  fromNs: optional(num(0)),
  toNs: optional(num(0)),
  text: optional(str(FILTER_LIMITS.text)),
});

/** The most children one getChildren may ask for (the webview asks PAGE_SIZE). */
export const MAX_PAGE = 1000;
/** The most lanes one timelineSlices may ask for (the visible ones). */
export const MAX_TIMELINE_LANES = 500;
/** The most counter lanes one timelineCounters may ask for. */
export const MAX_COUNTER_LANES = 8;

export const rpcRequests = {
  /** The page is loaded: the host sends what it has (summary, problems, event types, roots). */
  ready: request(none, result<null>(), 'host'),
  /** Rows under a node; parentId "" is the root (generations, or the view's filter matches). */
  getChildren: request(
    obj({ tree: oneOf('generations', 'event'), parentId: NODE_ID, offset: int(), limit: int(0, MAX_PAGE) }),
    result<ChildPage>(),
    'worker',
  ),
  /** A row was selected: its details for the event pane (the host remembers it for Copy Event). */
  select: request(nodeArgs, result<TreeNode[] | null>(), 'host'),
  /** The event tree of a row; null if there is no such row. */
  eventDetails: request(nodeArgs, result<TreeNode[] | null>(), 'worker'),
  /** Sets the view's filter; its counts follow as filterApplied notifications. */
  setFilter: request(obj({ filter: filterSchema }), result<FilterAnswer>(), 'worker'),
  /** The count of the view's filter run once it grew (or after a while, or when done). */
  filterProgress: request(obj({ run: int() }), result<FilterAnswer>(), 'worker'),
  /** An event as text. */
  eventText: request(nodeArgs, result<string | null>(), 'worker'),
  /** The row holding a byte offset, with its ancestors. */
  locateOffset: request(obj({ offset: int() }), result<RowLocation | null>(), 'worker'),
  /** A row's ancestors. */
  pathTo: request(nodeArgs, result<RowLocation | null>(), 'worker'),
  /** Opens a frame's source line beside the viewer. */
  openFrame: request(obj({ frame: obj({ func: str(10_000), file: str(10_000), line: int() }) }), result<null>(), 'host'),
  /** Copies an event's text to the clipboard: whether there was one. */
  copyEvent: request(nodeArgs, result<boolean>(), 'host'),
  /** Reveals the row of the problem at this index of the problems list: whether it was found. */
  revealProblem: request(obj({ index: int() }), result<boolean>(), 'host'),
  /** Opens the wire dump, at a byte offset or at the start. */
  showWireDump: request(obj({ offset: optional(int()) }), result<null>(), 'host'),
  /** Opens the trace file as text. */
  openAsText: request(none, result<null>(), 'host'),
  /** The timeline's lanes, groups and generations (empty, not complete, until the pass is done). */
  timelineLayout: request(none, result<TimelineLayout>(), 'worker'),
  /** The goroutine lanes of a group, a page of them. */
  timelineGroupLanes: request(obj({ group: int(), offset: int(), limit: int(0, MAX_PAGE) }), result<TimelineLane[]>(), 'worker'),
  /** Slices of some lanes over a time range at a resolution (src/shared/timeline.ts). */
  timelineSlices: request(
    obj({ lanes: list(str(40), MAX_TIMELINE_LANES), fromNs: num(0), toNs: num(0), nsPerPx: num(1e-9) }),
    result<SliceAnswer>(),
    'worker',
  ),
  /** The counter lanes' points over a time range at a resolution (src/shared/timelineCounters.ts). */
  timelineCounters: request(
    obj({ lanes: list(str(40), MAX_COUNTER_LANES), fromNs: num(0), toNs: num(0), nsPerPx: num(1e-9) }),
    result<CounterAnswer>(),
    'worker',
  ),
  /** Cause and effect around a goroutine's slice: its neighbours, unblocker, creator, unblock chain. */
  timelineRelations: request(obj({ goroutine: int(), atNs: num() }), result<SliceRelations>(), 'worker'),
  /** Where a tree row is on the timeline (Show in Timeline); null: it has none (yet). */
  timelinePlace: request(nodeArgs, result<TimelinePlace | null>(), 'worker'),
  /** What happened in a time range (a drag on the ruler): time by state per group, events, GC (src/shared/timelineRangeStats.ts). */
  timelineRangeStats: request(obj({ fromNs: num(0), toNs: num(0) }), result<RangeStats>(), 'worker'),
} as const;

type Table = typeof rpcRequests;
export type RpcName = keyof Table;
export type RpcArgs<K extends RpcName> = Infer<Table[K]['args']>;
export type RpcResult<K extends RpcName> = Table[K]['result'] extends Result<infer R> ? R : never;
/** The requests the parse worker answers (the host forwards them). */
export type WorkerServed = { [K in RpcName]: Table[K]['served'] extends 'worker' ? K : never }[RpcName];
/** The requests the host answers itself. */
export type HostServed = Exclude<RpcName, WorkerServed>;
/** Each request's args and result, as a type. */
export type RpcRequests = { [K in RpcName]: { args: RpcArgs<K>; result: RpcResult<K> } };

export function isRpcName(name: unknown): name is RpcName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(rpcRequests, name);
}

export function isWorkerServed(name: RpcName): name is WorkerServed {
  return rpcRequests[name].served === 'worker';
}

// ---- messages ---------------------------------------------------------------------------------

/** A request from the webview. */
export type RpcRequestMessage<K extends RpcName = RpcName> = { [P in K]: { type: 'request'; id: number; name: P; args: RpcArgs<P> } }[K];

/** The answer to a request: the same id, and its result or why it failed. */
export type RpcResponse = { type: 'response'; id: number; result: unknown } | { type: 'response'; id: number; error: string };

/** What the host sends without being asked. */
export interface HostNotifications {
  summary: { summary: TraceSummary };
  /**
   * Root rows of the generation tree changed (a generation was read, or a filter applied).
   * filter: the filter whose matches they are (absent: no filter, the generations and summaries).
   */
  roots: { tree: 'generations'; total: number; nodes: TreeNode[]; filter?: Filter };
  /** Details of a row the host selected itself (a reveal). */
  eventDetails: { nodeId: string; nodes: TreeNode[] };
  problems: { problems: ProblemItem[] };
  eventTypes: { names: string[] };
  /** Select and show a node, expanding its ancestors (from a problem link or Go to Byte Offset). */
  reveal: {
    path: string[];
    select: string;
    /**
     * Optional: the index of each of [...path, select] among its parent's children, so the
     * webview loads the right page at once (without it, it scans the parent's pages in order).
     */
    indices?: number[];
  };
  /**
   * reset: the host cleared the view's filter itself (to reveal a row); the webview empties its fields.
   * done false: the matches are still being searched and `matches` counts those found so far (more
   * filterApplied messages follow, the last one done); waiting: the search waits for the summaries.
   */
  filterApplied: { filter: Filter; matches: number; reset?: boolean; done?: boolean; waiting?: boolean };
  error: { message: string };
  /**
   * Show the Timeline pane (the command "Go Trace: Show Timeline"); with nodeId, at that tree
   * row's place (the command "Show in Timeline").
   */
  showTimeline: { focus?: boolean; nodeId?: string };
}

export type HostNotification = { [K in keyof HostNotifications]: { type: K } & HostNotifications[K] }[keyof HostNotifications];

/** Messages from the host to the webview. */
export type HostMessage = HostNotification | RpcResponse;

/** Messages from the webview to the host. */
export type WebviewMessage = RpcRequestMessage;

// The schemas and the protocol's data types name the same shapes: this fails to compile if they part.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assert<T extends true> = T;
export type SchemasMatchProtocol = Assert<
  Same<Infer<typeof filterSchema>, Filter> | Same<RpcArgs<'openFrame'>['frame'], FrameRef> | Same<RpcArgs<'getChildren'>['tree'], TreeId>
>;
