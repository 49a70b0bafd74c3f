/**
 * The commands of package.json's contributes.commands: Open Trace File…, Show Wire Dump, Copy
 * Event, Go to Byte Offset…, goTrace.revealProblem (the target of the problem links), and those
 * of a row's context menu in the viewer (Copy Event, Show Wire Dump at This Event, Go to Source,
 * Show in Timeline),
 * which get the row's data-vscode-context (webview/tree/rowContext.ts) as their argument.
 */
import * as vscode from 'vscode';
import { parseRevealArgument } from './problemMapping.js';
import { REVEAL_COMMAND } from './diagnostics.js';
import { parseByteOffset } from './byteOffsetInput.js';
import { TraceEditorProvider, VIEW_TYPE } from './traceEditorProvider.js';
import type { FrameRef } from '../shared/protocol.js';

/** What a row's context menu passes (or undefined for another caller). */
interface RowArgument {
  nodeId?: string;
  offset?: number;
  frame?: FrameRef;
}

/** The row of a context menu's argument, checked: it comes from the webview. */
export function rowArgument(arg: unknown): RowArgument | undefined {
  if (typeof arg !== 'object' || arg === null || arg instanceof vscode.Uri) return undefined;
  const a = arg as Record<string, unknown>;
  const row: RowArgument = {};
  if (typeof a.nodeId === 'string' && a.nodeId.length <= 200) row.nodeId = a.nodeId;
  if (typeof a.offset === 'number' && Number.isSafeInteger(a.offset) && a.offset >= 0) row.offset = a.offset;
  const f = a.frame as Record<string, unknown> | undefined;
  if (f && typeof f.func === 'string' && typeof f.file === 'string' && typeof f.line === 'number' && Number.isSafeInteger(f.line)) row.frame = { func: f.func, file: f.file, line: f.line };
  return row.nodeId !== undefined || row.offset !== undefined || row.frame ? row : undefined;
}

export function registerCommands(provider: TraceEditorProvider): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand('goTrace.openTraceFile', async () => {
      const picked = await vscode.window.showOpenDialog({
        canSelectMany: false,
        openLabel: 'Open Trace',
        title: 'Open a Go execution trace',
        filters: { 'Go execution traces': ['trace', 'out'], 'All files': ['*'] },
      });
      if (picked?.[0]) await vscode.commands.executeCommand('vscode.openWith', picked[0], VIEW_TYPE);
    }),

    vscode.commands.registerCommand('goTrace.showWireDump', (arg?: unknown) => showWireDump(provider, arg)),
    // The context menu's "Show Wire Dump at This Event": the same, at the row it was opened on.
    vscode.commands.registerCommand('goTrace.showWireDumpAtEvent', (arg?: unknown) => showWireDump(provider, arg)),

    vscode.commands.registerCommand('goTrace.copyEvent', async (arg?: unknown) => {
      const c = provider.activeController;
      const nodeId = typeof arg === 'string' ? arg : rowArgument(arg)?.nodeId;
      const copied = c ? await c.copyEvent(nodeId) : false;
      if (!copied) void vscode.window.showInformationMessage('Go Trace: select an event in the viewer first.');
    }),

    vscode.commands.registerCommand('goTrace.goToSource', async (arg?: unknown) => {
      const c = provider.activeController;
      const row = rowArgument(arg);
      const nodeId = row?.nodeId ?? c?.selectedNodeId;
      const frame = row?.frame ?? (c && nodeId ? await c.firstFrame(nodeId) : undefined);
      if (!c || !frame) {
        void vscode.window.showInformationMessage(nodeId ? 'Go Trace: this event has no stack.' : 'Go Trace: select an event in the viewer first.');
        return;
      }
      await c.openFrame(frame);
    }),

    vscode.commands.registerCommand('goTrace.showTimeline', () => {
      const c = provider.activeController;
      if (!c) {
        void vscode.window.showInformationMessage('Go Trace: open a trace in the Go Trace Viewer first.');
        return;
      }
      c.post({ type: 'showTimeline' });
    }),

    // A row's context menu, or the palette for the selected row: the timeline at that row.
    vscode.commands.registerCommand('goTrace.showInTimeline', (arg?: unknown) => {
      const c = provider.activeController;
      const nodeId = rowArgument(arg)?.nodeId ?? c?.selectedNodeId;
      if (!c || !nodeId) {
        void vscode.window.showInformationMessage('Go Trace: select a row in the viewer first.');
        return;
      }
      c.post({ type: 'showTimeline', nodeId });
    }),

    vscode.commands.registerCommand('goTrace.goToByteOffset', async () => {
      const c = provider.activeController;
      const client = c?.document.client;
      if (!c || !client) {
        void vscode.window.showInformationMessage('Go Trace: open a trace in the Go Trace Viewer first.');
        return;
      }
      const size = c.document.state.summary?.fileSize ?? 0;
      const input = await vscode.window.showInputBox({
        title: 'Go to Byte Offset',
        prompt: `A byte offset in ${c.document.fileName} (0 to ${Math.max(0, size - 1)}), decimal or 0x hex`,
        validateInput: (v) => {
          const r = parseByteOffset(v, size);
          return typeof r === 'string' ? r : undefined;
        },
      });
      if (input === undefined) return;
      const offset = parseByteOffset(input, size);
      if (typeof offset === 'string') return;
      const location = await client.request('locateOffset', { offset });
      if (!location) {
        void vscode.window.showInformationMessage(`Go Trace: byte ${offset} is not inside a generation that was read (the header, or past where reading stopped).`);
        return;
      }
      await c.reveal(location);
    }),

    vscode.commands.registerCommand(REVEAL_COMMAND, async (arg?: unknown) => {
      const target = parseRevealArgument(arg);
      if (target) await provider.reveal(target);
    }),
  ];
}

/**
 * Show Wire Dump: of a trace (a URI argument), or of the active viewer's trace, at the row a
 * context menu was opened on (its offset, or the one its details give), else at the selected row.
 */
async function showWireDump(provider: TraceEditorProvider, arg: unknown): Promise<void> {
  const c = provider.activeController;
  const trace = arg instanceof vscode.Uri ? arg : c?.document.uri;
  if (!trace) {
    void vscode.window.showInformationMessage('Go Trace: open a trace in the Go Trace Viewer first.');
    return;
  }
  const same = c !== undefined && c.document.uri.toString() === trace.toString();
  const row = rowArgument(arg);
  let offset = same ? c.selectedOffset : undefined;
  if (same && row) offset = row.offset ?? (row.nodeId ? await c.offsetOf(row.nodeId) : undefined) ?? offset;
  await provider.showWireDump(trace, offset);
}
