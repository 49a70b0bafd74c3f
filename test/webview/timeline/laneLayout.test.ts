import * as assert from 'node:assert/strict';
import type { GoroutineGroup, TimelineLane, TimelineLayout } from '../../../src/shared/timeline.js';
import { COUNTER_LANE_HEIGHT, DEFAULT_EXPANDED, groupKey, HEADER_HEIGHT, LANE_HEIGHT, LaneLayout, sortGroups, type Row } from '../../../webview/timeline/laneLayout.js';

function layoutOf(procs: number, threads: number, groups: Array<Partial<GoroutineGroup> & { goroutines: number }>): TimelineLayout {
  const lanes: TimelineLane[] = [{ id: 'gc', kind: 'gc', label: 'GC' }];
  for (let p = 0; p < procs; p++) lanes.push({ id: `p${p}`, kind: 'proc', label: `P${p}` });
  for (let m = 0; m < threads; m++) lanes.push({ id: `m${m}`, kind: 'thread', label: `M${m}` });
  return {
    durationNs: 1e9,
    generations: [],
    lanes,
    groups: groups.map((g, index) => ({ index, name: `fn${index}`, runningNs: 0, blockedNs: 0, firstNs: 0, ...g })),
    complete: true,
  };
}

const goroutine = (group: number, i: number): TimelineLane => ({ id: `g${group * 100_000 + i}`, kind: 'goroutine', label: `G${i}` });
const labels = (rows: Row[]) => rows.map((r) => (r.kind === 'header' ? `[${r.label}]` : r.key));

describe('timeline lane layout', () => {
  it('lists GC, Procs, Threads, then the groups, collapsed by default', () => {
    const l = new LaneLayout(layoutOf(2, 1, [{ goroutines: 3 }, { goroutines: 2 }]), new Set(DEFAULT_EXPANDED), 'start', goroutine);
    assert.deepEqual(labels(l.visibleRows(0, 1e6)), ['gc', '[Procs]', 'p0', 'p1', '[Threads]', 'm0', '[fn0]', '[fn1]']);
    assert.equal(l.rowCount, 8);
    assert.equal(l.totalHeight, 4 * LANE_HEIGHT + 4 * HEADER_HEIGHT);
  });

  it('lists an expanded group\'s goroutines, and placeholders for lanes not fetched yet', () => {
    const layout = layoutOf(1, 0, [{ goroutines: 3 }]);
    const known = (g: number, i: number) => (i < 2 ? goroutine(g, i) : undefined);
    const l = new LaneLayout(layout, new Set([groupKey(layout.groups[0])]), 'start', known);
    const rows = l.visibleRows(0, 1e6);
    assert.deepEqual(labels(rows), ['gc', '[Procs]', '[fn0]', 'g0', 'g1', 'group:fn0#2']);
    const last = rows.at(-1)!;
    assert.ok(last.kind === 'lane' && last.lane === undefined && last.group === 0 && last.indexInGroup === 2);
    assert.equal(rows[1].kind === 'header' && rows[1].expanded, false, 'Procs collapsed: not in the expanded set');
  });

  it('maps y to rows and back, and nothing past the ends', () => {
    const layout = layoutOf(4, 4, [{ goroutines: 10 }]);
    const l = new LaneLayout(layout, new Set([...DEFAULT_EXPANDED, groupKey(layout.groups[0])]), 'start', goroutine);
    for (let i = 0; i < l.rowCount; i++) {
      const r = l.rowAt(i)!;
      assert.equal(r.index, i);
      assert.equal(l.rowAtY(r.y)!.index, i, `top of row ${i}`);
      assert.equal(l.rowAtY(r.y + r.height - 0.01)!.index, i, `bottom of row ${i}`);
    }
    const last = l.rowAt(l.rowCount - 1)!;
    assert.equal(last.y + last.height, l.totalHeight);
    assert.equal(l.rowAtY(-1), undefined);
    assert.equal(l.rowAtY(l.totalHeight), undefined);
    assert.equal(l.rowAt(l.rowCount), undefined);
    assert.equal(l.rowAt(NaN), undefined);
  });

  it('builds only the visible rows of 100,000 goroutine lanes', () => {
    const layout = layoutOf(8, 16, [{ goroutines: 50_000 }, { goroutines: 50_000 }]);
    let built = 0;
    const counting = (g: number, i: number) => (built++, goroutine(g, i));
    const l = new LaneLayout(layout, new Set([...DEFAULT_EXPANDED, ...layout.groups.map(groupKey)]), 'start', counting);
    assert.equal(l.rowCount, 1 + 1 + 8 + 1 + 16 + 2 + 100_000);
    assert.equal(built, 0, 'constructing builds no goroutine row');
    const top = l.totalHeight / 2;
    const rows = l.visibleRows(top, 600);
    assert.ok(rows.length <= Math.ceil(600 / LANE_HEIGHT) + 1, `${rows.length} rows`);
    assert.ok(built <= rows.length + 1);
    assert.ok(rows[0].y <= top && rows[0].y + rows[0].height > top);
    for (let i = 1; i < rows.length; i++) assert.equal(rows[i].y, rows[i - 1].y + rows[i - 1].height);
  });

  it('sorts groups by start, running time, blocked time or name, ties in layout order', () => {
    const groups = layoutOf(0, 0, [
      { name: 'b', goroutines: 1, firstNs: 30, runningNs: 5, blockedNs: 100 },
      { name: 'a', goroutines: 1, firstNs: 10, runningNs: 50, blockedNs: 100 },
      { name: 'c', goroutines: 1, firstNs: 20, runningNs: 500, blockedNs: 1 },
    ]).groups;
    const names = (s: Parameters<typeof sortGroups>[1]) => sortGroups(groups, s).map((g) => g.name).join('');
    assert.equal(names('start'), 'acb');
    assert.equal(names('running'), 'cab');
    assert.equal(names('blocked'), 'bac', 'most blocked first; the tie keeps b before a');
    assert.equal(names('name'), 'abc');
    assert.equal(groups[0].name, 'b', 'the input is not reordered');
  });

  it('finds fixed lanes and headers by key', () => {
    const l = new LaneLayout(layoutOf(2, 2, [{ goroutines: 1 }]), new Set(DEFAULT_EXPANDED), 'start', goroutine);
    assert.equal(l.findRow('m1')?.index, 6);
    assert.equal(l.findRow('group:fn0')?.kind, 'header');
    assert.equal(l.findRow('nope'), undefined);
  });

  it("finds a group's goroutine lane by its place in the group, only while the group is open", () => {
    const layout = layoutOf(1, 0, [{ goroutines: 3 }, { goroutines: 50_000 }]);
    const open = new LaneLayout(layout, new Set([...DEFAULT_EXPANDED, groupKey(layout.groups[1])]), 'start', goroutine);
    const r = open.groupLaneRow(1, 49_999);
    assert.ok(r && r.kind === 'lane');
    assert.equal(r.key, 'g149999');
    assert.equal(open.rowAtY(r.y)?.index, r.index);
    assert.equal(open.groupLaneRow(1, 50_000), undefined);
    assert.equal(open.groupLaneRow(0, 0), undefined, 'group 0 is collapsed');
  });

  it('puts the counter lanes right after GC, each three lanes tall', () => {
    const layout = layoutOf(1, 0, []);
    layout.lanes.splice(1, 0, { id: 'c:heap', kind: 'counter', label: 'Heap' }, { id: 'c:goroutines', kind: 'counter', label: 'Goroutines' });
    const l = new LaneLayout(layout, new Set(DEFAULT_EXPANDED), 'start', goroutine);
    const rows = l.visibleRows(0, 1e6);
    assert.deepEqual(labels(rows), ['gc', 'c:heap', 'c:goroutines', '[Procs]', 'p0']);
    assert.equal(rows[1].height, COUNTER_LANE_HEIGHT);
    assert.equal(COUNTER_LANE_HEIGHT, 3 * LANE_HEIGHT);
    assert.equal(rows[2].y, LANE_HEIGHT + COUNTER_LANE_HEIGHT);
    assert.equal(l.rowAtY(LANE_HEIGHT + COUNTER_LANE_HEIGHT - 1)?.key, 'c:heap', 'the whole height is the lane');
    assert.equal(l.findRow('c:goroutines')?.y, rows[2].y);
  });
});
