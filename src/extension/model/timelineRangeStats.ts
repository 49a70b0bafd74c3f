/**
 * The timeline's range statistics (a drag on the ruler): per goroutine group the time running,
 * runnable, waiting and in a syscall, the top waiting reasons, events by type (rangeEvents.ts),
 * GC and stop-the-world time, all clipped to the range.
 *
 * States come from each generation's state spans (TimelineSlices.chunk: derived again and cached
 * with the slices' byte bound). A goroutine with no spans in a generation stayed all through it in
 * the state the overview says it ended the previous one in, so the overviews' end states are
 * carried along from the first generation (a byte and an int per goroutine, per request).
 *
 * Bounded work: at most MAX_RANGE_DERIVED generations' spans per request: the range's edges (two
 * at most, ordered again once for both their spans and their events in the range: rangeEvents.ts),
 * then those inside (from the cache or derived); the others are summed from the overview's
 * buckets (the longest-held state of each bucket, no reasons) and the answer says exact: false
 * and what is approximate. Events of a generation wholly inside are the summaries' counts. While
 * the pass runs, the answer covers the generations passed and is not exact.
 */
import { SpanFlag, type SpanChunk, type SpanSource, type TimelineOverview } from '../../analysis/index.js';
import type { GenerationEventCounts, GoroutineTable } from '../../parser/index.js';
import type { GoroutineGroup } from '../../shared/timeline.js';
import { MAX_RANGE_REASONS, type GroupRangeStats, type RangeStats, type RangeStatsQuery } from '../../shared/timelineRangeStats.js';
import { forEachGcPeriod } from './gcPeriods.js';
import { addCounts, newTally, readEdgeChunk } from './rangeEvents.js';

/** Generations whose spans one request derives (or takes from the cache), at most. */
export const MAX_RANGE_DERIVED = 8;

const STATES = 4;
const WAITING = 2;
const UNKNOWN_REASON = '(no reason)';

export interface RangeStatsInputs {
  overview: TimelineOverview;
  table: GoroutineTable;
  eventCounts: readonly GenerationEventCounts[];
  groups: readonly GoroutineGroup[];
  /** Per goroutine table row, its index in `groups`; -1 (or past the end): none (TimelineGroups). */
  groupOfRow: Int32Array;
  /** The trace's first event (ns): the query's times count from it. */
  originNs: number;
  /** Chunk k's spans (cached or derived again). */
  chunk(k: number): Promise<SpanChunk | undefined>;
  spans: SpanSource | undefined;
  /** The pass still runs: the overview's chunks are those passed. */
  partial: boolean;
  yieldNow?: () => Promise<void>;
  /** Requests on the same key supersede older ones (a newer drag): those stop early. */
  key: object;
}

/** The latest request per key: an older one still running stops at its next await. */
const latest = new WeakMap<object, number>();
let requests = 0;

export async function timelineRangeStats(inp: RangeStatsInputs, q: RangeStatsQuery): Promise<RangeStats> {
  const token = ++requests;
  latest.set(inp.key, token);
  const stale = () => latest.get(inp.key) !== token;
  // From the ruler's start: from the first generation's start, which may be before the first event.
  const from = Math.min(q.fromNs, q.toNs) <= 0 ? -Infinity : Math.min(q.fromNs, q.toNs) + inp.originNs;
  const to = Math.max(q.fromNs, q.toNs) + inp.originNs;
  const { overview, table } = inp;
  const chunks = overview.chunks;
  const approximate: string[] = [];

  // Per group, ns per state; per table row, the state carried from the previous chunk's end.
  const groupOf = inp.groupOfRow;
  const time = new Float64Array(inp.groups.length * STATES);
  const touched = new Uint8Array(table.size);
  const carryState = new Uint8Array(table.size);
  const carryReason = new Int32Array(table.size).fill(-1);
  const seenIn = new Int32Array(table.size).fill(-1);
  const reasons = new Map<string, number>();
  const addReason = (reason: string, ns: number) => reasons.set(reason, (reasons.get(reason) ?? 0) + ns);
  const add = (row: number, state: number, ns: number) => {
    if (row < 0 || ns <= 0 || state >= STATES) return;
    touched[row] = 1;
    const g = groupOf[row];
    if (g >= 0) time[g * STATES + state] += ns;
  };

  let generations = 0;
  let derived = 0;
  const fromOverview: number[] = [];
  let superseded = false;
  const tally = newTally();
  const counts = new Map<number, GenerationEventCounts>();
  for (const c of inp.eventCounts) counts.set(c.generation, c);

  // The range's edges (generations it cuts, two at most) are ordered again for their events, which
  // gives their spans too; the generations wholly inside share the rest of the bound.
  const overlaps = (k: number) => Math.min(chunks[k].endNs, to) > Math.max(chunks[k].startNs, from);
  const inside = (k: number) => chunks[k].startNs >= from && chunks[k].endNs <= to;
  let edges = 0;
  for (let k = 0; k < chunks.length && chunks[k].startNs <= to; k++) if (overlaps(k) && !inside(k)) edges++;
  let innerBudget = Math.max(0, MAX_RANGE_DERIVED - edges);
  let uncounted = 0;

  for (let k = 0; k < chunks.length; k++) {
    const c = chunks[k];
    if (c.startNs > to) break;
    const ov = c.goroutines;
    const lo = Math.max(c.startNs, from);
    const hi = Math.min(c.endNs, to);
    if (hi > lo) {
      generations++;
      let spans: SpanChunk | undefined;
      if (!inside(k)) {
        derived++;
        const edge = inp.spans ? await readEdgeChunk(inp.spans, k, from, to, inp.yieldNow, stale) : undefined;
        if (stale()) {
          superseded = true;
          break;
        }
        if (edge) {
          spans = edge.spans;
          addCounts(tally, edge.counts);
        } else uncounted++;
      } else {
        // Events: the summaries' counts of a generation wholly inside.
        const n = counts.get(k);
        if (n) addCounts(tally, n);
        if (innerBudget > 0) {
          innerBudget--;
          derived++;
          spans = await inp.chunk(k);
          if (stale()) {
            superseded = true;
            break;
          }
        }
      }
      if (spans) {
        const s = spans.goroutines;
        for (let i = 0; i < s.owners.length; i++) {
          const row = table.row(s.owners[i]);
          for (let r = s.first[i]; r < s.first[i + 1]; r++) {
            // A derived chunk may end at its last event, before the next generation's start: a
            // span cut at its end (Trailing) lasts to the overview's chunk end.
            const end = s.flags[r] & SpanFlag.Trailing ? Math.max(s.end[r], c.endNs) : s.end[r];
            const ns = Math.min(end, hi) - Math.max(s.start[r], lo);
            if (ns <= 0) continue;
            const state = s.state[r];
            add(row, state, ns);
            if (state !== WAITING) continue;
            // A leading span's reason is the previous chunk's end reason (stateSpans.ts).
            if (s.reason[r] >= 0) addReason(spans.strings[s.reason[r]], ns);
            else addReason(row >= 0 && carryReason[row] >= 0 ? overview.reasons[carryReason[row]] : UNKNOWN_REASON, ns);
          }
        }
      } else {
        fromOverview.push(k);
        const width = (c.endNs - c.startNs) / ov.buckets;
        if (width > 0) {
          const b0 = Math.max(0, Math.floor((lo - c.startNs) / width));
          const b1 = Math.min(ov.buckets - 1, Math.floor((hi - c.startNs) / width));
          for (let i = 0; i < ov.ids.length; i++) {
            const row = table.row(ov.ids[i]);
            for (let b = b0; b <= b1; b++) {
              const v = ov.bucket(i, b);
              const bs = c.startNs + b * width;
              if (v > 0) add(row, v - 1, Math.min(bs + width, hi) - Math.max(bs, lo));
            }
          }
        }
      }
      // Goroutines with no spans here: in their carried state all through the chunk.
      for (let i = 0; i < ov.ids.length; i++) {
        const row = table.row(ov.ids[i]);
        if (row >= 0) seenIn[row] = k;
      }
      for (let row = 0; row < carryState.length; row++) {
        const st = carryState[row];
        if (st === 0 || seenIn[row] === k) continue;
        add(row, st - 1, hi - lo);
        if (st - 1 === WAITING) addReason(carryReason[row] >= 0 ? overview.reasons[carryReason[row]] : UNKNOWN_REASON, hi - lo);
      }
    }
    // The state each goroutine of this chunk was left in, for the chunks after.
    for (let i = 0; i < ov.ids.length; i++) {
      const row = table.row(ov.ids[i]);
      if (row < 0) continue;
      carryState[row] = ov.endState[i];
      carryReason[row] = ov.endReason[i];
    }
  }

  if (fromOverview.length) {
    approximate.push(`Time by state in ${fromOverview.length} of ${generations} generations comes from the overview (each sixteenth of a generation counted as the state held longest in it); their waiting reasons are left out. Select a shorter range for exact figures.`);
  }
  if (uncounted) approximate.push(`The events of ${uncounted} generation${uncounted === 1 ? '' : 's'} cut by the range are not counted.`);
  if (inp.partial) approximate.push('The trace is still being summarized: only the part read so far is counted.');
  if (superseded) approximate.push('A newer range was selected before this one was counted.');

  const groups: GroupRangeStats[] = [];
  const goroutines = new Uint32Array(inp.groups.length);
  for (let row = 0; row < touched.length; row++) if (touched[row] && groupOf[row] >= 0) goroutines[groupOf[row]]++;
  for (const g of inp.groups) {
    const at = g.index * STATES;
    if (time[at] + time[at + 1] + time[at + 2] + time[at + 3] === 0) continue;
    groups.push({ group: g.index, name: g.name, goroutines: goroutines[g.index], runningNs: time[at], runnableNs: time[at + 1], waitingNs: time[at + 2], syscallNs: time[at + 3] });
  }
  const waitingReasons = [...reasons]
    .map(([reason, ns]) => ({ reason, ns }))
    .sort((a, b) => b.ns - a.ns || (a.reason < b.reason ? -1 : 1))
    .slice(0, MAX_RANGE_REASONS);
  const events = [...tally.byType].map(([type, count]) => ({ type, count })).sort((a, b) => b.count - a.count || (a.type < b.type ? -1 : 1));
  return {
    query: q,
    groups,
    waitingReasons,
    events,
    totalEvents: tally.total,
    cpuSamples: tally.cpuSamples,
    ...gcStats(overview, from, to, inp.partial),
    generations,
    derived,
    exact: approximate.length === 0,
    approximate,
    ...(inp.partial ? { reading: true } : {}),
  };
}

/** GC cycles and stop-the-world periods clipped to [from, to]; while the pass runs, cut where the chunks passed end. */
function gcStats(overview: TimelineOverview, from: number, to: number, partial: boolean): Pick<RangeStats, 'gc' | 'stw'> {
  const { gc, reasons } = overview;
  const out: Pick<RangeStats, 'gc' | 'stw'> = { gc: { count: 0, ns: 0 }, stw: { count: 0, ns: 0, reasons: [] } };
  const why = new Map<string, { reason: string; ns: number; count: number }>();
  forEachGcPeriod(overview, partial, (r, start, end) => {
    if (end < from || start > to) return;
    const ns = Math.max(0, Math.min(end, to) - Math.max(start, from));
    const p = gc.kind[r] === 1 ? out.stw : out.gc;
    p.count++;
    p.ns += ns;
    if (gc.kind[r] !== 1) return;
    const reason = gc.reason[r] >= 0 ? reasons[gc.reason[r]] : 'stop-the-world';
    let w = why.get(reason);
    if (!w) why.set(reason, (w = { reason, ns: 0, count: 0 }));
    w.ns += ns;
    w.count++;
  });
  out.stw.reasons = [...why.values()].sort((a, b) => b.ns - a.ns || b.count - a.count).slice(0, MAX_RANGE_REASONS);
  return out;
}
