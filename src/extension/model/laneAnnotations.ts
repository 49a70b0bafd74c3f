/**
 * What a goroutine's lane shows over its states: the user regions it was in (nested, drawn as
 * bands at the lane's top) and the user logs it wrote (instants). From the summaries' regions
 * and tasks' logs, which the summarizer bounds; indexed by goroutine once. At a coarse zoom,
 * regions and logs closer than a pixel to the last one kept at their depth are merged into it
 * (and counted), so an answer has about one per pixel at most and none is lost from sight.
 */
import { displayTraceText, type RegionSummary, type TaskSummary } from '../../parser/index.js';
import type { LaneLogs, LaneRegions } from '../../shared/timeline.js';

interface Region {
  start: number;
  end: number;
  depth: number;
  name: string;
}

interface Log {
  time: number;
  text: string;
}

/** Regions this deep or deeper are drawn at this depth (the lane has room for a few bands). */
export const MAX_REGION_DEPTH = 4;

export class GoroutineAnnotations {
  private readonly regions = new Map<number, Region[]>();
  private readonly logs = new Map<number, Log[]>();

  constructor(
    regions: readonly RegionSummary[],
    tasks: readonly TaskSummary[],
    /** Where a region whose begin or end is not in the trace (or not passed yet) begins or ends. */
    span: { startNs: number; endNs: number },
  ) {
    const byG = new Map<number, Region[]>();
    for (const r of regions) {
      if (r.goroutine < 0) continue;
      const start = Number.isNaN(r.startNs) ? span.startNs : r.startNs;
      const end = Number.isNaN(r.endNs) ? span.endNs : r.endNs;
      if (!(end >= start)) continue;
      let list = byG.get(r.goroutine);
      if (!list) byG.set(r.goroutine, (list = []));
      list.push({ start, end, depth: 0, name: displayTraceText(r.name) });
    }
    for (const [g, list] of byG) {
      // Outer first where two begin together; a region's depth is how many hold it.
      list.sort((a, b) => a.start - b.start || b.end - a.end);
      const ends: number[] = [];
      for (const r of list) {
        while (ends.length && ends[ends.length - 1] <= r.start) ends.pop();
        r.depth = Math.min(ends.length, MAX_REGION_DEPTH - 1);
        ends.push(r.end);
      }
      this.regions.set(g, list);
    }
    for (const t of tasks) {
      for (const l of t.logList) {
        if (l.goroutine < 0) continue;
        let list = this.logs.get(l.goroutine);
        if (!list) this.logs.set(l.goroutine, (list = []));
        // As the trees show them: plain text as it is, anything else in Go's quotes.
        const message = displayTraceText(l.message);
        list.push({ time: l.time, text: l.category ? `${displayTraceText(l.category)}: ${message}` : message });
      }
    }
    for (const list of this.logs.values()) list.sort((a, b) => a.time - b.time);
  }

  /** Goroutine g's regions over [from, to] (ns, absolute), in the query's frame (minus origin). */
  regionsOf(g: number, from: number, to: number, nsPerPx: number, origin: number, str: (s: string) => number): LaneRegions | undefined {
    const list = this.regions.get(g);
    if (!list) return undefined;
    const out: LaneRegions = { start: [], end: [], depth: [], label: [], count: [] };
    /** Per depth, the index in `out` of the last region kept. */
    const last: number[] = new Array<number>(MAX_REGION_DEPTH).fill(-1);
    for (const r of list) {
      if (r.start > to) break;
      if (r.end < from) continue;
      const start = r.start - origin;
      const end = r.end - origin;
      const k = last[r.depth];
      if (k >= 0 && start - out.end[k] < nsPerPx && (end - start < nsPerPx || out.end[k] - out.start[k] < nsPerPx)) {
        out.end[k] = Math.max(out.end[k], end);
        out.count[k]++;
        continue;
      }
      last[r.depth] = out.start.length;
      out.start.push(start);
      out.end.push(end);
      out.depth.push(r.depth);
      out.label.push(str(r.name));
      out.count.push(1);
    }
    return out.start.length ? out : undefined;
  }

  /** Goroutine g's logs in [from, to], in the query's frame; those within a pixel of the last kept are counted in it. */
  logsOf(g: number, from: number, to: number, nsPerPx: number, origin: number, str: (s: string) => number): LaneLogs | undefined {
    const list = this.logs.get(g);
    if (!list) return undefined;
    const out: LaneLogs = { at: [], label: [], count: [] };
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid].time < from) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < list.length && list[i].time <= to; i++) {
      const at = list[i].time - origin;
      const k = out.at.length - 1;
      if (k >= 0 && at - out.at[k] < nsPerPx) {
        out.count[k]++;
        continue;
      }
      out.at.push(at);
      out.label.push(str(list[i].text));
      out.count.push(1);
    }
    return out.at.length ? out : undefined;
  }
}
