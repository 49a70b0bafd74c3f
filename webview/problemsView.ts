/**
 * The problems list (#problems): one button per problem (.problem-row[data-code]); clicking one
 * asks the host to reveal the problem's node. Long lists are cut: the Problems panel of VS Code
 * has them all as diagnostics.
 */
import type { ProblemItem } from '../src/shared/protocol.js';
import { codicon, el } from './dom.js';
import { formatCount } from './format.js';
import { SEVERITY_ICONS } from './tree/nodeIcons.js';

/** Rows we create at most; beyond, a note says how many more there are. */
export const MAX_PROBLEM_ROWS = 500;

export class ProblemsView {
  readonly element: HTMLDetailsElement;
  private readonly heading = el('summary', 'problems-heading');
  private readonly list = el('ul', 'problems-list');

  constructor(
    private readonly onReveal: (index: number) => void,
    onToggle: (open: boolean) => void,
  ) {
    this.element = el('details', 'problems');
    this.element.id = 'problems';
    this.element.hidden = true;
    this.list.setAttribute('aria-label', 'Problems');
    this.element.append(this.heading, this.list);
    this.element.addEventListener('toggle', () => onToggle(this.element.open));
    this.list.addEventListener('click', (e) => {
      const row = (e.target as Element).closest<HTMLElement>('.problem-row');
      if (row?.dataset.index !== undefined) this.onReveal(Number(row.dataset.index));
    });
  }

  set open(open: boolean) {
    this.element.open = open;
  }

  update(problems: readonly ProblemItem[]): void {
    this.element.hidden = problems.length === 0;
    this.heading.replaceChildren(codicon('chevron-right', 'problems-chevron'), el('span', undefined, `Problems (${formatCount(problems.length)})`));
    const rows = problems.slice(0, MAX_PROBLEM_ROWS).map((p, i) => this.row(p, i));
    if (problems.length > MAX_PROBLEM_ROWS) {
      rows.push(el('li', 'problems-more', `…and ${formatCount(problems.length - MAX_PROBLEM_ROWS)} more in the Problems panel`));
    }
    this.list.replaceChildren(...rows);
  }

  private row(p: ProblemItem, index: number): HTMLLIElement {
    const item = el('li');
    const button = el('button', `problem-row sev-${p.severity}`);
    button.type = 'button';
    button.dataset.code = p.code;
    button.dataset.index = String(index);
    const where = [`offset ${formatCount(p.offset)}`];
    if (p.generation !== undefined) where.unshift(`generation ${p.generation}`);
    if (p.batch !== undefined) where.splice(1, 0, `batch ${p.batch}`);
    const icon = codicon(SEVERITY_ICONS[p.severity], 'problem-icon');
    icon.removeAttribute('aria-hidden');
    icon.setAttribute('role', 'img');
    icon.setAttribute('aria-label', p.severity);
    button.append(icon, el('span', 'problem-message', p.message), el('span', 'problem-code', p.code), el('span', 'problem-where', where.join(', ')));
    button.title = p.message;
    item.append(button);
    return item;
  }
}
