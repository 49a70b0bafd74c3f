/**
 * The webview's handle on VS Code: posting messages to the host and the state VS Code keeps for
 * us while the tab is hidden. acquireVsCodeApi may be called only once per page, so every
 * module gets the API from here. The dev page (webview/dev/) defines acquireVsCodeApi itself.
 */
import type { WebviewMessage } from '../src/shared/rpc.js';

export interface VsCodeApi {
  postMessage(message: WebviewMessage): void;
  getState(): unknown;
  setState(state: unknown): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

let api: VsCodeApi | undefined;

export function vscodeApi(): VsCodeApi {
  api ??= acquireVsCodeApi();
  return api;
}
