/**
 * One open trace file, shared by every editor showing it (VS Code opens one CustomDocument per
 * URI and hands it to each editor, so the file is parsed once). It runs the parse worker, keeps
 * what the editors need to start (summary, problems, event types), shows parse progress as a
 * cancellable notification, and reloads when the file changes on disk (a flight-recorder snapshot
 * is rewritten in place).
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ProblemItem, TraceSummary } from '../shared/protocol.js';
import { WorkerClient } from './workerClient.js';

/** Wait after the last change on disk before reloading: writers rewrite a file in several steps. */
const RELOAD_DELAY_MS = 300;

export interface TraceDocumentState {
  summary: TraceSummary | undefined;
  /** Root rows of the generation tree (generations read so far). */
  generations: number;
  problems: ProblemItem[];
  eventTypes: string[];
  done: boolean;
  /** Set when the file could not be read at all. */
  failure: string | undefined;
}

export type TraceDocumentChange =
  /** More was read: the summary, maybe problems or event types. */
  | { kind: 'progress'; problemsChanged: boolean; eventTypesChanged: boolean }
  /** The file changed on disk and is being read again from the start. */
  | { kind: 'reloaded' };

export class TraceDocument implements vscode.CustomDocument {
  private worker: WorkerClient | undefined;
  private readonly changeEmitter = new vscode.EventEmitter<TraceDocumentChange>();
  readonly onDidChange = this.changeEmitter.event;
  private readonly disposeEmitter = new vscode.EventEmitter<void>();
  readonly onDidDispose = this.disposeEmitter.event;
  private readonly watcher: vscode.FileSystemWatcher;
  private reloadTimer: NodeJS.Timeout | undefined;
  private finishProgress: (() => void) | undefined;
  private disposed = false;
  state: TraceDocumentState = emptyState();

  constructor(
    readonly uri: vscode.Uri,
    private readonly workerScript: string,
  ) {
    const dir = vscode.Uri.file(path.dirname(uri.fsPath));
    this.watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(dir, path.basename(uri.fsPath)));
    const onDisk = (): void => this.scheduleReload();
    this.watcher.onDidChange(onDisk);
    this.watcher.onDidCreate(onDisk);
    this.start();
  }

  get fileName(): string {
    return path.basename(this.uri.fsPath);
  }

  /** The running parse worker (requests go to it); undefined once disposed. */
  get client(): WorkerClient | undefined {
    return this.worker;
  }

  /** Reads the file again from the start. */
  reload(): void {
    if (this.disposed) return;
    void this.worker?.stop();
    this.finishProgress?.();
    this.state = emptyState();
    this.start();
    this.changeEmitter.fire({ kind: 'reloaded' });
  }

  private scheduleReload(): void {
    if (this.reloadTimer) clearTimeout(this.reloadTimer);
    this.reloadTimer = setTimeout(() => this.reload(), RELOAD_DELAY_MS);
  }

  private start(): void {
    const maxProblems = vscode.workspace.getConfiguration('goTrace').get<number>('maxProblems', 500);
    const worker: WorkerClient = new WorkerClient(
      this.workerScript,
      { path: this.uri.fsPath, fileName: this.fileName, maxProblems: clampMaxProblems(maxProblems) },
      {
        onProgress: (summary, generations, problems, eventTypes, done) => {
          if (worker !== this.worker) return;
          this.state.summary = summary;
          this.state.generations = generations;
          this.state.done = done;
          if (problems) this.state.problems = problems;
          if (eventTypes) this.state.eventTypes = eventTypes;
          this.reportProgress(summary);
          this.changeEmitter.fire({ kind: 'progress', problemsChanged: problems !== undefined, eventTypesChanged: eventTypes !== undefined });
        },
        onFailed: (message) => {
          if (worker !== this.worker) return;
          this.state.failure = message;
          this.state.done = true;
          this.finishProgress?.();
          this.changeEmitter.fire({ kind: 'progress', problemsChanged: false, eventTypesChanged: false });
        },
      },
    );
    this.worker = worker;
    this.showProgress(worker);
  }

  private progressReport: ((parsed: number, size: number) => void) | undefined;

  /** A notification with the bytes read so far; its Cancel stops the worker. */
  private showProgress(worker: WorkerClient): void {
    void vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Reading ${this.fileName}`, cancellable: true },
      (progress, token) =>
        new Promise<void>((resolve) => {
          let last = 0;
          this.progressReport = (parsed, size) => {
            const pct = size > 0 ? (parsed / size) * 100 : 100;
            progress.report({ increment: pct - last, message: `${formatMiB(parsed)} of ${formatMiB(size)}` });
            last = pct;
          };
          this.finishProgress = () => {
            this.progressReport = undefined;
            this.finishProgress = undefined;
            resolve();
          };
          token.onCancellationRequested(() => {
            if (worker !== this.worker) return;
            void worker.stop();
            this.state.done = true;
            this.state.failure = 'Reading was cancelled: what was read before is shown.';
            this.finishProgress?.();
            this.changeEmitter.fire({ kind: 'progress', problemsChanged: false, eventTypesChanged: false });
          });
        }),
    );
  }

  private reportProgress(summary: TraceSummary): void {
    this.progressReport?.(summary.parsedBytes, summary.fileSize);
    if (summary.done) this.finishProgress?.();
  }

  /**
   * The last editor of the file closed: the worker thread ends (its model, caches and index go
   * with it) and nothing here keeps what it sent.
   */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    if (this.reloadTimer) clearTimeout(this.reloadTimer);
    this.finishProgress?.();
    void this.worker?.stop();
    this.worker = undefined;
    this.progressReport = undefined;
    this.state = emptyState();
    this.watcher.dispose();
    this.disposeEmitter.fire();
    this.disposeEmitter.dispose();
    this.changeEmitter.dispose();
  }
}

function emptyState(): TraceDocumentState {
  return { summary: undefined, generations: 0, problems: [], eventTypes: [], done: false, failure: undefined };
}

function formatMiB(n: number): string {
  return `${(n / (1024 * 1024)).toFixed(1)} MiB`;
}

/** The maxProblems setting, within sane bounds whatever the user typed. */
export function clampMaxProblems(n: unknown): number {
  return typeof n === 'number' && Number.isFinite(n) ? Math.min(Math.max(Math.trunc(n), 1), 100_000) : 500;
}
