/**
 * The problems list (#problems): one button per problem (.problem-row[data-code]); clicking one
 * asks the host to reveal the problem's node. What follows from a problem is folded under it
 * (.problem-consequences[data-code], collapsed). Long lists are cut: the Problems panel of VS
 * Code has them all as diagnostics.
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

  /**
   * `problems`: each cause followed by its consequences (ProblemItem.cause). A cause is a row;
   * under it, each kind of consequence is a collapsed group, its count as the title.
   */
  update(problems: readonly ProblemItem[]): void {
    this.element.hidden = problems.length === 0;
    const causes = problems.filter((p) => p.cause === undefined).length;
    this.heading.replaceChildren(codicon('chevron-right', 'problems-chevron'), el('span', undefined, `Problems (${formatCount(causes)})`));
    const rows: HTMLLIElement[] = [];
    let made = 0;
    for (let i = 0; i < problems.length && made < MAX_PROBLEM_ROWS; i++) {
      const p = problems[i];
      if (p.cause !== undefined) continue;
      const item = this.row(p, i);
      made++;
      for (const c of p.consequences ?? []) {
        const group = el('details', 'problem-consequences');
        group.dataset.code = c.code;
        const list = el('ul', 'problems-list');
        for (let j = i + 1; j < problems.length && problems[j].cause === i && made < MAX_PROBLEM_ROWS; j++) {
          if (problems[j].code !== c.code) continue;
          list.append(this.row(problems[j], j));
          made++;
        }
        group.append(el('summary', 'problem-consequences-heading', c.text), list);
        item.append(group);
      }
      rows.push(item);
    }
    if (made < problems.length && made >= MAX_PROBLEM_ROWS) {
      rows.push(el('li', 'problems-more', `…and ${formatCount(problems.length - made)} more in the Problems panel`));
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
