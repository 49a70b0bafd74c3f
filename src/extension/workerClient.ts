/**
 * The host's handle on a parse worker: starts it, turns its messages into events, and sends
 * requests that resolve with their typed results. Stopping it kills the worker, which is how
 * parsing is cancelled. The worker's ids are this client's own: several panels (and the host
 * itself) share one worker, so a webview's request id is not reused here.
 *
 * The worker is a process of its own, not a thread of the extension host: every extension shares
 * the host, and a big trace's memory (hundreds of MB for a million goroutines), or a crash in
 * the worker, stays out of it. Messages go over the IPC channel with V8's serialization, so they
 * carry what they carried between threads (typed arrays, Maps).
 */
import { fork, type ChildProcess } from 'node:child_process';
import type { ProblemItem, TraceSummary } from '../shared/protocol.js';
import { NO_VIEW, type HostToWorker, type WorkerInit, type WorkerRequestName, type WorkerRequests, type WorkerToHost } from './workerProtocol.js';

export interface WorkerEvents {
  onProgress(summary: TraceSummary, generations: number, problems: ProblemItem[] | undefined, eventTypes: string[] | undefined, done: boolean): void;
  onFailed(message: string): void;
}

/** The parse worker's process title (ps, /proc/PID/cmdline: the e2e tests look for it). */
export const PARSE_WORKER_NAME = 'goTraceParse';

/** The end of the worker's stderr kept, to say why it stopped (V8's out-of-memory report). */
const STDERR_KEPT = 2000;

export class WorkerClient {
  private readonly worker: ChildProcess;
  private stderr = '';
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private stopped = false;

  constructor(scriptPath: string, init: WorkerInit, private readonly events: WorkerEvents) {
    // No execArgv of the host's (an inspector port would clash); the worker titles itself.
    this.worker = fork(scriptPath, [PARSE_WORKER_NAME], { serialization: 'advanced', execArgv: [], stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    this.worker.stderr?.setEncoding('utf8');
    this.worker.stderr?.on('data', (d: string) => (this.stderr = (this.stderr + d).slice(-STDERR_KEPT)));
    this.worker.on('message', (m: WorkerToHost) => this.receive(m));
    this.worker.on('error', (e) => this.events.onFailed(`the parse worker failed: ${e.message}`));
    this.worker.on('exit', (code, signal) => {
      this.failPending('the parse worker stopped');
      if (!this.stopped) this.events.onFailed(`the parse worker stopped (${signal ?? `exit code ${code}`})${whyStopped(this.stderr)}`);
    });
    this.send({ kind: 'init', init });
  }

  /** The worker's process ID (undefined if it could not start). */
  get pid(): number | undefined {
    return this.worker.pid;
  }

  private send(m: HostToWorker): void {
    // A worker that has just died cannot be written to: its exit event reports that.
    if (this.worker.connected) this.worker.send(m);
  }

  /** Asks the worker; `view` names the panel whose state (its filter) the request reads or sets. */
  request<K extends WorkerRequestName>(name: K, args: WorkerRequests[K]['args'], view: string = NO_VIEW): Promise<WorkerRequests[K]['result']> {
    if (this.stopped) return Promise.reject(new Error('the parse worker was stopped'));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      // The worker answers K with K's result (workerProtocol.ts); the response carries it untyped.
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.send({ kind: 'request', id, name, view, args } as HostToWorker);
    });
  }

  /** Stops the worker (cancels the parse); pending requests fail. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    this.failPending('the parse worker was stopped');
    const w = this.worker;
    if (w.exitCode !== null || w.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      w.once('exit', () => resolve());
      w.kill();
    });
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

/** What the worker's stderr says about its end, in a line: V8's out-of-memory report, or its last line. */
function whyStopped(stderr: string): string {
  if (/heap out of memory|Allocation failed/.test(stderr)) return ': it ran out of memory';
  const last = stderr.trim().split('\n').pop()?.trim();
  return last ? `: ${last.slice(0, 300)}` : '';
}
