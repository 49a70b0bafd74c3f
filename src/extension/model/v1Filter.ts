/**
 * The filter (filter.ts) over the raw events of a v1 trace, which has other event types and
 * arguments than a v2 one. What the fields match there:
 * - event types: the v1 names ("GoCreate", "UserLog", "String", ...);
 * - goroutine: an argument g equal to it;
 * - proc: the P of the event's batch, or an argument p (a CPU sample's) equal to it;
 * - thread: the thread that last started the event's P, or ProcStart's thread argument;
 * - fromNs/toNs: the event time since the trace's first event (events without a time never match);
 * - text (case-insensitive): a string argument (task and region names, log keys, labels), a log
 *   message, a String's text, or a function name or file in the event's stacks (a Stack's frames).
 */
import { uint32, V1_SPECS, V1Ev } from '../../parser/index.js';
import type { Filter } from '../../shared/protocol.js';
import { FilterMatches } from './filter.js';
import type { GenerationInfo } from './generationIndex.js';
import { v1ArgNames, type V1EventCache, type V1RawRow } from './v1EventView.js';
import { v1Ns } from './v1Index.js';

/** Per v1 type: the argument slots (as v1ArgNames lists them) by what they hold. */
interface Slots {
  goroutine: number[];
  proc: number[];
  thread: number[];
  string: number[];
  stack: number[];
}

const SLOTS: Slots[] = V1_SPECS.map((_, type) => {
  const s: Slots = { goroutine: [], proc: [], thread: [], string: [], stack: [] };
  if (type === 0) return s;
  v1ArgNames(type).forEach((name, k) => {
    if (name === 'g') s.goroutine.push(k);
    else if (name === 'p') s.proc.push(k);
    else if (name === 'thread') s.thread.push(k);
    else if (name === 'typeid' || name === 'keyid' || name === 'labelid') s.string.push(k);
    else if (name === 'stack' || name === 'stk') s.stack.push(k);
  });
  return s;
});

/** The v1 type numbers of some names; undefined when the filter names no type. */
function typesOf(names: readonly string[] | undefined): Set<number> | undefined {
  if (!names || names.length === 0) return undefined;
  const wanted = new Set(names);
  const out = new Set<number>();
  V1_SPECS.forEach((s, type) => {
    if (type > 0 && wanted.has(s.name)) out.add(type);
  });
  return out;
}

/** The string and stack IDs a text matches, and the test for one raw event. */
function textMatcher(g: GenerationInfo, needle: string): (row: V1RawRow) => boolean {
  const strings = new Set<number>();
  for (const [id, s] of g.tables.strings.entries()) if (id !== 0 && s.toLowerCase().includes(needle)) strings.add(id);
  const stacks = new Set<number>();
  for (const [id] of g.tables.stacks.entries()) {
    if (g.tables.framesOf(id).some((f) => strings.has(f.funcId) || strings.has(f.fileId))) stacks.add(id);
  }
  return (row) => {
    if (row.text !== undefined && row.text.toLowerCase().includes(needle)) return true;
    const slots = SLOTS[row.type];
    if (slots.string.some((k) => strings.has(row.args[k]))) return true;
    if (slots.stack.some((k) => row.args[k] !== undefined && stacks.has(uint32(row.args[k])))) return true;
    if (row.type === V1Ev.Stack) {
      for (let k = 3; k + 2 < row.args.length; k += 4) if (strings.has(row.args[k]) || strings.has(row.args[k + 1])) return true;
    }
    return false;
  };
}

export async function runV1Filter(
  cache: V1EventCache,
  g: GenerationInfo,
  filter: Filter,
  traceStartNs: number,
  shouldStop: () => boolean = () => false,
): Promise<FilterMatches | undefined> {
  const out = new FilterMatches();
  const v = g.v1;
  if (!v) return out;
  const types = typesOf(filter.eventTypes);
  const needle = filter.text?.trim().toLowerCase();
  const text = needle ? textMatcher(g, needle) : undefined;
  const has = (row: V1RawRow, slots: number[], value: number): boolean => slots.some((k) => row.args[k] === value);
  const timed = filter.fromNs !== undefined || filter.toNs !== undefined;
  for (let bi = 0; bi < g.batches.length; bi++) {
    if (g.batches[bi].eventCount === 0) continue;
    if (shouldStop()) return undefined;
    for await (const { base, rows } of cache.chunks(g, bi)) {
      rows.forEach((row, k) => {
        if (types && !types.has(row.type)) return;
        const slots = SLOTS[row.type];
        if (timed) {
          const t = v1Ns(v, row.ticks) - traceStartNs;
          if (filter.fromNs !== undefined && !(t >= filter.fromNs)) return;
          if (filter.toNs !== undefined && !(t <= filter.toNs)) return;
        }
        if (filter.goroutine !== undefined && !has(row, slots.goroutine, filter.goroutine)) return;
        if (filter.proc !== undefined && row.p !== filter.proc && !(row.type === V1Ev.CPUSample && has(row, slots.proc, filter.proc))) return;
        if (filter.thread !== undefined && !(row.m === filter.thread && !Number.isNaN(row.ticks)) && !has(row, slots.thread, filter.thread)) return;
        if (text && !text(row)) return;
        out.add(g.index, bi, base + k);
      });
    }
  }
  return out;
}
