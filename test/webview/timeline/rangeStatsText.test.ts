import * as assert from 'node:assert/strict';
import type { RangeStats } from '../../../src/shared/timelineRangeStats.js';
import { sortedRows, statsHeading, statsTables } from '../../../webview/timeline/rangeStatsText.js';

function stats(over: Partial<RangeStats> = {}): RangeStats {
  return {
    query: { fromNs: 2_000_000, toNs: 1_000_000 },
    groups: [
      { group: 0, name: 'main.main', goroutines: 1, runningNs: 500_000, runnableNs: 0, waitingNs: 500_000, syscallNs: 0 },
      { group: 3, name: '<img src=x onerror=alert(1)>', goroutines: 40, runningNs: 2_000_000, runnableNs: 1500, waitingNs: 0, syscallNs: 250 },
      { group: 1, name: 'net/http.(*conn).serve', goroutines: 2, runningNs: 500_000, runnableNs: 10, waitingNs: 0, syscallNs: 0 },
    ],
    waitingReasons: [{ reason: 'chan receive', ns: 400_000 }, { reason: 'select', ns: 100_000 }],
    events: [{ type: 'GoBlock', count: 1200 }, { type: 'GoStart', count: 30 }],
    totalEvents: 1230,
    cpuSamples: 4,
    gc: { count: 2, ns: 300_000 },
    stw: { count: 1, ns: 20_000, reasons: [{ reason: 'GC mark termination', ns: 20_000, count: 1 }] },
    generations: 1,
    derived: 1,
    exact: true,
    approximate: [],
    ...over,
  };
}

describe('timeline range statistics as text', () => {
  it('the heading: the range in order, its width, generations and events', () => {
    assert.equal(statsHeading(stats()), '1 ms – 2 ms (1 ms): 1 generation, 1,230 events');
    assert.equal(statsHeading(stats({ generations: 3, totalEvents: 0 })), '1 ms – 2 ms (1 ms): 3 generations, 0 events');
  });

  it('a table per section; a group row: its name as is, counts and durations, the total', () => {
    const t = statsTables(stats());
    assert.deepEqual(t.map((x) => x.id), ['groups', 'reasons', 'events', 'gc']);
    const groups = t[0];
    assert.equal(groups.columns.length, groups.rows[0].cells.length);
    assert.deepEqual(groups.rows[1].cells, ['<img src=x onerror=alert(1)>', '40', '2 ms', '1.5 µs', '0 ns', '250 ns', '2.002 ms']);
    // CPU samples are listed after the events, apart from the total.
    assert.deepEqual(t[2].rows.map((r) => r.cells), [['GoBlock', '1,200'], ['GoStart', '30'], ['CPU samples', '4']]);
    assert.deepEqual(t[3].rows.map((r) => r.cells[0]), ['GC cycles', 'Stop-the-world', 'Stop-the-world: GC mark termination']);
  });

  it('sorts by a column: numbers by value, text in code order, ties in their first order; capped', () => {
    const groups = statsTables(stats())[0];
    const names = (column: number, descending: boolean, limit?: number) => sortedRows(groups, column, descending, limit).rows.map((r) => r.cells[0]);
    assert.deepEqual(names(2, true), ['<img src=x onerror=alert(1)>', 'main.main', 'net/http.(*conn).serve']);
    assert.deepEqual(names(2, false), ['main.main', 'net/http.(*conn).serve', '<img src=x onerror=alert(1)>']);
    assert.deepEqual(names(0, false), ['<img src=x onerror=alert(1)>', 'main.main', 'net/http.(*conn).serve']);
    assert.deepEqual(names(4, true), ['main.main', '<img src=x onerror=alert(1)>', 'net/http.(*conn).serve']);
    const capped = sortedRows(groups, 1, true, 2);
    assert.deepEqual(capped.rows.map((r) => r.cells[1]), ['40', '2']);
    assert.equal(capped.more, 1);
  });

  it('an empty range: empty tables but the GC rows', () => {
    const t = statsTables(stats({ groups: [], waitingReasons: [], events: [], cpuSamples: 0, gc: { count: 0, ns: 0 }, stw: { count: 0, ns: 0, reasons: [] } }));
    assert.deepEqual(t.map((x) => x.rows.length), [0, 0, 0, 2]);
  });
});
