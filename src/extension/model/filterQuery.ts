/**
 * The filter's fields as every event source reads them (one meaning for v1 and v2 traces):
 * - eventTypes: the names the type list offers (the wire types of the trace's format);
 * - goroutine, proc, thread: the owner's events as Go's API gives them, the ones listed under
 *   Goroutines, Procs and Threads (src/analysis/owners.ts): those that run on it (the G, P or M
 *   of the event's context, Go's Event.Goroutine()/Proc()/Thread()) and those that change its
 *   state (a GoUnblock or GoCreate of the goroutine, a ProcSteal of the proc);
 * - fromNs/toNs: the event's time since the trace's first event, both ends included;
 * - text (case-insensitive): a string argument, a log message, a task or region name, a label,
 *   or a function name or file in one of the event's stacks.
 */
import type { Filter } from '../../shared/protocol.js';
import type { OwnerKind } from '../../analysis/index.js';
import type { GenerationTables } from '../../parser/index.js';

export interface FilterQuery {
  /** Type names kept; undefined: all. */
  types: ReadonlySet<string> | undefined;
  owners: { kind: OwnerKind; id: number }[];
  fromNs?: number;
  toNs?: number;
  /** Lower-cased search text; undefined: none. */
  text?: string;
}

/** True when the filter keeps every event. */
export function isEmptyFilter(f: Filter): boolean {
  return (
    (f.eventTypes === undefined || f.eventTypes.length === 0) &&
    f.goroutine === undefined &&
    f.proc === undefined &&
    f.thread === undefined &&
    f.fromNs === undefined &&
    f.toNs === undefined &&
    (f.text === undefined || f.text.trim() === '')
  );
}

/** Checks a filter that came from the webview; returns why it is unusable, or undefined. */
export function filterError(f: Filter): string | undefined {
  for (const key of ['goroutine', 'proc', 'thread', 'fromNs', 'toNs'] as const) {
    const v = f[key];
    if (v !== undefined && (typeof v !== 'number' || !Number.isFinite(v))) return `${key} must be a number`;
  }
  if (f.eventTypes !== undefined && (!Array.isArray(f.eventTypes) || f.eventTypes.some((t) => typeof t !== 'string'))) return 'eventTypes must be a list of names';
  if (f.text !== undefined && typeof f.text !== 'string') return 'text must be a string';
  if (f.text !== undefined && f.text.length > 1000) return 'the search text is too long (1000 characters at most)';
  return undefined;
}

export function compileFilter(f: Filter): FilterQuery {
  const owners: FilterQuery['owners'] = [];
  if (f.goroutine !== undefined) owners.push({ kind: 'goroutine', id: f.goroutine });
  if (f.proc !== undefined) owners.push({ kind: 'proc', id: f.proc });
  if (f.thread !== undefined) owners.push({ kind: 'thread', id: f.thread });
  const text = f.text?.trim().toLowerCase();
  return {
    types: f.eventTypes && f.eventTypes.length > 0 ? new Set(f.eventTypes) : undefined,
    owners,
    ...(f.fromNs !== undefined ? { fromNs: f.fromNs } : {}),
    ...(f.toNs !== undefined ? { toNs: f.toNs } : {}),
    ...(text ? { text } : {}),
  };
}

/** Whether a time (ns since the trace's first event) is in the query's range. */
export function inTimeRange(q: FilterQuery, t: number): boolean {
  return (q.fromNs === undefined || t >= q.fromNs) && (q.toNs === undefined || t <= q.toNs);
}

/** Whether a span [a, b] (ns since the first event) can hold an event in the range. */
export function spanInRange(q: FilterQuery, a: number, b: number): boolean {
  if (Number.isNaN(a) || Number.isNaN(b)) return true;
  return (q.fromNs === undefined || b >= q.fromNs) && (q.toNs === undefined || a <= q.toNs);
}

/** Whether the query has fields beyond its owners (each owner's events must be checked one by one). */
export function hasEventFields(q: FilterQuery): boolean {
  return q.types !== undefined || q.fromNs !== undefined || q.toNs !== undefined || q.text !== undefined;
}

/** The string and stack IDs of a generation's tables that a search text matches. */
export function textIdsOf(tables: GenerationTables, needle: string): { strings: Set<number>; stacks: Set<number> } {
  const strings = new Set<number>();
  for (const [id, s] of tables.strings.entries()) if (id !== 0 && s.toLowerCase().includes(needle)) strings.add(id);
  const stacks = new Set<number>();
  if (strings.size === 0) return { strings, stacks };
  for (const [id] of tables.stacks.entries()) {
    if (tables.framesOf(id).some((f) => strings.has(f.funcId) || strings.has(f.fileId))) stacks.add(id);
  }
  return { strings, stacks };
}
