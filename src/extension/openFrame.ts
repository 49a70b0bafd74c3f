/** Opens a stack frame's source file beside the viewer, with its line selected and revealed. */
import * as vscode from 'vscode';
import type { FrameRef } from '../shared/protocol.js';
import { resolveSourcePath } from './source/resolveSourcePath.js';

export async function openFrame(frame: FrameRef, viewerColumn: vscode.ViewColumn | undefined): Promise<void> {
  // resolveSourcePath asks the user to locate the file when no rule finds it; undefined: gave up.
  const uri = await resolveSourcePath(frame);
  if (!uri) return;
  const doc = await vscode.workspace.openTextDocument(uri);
  const line = Math.min(Math.max(frame.line - 1, 0), Math.max(doc.lineCount - 1, 0));
  const range = doc.lineAt(line).range;
  const editor = await vscode.window.showTextDocument(doc, {
    viewColumn: viewerColumn === undefined ? vscode.ViewColumn.Beside : besideOf(viewerColumn),
    preview: true,
    selection: range,
  });
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

function besideOf(column: vscode.ViewColumn): vscode.ViewColumn {
  return column === vscode.ViewColumn.One ? vscode.ViewColumn.Two : vscode.ViewColumn.Beside;
}
