/**
 * The commands of package.json's contributes.commands: Open Trace File…, Show Wire Dump, Copy
 * Event, Go to Byte Offset…, and goTrace.revealProblem (the target of the problem links).
 */
import * as vscode from 'vscode';
import { parseRevealArgument } from './problemMapping.js';
import { REVEAL_COMMAND } from './diagnostics.js';
import { parseByteOffset } from './byteOffsetInput.js';
import { TraceEditorProvider, VIEW_TYPE } from './traceEditorProvider.js';

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

    vscode.commands.registerCommand('goTrace.showWireDump', async (uri?: unknown) => {
      const c = provider.activeController;
      const trace = uri instanceof vscode.Uri ? uri : c?.document.uri;
      if (!trace) {
        void vscode.window.showInformationMessage('Go Trace: open a trace in the Go Trace Viewer first.');
        return;
      }
      const offset = c && c.document.uri.toString() === trace.toString() ? c.selectedOffset : undefined;
      await provider.showWireDump(trace, offset);
    }),

    vscode.commands.registerCommand('goTrace.copyEvent', async (nodeId?: unknown) => {
      const c = provider.activeController;
      const copied = c ? await c.copyEvent(typeof nodeId === 'string' ? nodeId : undefined) : false;
      if (!copied) void vscode.window.showInformationMessage('Go Trace: select an event in the viewer first.');
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
