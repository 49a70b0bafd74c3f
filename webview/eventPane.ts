/**
 * What the event pane shows for a row of the generation tree: which rows have an event tree
 * (events of a batch, of a filter's matches, and of a goroutine, proc or thread under the summary
 * roots), and the pane's title. Pure: no DOM, so the tests run it directly.
 */
import type { NodeKind, TreeNode } from '../src/shared/protocol.js';

/** Rows under which the summary roots list events (their parent names whose events they are). */
const EVENT_OWNERS: ReadonlySet<NodeKind> = new Set<NodeKind>(['goroutine', 'proc', 'osThread']);

/** Whether selecting the row asks the host for an event tree. */
export function hasEventDetails(node: TreeNode | undefined): node is TreeNode {
  return node?.kind === 'event';
}

/**
 * The text after the pane's "Event" heading: " — GoStart", and for an event listed under a
 * goroutine, proc or thread, whose it is: " — GoStart · G 5  main.worker". Trace text: set as text.
 */
export function eventPaneTitle(event: TreeNode | undefined, parent: TreeNode | undefined): string {
  if (!hasEventDetails(event)) return '';
  const owner = parent && EVENT_OWNERS.has(parent.kind) ? ` · ${parent.label}` : '';
  return ` — ${event.label}${owner}`;
}
