import * as assert from 'node:assert/strict';
import { SLICE_STATES, type LaneSlices } from '../../../src/shared/timeline.js';
import type { LaneRow, Row } from '../../../webview/timeline/laneLayout.js';
import { estimateBytes, SliceCache } from '../../../webview/timeline/sliceCache.js';
import { compileSliceFilter } from '../../../webview/timeline/sliceFilter.js';
import { MAX_TABLE_ROWS, tableCaption, tableCells, visibleSlices } from '../../../webview/timeline/sliceTable.js';

const state = (s: (typeof SLICE_STATES)[number]) => SLICE_STATES.indexOf(s);
const row = (id: string, label: string, kind: 'goroutine' | 'proc' | 'counter' = 'goroutine', index = 0): LaneRow => ({ kind: 'lane', key: id, lane: { id, kind, label }, index, y: index * 18, height: 18 });

function put(cache: SliceCache, lane: string, level: number, tile: number, s: Partial<LaneSlices> & { start: number[]; end: number[] }, strings: string[] = []): void {
  const n = s.start.length;
  const slices: LaneSlices = { lane, state: Array(n).fill(0), label: Array(n).fill(-1), merged: Array(n).fill(1), offset: Array(n).fill(-1), goroutine: Array(n).fill(-1), proc: Array(n).fill(-1), ...s };
  cache.put({ lane, level, tile, slices, strings, exact: true, bytes: estimateBytes(slices, strings), fetchedAt: 0 });
}

describe('timeline slice table (the visible slices as text)', () => {
  // Level 0: 256 ns a tile; the view shows [100, 600).
  const v = { startNs: 100, endNs: 600 };

  it('lists the slices overlapping the view, lane by lane, once each, in time order', () => {
    const cache = new SliceCache();
    put(cache, 'g7', 0, 0, { start: [0, 50, 200], end: [40, 300, 256], state: [0, state('waiting'), 0], label: [-1, 0, -1], goroutine: [7, 7, 7] }, ['chan receive']);
    // The slice across the tile edge is in both tiles.
    put(cache, 'g7', 0, 1, { start: [200, 400], end: [256, 700], goroutine: [7, 7] });
    put(cache, 'p0', 0, 0, { start: [120], end: [130], goroutine: [7], proc: [0], label: [0] }, ['<script>x</script>']);
    const rows: Row[] = [row('g7', 'G7 main.worker'), row('p0', 'P 0', 'proc', 1), row('c:heap', 'Heap', 'counter', 2), row('g9', 'G9', 'goroutine', 3)];
    const got = visibleSlices(rows, cache, v, 0);
    assert.deepEqual(got.slices.map((s) => [s.lane, s.startNs, s.endNs, s.state, s.label]), [
      ['g7', 50, 300, 'waiting', 'chan receive'],
      ['g7', 200, 256, 'running', ''],
      ['g7', 400, 700, 'running', ''],
      ['p0', 120, 130, 'running', '<script>x</script>'],
    ]);
    assert.equal(got.total, 4);
    assert.equal(got.pending, 1, 'g9 has nothing cached; the counter lane is not a slice lane');
    assert.equal(tableCaption(got), 'Visible: 4 slices; 1 lane still loading');
    assert.deepEqual(tableCells(got.slices[0]), ['G7 main.worker', 'Waiting', 'chan receive', '50 ns', '250 ns', 'G7', '']);
    assert.deepEqual(tableCells(got.slices[3]).slice(2), ['<script>x</script>', '120 ns', '10 ns', 'G7', 'P0']);
  });

  it('lists only what matches the filter bar’s filter, and says so', () => {
    const cache = new SliceCache();
    put(cache, 'g7', 0, 0, { start: [100, 200], end: [150, 250], goroutine: [7, 7] });
    put(cache, 'p0', 0, 0, { start: [120, 160], end: [130, 170], goroutine: [7, 8], proc: [0, 0] });
    const rows: Row[] = [row('g7', 'G7'), row('p0', 'P 0', 'proc', 1)];
    const got = visibleSlices(rows, cache, v, 0, MAX_TABLE_ROWS, compileSliceFilter({ goroutine: 8 }));
    assert.deepEqual(got.slices.map((s) => [s.lane, s.startNs]), [['p0', 160]]);
    assert.equal(tableCaption(got), 'Visible: 1 slice matching the filter');
  });

  it('caps the rows, says so, and ignores a coarser level drawn meanwhile', () => {
    const cache = new SliceCache();
    const n = 40;
    put(cache, 'g1', 0, 0, { start: Array.from({ length: n }, (_, k) => 100 + k), end: Array.from({ length: n }, (_, k) => 101 + k), merged: Array(n).fill(3) });
    put(cache, 'g2', 1, 0, { start: [100], end: [200] });
    const got = visibleSlices([row('g1', 'G1'), row('g2', 'G2', 'goroutine', 1)], cache, v, 0, 10);
    assert.equal(got.slices.length, 10);
    assert.equal(got.total, n);
    assert.equal(got.pending, 1);
    assert.equal(tableCaption(got), 'Visible: the first 10 of 40 slices; 1 lane still loading');
    assert.equal(tableCells(got.slices[0])[1], 'Running (3 merged)');
  });
});
