/**
 * Showing a place on the timeline ("Show in Timeline" from a tree row): the viewport that shows
 * it, and the slice of its lane to select once that lane's slices are cached. Pure.
 */
import type { LaneSlices, TimelinePlace } from '../../src/shared/timeline.js';
import { clampViewport, zoomToRange, type Viewport } from './timeMapping.js';

/** An instant is shown with this much time around it. */
export const INSTANT_SPAN_NS = 50_000;

/** A place with a duration fills most of the view; an instant is centred in INSTANT_SPAN_NS. */
export function placeViewport(place: Pick<TimelinePlace, 'startNs' | 'endNs'>, durationNs: number): Viewport {
  const lo = Math.min(place.startNs, place.endNs);
  const hi = Math.max(place.startNs, place.endNs);
  if (hi - lo >= 1) return zoomToRange(lo, hi, durationNs, 0.1);
  return clampViewport({ startNs: lo - INSTANT_SPAN_NS / 2, endNs: lo + INSTANT_SPAN_NS / 2 }, durationNs);
}

/**
 * The index of the slice to select for a place in a lane's slices: the one holding its start
 * (an instant: the span it began starts there), preferring an exact one over a merged one; -1 if
 * none holds it.
 */
export function sliceAt(s: LaneSlices, ns: number): number {
  let found = -1;
  for (let i = 0; i < s.start.length; i++) {
    if (s.start[i] > ns) break;
    if (s.end[i] < ns) continue;
    // A span that begins at the instant wins over the one it ends.
    if (found < 0 || s.start[i] === ns || (s.merged[found] > 0 && s.merged[i] === 0)) found = i;
  }
  return found;
}
