/**
 * The timeline's lanes: the GC lane, one per proc and one per thread, and the goroutines grouped
 * by start function as `go tool trace` groups them (a group's lanes are asked for a page at a
 * time: a trace may have a million goroutines). Built from the summaries the pass made.
 */
import type { TimelineOverview } from '../../analysis/index.js';
import type { GoroutineTable, TraceSummaries } from '../../parser/index.js';
import type { GoroutineGroup, TimelineLane, TimelineLayout } from '../../shared/timeline.js';

const UNKNOWN = '(unknown)';

export class TimelineGroups {
  readonly groups: GoroutineGroup[] = [];
  /** Per group, its goroutines' table rows, by first appearance. */
  private readonly rows: Int32Array[] = [];
  /** Per table row, its group's index (-1: none); made when first asked. */
  private rowGroup: Int32Array | undefined;

  constructor(private readonly table: GoroutineTable) {
    const t = table;
    const byName = new Map<string, number[]>();
    for (let r = 0; r < t.size; r++) {
      const name = t.i.startFunction[r] >= 0 ? t.strings.items[t.i.startFunction[r]] : '';
      const key = name === '' ? UNKNOWN : name;
      let list = byName.get(key);
      if (!list) byName.set(key, (list = []));
      list.push(r);
    }
    for (const [name, list] of byName) {
      list.sort((a, b) => t.f.creationNs[a] - t.f.creationNs[b] || t.f.id[a] - t.f.id[b]);
      let running = 0;
      let blocked = 0;
      let first = Infinity;
      for (const r of list) {
        running += t.f.runningNs[r];
        blocked += t.f.blockedNs[r];
        first = Math.min(first, t.f.creationNs[r]);
      }
      this.groups.push({ index: this.groups.length, name, goroutines: list.length, runningNs: running, blockedNs: blocked, firstNs: first });
      this.rows.push(Int32Array.from(list));
    }
  }

  /** Per goroutine table row (at the time the groups were made), its group's index; -1: none. */
  groupOfRows(): Int32Array {
    if (!this.rowGroup) {
      const of = new Int32Array(this.table.size).fill(-1);
      this.rows.forEach((rows, g) => rows.forEach((r) => (of[r] = g)));
      this.rowGroup = of;
    }
    return this.rowGroup;
  }

  /** A goroutine's group and its place in the group's order (a scan of that group). */
  placeOf(goroutine: number): { group: number; indexInGroup: number } | undefined {
    const r = this.table.row(goroutine);
    const g = r < 0 ? -1 : (this.groupOfRows()[r] ?? -1);
    if (g < 0) return undefined;
    return { group: g, indexInGroup: this.rows[g].indexOf(r) };
  }

  /** Goroutine lanes offset..offset+limit-1 of a group. */
  lanes(group: number, offset: number, limit: number): TimelineLane[] {
    const rows = this.rows[group];
    if (!rows) return [];
    const t = this.table;
    const out: TimelineLane[] = [];
    for (let k = Math.max(0, offset); k < Math.min(rows.length, offset + limit); k++) {
      const r = rows[k];
      const id = t.f.id[r];
      out.push({ id: `g${id}`, kind: 'goroutine', label: `G${id}`, tooltip: `G${id} ${this.groups[group].name}` });
    }
    return out;
  }
}

/** The layout: times in ns since the trace's first event (`span.originNs`). */
export function timelineLayout(s: TraceSummaries, overview: TimelineOverview, groups: TimelineGroups, genNumber: (index: number) => number, span: { originNs: number; durationNs: number }, complete: boolean, counters: TimelineLane[] = []): TimelineLayout {
  const origin = span.originNs;
  const lanes: TimelineLane[] = [{ id: 'gc', kind: 'gc', label: 'GC', tooltip: 'GC cycles and stop-the-world periods' }, ...counters];
  for (const id of [...s.procs.keys()].sort((a, b) => a - b)) lanes.push({ id: `p${id}`, kind: 'proc', label: `P${id}`, tooltip: `Proc ${id}: the goroutines it ran` });
  for (const id of [...s.threads.keys()].sort((a, b) => a - b)) lanes.push({ id: `m${id}`, kind: 'thread', label: `M${id}`, tooltip: `Thread ${id}: the P it held, its system calls` });
  const generations = overview.chunks.map((c, k) => ({ number: genNumber(k), startNs: c.startNs - origin, endNs: c.endNs - origin }));
  return { durationNs: span.durationNs, generations, lanes, groups: groups.groups, complete };
}
