/**
 * The range statistics as text tables (no DOM): what rangeStatsPanel.ts shows, one table per
 * section, each row its cells' text and the values it sorts by. Trace strings (group names,
 * reasons, event names) are kept as they are: the panel sets them with textContent.
 */
import type { RangeStats } from '../../src/shared/timelineRangeStats.js';
import { formatCount, formatDuration } from '../format.js';

/** Rows shown per table, at most (a trace may have thousands of groups). */
export const MAX_PANEL_ROWS = 200;

export type StatsTableId = 'groups' | 'reasons' | 'events' | 'gc';

export interface StatsRow {
  cells: string[];
  /** Per column, what it sorts by. */
  keys: (number | string)[];
}

export interface StatsTable {
  id: StatsTableId;
  caption: string;
  columns: { title: string; numeric: boolean }[];
  rows: StatsRow[];
  /** The column and direction it is sorted by at first. */
  sort: { column: number; descending: boolean };
}

const ns = (v: number) => formatDuration(Math.round(v));
const num = (title: string) => ({ title, numeric: true });
const text = (title: string) => ({ title, numeric: false });

/** One line above the tables: the range, the generations, the events. */
export function statsHeading(s: RangeStats): string {
  const width = Math.abs(s.query.toNs - s.query.fromNs);
  const gens = `${formatCount(s.generations)} generation${s.generations === 1 ? '' : 's'}`;
  return `${ns(Math.min(s.query.fromNs, s.query.toNs))} – ${ns(Math.max(s.query.fromNs, s.query.toNs))} (${ns(width)}): ${gens}, ${formatCount(s.totalEvents)} events`;
}

export function statsTables(s: RangeStats): StatsTable[] {
  const groups: StatsTable = {
    id: 'groups',
    caption: 'Time by state per goroutine group',
    columns: [text('Group'), num('Goroutines'), num('Running'), num('Runnable'), num('Waiting'), num('Syscall'), num('Total')],
    rows: s.groups.map((g) => {
      const total = g.runningNs + g.runnableNs + g.waitingNs + g.syscallNs;
      return {
        cells: [g.name, formatCount(g.goroutines), ns(g.runningNs), ns(g.runnableNs), ns(g.waitingNs), ns(g.syscallNs), ns(total)],
        keys: [g.name, g.goroutines, g.runningNs, g.runnableNs, g.waitingNs, g.syscallNs, total],
      };
    }),
    sort: { column: 2, descending: true },
  };
  const reasons: StatsTable = {
    id: 'reasons',
    caption: 'Top waiting reasons',
    columns: [text('Reason'), num('Waiting')],
    rows: s.waitingReasons.map((r) => ({ cells: [r.reason, ns(r.ns)], keys: [r.reason, r.ns] })),
    sort: { column: 1, descending: true },
  };
  const eventRows: StatsRow[] = s.events.map((e) => ({ cells: [e.type, formatCount(e.count)], keys: [e.type, e.count] }));
  if (s.cpuSamples > 0) eventRows.push({ cells: ['CPU samples', formatCount(s.cpuSamples)], keys: ['CPU samples', s.cpuSamples] });
  const events: StatsTable = { id: 'events', caption: 'Events by type', columns: [text('Event'), num('Count')], rows: eventRows, sort: { column: 1, descending: true } };
  const gcRows: StatsRow[] = [
    { cells: ['GC cycles', formatCount(s.gc.count), ns(s.gc.ns)], keys: ['GC cycles', s.gc.count, s.gc.ns] },
    { cells: ['Stop-the-world', formatCount(s.stw.count), ns(s.stw.ns)], keys: ['Stop-the-world', s.stw.count, s.stw.ns] },
    ...s.stw.reasons.map((r) => ({ cells: [`Stop-the-world: ${r.reason}`, formatCount(r.count), ns(r.ns)], keys: [`Stop-the-world: ${r.reason}`, r.count, r.ns] })),
  ];
  const gc: StatsTable = { id: 'gc', caption: 'GC and stop-the-world', columns: [text('Period'), num('Count'), num('Time in range')], rows: gcRows, sort: { column: 0, descending: false } };
  return [groups, reasons, events, gc];
}

/**
 * The rows sorted by a column (numbers by value, text by code order, ties in their first order),
 * at most `limit`; `more` is how many were left out.
 */
export function sortedRows(t: StatsTable, column: number, descending: boolean, limit = MAX_PANEL_ROWS): { rows: StatsRow[]; more: number } {
  const order = t.rows.map((r, i) => ({ r, i }));
  order.sort((a, b) => {
    const x = a.r.keys[column];
    const y = b.r.keys[column];
    const c = typeof x === 'number' && typeof y === 'number' ? x - y : String(x) < String(y) ? -1 : String(x) > String(y) ? 1 : 0;
    return (descending ? -c : c) || a.i - b.i;
  });
  const rows = order.slice(0, Math.max(0, limit)).map((o) => o.r);
  return { rows, more: t.rows.length - rows.length };
}
