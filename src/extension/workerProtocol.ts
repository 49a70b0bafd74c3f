/**
 * Typed messages between the extension host and the parse worker (src/extension/parseWorker.ts).
 * The host starts one worker per trace document with WorkerInit as workerData; the worker reads
 * the trace, posts progress after every generation, and answers requests by id.
 */
import type { Filter, ProblemItem, TraceSummary, TreeId, TreeNode } from '../shared/protocol.js';
import type { WirePlace, WireWindowResult } from './model/wireDumpService.js';
import type { FilterStatus } from './model/traceModel.js';

export interface WorkerInit {
  /** Local file path of the trace. */
  path: string;
  fileName: string;
  /** Most problems kept (the goTrace.maxProblems setting). */
  maxProblems: number;
}

/** Requests, by type, with the result each one gets. */
export interface WorkerRequests {
  /** Rows under a node; parentId "" is the root (generations, or the view's filter matches). */
  getChildren: { args: { view: string; tree: TreeId; parentId: string; offset: number; limit: number }; result: { total: number; nodes: TreeNode[] } };
  /** The event tree of a generation-tree event; null if there is no such event. */
  eventDetails: { args: { nodeId: string }; result: TreeNode[] | null };
  /** Sets a view's filter: the count so far (the run goes on); null when a newer filter of the same view replaced it. */
  setFilter: { args: { view: string; filter: Filter }; result: FilterStatus | { error: string } | null };
  /** The count of a view's filter run once it grew (or after a while, or when done); null when another filter replaced it. */
  filterProgress: { args: { view: string; run: number }; result: FilterStatus | { error: string } | null };
  /** Forgets a closed view. */
  dropView: { args: { view: string }; result: null };
  /** An event as text, for Copy Event. */
  eventText: { args: { nodeId: string }; result: string | null };
  /** The row holding a byte offset, with its ancestors. */
  locateOffset: { args: { offset: number }; result: { path: string[]; select: string } | null };
  /** A node's ancestors. */
  pathTo: { args: { nodeId: string }; result: { path: string[]; select: string } | null };
  /** A window of the wire dump document, built by the worker (model/wireDumpService.ts). */
  wireWindow: { args: { place: WirePlace }; result: WireWindowResult };
}

export type WorkerRequestType = keyof WorkerRequests;

export type HostToWorker = {
  [K in WorkerRequestType]: { kind: 'request'; id: number; type: K; args: WorkerRequests[K]['args'] };
}[WorkerRequestType];

export type WorkerToHost =
  | { kind: 'response'; id: number; result: unknown }
  | { kind: 'response'; id: number; error: string }
  /**
   * After every generation read (and once when the header is read). problems and eventTypes are
   * sent only when they changed. generations: how many root rows there are now.
   */
  | { kind: 'progress'; summary: TraceSummary; generations: number; problems?: ProblemItem[]; eventTypes?: string[] }
  /** Reading finished (also after a problem that ends it). */
  | { kind: 'done'; summary: TraceSummary; generations: number; problems: ProblemItem[]; eventTypes: string[] }
  /** The file could not be opened or read at all. */
  | { kind: 'failed'; message: string };
