/**
 * The overview's GC cycles and stop-the-world periods as the timeline shows them, for its GC lane
 * (timelineSlices.ts) and a range's statistics (timelineRangeStats.ts). While the pass runs, a
 * period still open, or lasting past the generations passed, is cut where they end, and one
 * begun after them is left out.
 */
import type { TimelineOverview } from '../../analysis/index.js';

/** Where the chunks passed end (ns); -Infinity before the first. */
export function passedEndNs(overview: Pick<TimelineOverview, 'chunks'>): number {
  const chunks = overview.chunks;
  return chunks.length ? chunks[chunks.length - 1].endNs : -Infinity;
}

/** Each period with its end (absolute ns); `partial`: the pass still runs. */
export function forEachGcPeriod(overview: Pick<TimelineOverview, 'chunks' | 'gc'>, partial: boolean, fn: (r: number, startNs: number, endNs: number) => void): void {
  const gc = overview.gc;
  const passed = passedEndNs(overview);
  for (let r = 0; r < gc.start.length; r++) {
    const start = gc.start[r];
    let end = gc.end[r];
    if (partial) {
      if (start > passed) continue;
      // An open period has no end yet (NaN).
      if (Number.isNaN(end) || end > passed) end = passed;
    }
    if (Number.isNaN(end)) continue;
    fn(r, start, end);
  }
}
