/**
 * What VS Code's webview context menu knows of a row: the data-vscode-context JSON on each row
 * element. Its keys are context keys for the `when` clauses of package.json's webview/context
 * menu (webviewSection, goTraceHasOffset, goTraceTimeline) and the whole object is the argument of the command
 * picked (nodeId, offset, frame: see src/extension/commands.ts). Pure, for the tests.
 */
import type { FrameRef, TreeNode } from '../../src/shared/protocol.js';

export interface RowContext {
  /** 'event' (Copy Event, Show Wire Dump at This Event, Go to Source), 'frame' (Go to Source), 'row'. */
  webviewSection: 'event' | 'frame' | 'row';
  nodeId: string;
  offset?: number;
  goTraceHasOffset?: boolean;
  /** The row has a place on the timeline (Show in Timeline). */
  goTraceTimeline?: boolean;
  frame?: FrameRef;
  /** No Cut/Copy/Paste on rows: they hold no editable text. */
  preventDefaultContextMenuItems: true;
}

/** Rows with a place on the timeline: events, goroutines, procs, threads, tasks, regions. */
const TIMELINE_KINDS: ReadonlySet<TreeNode['kind']> = new Set(['event', 'goroutine', 'proc', 'osThread', 'task', 'region']);

export function rowContext(node: TreeNode): RowContext {
  const c: RowContext = {
    webviewSection: node.kind === 'event' ? 'event' : node.frame ? 'frame' : 'row',
    nodeId: node.id,
    preventDefaultContextMenuItems: true,
  };
  if (node.offset !== undefined) {
    c.offset = node.offset;
    c.goTraceHasOffset = true;
  }
  if (TIMELINE_KINDS.has(node.kind)) c.goTraceTimeline = true;
  if (node.frame) c.frame = { func: node.frame.func, file: node.frame.file, line: node.frame.line };
  return c;
}

/** For rows still loading. */
export const PLACEHOLDER_CONTEXT = JSON.stringify({ preventDefaultContextMenuItems: true });
