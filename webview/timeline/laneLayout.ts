/**
 * The timeline's rows, top to bottom: the GC lane, the counter lanes, the Procs section, the Threads section, then
 * one collapsible header per goroutine group, followed (when expanded) by its goroutines' lanes.
 * Pure: no DOM.
 *
 * Rows are not materialised: the layout is a short list of blocks (a header, or a run of
 * equal-height lanes), so a group of 100,000 goroutines costs one block, and y -> row and
 * index -> row are a binary search. Only the rows in the visible band are ever built, which is
 * what keeps thousands of goroutine lanes fluid.
 */
import type { GoroutineGroup, TimelineLane, TimelineLayout } from '../../src/shared/timeline.js';

export const LANE_HEIGHT = 18;
export const HEADER_HEIGHT = 22;
/** A counter lane (heap, goroutines, threads, CPU samples) is three lanes tall: room for a scale. */
export const COUNTER_LANE_HEIGHT = 3 * LANE_HEIGHT;

export type GroupSort = 'start' | 'running' | 'blocked' | 'name';
export const GROUP_SORTS: readonly GroupSort[] = ['start', 'running', 'blocked', 'name'];

/** Keys of the collapsible sections; a group's key is groupKey(group). */
export const PROCS_KEY = 'procs';
export const THREADS_KEY = 'threads';
export const TASKS_KEY = 'tasks';
export const DEFAULT_EXPANDED: readonly string[] = [PROCS_KEY, THREADS_KEY, TASKS_KEY];

export function groupKey(g: GoroutineGroup): string {
  return `group:${g.name}`;
}

export interface HeaderRow {
  kind: 'header';
  key: string;
  label: string;
  /** How many lanes it holds. */
  count: number;
  expanded: boolean;
  group?: GoroutineGroup;
  index: number;
  y: number;
  height: number;
}

export interface LaneRow {
  kind: 'lane';
  /** The lane's id once known; until its page of goroutines arrives, a placeholder key. */
  key: string;
  /** Undefined for a goroutine lane whose page has not arrived yet. */
  lane: TimelineLane | undefined;
  /** Goroutine lanes: the group's index in TimelineLayout.groups and the lane's place in it. */
  group?: number;
  indexInGroup?: number;
  index: number;
  y: number;
  height: number;
}

export type Row = HeaderRow | LaneRow;

/** The goroutine lanes fetched so far: a group's index and a place in it -> the lane, if known. */
export type GroupLaneLookup = (group: number, indexInGroup: number) => TimelineLane | undefined;

interface Block {
  /** A run of one group's goroutine lanes: the group's index. */
  group?: number;
  firstIndex: number;
  count: number;
  y: number;
  rowHeight: number;
  row(i: number, index: number, y: number): Row;
}

/** Orders groups for display; ties keep the layout's order. */
export function sortGroups(groups: readonly GoroutineGroup[], sort: GroupSort): GoroutineGroup[] {
  const by: Record<GroupSort, (a: GoroutineGroup, b: GoroutineGroup) => number> = {
    start: (a, b) => a.firstNs - b.firstNs,
    running: (a, b) => b.runningNs - a.runningNs,
    blocked: (a, b) => b.blockedNs - a.blockedNs,
    name: (a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
  };
  const cmp = by[sort] ?? by.start;
  return [...groups].sort((a, b) => cmp(a, b) || a.index - b.index);
}

export class LaneLayout {
  readonly rowCount: number;
  readonly totalHeight: number;
  private readonly blocks: Block[] = [];

  constructor(layout: TimelineLayout, expanded: ReadonlySet<string>, sort: GroupSort, laneAt: GroupLaneLookup) {
    let index = 0;
    let y = 0;
    const add = (count: number, rowHeight: number, row: Block['row'], group?: number) => {
      if (count <= 0) return;
      this.blocks.push({ group, firstIndex: index, count, y, rowHeight, row });
      index += count;
      y += count * rowHeight;
    };
    const fixedLanes = (lanes: TimelineLane[], height = LANE_HEIGHT) =>
      add(lanes.length, height, (i, idx, ry) => ({ kind: 'lane', key: lanes[i].id, lane: lanes[i], index: idx, y: ry, height }));
    const header = (key: string, label: string, count: number, group?: GoroutineGroup) => {
      const open = expanded.has(key);
      add(1, HEADER_HEIGHT, (_i, idx, ry) => ({ kind: 'header', key, label, count, expanded: open, group, index: idx, y: ry, height: HEADER_HEIGHT }));
      return open;
    };

    fixedLanes(layout.lanes.filter((l) => l.kind === 'gc'));
    fixedLanes(layout.lanes.filter((l) => l.kind === 'counter'), COUNTER_LANE_HEIGHT);
    for (const [key, kind, label] of [[PROCS_KEY, 'proc', 'Procs'], [THREADS_KEY, 'thread', 'Threads'], [TASKS_KEY, 'task', 'Tasks']] as const) {
      const lanes = layout.lanes.filter((l) => l.kind === kind);
      if (lanes.length === 0) continue;
      if (header(key, label, lanes.length)) fixedLanes(lanes);
    }
    for (const g of sortGroups(layout.groups, sort)) {
      const count = Math.max(0, Math.floor(g.goroutines));
      if (!header(groupKey(g), g.name, count, g)) continue;
      add(count, LANE_HEIGHT, (i, idx, ry) => {
        const lane = laneAt(g.index, i);
        return { kind: 'lane', key: lane?.id ?? `${groupKey(g)}#${i}`, lane, group: g.index, indexInGroup: i, index: idx, y: ry, height: LANE_HEIGHT };
      }, g.index);
    }
    this.rowCount = index;
    this.totalHeight = y;
  }

  rowAt(index: number): Row | undefined {
    if (!(index >= 0 && index < this.rowCount)) return undefined;
    const b = this.blocks[this.search((blk) => blk.firstIndex <= index)];
    const i = Math.floor(index) - b.firstIndex;
    return b.row(i, b.firstIndex + i, b.y + i * b.rowHeight);
  }

  /** The row at y (px from the top of all rows), or undefined past the ends. */
  rowAtY(y: number): Row | undefined {
    if (!(y >= 0 && y < this.totalHeight)) return undefined;
    const b = this.blocks[this.search((blk) => blk.y <= y)];
    const i = Math.min(b.count - 1, Math.floor((y - b.y) / b.rowHeight));
    return b.row(i, b.firstIndex + i, b.y + i * b.rowHeight);
  }

  /** The rows that intersect [top, top + height), in order. */
  visibleRows(top: number, height: number): Row[] {
    const rows: Row[] = [];
    const first = this.rowAtY(Math.max(0, top));
    if (!first) return rows;
    const bottom = top + height;
    for (let i = first.index; i < this.rowCount; i++) {
      const r = this.rowAt(i)!;
      if (r.y >= bottom) break;
      rows.push(r);
    }
    return rows;
  }

  /** The row with this key (a lane id or a header key), if it is laid out; a linear scan. */
  findRow(key: string): Row | undefined {
    for (const b of this.blocks) {
      const probe = b.row(0, b.firstIndex, b.y);
      if (b.count === 1 && probe.key === key) return probe;
      if (probe.kind === 'lane' && probe.group === undefined) {
        for (let i = 0; i < b.count; i++) {
          const r = b.row(i, b.firstIndex + i, b.y + i * b.rowHeight);
          if (r.key === key) return r;
        }
      }
    }
    return undefined;
  }

  /** The row of a group's goroutine lane (by its place in the group), if the group is expanded. */
  groupLaneRow(group: number, indexInGroup: number): Row | undefined {
    const b = this.blocks.find((x) => x.group === group);
    if (!b || !(indexInGroup >= 0 && indexInGroup < b.count)) return undefined;
    const i = Math.floor(indexInGroup);
    return b.row(i, b.firstIndex + i, b.y + i * b.rowHeight);
  }

  /** The last block satisfying `atOrBefore` (blocks are in order). */
  private search(atOrBefore: (b: Block) => boolean): number {
    let lo = 0;
    let hi = this.blocks.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (atOrBefore(this.blocks[mid])) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
}
