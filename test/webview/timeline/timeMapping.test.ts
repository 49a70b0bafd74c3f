import * as assert from 'node:assert/strict';
import {
  centreOn,
  clampViewport,
  fitViewport,
  isFitted,
  MIN_SPAN_NS,
  nsAt,
  nsPerPx,
  panBy,
  spanOf,
  wheelZoomFactor,
  xOf,
  zoomAt,
  zoomToRange,
} from '../../../webview/timeline/timeMapping.js';

const DURATION = 7_876_543_210;

describe('timeline time mapping', () => {
  it('maps ns to px and back', () => {
    const v = { startNs: 1000, endNs: 11000 };
    assert.equal(nsPerPx(v, 1000), 10);
    assert.equal(xOf(v, 1000, 6000), 500);
    assert.equal(nsAt(v, 1000, 500), 6000);
    for (const x of [0, 1, 333.5, 999]) assert.ok(Math.abs(xOf(v, 1000, nsAt(v, 1000, x)) - x) < 1e-9);
    assert.equal(nsPerPx(v, 0), 10000, 'a zero width counts as one px');
  });

  it('fits the whole trace, and a tiny trace gets the minimum span', () => {
    assert.deepEqual(fitViewport(DURATION), { startNs: 0, endNs: DURATION });
    assert.deepEqual(fitViewport(10), { startNs: 0, endNs: MIN_SPAN_NS });
    assert.deepEqual(fitViewport(NaN), { startNs: 0, endNs: MIN_SPAN_NS });
  });

  it('tells a fitted view (which follows a growing trace) from one the user moved', () => {
    assert.equal(isFitted(fitViewport(DURATION), DURATION), true);
    assert.equal(isFitted(fitViewport(10), 10), true);
    assert.equal(isFitted(zoomAt(fitViewport(DURATION), DURATION, DURATION / 2, 0.5), DURATION), false);
    assert.equal(isFitted(fitViewport(DURATION), DURATION * 2), false);
  });

  it('keeps the point under the cursor in place when zooming', () => {
    const v = { startNs: 0, endNs: 1_000_000 };
    const z = zoomAt(v, DURATION, 250_000, 0.5);
    assert.equal(spanOf(z), 500_000);
    assert.equal(xOf(z, 800, 250_000), xOf(v, 800, 250_000));
  });

  it('zooms from the whole trace down to 1 µs and no further', () => {
    let v = fitViewport(DURATION);
    let steps = 0;
    while (spanOf(v) > MIN_SPAN_NS && steps < 1000) {
      v = zoomAt(v, DURATION, 3_333_333_333, wheelZoomFactor(-100));
      steps++;
    }
    assert.equal(spanOf(v), MIN_SPAN_NS, `reached 1 µs in ${steps} steps`);
    assert.ok(steps < 200, 'in a reasonable number of wheel notches');
    assert.ok(v.startNs <= 3_333_333_333 && v.endNs >= 3_333_333_333, 'still around the anchor');
    assert.equal(spanOf(zoomAt(v, DURATION, v.startNs, 0.1)), MIN_SPAN_NS);
  });

  it('zooms out no further than the whole trace and stays inside it', () => {
    const v = zoomAt({ startNs: DURATION - 1000, endNs: DURATION }, DURATION, DURATION, 1e12);
    assert.deepEqual(v, { startNs: 0, endNs: DURATION });
    const near = zoomAt({ startNs: 0, endNs: 2000 }, DURATION, 0, 4);
    assert.deepEqual(near, { startNs: 0, endNs: 8000 }, 'an anchor at the start keeps the start');
  });

  it('pans and stops at the trace ends, keeping the span', () => {
    const v = { startNs: 1000, endNs: 2000 };
    assert.deepEqual(panBy(v, DURATION, 500), { startNs: 1500, endNs: 2500 });
    assert.deepEqual(panBy(v, DURATION, -5000), { startNs: 0, endNs: 1000 });
    assert.deepEqual(panBy(v, DURATION, 1e15), { startNs: DURATION - 1000, endNs: DURATION });
    assert.deepEqual(panBy(v, DURATION, NaN), v);
  });

  it('clamps malformed viewports (inverted, too narrow, outside, not finite)', () => {
    assert.deepEqual(clampViewport({ startNs: 5000, endNs: 3000 }, DURATION), { startNs: 3000, endNs: 5000 });
    assert.deepEqual(clampViewport({ startNs: 5000, endNs: 5000 }, DURATION), { startNs: 4500, endNs: 5500 });
    assert.deepEqual(clampViewport({ startNs: -1e12, endNs: 1e18 }, DURATION), { startNs: 0, endNs: DURATION });
    assert.deepEqual(clampViewport({ startNs: NaN, endNs: Infinity }, DURATION), { startNs: 0, endNs: DURATION });
  });

  it('centres on a point (overview clicks) and zooms to a range with a margin', () => {
    assert.deepEqual(centreOn({ startNs: 0, endNs: 1000 }, DURATION, 10_000), { startNs: 9500, endNs: 10_500 });
    assert.deepEqual(centreOn({ startNs: 0, endNs: 1000 }, DURATION, 0), { startNs: 0, endNs: 1000 });
    assert.deepEqual(zoomToRange(20_000, 10_000, DURATION, 0.1), { startNs: 9000, endNs: 21_000 });
    assert.equal(spanOf(zoomToRange(5, 6, DURATION)), MIN_SPAN_NS, 'a tiny selection shows 1 µs');
  });

  it('turns wheel deltas into bounded zoom factors', () => {
    assert.ok(wheelZoomFactor(-100) < 1 && wheelZoomFactor(100) > 1);
    assert.equal(wheelZoomFactor(0), 1);
    assert.equal(wheelZoomFactor(1e9), wheelZoomFactor(500), 'bounded');
    assert.equal(wheelZoomFactor(NaN), 1);
  });
});
