/**
 * What the event pane shows for a row of the generation tree: which rows have an event tree
 * (events of a batch, of a filter's matches, and of a goroutine, proc or thread under the summary
 * roots), what it shows for any other row until (or unless) the host describes it better, and the
 * pane's title. Pure: no DOM, so the tests run it directly.
 */
import type { NodeKind, TreeNode } from '../src/shared/protocol.js';

/** Rows under which the summary roots list events (their parent names whose events they are). */
const EVENT_OWNERS: ReadonlySet<NodeKind> = new Set<NodeKind>(['goroutine', 'proc', 'osThread']);

/** Whether selecting the row asks the host for an event tree. */
export function hasEventDetails(node: TreeNode | undefined): node is TreeNode {
  return node?.kind === 'event';
}

/**
 * The pane's rows for a row that is not an event, from the row itself: its label and description,
 * each line of its tooltip, its byte offset. The host may answer with better ones (nodeDetails).
 * Trace text: rendered as text.
 */
export function rowDetails(node: TreeNode): TreeNode[] {
  const rows: { label: string; description?: string; offset?: number }[] = [{ label: node.label, ...(node.description ? { description: node.description } : {}) }];
  for (const line of (node.tooltip ?? '').split('\n')) if (line.trim() !== '') rows.push({ label: line });
  if (node.offset !== undefined) rows.push({ label: 'offset', description: `byte ${node.offset}`, offset: node.offset });
  return rows.map((r, i) => ({ id: `${node.id}#r${i}`, kind: 'info', childCount: 0, ...r }));
}

/**
 * The text after the pane's "Event" heading: " — GoStart", and for an event listed under a
 * goroutine, proc or thread, whose it is: " — GoStart · G 5  main.worker"; for another row, its
 * label: " — batch 4". Trace text: set as text.
 */
export function eventPaneTitle(event: TreeNode | undefined, parent: TreeNode | undefined): string {
  if (!event) return '';
  if (event.kind !== 'event') return ` — ${event.label}`;
  const owner = parent && EVENT_OWNERS.has(parent.kind) ? ` · ${parent.label}` : '';
  return ` — ${event.label}${owner}`;
}
