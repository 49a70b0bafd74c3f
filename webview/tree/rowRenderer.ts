/**
 * One row element of a virtual tree: built once, then refilled as it is recycled for other rows
 * while scrolling. The attributes follow the webview DOM contract in docs/ARCHITECTURE.md.
 */
import { codicon, el } from '../dom.js';
import { iconFor, SEVERITY_ICONS } from './nodeIcons.js';
import { PLACEHOLDER_CONTEXT, rowContext } from './rowContext.js';
import { isExpandable, type Row } from './treeModel.js';

/** Indentation per level, in px (VS Code's default tree indent is 8 + the twistie). */
export const INDENT_PX = 12;

interface RowParts {
  twistie: HTMLSpanElement;
  icon: HTMLSpanElement;
  label: HTMLSpanElement;
  description: HTMLSpanElement;
  severity: HTMLSpanElement;
  /** What the row shows now, to skip refilling an unchanged row. */
  key: string;
}

const parts = new WeakMap<HTMLElement, RowParts>();

export function createRowElement(): HTMLDivElement {
  const row = el('div', 'tree-row');
  row.setAttribute('role', 'treeitem');
  const p: RowParts = {
    twistie: codicon('blank', 'twistie'),
    icon: codicon('blank', 'kind-icon'),
    label: el('span', 'label'),
    description: el('span', 'description'),
    severity: codicon('blank', 'severity'),
    key: '',
  };
  row.append(p.twistie, p.icon, p.label, p.description, p.severity);
  parts.set(row, p);
  return row;
}

export interface RowState {
  /** DOM id (for aria-activedescendant). */
  domId: string;
  rowIndex: number;
  selected: boolean;
  /** Matched by type-to-find just now. */
  highlighted: boolean;
}

export function fillRow(row: HTMLElement, data: Row, state: RowState): void {
  const p = parts.get(row)!;
  const key = rowKey(data, state);
  if (key === p.key) return;
  p.key = key;

  row.id = state.domId;
  row.dataset.row = String(state.rowIndex);
  row.setAttribute('aria-selected', String(state.selected));
  row.classList.toggle('selected', state.selected);
  row.classList.toggle('found', state.highlighted);

  const depth = data.kind === 'node' ? data.entry.depth : data.depth;
  const posInSet = (data.kind === 'node' ? data.entry.index : data.index) + 1;
  row.setAttribute('aria-level', String(depth));
  row.setAttribute('aria-setsize', String(data.setSize));
  row.setAttribute('aria-posinset', String(posInSet));
  // CSSOM assignment: allowed by the CSP, unlike a style attribute in markup.
  row.style.paddingLeft = `${(depth - 1) * INDENT_PX + 4}px`;

  if (data.kind === 'placeholder') {
    fillPlaceholder(row, p);
    return;
  }
  const node = data.entry.node;
  row.classList.remove('placeholder');
  row.removeAttribute('aria-busy');
  row.dataset.nodeId = node.id;
  row.dataset.kind = node.kind;
  // VS Code's context menu on the row (an attribute value, never markup).
  row.dataset.vscodeContext = JSON.stringify(rowContext(node));
  if (isExpandable(node)) {
    row.setAttribute('aria-expanded', String(data.expanded));
    p.twistie.className = `codicon codicon-${data.expanded ? 'chevron-down' : 'chevron-right'} twistie`;
  } else {
    row.removeAttribute('aria-expanded');
    p.twistie.className = 'codicon codicon-blank twistie';
  }
  p.icon.className = `codicon codicon-${iconFor(node)} kind-icon`;
  p.label.textContent = node.label;
  p.description.textContent = node.description ?? '';
  if (node.tooltip) row.title = node.tooltip;
  else row.removeAttribute('title');
  row.classList.remove('sev-error', 'sev-warning', 'sev-info');
  if (node.severity) {
    row.classList.add(`sev-${node.severity}`);
    p.severity.className = `codicon codicon-${SEVERITY_ICONS[node.severity]} severity`;
    p.severity.removeAttribute('aria-hidden');
    p.severity.setAttribute('role', 'img');
    p.severity.setAttribute('aria-label', node.severity);
  } else {
    p.severity.className = 'codicon codicon-blank severity';
    p.severity.setAttribute('aria-hidden', 'true');
    p.severity.removeAttribute('role');
    p.severity.removeAttribute('aria-label');
  }
}

function fillPlaceholder(row: HTMLElement, p: RowParts): void {
  row.classList.add('placeholder');
  row.classList.remove('sev-error', 'sev-warning', 'sev-info');
  row.setAttribute('aria-busy', 'true');
  row.removeAttribute('aria-expanded');
  row.removeAttribute('title');
  delete row.dataset.nodeId;
  delete row.dataset.kind;
  row.dataset.vscodeContext = PLACEHOLDER_CONTEXT;
  p.twistie.className = 'codicon codicon-blank twistie';
  p.icon.className = 'codicon codicon-loading codicon-modifier-spin kind-icon';
  p.label.textContent = 'Loading…';
  p.description.textContent = '';
  p.severity.className = 'codicon codicon-blank severity';
}

function rowKey(data: Row, s: RowState): string {
  const flags = `${s.rowIndex}|${s.selected ? 1 : 0}${s.highlighted ? 1 : 0}|${data.setSize}`;
  if (data.kind === 'placeholder') return `p|${data.parentId}|${data.index}|${data.depth}|${flags}`;
  // The node object is replaced when the host sends it again, so identity covers its content.
  return `n|${nodeSerial(data.entry.node)}|${data.entry.depth}|${data.entry.index}|${data.expanded ? 1 : 0}|${flags}`;
}

const serials = new WeakMap<object, number>();
let nextSerial = 1;
function nodeSerial(node: object): number {
  let s = serials.get(node);
  if (s === undefined) {
    s = nextSerial++;
    serials.set(node, s);
  }
  return s;
}

/** The row index of a row element (set by fillRow). */
export function rowIndexOf(row: HTMLElement): number | undefined {
  const v = row.dataset.row;
  return v === undefined ? undefined : Number(v);
}
