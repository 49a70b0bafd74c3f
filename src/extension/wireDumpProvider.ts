/**
 * The wire dump as read-only text documents (scheme go-trace-wire), one window of it each: what
 * `go-trace wire` prints for the trace, a window of lines at a time, so the document comes fast
 * wherever its events are in the file. The trace's parse worker builds each window (nothing
 * reads the trace on this thread); this side caches the texts of the open windows, places the
 * cursor, and moves between windows ("Show earlier events" and "Show later events", code lenses
 * on the first and last lines).
 */
import * as vscode from 'vscode';
import type { WirePlace, WireWindowResult } from './model/wireDumpService.js';
import type { WorkerClient } from './workerClient.js';
import { traceOfWireDump, windowStartOf, wireDumpUri, WIRE_DUMP_SCHEME } from './wireDumpUri.js';

export const EARLIER_COMMAND = 'goTrace.wireDumpEarlier';
export const LATER_COMMAND = 'goTrace.wireDumpLater';

/** The parse worker of a trace open in the viewer, if it is. */
export type WorkerLookup = (trace: vscode.Uri) => WorkerClient | undefined;

export class WireDumpProvider implements vscode.TextDocumentContentProvider, vscode.CodeLensProvider, vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changeEmitter.event;
  private readonly lensEmitter = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.lensEmitter.event;
  /** Windows by document URI; dropped when the document closes. */
  private readonly windows = new Map<string, Promise<WireWindowResult | string>>();
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(private readonly workerFor: WorkerLookup) {
    this.subscriptions.push(
      vscode.workspace.onDidCloseTextDocument((d) => {
        if (d.uri.scheme === WIRE_DUMP_SCHEME) this.windows.delete(d.uri.toString());
      }),
      vscode.languages.registerCodeLensProvider({ scheme: WIRE_DUMP_SCHEME }, this),
      vscode.commands.registerCommand(EARLIER_COMMAND, (uri?: unknown) => this.move(uri, 'earlier')),
      vscode.commands.registerCommand(LATER_COMMAND, (uri?: unknown) => this.move(uri, 'later')),
    );
  }

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const w = await this.windowOf(uri);
    return typeof w === 'string' ? w : w.text;
  }

  async provideCodeLenses(doc: vscode.TextDocument): Promise<vscode.CodeLens[]> {
    const w = await this.windows.get(doc.uri.toString());
    if (!w || typeof w === 'string') return [];
    const lenses: vscode.CodeLens[] = [];
    const top = new vscode.Range(0, 0, 0, 0);
    if (!w.atStart) lenses.push(new vscode.CodeLens(top, { title: '$(arrow-up) Show earlier events', command: EARLIER_COMMAND, arguments: [doc.uri] }));
    if (w.cutAt !== undefined) {
      // The cut line is the last one (the text ends with a newline).
      const last = Math.max(0, doc.lineCount - (doc.lineAt(doc.lineCount - 1).text === '' ? 2 : 1));
      lenses.push(
        new vscode.CodeLens(new vscode.Range(last, 0, last, 0), {
          title: `$(arrow-down) Show later events (from byte ${w.cutAt})`,
          command: LATER_COMMAND,
          arguments: [doc.uri],
        }),
      );
    }
    return lenses;
  }

  /** The trace changed on disk: its open windows are built again. */
  traceChanged(trace: vscode.Uri): void {
    const key = trace.toString();
    for (const d of vscode.workspace.textDocuments) {
      if (d.uri.scheme !== WIRE_DUMP_SCHEME || traceOfWireDump(d.uri)?.toString() !== key) continue;
      this.windows.delete(d.uri.toString());
      this.changeEmitter.fire(d.uri);
    }
  }

  /** Opens the window of the dump holding the event at `offset` beside the viewer, with its line selected. */
  async show(trace: vscode.Uri, offset?: number): Promise<void> {
    const place: WirePlace = offset === undefined ? { kind: 'start', offset: 0 } : { kind: 'around', offset };
    await this.open(trace, place, vscode.ViewColumn.Beside);
  }

  /** The window before or after the one shown in `uri` (or the active editor), in the same editor. */
  private async move(arg: unknown, way: 'earlier' | 'later'): Promise<void> {
    const uri = arg instanceof vscode.Uri ? arg : vscode.window.activeTextEditor?.document.uri;
    const trace = uri && traceOfWireDump(uri);
    if (!uri || !trace) return;
    const w = await this.windowOf(uri);
    if (typeof w === 'string') return;
    const column = vscode.window.activeTextEditor?.viewColumn ?? vscode.ViewColumn.Active;
    if (way === 'earlier' && !w.atStart) await this.open(trace, { kind: 'before', offset: w.start }, column);
    if (way === 'later' && w.cutAt !== undefined) await this.open(trace, { kind: 'start', offset: w.cutAt }, column, 1);
  }

  private async open(trace: vscode.Uri, place: WirePlace, viewColumn: vscode.ViewColumn, line?: number): Promise<void> {
    const client = this.workerFor(trace);
    if (!client) {
      void vscode.window.showInformationMessage('Go Trace: open the trace in the Go Trace Viewer first; its parse worker builds the wire dump.');
      return;
    }
    let w: WireWindowResult;
    try {
      // Quick, unless the worker is in the middle of reading a generation: say so in the status bar.
      w = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'Go Trace: wire dump…' }, () => client.request('wireWindow', { place }));
    } catch (e) {
      void vscode.window.showErrorMessage(`Go Trace: the wire dump could not be built: ${e instanceof Error ? e.message : String(e)}`);
      return;
    }
    const uri = wireDumpUri(trace, w.atStart ? undefined : w.start);
    const key = uri.toString();
    // The document asks for its text next: it is this window's (unless that document is open already).
    if (!this.windows.has(key)) this.windows.set(key, Promise.resolve(w));
    const doc = await vscode.workspace.openTextDocument(uri);
    const at = Math.min(line ?? w.line, doc.lineCount - 1);
    const range = new vscode.Range(at, 0, at, doc.lineAt(at).text.length);
    await vscode.window.showTextDocument(doc, { viewColumn, preview: true, selection: range });
    this.lensEmitter.fire();
  }

  private windowOf(uri: vscode.Uri): Promise<WireWindowResult | string> {
    const key = uri.toString();
    let w = this.windows.get(key);
    if (!w) {
      const fetched = this.fetch(uri);
      this.windows.set(key, fetched);
      // A line saying why there is no window is not kept: the next look may find the worker.
      void fetched.then((r) => {
        if (typeof r === 'string' && this.windows.get(key) === fetched) this.windows.delete(key);
      });
      w = fetched;
    }
    return w;
  }

  /** The window a document's URI names, from the trace's worker; a line saying why not otherwise. */
  private async fetch(uri: vscode.Uri): Promise<WireWindowResult | string> {
    const trace = traceOfWireDump(uri);
    if (!trace || trace.scheme !== 'file') return `# not a wire dump of a local trace file: ${uri.toString()}\n`;
    const client = this.workerFor(trace);
    const name = trace.path.slice(trace.path.lastIndexOf('/') + 1);
    if (!client) {
      return `# the wire dump of ${name} is built by the Go Trace Viewer: open ${trace.fsPath} in it, then Show Wire Dump\n`;
    }
    try {
      return await client.request('wireWindow', { place: { kind: 'start', offset: windowStartOf(uri) } });
    } catch (e) {
      return `# the wire dump of ${name} could not be built: ${e instanceof Error ? e.message : String(e)}\n`;
    }
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.changeEmitter.dispose();
    this.lensEmitter.dispose();
  }
}
