/**
 * The filter bar's filter as the timeline reads it: which slices match. Pure: no DOM.
 *
 * Every field given must hold (as in the trees):
 * - goroutine: a goroutine lane's own slices (g<N>), proc and thread lane slices running it, and
 *   task lane slices of the tasks it began;
 * - proc: the proc lane p<N>, goroutine lane slices that ran on it, thread lane slices holding it;
 * - thread: the thread lane m<N> (no other lane says which thread it is on);
 * - fromNs/toNs: the slice overlaps the range, both ends included;
 * - text (case-insensitive): the slice's label, its lane's label or header tooltip (a goroutine
 *   lane's names its start function), or the name of a region or a log over the slice.
 * Event types have no slice to match: a filter of event types only is no timeline filter, and the
 * types are left out of one with other fields (`ignoresEventTypes` says so, for the status text).
 * A merged slice (merged > 1, coarse zoom) matches by its representative's fields only.
 *
 * Cost: what matches is worked out once per cached tile (its slices object) and kept as one flag
 * per slice, so drawing reads a byte per slice and allocates nothing per slice; a string table's
 * strings are lower-cased and searched once.
 */
import type { Filter } from '../../src/shared/protocol.js';
import type { LaneSlices, TimelineLane } from '../../src/shared/timeline.js';
import { firstEndingAfter } from './sliceCache.js';

export interface SliceMatcher {
  /** False: the filter has nothing the timeline can match (empty, or event types only). */
  readonly active: boolean;
  /** The filter names event types, which the timeline leaves out. */
  readonly ignoresEventTypes: boolean;
  /** One flag per slice of a lane's cached slices, 1: it matches. Cached per slices object. */
  flags(lane: TimelineLane | undefined, slices: LaneSlices, strings: readonly string[]): Uint8Array;
  matches(lane: TimelineLane | undefined, slices: LaneSlices, strings: readonly string[], index: number): boolean;
}

const KIND_OF_PREFIX: Record<string, string> = { g: 'goroutine', p: 'proc', m: 'thread', t: 'task' };

/** The number of an id such as "g12", "p0", "m7"; NaN for others ("gc"). */
function laneNumber(lane: TimelineLane | undefined, slices: LaneSlices): number {
  const id = lane?.id ?? slices.lane;
  return /^[gpmt]\d+$/.test(id) ? Number(id.slice(1)) : NaN;
}

/** The lane's kind; without its record (bad input), told by its id. */
function laneKind(lane: TimelineLane | undefined, slices: LaneSlices): string {
  if (lane) return lane.kind;
  return /^[gpmt]\d+$/.test(slices.lane) ? KIND_OF_PREFIX[slices.lane[0]] : slices.lane;
}

export function compileSliceFilter(f: Filter): SliceMatcher {
  const goroutine = typeof f.goroutine === 'number' ? f.goroutine : undefined;
  const proc = typeof f.proc === 'number' ? f.proc : undefined;
  const thread = typeof f.thread === 'number' ? f.thread : undefined;
  const fromNs = typeof f.fromNs === 'number' ? f.fromNs : -Infinity;
  const toNs = typeof f.toNs === 'number' ? f.toNs : Infinity;
  const timed = typeof f.fromNs === 'number' || typeof f.toNs === 'number';
  const needle = typeof f.text === 'string' ? f.text.trim().toLowerCase() : '';
  const active = goroutine !== undefined || proc !== undefined || thread !== undefined || timed || needle !== '';
  const ignoresEventTypes = Array.isArray(f.eventTypes) && f.eventTypes.length > 0;

  const textHits = new WeakMap<readonly string[], Uint8Array>();
  const flagCache = new WeakMap<LaneSlices, Uint8Array>();

  /** 1 for each string of a table holding the text. */
  function stringHits(strings: readonly string[]): Uint8Array {
    let hits = textHits.get(strings);
    if (!hits) {
      hits = new Uint8Array(strings.length);
      for (let i = 0; i < strings.length; i++) if (typeof strings[i] === 'string' && strings[i].toLowerCase().includes(needle)) hits[i] = 1;
      textHits.set(strings, hits);
    }
    return hits;
  }

  const hit = (hits: Uint8Array, label: number) => label >= 0 && label < hits.length && hits[label] === 1;

  /** Slices under a region or a log whose name holds the text. */
  function annotationHits(s: LaneSlices, hits: Uint8Array, out: Uint8Array): void {
    const n = s.start.length;
    const mark = (a: number, b: number) => {
      // Spans overlap [a, b); an instant (a == b) is in the slice holding it.
      for (let i = firstEndingAfter(s, a); i < n && (s.start[i] < b || s.start[i] === a); i++) out[i] = 1;
    };
    const r = s.regions;
    if (r) for (let k = 0; k < r.start.length; k++) if (hit(hits, r.label[k])) mark(r.start[k], r.end[k]);
    const l = s.logs;
    if (l) for (let k = 0; k < l.at.length; k++) if (hit(hits, l.label[k])) mark(l.at[k], l.at[k]);
  }

  function compute(lane: TimelineLane | undefined, s: LaneSlices, strings: readonly string[]): Uint8Array {
    const n = s.start.length;
    const out = new Uint8Array(n);
    if (!active) return out.fill(1);
    const kind = laneKind(lane, s);
    const num = laneNumber(lane, s);
    // Lane-wide answers first: a field the lane as a whole holds, or cannot hold at all.
    const ownG = goroutine === undefined || (kind === 'goroutine' && num === goroutine);
    const sliceG = goroutine !== undefined && (kind === 'proc' || kind === 'thread' || kind === 'task');
    if (!ownG && !sliceG) return out;
    const ownP = proc === undefined || (kind === 'proc' && num === proc);
    const sliceP = proc !== undefined && (kind === 'goroutine' || kind === 'thread');
    if (!ownP && !sliceP) return out;
    if (thread !== undefined && !(kind === 'thread' && num === thread)) return out;
    let textLane = needle === '';
    if (!textLane && lane) textLane = `${lane.label ?? ''}\n${lane.tooltip ?? ''}`.toLowerCase().includes(needle);
    const hits = textLane ? undefined : stringHits(strings);
    if (hits) annotationHits(s, hits, out);
    for (let i = 0; i < n; i++) {
      const ok =
        (ownG || s.goroutine[i] === goroutine) &&
        (ownP || s.proc[i] === proc) &&
        (!timed || (s.end[i] >= fromNs && s.start[i] <= toNs)) &&
        (hits === undefined || out[i] === 1 || hit(hits, s.label[i]));
      out[i] = ok ? 1 : 0;
    }
    return out;
  }

  function flags(lane: TimelineLane | undefined, slices: LaneSlices, strings: readonly string[]): Uint8Array {
    let f = flagCache.get(slices);
    if (!f) {
      f = compute(lane, slices, strings);
      flagCache.set(slices, f);
    }
    return f;
  }

  return {
    active,
    ignoresEventTypes,
    flags,
    matches: (lane, slices, strings, index) => flags(lane, slices, strings)[index] === 1,
  };
}

/** How many of the slices in view match, for the toolbar's text. */
export interface FilterCount {
  visible: number;
  matched: number;
}

/** The toolbar's words for a filter and its count; undefined: no filter. */
export function filterStatusText(m: SliceMatcher | undefined, count: FilterCount | undefined): string | undefined {
  if (!m) return undefined;
  if (!m.active) return m.ignoresEventTypes ? 'Filter: event types are not shown on the timeline' : undefined;
  const n = count ?? { visible: 0, matched: 0 };
  const of = `${n.matched.toLocaleString('en-US')} of ${n.visible.toLocaleString('en-US')} visible ${n.visible === 1 ? 'slice' : 'slices'} ${n.matched === 1 && n.visible === 1 ? 'matches' : 'match'}`;
  return `Filter: ${of}${m.ignoresEventTypes ? ' (event types left out)' : ''}`;
}
