/**
 * The filter's event source for a v1 trace without an owner field: its raw events, which have
 * other types and arguments than a v2 trace's. A v1 trace is one generation, so one partition:
 * its batches (one P's each) are searched and the matches put in time order (an event without a
 * time, a String or a Stack, sorts at its batch's last time before it). What the fields match
 * there (filterQuery.ts for the shared meaning):
 * - event types: the v1 names ("GoCreate", "UserLog", "String", ...);
 * - fromNs/toNs: the event time (events without a time never match a time range);
 * - text: a string argument (task and region names, log keys, labels), a log message, a String's
 *   text, or a function name or file in the event's stacks (a Stack's frames).
 * Rows name the goroutine, P and thread as the raw reading knows them at the event.
 */
import { uint32, V1_SPECS, V1Ev } from '../../parser/index.js';
import type { TreeNode } from '../../shared/protocol.js';
import { spanInRange, textIdsOf, type FilterQuery } from './filterQuery.js';
import { eventRow } from './eventNodes.js';
import { contextRow } from './filterRows.js';
import type { MatchSource, PartitionMatches } from './filterRun.js';
import type { FilterEnv } from './formatModel.js';
import type { GenerationInfo } from './generationIndex.js';
import { eventId } from './nodeIds.js';
import { v1ArgNames, viewV1Event, type V1EventCache, type V1RawRow } from './v1EventView.js';
import { v1Ns } from './v1Index.js';
import { V1RowView } from './v1Nodes.js';

/** Per v1 type: the argument slots (as v1ArgNames lists them) holding strings and stacks. */
const SLOTS = V1_SPECS.map((_, type) => {
  const s = { string: [] as number[], stack: [] as number[] };
  if (type === 0) return s;
  v1ArgNames(type).forEach((name, k) => {
    if (name === 'typeid' || name === 'keyid' || name === 'labelid') s.string.push(k);
    else if (name === 'stack' || name === 'stk') s.stack.push(k);
  });
  return s;
});

export class V1Matches implements PartitionMatches {
  constructor(
    readonly batch: Uint32Array,
    readonly event: Uint32Array,
  ) {}
  get length(): number {
    return this.batch.length;
  }
}

/** The test of one raw event against a text. */
function textMatcher(g: GenerationInfo, needle: string): (row: V1RawRow) => boolean {
  const { strings, stacks } = textIdsOf(g.tables, needle);
  return (row) => {
    if (row.text !== undefined && row.text.toLowerCase().includes(needle)) return true;
    if (strings.size === 0) return false;
    const slots = SLOTS[row.type];
    if (slots.string.some((k) => strings.has(row.args[k]))) return true;
    if (slots.stack.some((k) => row.args[k] !== undefined && stacks.has(uint32(row.args[k])))) return true;
    if (row.type === V1Ev.Stack) {
      for (let k = 3; k + 2 < row.args.length; k += 4) if (strings.has(row.args[k]) || strings.has(row.args[k + 1])) return true;
    }
    return false;
  };
}

export class V1FilterSource implements MatchSource<V1Matches> {
  private readonly types: Set<number> | undefined;

  private readonly traceStartNs: number;

  constructor(
    private readonly q: FilterQuery,
    private readonly generations: readonly GenerationInfo[],
    private readonly cache: V1EventCache,
    private readonly env: FilterEnv,
  ) {
    this.traceStartNs = env.traceStartNs;
    if (q.types) this.types = new Set(V1_SPECS.flatMap((s, type) => (type > 0 && q.types!.has(s.name) ? [type] : [])));
  }

  /** The one generation; none while it is read, or when the file could not be read. */
  private get g(): GenerationInfo {
    return this.generations[0];
  }

  partitions(): number {
    return this.g?.v1 ? 1 : 0;
  }

  complete(): boolean {
    return this.partitions() === 1 || this.env.readingDone();
  }

  knownCount(): number | undefined {
    const v = this.g.v1;
    if (!v || !this.types || this.q.text !== undefined || this.q.fromNs !== undefined || this.q.toNs !== undefined) return undefined;
    let n = 0;
    for (const t of this.types) n += v.typeCounts.get(t) ?? 0;
    return n;
  }

  async find(_i: number, shouldStop: () => boolean): Promise<V1Matches | undefined> {
    const g = this.g;
    const v = g.v1;
    const q = this.q;
    if (!v) return new V1Matches(new Uint32Array(0), new Uint32Array(0));
    const text = q.text ? textMatcher(g, q.text) : undefined;
    const timed = q.fromNs !== undefined || q.toNs !== undefined;
    const batch: number[] = [];
    const event: number[] = [];
    const key: number[] = [];
    for (let bi = 0; bi < g.batches.length; bi++) {
      const b = g.batches[bi];
      if (b.eventCount === 0) continue;
      if (timed && !spanInRange(q, b.firstNs - this.traceStartNs, b.lastNs - this.traceStartNs)) continue;
      if (shouldStop()) return undefined;
      let last = -Infinity;
      for await (const { base, rows } of this.cache.chunks(g, bi)) {
        rows.forEach((row, k) => {
          const t = v1Ns(v, row.ticks) - this.traceStartNs;
          if (!Number.isNaN(t)) last = t;
          if (this.types && !this.types.has(row.type)) return;
          if (timed && !((q.fromNs === undefined || t >= q.fromNs) && (q.toNs === undefined || t <= q.toNs))) return;
          if (text && !text(row)) return;
          batch.push(bi);
          event.push(base + k);
          key.push(last);
        });
      }
    }
    const idx = Array.from(key.keys()).sort((x, y) => key[x] - key[y] || x - y);
    return new V1Matches(Uint32Array.from(idx, (j) => batch[j]), Uint32Array.from(idx, (j) => event[j]));
  }

  async rows(_i: number, m: V1Matches, from: number, to: number): Promise<TreeNode[]> {
    const g = this.g;
    const out: TreeNode[] = [];
    for (let k = from; k < to; k++) {
      const row = await this.cache.event(g, m.batch[k], m.event[k]);
      if (!row || !g.v1) continue;
      const view = new V1RowView(viewV1Event(row, m.batch[k], g.v1, g.tables), { genNumber: g.genNumber, event: m.event[k], version: g.v1.version });
      const node = eventRow(view, eventId(g.genIndex, m.batch[k], m.event[k]), this.traceStartNs);
      out.push(contextRow(node, g.genNumber, { g: row.g > 0 ? row.g : -1, p: row.p, m: row.m }, 'v1'));
    }
    return out;
  }
}
