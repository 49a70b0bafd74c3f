import * as assert from 'node:assert/strict';
import { formatTick, niceStep, rulerTicks, unitFor } from '../../../webview/timeline/ruler.js';

describe('timeline ruler', () => {
  it('picks 1/2/5 steps at least the minimum', () => {
    assert.equal(niceStep(1), 1);
    assert.equal(niceStep(1.2), 2);
    assert.equal(niceStep(3), 5);
    assert.equal(niceStep(7), 10);
    assert.equal(niceStep(180_000), 200_000);
    assert.equal(niceStep(0), 1);
    assert.equal(niceStep(NaN), 1);
  });

  it('labels in the unit of the step, with the decimals it needs', () => {
    assert.deepEqual(unitFor(700, 100), { unit: 'ns', scale: 1, decimals: 0 });
    assert.deepEqual(unitFor(0, 50_000), { unit: 'µs', scale: 1e3, decimals: 0 }, 'zero: the unit of the step');
    assert.equal(formatTick(1_234_500, 500), '1.2345 ms');
    assert.equal(formatTick(1_250_000, 50_000), '1.25 ms');
    assert.equal(formatTick(1_000_000_200, 100), '1.0000002 s', 'deep zoom: the time to the step');
    assert.equal(formatTick(1_200_000_000, 200_000_000), '1.2 s');
    assert.equal(formatTick(950_000_000, 10_000_000), '950 ms');
    assert.equal(formatTick(3_000_000_000, 1_000_000_000), '3 s');
  });

  it('spaces ticks at least the minimum apart across the viewport, from 2 s down to 1 µs', () => {
    for (const [start, span] of [[0, 2e9], [937_500_000, 125e6], [1_000_000_123, 1000]]) {
      const ticks = rulerTicks({ startNs: start, endNs: start + span }, 1000, 90);
      assert.ok(ticks.length >= 5 && ticks.length <= 12, `${ticks.length} ticks for span ${span}`);
      const step = ticks[1].ns - ticks[0].ns;
      assert.ok((step / span) * 1000 >= 90 - 1e-6, 'at least 90 px apart');
      assert.ok(ticks[0].ns >= start && ticks.at(-1)!.ns <= start + span);
      assert.equal(new Set(ticks.map((t) => t.label)).size, ticks.length, 'distinct labels');
    }
    assert.deepEqual(rulerTicks({ startNs: 0, endNs: 0 }, 1000), []);
    assert.deepEqual(rulerTicks({ startNs: 0, endNs: 1e9 }, 0), []);
  });
});
