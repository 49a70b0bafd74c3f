import * as assert from 'node:assert/strict';
import { byPhase, percentile, perFrame, phasesOf, stats } from '../../bench/timeline/frameStats';

describe('bench/timeline/frameStats', () => {
  it('percentiles are nearest-rank: p95 of 1..100 is 95, p50 of 1..4 is 2', () => {
    const hundred = Array.from({ length: 100 }, (_, i) => i + 1);
    assert.equal(percentile(hundred, 95), 95);
    assert.equal(percentile(hundred, 99), 99);
    assert.equal(percentile([1, 2, 3, 4], 50), 2);
    assert.equal(percentile([7], 99), 7);
    assert.ok(Number.isNaN(percentile([], 50)));
  });

  it('stats sorts its input and gives count, mean and max; empty input gives NaN, not a throw', () => {
    const s = stats([50, 16.7, 16.7, 33.4]);
    assert.deepEqual({ count: s.count, p50: s.p50, max: s.max }, { count: 4, p50: 16.7, max: 50 });
    assert.ok(Math.abs(s.mean - 29.2) < 1e-9);
    const e = stats([]);
    assert.equal(e.count, 0);
    assert.ok(Number.isNaN(e.mean) && Number.isNaN(e.p95));
  });

  it('perFrame sums the callbacks that share a frame timestamp, in time order', () => {
    assert.deepEqual(perFrame([[20, 1], [10, 2], [20, 3.5]]), [[10, 2], [20, 4.5]]);
  });

  it('phases last until the next mark; records of phases with one name are joined', () => {
    const phases = phasesOf([['zoom in', 0], ['pan', 10], ['zoom in', 20]], 30);
    assert.deepEqual(phases.map((p) => [p.name, p.start, p.end]), [['zoom in', 0, 10], ['pan', 10, 20], ['zoom in', 20, 30]]);
    const got = byPhase([[1, 1], [10, 2], [19, 3], [25, 4], [30, 5]], phases);
    assert.deepEqual([...got], [['zoom in', [1, 4]], ['pan', [2, 3]]]);
  });
});
