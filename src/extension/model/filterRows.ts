/**
 * A filter match's row: the event's own row, its description led by the goroutine, proc and
 * thread it runs on (Go's Event.Goroutine(), Proc(), Thread()), and a tooltip that says where
 * they come from. "G ?" is a wire event whose generation was not ordered again for this page.
 */
import type { TreeNode } from '../../shared/protocol.js';

export interface RowContext {
  /** undefined: not known; -1: none. */
  g: number | undefined;
  p: number | undefined;
  m: number | undefined;
}

const SOURCES = {
  ordered: 'G, P and M: the goroutine, proc and thread the event runs on, from the ordered events',
  wire: 'G ? and P ?: the goroutine and proc a wire event runs on come from ordering its generation again, done for the first generation of each page only (0.3 s at most); M is the thread that wrote its batch',
  v1: 'G, P and M: the goroutine running on the batch\'s P at the event, the P, and the thread that last started it',
} as const;

export type ContextSource = keyof typeof SOURCES;

const part = (v: number | undefined, prefix: string): string => (v === undefined || Number.isNaN(v) ? `${prefix} ?` : v < 0 ? `no ${prefix}` : `${prefix} ${v}`);

/** "G 5  P 2  M 7", with "?" for what is not known and "no G" for none. */
export function contextText(c: RowContext): string {
  return `${part(c.g, 'G')}  ${part(c.p, 'P')}  ${part(c.m, 'M')}`;
}

/** The row with its context after its time (a description starting "+time"), and the generation in the tooltip. */
export function contextRow(row: TreeNode, genNumber: number, c: RowContext, source: ContextSource): TreeNode {
  const d = row.description ?? '';
  const cut = d.startsWith('+') ? d.indexOf('  ') : 0;
  const [time, rest] = cut > 0 ? [d.slice(0, cut), d.slice(cut + 2)] : d.startsWith('+') ? [d, ''] : ['', d];
  row.description = [time, contextText(c), rest].filter(Boolean).join('  ');
  row.tooltip = [row.tooltip, `generation ${genNumber}`, SOURCES[source]].filter(Boolean).join('\n');
  return row;
}
