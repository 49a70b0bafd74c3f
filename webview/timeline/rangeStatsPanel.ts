/**
 * The statistics of the range dragged on the ruler, under the timeline: a heading, a status line
 * ("Counting…", "Approximate: …"), then a table per section (rangeStatsText.ts) whose column
 * headers are buttons that sort it. Hidden while no range is selected. Built with textContent
 * only: group names, reasons and event names come from the trace.
 */
import type { RangeStats, RangeStatsQuery } from '../../src/shared/timelineRangeStats.js';
import { el } from '../dom.js';
import { sortedRows, statsHeading, statsTables, type StatsTable } from './rangeStatsText.js';

/** How often a range counted while the trace is read is counted again. */
export const REREAD_MS = 3000;

export class RangeStatsPanel {
  readonly element: HTMLElement;
  private readonly heading: HTMLElement;
  private readonly status: HTMLElement;
  private readonly body: HTMLElement;
  /** The range asked last: an older answer arriving later is dropped. */
  private asked: RangeStatsQuery | undefined;
  /** A fetch again of a range counted while the trace was read. */
  private again: ReturnType<typeof setTimeout> | undefined;
  /** The sort chosen per table, kept from one range to the next. */
  private readonly sorts = new Map<string, { column: number; descending: boolean }>();

  constructor(private readonly fetch: (q: RangeStatsQuery) => Promise<RangeStats | undefined>) {
    this.element = el('section', 'range-stats');
    this.element.setAttribute('aria-label', 'Statistics of the selected range');
    this.element.hidden = true;
    const top = el('div', 'range-stats-top');
    this.heading = el('h3', 'range-stats-heading');
    this.status = el('div', 'range-stats-status');
    this.status.setAttribute('aria-live', 'polite');
    top.append(this.heading, this.status);
    this.body = el('div', 'range-stats-body');
    this.element.append(top, this.body);
  }

  /** A range was selected (its statistics are asked for), or cleared (undefined: hidden). */
  show(range: RangeStatsQuery | undefined): void {
    this.asked = range;
    if (this.again) clearTimeout(this.again);
    this.again = undefined;
    if (!range) {
      this.element.hidden = true;
      this.body.replaceChildren();
      return;
    }
    this.element.hidden = false;
    this.heading.textContent = 'Selected range';
    this.status.textContent = 'Counting…';
    this.element.setAttribute('aria-busy', 'true');
    this.request(range, true);
  }

  /**
   * Asks for a range's statistics. Counted while the trace is read, it is asked again every
   * REREAD_MS until all is read, the figures shown meanwhile (first: the first ask, which says
   * when nothing could be counted).
   */
  private request(q: RangeStatsQuery, first: boolean): void {
    this.again = undefined;
    void this.fetch(q)
      .then((s) => {
        if (this.asked !== q) return;
        this.element.removeAttribute('aria-busy');
        if (!s) {
          if (first) {
            this.status.textContent = 'No statistics for this range.';
            this.body.replaceChildren();
          }
          return;
        }
        this.render(s);
        if (s.reading) this.again = setTimeout(() => this.asked === q && this.request(q, false), REREAD_MS);
      })
      .catch(() => {
        if (this.asked !== q || !first) return;
        this.element.removeAttribute('aria-busy');
        this.status.textContent = 'The statistics could not be counted.';
      });
  }

  private render(s: RangeStats): void {
    this.heading.textContent = statsHeading(s);
    this.status.textContent = s.exact ? '' : `Approximate: ${s.approximate.join(' ')}`;
    this.status.classList.toggle('range-stats-approximate', !s.exact);
    this.body.replaceChildren(...statsTables(s).map((t) => this.table(t)));
  }

  private table(t: StatsTable): HTMLElement {
    const wrap = el('div', 'range-stats-section');
    wrap.dataset.table = t.id;
    const table = el('table');
    table.setAttribute('aria-label', t.caption);
    table.appendChild(el('caption', undefined, t.caption));
    const head = el('tr');
    const thead = el('thead');
    thead.appendChild(head);
    const tbody = el('tbody');
    table.append(thead, tbody);
    const more = el('div', 'range-stats-more');
    const fill = () => {
      const sort = this.sorts.get(t.id) ?? t.sort;
      head.querySelectorAll('th').forEach((th, i) => th.setAttribute('aria-sort', i === sort.column ? (sort.descending ? 'descending' : 'ascending') : 'none'));
      const { rows, more: left } = sortedRows(t, sort.column, sort.descending);
      tbody.replaceChildren(
        ...rows.map((r) => {
          const tr = el('tr');
          r.cells.forEach((c, i) => tr.appendChild(el('td', t.columns[i].numeric ? 'range-stats-num' : undefined, c)));
          return tr;
        }),
      );
      if (rows.length === 0) {
        const tr = el('tr');
        const td = el('td', 'range-stats-empty', 'None in this range');
        td.colSpan = t.columns.length;
        tr.appendChild(td);
        tbody.appendChild(tr);
      }
      more.textContent = left > 0 ? `and ${left} more` : '';
    };
    t.columns.forEach((c, i) => {
      const th = el('th', c.numeric ? 'range-stats-num' : undefined);
      th.scope = 'col';
      const b = el('button', 'range-stats-sort', c.title);
      b.type = 'button';
      b.title = `Sort by ${c.title.toLowerCase()}`;
      b.addEventListener('click', () => {
        const now = this.sorts.get(t.id) ?? t.sort;
        // A new column sorts numbers most first and text A to Z; the same column flips.
        this.sorts.set(t.id, now.column === i ? { column: i, descending: !now.descending } : { column: i, descending: c.numeric });
        fill();
      });
      th.appendChild(b);
      head.appendChild(th);
    });
    fill();
    wrap.append(table, more);
    return wrap;
  }
}
