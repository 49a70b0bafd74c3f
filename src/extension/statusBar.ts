/**
 * A status bar item for the active trace editor: its reading progress, then its generations and
 * problems (statusText.ts); a click shows the Problems panel. Hidden when no trace editor is the
 * active editor.
 */
import * as vscode from 'vscode';
import type { TraceDocument } from './traceDocument.js';
import type { TraceEditorProvider } from './traceEditorProvider.js';
import { traceStatusText } from './statusText.js';

export class TraceStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('goTrace.status', vscode.StatusBarAlignment.Left, 50);
  private readonly subscriptions: vscode.Disposable[] = [];
  private shown: TraceDocument | undefined;
  private documentSubscription: vscode.Disposable | undefined;

  constructor(private readonly provider: TraceEditorProvider) {
    this.item.name = 'Go Trace Viewer';
    this.item.command = 'workbench.actions.view.problems';
    this.subscriptions.push(provider.onDidChangeActivePanel(() => this.follow()));
    this.follow();
  }

  /** Shows the active trace editor's document, or hides. */
  private follow(): void {
    const doc = this.provider.focusedController?.document;
    if (doc !== this.shown) {
      this.documentSubscription?.dispose();
      this.documentSubscription = doc?.onDidChange(() => this.render());
      this.shown = doc;
    }
    this.render();
  }

  private render(): void {
    const doc = this.shown;
    if (!doc) {
      this.item.hide();
      return;
    }
    const { text, tooltip } = traceStatusText({ fileName: doc.fileName, summary: doc.state.summary, done: doc.state.done, failure: doc.state.failure });
    this.item.text = text;
    this.item.tooltip = tooltip;
    this.item.show();
  }

  dispose(): void {
    this.documentSubscription?.dispose();
    for (const s of this.subscriptions) s.dispose();
    this.item.dispose();
  }
}
