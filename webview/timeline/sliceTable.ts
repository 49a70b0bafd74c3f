/**
 * The visible slices as a table: the canvas's alternative for screen readers and keyboard users
 * (and a way to copy what is on screen). A toolbar button shows it below the lanes; it lists the
 * slices of the lanes in view over the visible time, from what is cached at the view's level, at
 * most MAX_TABLE_ROWS, and is rebuilt a moment after the view stops changing. Enter or a click on
 * a row selects that slice on the timeline. With a filter, only the slices matching it are listed. Every cell is set with textContent: trace strings stay
 * text.
 */
import { SLICE_STATES, type SliceState } from '../../src/shared/timeline.js';
import { el } from '../dom.js';
import { formatDuration, formatTraceTime } from '../format.js';
import { entriesFor } from './laneDrawing.js';
import type { Row } from './laneLayout.js';
import { tileOwnStart, type SliceCache } from './sliceCache.js';
import type { SliceMatcher } from './sliceFilter.js';
import type { Viewport } from './timeMapping.js';
import { stateText } from './tooltip.js';

export const MAX_TABLE_ROWS = 500;
/** The table waits this long after the last change before it is rebuilt. */
export const TABLE_REFRESH_MS = 300;

export interface TableSlice {
  lane: string;
  laneLabel: string;
  state: SliceState;
  label: string;
  startNs: number;
  endNs: number;
  /** > 1: that many short spans merged at this zoom. */
  merged: number;
  goroutine: number;
  proc: number;
}

export interface VisibleSlices {
  slices: TableSlice[];
  /** Only the slices matching the filter bar's filter are listed. */
  filtered?: boolean;
  /** Slices in view, counted before the cap. */
  total: number;
  /** Lanes in view with nothing cached at this level yet. */
  pending: number;
}

/**
 * The slices of the rows' lanes that overlap the viewport, lane by lane, in time order; capped.
 * With an active filter (sliceFilter.ts), only those matching it.
 */
export function visibleSlices(rows: readonly Row[], cache: SliceCache, v: Viewport, level: number, limit = MAX_TABLE_ROWS, filter?: SliceMatcher): VisibleSlices {
  const out: TableSlice[] = [];
  let total = 0;
  let pending = 0;
  for (const row of rows) {
    const lane = row.kind === 'lane' ? row.lane : undefined;
    if (!lane || lane.kind === 'counter') continue;
    const entries = entriesFor(cache, lane.id, v, level).filter((e) => e.level === level);
    if (entries.length === 0) {
      pending++;
      continue;
    }
    const inLane: TableSlice[] = [];
    entries.forEach((e, k) => {
      const s = e.slices;
      const match = filter?.flags(lane, s, e.strings);
      // A slice across a tile edge is in both tiles' answers: listed with the first.
      const own = tileOwnStart(e, k === 0);
      for (let i = 0; i < s.start.length; i++) {
        if (s.end[i] <= v.startNs || s.start[i] >= v.endNs || s.start[i] < own || (match && !match[i])) continue;
        const li = s.label[i];
        inLane.push({
          lane: lane.id,
          laneLabel: lane.label,
          state: SLICE_STATES[s.state[i]] ?? 'running',
          label: li >= 0 ? (e.strings[li] ?? '') : '',
          startNs: s.start[i],
          endNs: s.end[i],
          merged: s.merged[i],
          goroutine: s.goroutine[i],
          proc: s.proc[i],
        });
      }
    });
    inLane.sort((a, b) => a.startNs - b.startNs);
    total += inLane.length;
    for (const t of inLane) if (out.length < limit) out.push(t);
  }
  return { slices: out, total, pending, ...(filter ? { filtered: true } : {}) };
}

/** The table's caption: how many, and what is left out. */
export function tableCaption(v: VisibleSlices): string {
  const shown = v.slices.length < v.total ? `the first ${v.slices.length} of ${v.total} slices` : `${v.total} slice${v.total === 1 ? '' : 's'}`;
  const filtered = v.filtered ? ' matching the filter' : '';
  const pending = v.pending ? `; ${v.pending} lane${v.pending === 1 ? '' : 's'} still loading` : '';
  return `Visible: ${shown}${filtered}${pending}`;
}

const COLUMNS = ['Lane', 'State', 'Label', 'Start', 'Duration', 'Goroutine', 'Proc'] as const;

/** The cells of a row, as text. */
export function tableCells(s: TableSlice): string[] {
  return [
    s.laneLabel,
    s.merged > 1 ? `${stateText(s.state)} (${s.merged} merged)` : stateText(s.state),
    s.label,
    formatTraceTime(s.startNs),
    formatDuration(Math.round(s.endNs - s.startNs)),
    s.goroutine >= 0 ? `G${s.goroutine}` : '',
    s.proc >= 0 ? `P${s.proc}` : '',
  ];
}

export interface SliceTableDeps {
  /** What is visible now (visibleSlices over the view's rows). */
  collect(): VisibleSlices;
  /** Selects a slice on the timeline (the row's Enter or click). */
  select(s: TableSlice): void;
}

/** The button and the table; the view calls changed() whenever what is seen may have changed. */
export class SliceTable {
  readonly button = el('button', 'timeline-button', 'Table');
  readonly element = el('div', 'timeline-table');
  private readonly caption = el('div', 'timeline-table-caption');
  private readonly body = el('tbody');
  private timer: ReturnType<typeof setTimeout> | undefined;
  private shown: TableSlice[] = [];

  constructor(private readonly d: SliceTableDeps) {
    this.button.title = 'Show the visible slices as a table';
    this.button.setAttribute('aria-pressed', 'false');
    this.button.addEventListener('click', () => this.toggle());
    this.element.hidden = true;
    const table = el('table');
    table.setAttribute('aria-label', 'Visible slices');
    const head = el('tr');
    for (const c of COLUMNS) head.appendChild(el('th', undefined, c));
    const thead = el('thead');
    thead.appendChild(head);
    table.append(thead, this.body);
    this.caption.setAttribute('aria-live', 'polite');
    this.element.append(this.caption, table);
    this.body.addEventListener('click', (e) => this.activate(e.target));
    this.body.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        this.activate(e.target);
      } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        e.preventDefault();
        const tr = (e.target as HTMLElement).closest('tr');
        const next = (e.key === 'ArrowDown' ? tr?.nextElementSibling : tr?.previousElementSibling) as HTMLElement | null;
        next?.focus();
      }
    });
  }

  get visible(): boolean {
    return !this.element.hidden;
  }

  toggle(show = !this.visible): void {
    this.element.hidden = !show;
    this.button.setAttribute('aria-pressed', String(show));
    if (show) this.refresh();
    else this.clear();
  }

  /** What is seen may have changed: rebuild a moment after the last change, if shown. */
  changed(): void {
    if (!this.visible) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.refresh(), TABLE_REFRESH_MS);
  }

  refresh(): void {
    this.timer = undefined;
    if (!this.visible) return;
    const v = this.d.collect();
    this.caption.textContent = tableCaption(v);
    this.shown = v.slices;
    const rows = v.slices.map((s, k) => {
      const tr = el('tr');
      tr.tabIndex = k === 0 ? 0 : -1;
      tr.dataset.index = String(k);
      for (const text of tableCells(s)) tr.appendChild(el('td', undefined, text));
      return tr;
    });
    this.body.replaceChildren(...rows);
  }

  dispose(): void {
    this.clear();
  }

  private clear(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.shown = [];
    this.body.replaceChildren();
  }

  private activate(target: EventTarget | null): void {
    const tr = (target as HTMLElement | null)?.closest?.('tr');
    const s = tr ? this.shown[Number(tr.dataset.index)] : undefined;
    if (s) this.d.select(s);
  }
}
