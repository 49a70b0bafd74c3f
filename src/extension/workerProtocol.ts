/**
 * Messages between the extension host and the parse worker (src/extension/parseWorker.ts).
 * The host starts one worker process per trace document and sends it WorkerInit first; the worker reads
 * the trace, posts progress after every generation, and answers requests by id.
 *
 * The requests the worker serves are the 'worker' entries of the RPC table (src/shared/rpc.ts),
 * with the same args and results, plus two only the host asks (dropView, wireWindow). Each
 * request names the panel ("view") it comes from, for the requests that keep a view's state
 * (its filter); the host's own requests name none.
 */
import type { ProblemItem, TraceSummary } from '../shared/protocol.js';
import type { RpcRequests, WorkerServed } from '../shared/rpc.js';
import type { WirePlace, WireWindowResult } from './model/wireDumpService.js';

export interface WorkerInit {
  /** Local file path of the trace. */
  path: string;
  fileName: string;
  /** Most problems kept (the goTrace.maxProblems setting). */
  maxProblems: number;
}

/** Requests, by name, with the result each one gets. */
export type WorkerRequests = Pick<RpcRequests, WorkerServed> & {
  /** Forgets a closed view. */
  dropView: { args: Record<string, never>; result: null };
  /** A window of the wire dump document, built by the worker (model/wireDumpService.ts). */
  wireWindow: { args: { place: WirePlace }; result: WireWindowResult };
};

export type WorkerRequestName = keyof WorkerRequests;

/** The view of a request that names none (the host's own requests). */
export const NO_VIEW = '';

/** The first message says what to open; requests follow. */
export type HostToWorker =
  | { kind: 'init'; init: WorkerInit }
  | {
      [K in WorkerRequestName]: { kind: 'request'; id: number; name: K; view: string; args: WorkerRequests[K]['args'] };
    }[WorkerRequestName];

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
