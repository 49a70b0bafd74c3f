/**
 * The wire dump as a read-only text document (scheme go-trace-wire): what `go-trace wire` prints
 * for the trace, with the map from byte offsets to lines that "Show Wire Dump", "Go to Byte
 * Offset" and the problem links use to land on the exact line.
 */
import * as vscode from 'vscode';
import { openFileSource } from '../node/fileSource.js';
import { buildWireDump, WireLineMap, type WireDump } from './model/wireDumpText.js';
import { traceOfWireDump, wireDumpUri, WIRE_DUMP_SCHEME } from './wireDumpUri.js';

export class WireDumpProvider implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changeEmitter.event;
  /** Built dumps by wire dump URI; dropped when the document closes. */
  private readonly dumps = new Map<string, Promise<WireDump>>();
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor() {
    this.subscriptions.push(
      vscode.workspace.onDidCloseTextDocument((d) => {
        if (d.uri.scheme === WIRE_DUMP_SCHEME) this.dumps.delete(d.uri.toString());
      }),
    );
  }

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    return (await this.dump(uri)).text;
  }

  /** The trace changed on disk: rebuild its dump if it is open. */
  traceChanged(trace: vscode.Uri): void {
    const uri = wireDumpUri(trace);
    if (this.dumps.delete(uri.toString())) this.changeEmitter.fire(uri);
  }

  /** Opens the dump of a trace beside the viewer, with the line of `offset` selected. */
  async show(trace: vscode.Uri, offset?: number): Promise<void> {
    const uri = wireDumpUri(trace);
    const doc = await vscode.workspace.openTextDocument(uri);
    const line = offset === undefined ? 0 : (await this.dump(uri)).map.lineOf(offset);
    const range = new vscode.Range(line, 0, line, doc.lineAt(Math.min(line, doc.lineCount - 1)).text.length);
    await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside, preview: true, selection: range });
  }

  private dump(uri: vscode.Uri): Promise<WireDump> {
    const key = uri.toString();
    let d = this.dumps.get(key);
    if (!d) {
      d = this.build(uri);
      this.dumps.set(key, d);
    }
    return d;
  }

  private async build(uri: vscode.Uri): Promise<WireDump> {
    const trace = traceOfWireDump(uri);
    if (!trace || trace.scheme !== 'file') {
      return { text: `# not a wire dump of a local trace file: ${uri.toString()}\n`, map: new WireLineMap() };
    }
    let source;
    try {
      source = await openFileSource(trace.fsPath);
    } catch (e) {
      return { text: `# cannot read ${trace.fsPath}: ${e instanceof Error ? e.message : String(e)}\n`, map: new WireLineMap() };
    }
    try {
      return await buildWireDump(source, { withText: true, fileName: trace.path.slice(trace.path.lastIndexOf('/') + 1) });
    } finally {
      await source.close?.();
    }
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.changeEmitter.dispose();
  }
}
