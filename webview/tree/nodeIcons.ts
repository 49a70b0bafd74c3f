/** Which codicon a row shows: the host's choice, or one per node kind. */
import type { NodeKind, TreeNode } from '../../src/shared/protocol.js';

const KIND_ICONS: Record<NodeKind, string> = {
  generation: 'layers',
  thread: 'server-process',
  batch: 'package',
  event: 'symbol-event',
  arg: 'symbol-field',
  stack: 'list-tree',
  frame: 'debug-stackframe-dot',
  table: 'table',
  string: 'symbol-string',
  sample: 'pulse',
  info: 'info',
  more: 'ellipsis',
  goroutine: 'symbol-class',
  summaryRoot: 'graph',
  task: 'checklist',
  region: 'symbol-namespace',
  proc: 'circuit-board',
  osThread: 'server-process',
};

export const SEVERITY_ICONS = { error: 'error', warning: 'warning', info: 'info' } as const;

/** The icon name; the host's is used only if it is a plain codicon name (it becomes a class). */
export function iconFor(node: TreeNode): string {
  if (node.icon && /^[a-z0-9-]{1,64}$/.test(node.icon)) return node.icon;
  return KIND_ICONS[node.kind] ?? 'circle-small';
}
