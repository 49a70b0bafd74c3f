/**
 * The host's handle on a parse worker: starts it, turns its messages into events, and sends
 * requests that resolve with their typed results. Stopping it terminates the thread, which is
 * how parsing is cancelled. The worker's ids are this client's own: several panels (and the host
 * itself) share one worker, so a webview's request id is not reused here.
 */
import { Worker } from 'node:worker_threads';
import type { ProblemItem, TraceSummary } from '../shared/protocol.js';
import { NO_VIEW, type HostToWorker, type WorkerInit, type WorkerRequestName, type WorkerRequests, type WorkerToHost } from './workerProtocol.js';

export interface WorkerEvents {
  onProgress(summary: TraceSummary, generations: number, problems: ProblemItem[] | undefined, eventTypes: string[] | undefined, done: boolean): void;
  onFailed(message: string): void;
}

/** The parse worker threads' name. */
export const PARSE_WORKER_NAME = 'goTraceParse';

export class WorkerClient {
  private readonly worker: Worker;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private stopped = false;

  constructor(scriptPath: string, init: WorkerInit, private readonly events: WorkerEvents) {
    // Named, so the thread can be told apart (in /proc/<pid>/task/*/comm: the e2e tests count it).
    this.worker = new Worker(scriptPath, { workerData: init, name: PARSE_WORKER_NAME });
    this.worker.on('message', (m: WorkerToHost) => this.receive(m));
    this.worker.on('error', (e) => this.events.onFailed(`the parse worker failed: ${e.message}`));
    this.worker.on('exit', () => this.failPending('the parse worker stopped'));
  }

  /** Asks the worker; `view` names the panel whose state (its filter) the request reads or sets. */
  request<K extends WorkerRequestName>(name: K, args: WorkerRequests[K]['args'], view: string = NO_VIEW): Promise<WorkerRequests[K]['result']> {
    if (this.stopped) return Promise.reject(new Error('the parse worker was stopped'));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      // The worker answers K with K's result (workerProtocol.ts); the response carries it untyped.
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.worker.postMessage({ kind: 'request', id, name, view, args } as HostToWorker);
    });
  }

  /** Stops the worker (cancels the parse); pending requests fail. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    this.failPending('the parse worker was stopped');
    await this.worker.terminate();
  }

  private receive(m: WorkerToHost): void {
    switch (m.kind) {
      case 'response': {
        const p = this.pending.get(m.id);
        if (!p) return;
        this.pending.delete(m.id);
        if ('error' in m) p.reject(new Error(m.error));
        else p.resolve(m.result);
        return;
      }
      case 'progress':
        this.events.onProgress(m.summary, m.generations, m.problems, m.eventTypes, false);
        return;
      case 'done':
        this.events.onProgress(m.summary, m.generations, m.problems, m.eventTypes, true);
        return;
      case 'failed':
        this.events.onFailed(m.message);
        return;
    }
  }

  private failPending(message: string): void {
    for (const p of this.pending.values()) p.reject(new Error(message));
    this.pending.clear();
  }
}
