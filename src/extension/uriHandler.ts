/**
 * Handles vscode://<publisher>.<name>/reveal?file=...&offset=...&node=... (the links of the
 * Problems panel's codes): opens the trace if needed and reveals the row.
 */
import * as vscode from 'vscode';
import { parseRevealQuery, type RevealTarget } from './problemMapping.js';

export class RevealUriHandler implements vscode.UriHandler {
  constructor(private readonly reveal: (t: RevealTarget) => Promise<void>) {}

  async handleUri(uri: vscode.Uri): Promise<void> {
    if (uri.path !== '/reveal') return;
    const target = parseRevealQuery(uri.query);
    if (!target) {
      void vscode.window.showWarningMessage(`Go Trace: this link does not name a trace and a byte offset: ${uri.toString()}`);
      return;
    }
    await this.reveal(target);
  }
}
