/**
 * The custom read-only editor for Go traces (viewType goTrace.viewer). VS Code asks it for one
 * TraceDocument per file and one panel per editor; it wires panels to documents, documents to the
 * Problems panel, and keeps track of the active panel for the commands.
 */
import * as vscode from 'vscode';
import type { FrameRef } from '../shared/protocol.js';
import type { TraceDiagnostics } from './diagnostics.js';
import { openFrame } from './openFrame.js';
import type { RevealTarget } from './problemMapping.js';
import { TraceDocument } from './traceDocument.js';
import { WebviewPanelController, type PanelServices } from './webviewPanelController.js';
import { getWebviewHtml, WEBVIEW_RESOURCE_DIRS } from './webviewHtml.js';
import type { WireDumpProvider } from './wireDumpProvider.js';

/** The default editor of *.trace files. */
export const VIEW_TYPE = 'goTrace.viewer';
/** The same editor for other names (trace.out), offered in "Reopen Editor With…". */
export const OTHER_FILES_VIEW_TYPE = 'goTrace.viewer.other';

/** How long a reveal waits for the trace to be read far enough. */
const REVEAL_WAIT_MS = 30_000;

export class TraceEditorProvider implements vscode.CustomReadonlyEditorProvider<TraceDocument>, PanelServices {
  private readonly documents = new Map<string, TraceDocument>();
  private readonly controllers = new Set<WebviewPanelController>();
  private active: WebviewPanelController | undefined;
  private readonly activeEmitter = new vscode.EventEmitter<void>();
  /** A panel became active or inactive, or one closed (the status bar follows). */
  readonly onDidChangeActivePanel = this.activeEmitter.event;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly diagnostics: TraceDiagnostics,
    private readonly wireDumps: WireDumpProvider,
  ) {}

  async openCustomDocument(uri: vscode.Uri): Promise<TraceDocument> {
    if (uri.scheme !== 'file') throw new Error(`Go Trace Viewer reads local files only, not ${uri.scheme}: URIs`);
    const doc = new TraceDocument(uri, vscode.Uri.joinPath(this.extensionUri, 'dist', 'parseWorker.js').fsPath);
    const key = uri.toString();
    this.documents.set(key, doc);
    let notATraceShown = false;
    doc.onDidChange((c) => {
      if (c.kind === 'reloaded') {
        this.wireDumps.traceChanged(uri);
        return;
      }
      if (c.problemsChanged) this.diagnostics.update(uri, doc.state.problems);
      const s = doc.state.summary;
      if (!notATraceShown && s?.done && s.formatVersion === undefined && s.banner) {
        notATraceShown = true;
        void this.offerOpenAsText(uri, s.banner.text);
      }
    });
    doc.onDidDispose(() => {
      // The last editor of the document closed: its problems go too.
      this.diagnostics.clear(uri);
      if (this.documents.get(key) === doc) this.documents.delete(key);
    });
    return doc;
  }

  async resolveCustomEditor(document: TraceDocument, panel: vscode.WebviewPanel): Promise<void> {
    panel.webview.options = {
      enableScripts: true,
      localResourceRoots: WEBVIEW_RESOURCE_DIRS.map((d) => vscode.Uri.joinPath(this.extensionUri, d)),
    };
    panel.webview.html = getWebviewHtml(panel.webview, this.extensionUri, undefined, document.fileName);
    const controller = new WebviewPanelController(document, panel, this);
    this.controllers.add(controller);
    if (panel.active) this.active = controller;
    this.activeEmitter.fire();
    panel.onDidChangeViewState(() => {
      if (panel.active) this.active = controller;
      this.activeEmitter.fire();
    });
    panel.onDidDispose(() => {
      controller.dispose();
      this.controllers.delete(controller);
      if (this.active === controller) this.active = undefined;
      this.activeEmitter.fire();
    });
  }

  /** The trace panel that is the active editor now, if one is (the status bar's). */
  get focusedController(): WebviewPanelController | undefined {
    if (this.active?.panel.active) return this.active;
    for (const c of this.controllers) if (c.panel.active) return c;
    return undefined;
  }

  /** Open trace documents (one per file, whatever the number of editors). */
  get openDocuments(): number {
    return this.documents.size;
  }

  dispose(): void {
    this.activeEmitter.dispose();
  }

  /** The panel the user looked at last (for the commands). */
  get activeController(): WebviewPanelController | undefined {
    return this.active;
  }

  /** A panel showing this trace, preferring the active one. */
  controllerFor(uri: vscode.Uri): WebviewPanelController | undefined {
    const key = uri.toString();
    if (this.active?.document.uri.toString() === key) return this.active;
    for (const c of this.controllers) if (c.document.uri.toString() === key) return c;
    return undefined;
  }

  /** Opens the trace in the viewer if needed, then selects the target's row. */
  async reveal(t: RevealTarget): Promise<void> {
    let uri: vscode.Uri;
    try {
      uri = vscode.Uri.parse(t.file, true);
    } catch {
      return;
    }
    let controller = this.controllerFor(uri);
    if (controller) controller.panel.reveal(controller.panel.viewColumn, false);
    else {
      await vscode.commands.executeCommand('vscode.openWith', uri, VIEW_TYPE);
      controller = await this.waitFor(() => this.controllerFor(uri));
    }
    if (!controller) return;
    const c = controller;
    // The row exists only once its generation has been read.
    const location = await this.waitFor(async () => {
      const client = c.document.client;
      if (!client) return undefined;
      const loc = t.node ? await client.request('pathTo', { nodeId: t.node }) : await client.request('locateOffset', { offset: t.offset });
      if (loc) return loc;
      return c.document.state.done ? ((await client.request('locateOffset', { offset: t.offset })) ?? undefined) : undefined;
    }, () => c.document.state.done);
    if (location) await c.reveal(location);
  }

  /** Polls `get` until it gives a value, `stop` says there is no point, or the time is up. */
  private async waitFor<T>(get: () => T | undefined | Promise<T | undefined>, stop: () => boolean = () => false): Promise<T | undefined> {
    const until = Date.now() + REVEAL_WAIT_MS;
    for (;;) {
      const v = await get();
      if (v !== undefined || stop() || Date.now() > until) return v;
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  // ---- PanelServices -----------------------------------------------------------------------

  openFrame(frame: FrameRef, viewerColumn: vscode.ViewColumn | undefined): Promise<void> {
    return openFrame(frame, viewerColumn);
  }

  showWireDump(trace: vscode.Uri, offset?: number): Promise<void> {
    return this.wireDumps.show(trace, offset);
  }

  async openAsText(trace: vscode.Uri): Promise<void> {
    await vscode.commands.executeCommand('vscode.openWith', trace, 'default');
  }

  private async offerOpenAsText(uri: vscode.Uri, why: string): Promise<void> {
    const choice = await vscode.window.showWarningMessage(why, 'Open as Text');
    if (choice === 'Open as Text') await this.openAsText(uri);
  }
}
