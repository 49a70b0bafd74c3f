import * as assert from 'node:assert/strict';
import type { LaneSlices } from '../../../src/shared/timeline.js';
import { INSTANT_SPAN_NS, placeViewport, sliceAt } from '../../../webview/timeline/reveal.js';

function lane(spans: [number, number, number?][]): LaneSlices {
  return {
    lane: 'g1',
    start: spans.map((s) => s[0]),
    end: spans.map((s) => s[1]),
    state: spans.map(() => 0),
    label: spans.map(() => -1),
    merged: spans.map((s) => s[2] ?? 0),
    offset: spans.map(() => -1),
    goroutine: spans.map(() => -1),
    proc: spans.map(() => -1),
  };
}

describe('timeline reveal (Show in Timeline)', () => {
  it('a place with a duration fills most of the view; an instant is centred in a fixed span', () => {
    const v = placeViewport({ startNs: 1000, endNs: 2000 }, 1e6);
    assert.ok(v.startNs < 1000 && v.endNs > 2000 && v.endNs - v.startNs <= 1300);
    const i = placeViewport({ startNs: 500_000, endNs: 500_000 }, 1e6);
    assert.equal(i.endNs - i.startNs, INSTANT_SPAN_NS);
    assert.equal((i.startNs + i.endNs) / 2, 500_000);
    // Near the start, the view stays within the trace.
    assert.ok(placeViewport({ startNs: 10, endNs: 10 }, 1e6).startNs >= 0);
  });

  it('selects the slice holding the instant: the one it begins over the one it ends, exact over merged', () => {
    const s = lane([[0, 10], [10, 20], [20, 30]]);
    assert.equal(sliceAt(s, 10), 1);
    assert.equal(sliceAt(s, 15), 1);
    assert.equal(sliceAt(s, 30), 2);
    assert.equal(sliceAt(s, 31), -1);
    assert.equal(sliceAt(lane([[0, 100, 5], [0, 100]]), 50), 1);
  });
});
