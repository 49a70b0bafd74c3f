/**
 * The reading's problems as marks on the timeline's ruler, and a flight-recorder snapshot's
 * window. A problem that is an event is marked at the event's time (when it has one); any other
 * problem of a generation at the generation's start, or at its end when its bytes lie past the
 * generation's (trailing garbage, a missing end of generation); a problem of no generation (the
 * header, a file that is not a trace) has no time and is left out.
 *
 * Marks are made once the reading and the pass are done (TraceModel), in absolute ns; the
 * layout counts them from the timeline's origin (withMarks).
 */
import type { Problem } from '../../parser/index.js';
import type { TimelineLayout, TimelineMark } from '../../shared/timeline.js';
import type { EventView } from './eventView.js';
import type { EventPlace } from './formatModel.js';
import type { GenerationInfo } from './generationIndex.js';

/** At most this many marks: the problems are bounded already, the ruler is small. */
export const MAX_MARKS = 1000;

export interface MarkInputs {
  problems: readonly Problem[];
  generations: readonly GenerationInfo[];
  /** The generation tree's event at a place (its time, NaN when it has none). */
  event(at: EventPlace): Promise<Pick<EventView, 'time'> | undefined>;
}

/** The problems' marks, in absolute ns, in time order; at most `limit`. */
export async function problemMarks(i: MarkInputs, limit = MAX_MARKS): Promise<TimelineMark[]> {
  const placed: { p: Problem; at?: EventPlace }[] = [];
  for (const p of i.problems) {
    if (placed.length >= limit) break;
    if (p.generationIndex === undefined || !i.generations[p.generationIndex]) continue;
    const at = eventPlaceOf(p, i.generations);
    placed.push(at ? { p, at } : { p });
  }
  // Events are looked up batch by batch, so the batch cache serves neighbours.
  const order = placed.map((_, k) => k).sort((a, b) => placeKey(placed[a].at) - placeKey(placed[b].at) || a - b);
  const ns = new Float64Array(placed.length).fill(NaN);
  for (const k of order) {
    const { p, at } = placed[k];
    let t = NaN;
    if (at) {
      try {
        t = (await i.event(at))?.time ?? NaN;
      } catch {
        t = NaN; // An event that cannot be decoded again: its generation's start stands in.
      }
    }
    if (Number.isNaN(t)) t = generationTime(p, i.generations[p.generationIndex!]);
    ns[k] = t;
  }
  const marks: TimelineMark[] = [];
  placed.forEach(({ p }, k) => {
    if (Number.isFinite(ns[k])) marks.push({ ns: ns[k], severity: p.severity, text: markText(p) });
  });
  return marks.sort((a, b) => a.ns - b.ns);
}

/** The event a problem is, when it is one the generation tree has as a row. */
function eventPlaceOf(p: Problem, generations: readonly GenerationInfo[]): EventPlace | undefined {
  if (p.generationIndex === undefined || p.batch === undefined || p.event === undefined) return undefined;
  const b = generations[p.generationIndex]?.batches[p.batch];
  // An event that failed to decode is not a row (problemNodes.ts does the same).
  if (!b || p.event < 0 || p.event >= b.eventCount) return undefined;
  return { genIndex: p.generationIndex, batch: p.batch, event: p.event };
}

/** A problem that is no event's: its generation's start, or its end for bytes past it (trailing garbage). */
function generationTime(p: Problem, g: GenerationInfo): number {
  return p.offset >= g.end && g.end > g.offset ? g.endNs : g.startNs;
}

function placeKey(at: EventPlace | undefined): number {
  return at ? at.genIndex * 2 ** 26 + at.batch : -1;
}

/** The mark's hover and announcement text: the message and its code (plain text; drawn as text). */
export function markText(p: Problem): string {
  return `${p.message} (${p.code})`;
}

/** What the layout adds to the timeline's: the marks and the window, counted from the origin. */
export interface LayoutExtras {
  /** Absolute ns (problemMarks). */
  marks?: readonly TimelineMark[];
  /** A flight-recorder snapshot's text (summary.ts's flightRecorderWindow). */
  windowText?: string;
}

/** The layout with the problems' marks and the snapshot's window (the whole span it holds). */
export function withMarks(layout: TimelineLayout, extras: LayoutExtras, originNs: number): TimelineLayout {
  if (extras.marks?.length) layout.marks = extras.marks.slice(0, MAX_MARKS).map((m) => ({ ...m, ns: m.ns - originNs }));
  if (extras.windowText && layout.durationNs > 0) layout.window = { startNs: 0, endNs: layout.durationNs, text: `Flight-recorder snapshot: ${extras.windowText}` };
  return layout;
}
