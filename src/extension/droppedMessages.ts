/**
 * Where the host logs a webview message it dropped (malformed: see webviewMessages.ts): the
 * "Go Trace Viewer" log channel, made on the first drop, so a clean session has none.
 */
import * as vscode from 'vscode';

let channel: vscode.LogOutputChannel | undefined;

export function logDroppedMessage(reason: string): void {
  channel ??= vscode.window.createOutputChannel('Go Trace Viewer', { log: true });
  channel.warn(`dropped a message from the webview: ${reason}`);
}
