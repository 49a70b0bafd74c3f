import * as assert from 'node:assert/strict';
import { forEachGcPeriod, passedEndNs } from '../../../src/extension/model/gcPeriods.js';
import { TimelineSlices } from '../../../src/extension/model/timelineSlices.js';
import type { TimelineOverview } from '../../../src/analysis/index.js';

// Two chunks passed, to 200; a GC over 50-80, a stop-the-world still open from 150, one from 250.
const overview = {
  chunks: [{ startNs: 0, endNs: 100 }, { startNs: 100, endNs: 200 }],
  gc: { start: [50, 150, 250], end: [80, NaN, 260], kind: [0, 1, 0], reason: [-1, 0, -1] },
  reasons: ['sweep termination'],
  bytes: 0,
} as unknown as TimelineOverview;

const periods = (partial: boolean) => {
  const out: number[][] = [];
  forEachGcPeriod(overview, partial, (r, s, e) => out.push([r, s, e]));
  return out;
};

describe('extension/model/gcPeriods', () => {
  it('cuts a period still open where the chunks passed end, and leaves out one begun after', () => {
    assert.equal(passedEndNs(overview), 200);
    assert.equal(passedEndNs({ chunks: [] }), -Infinity);
    assert.deepEqual(periods(true), [[0, 50, 80], [1, 150, 200]]);
    // Once the pass is done every period has its end; one without is left out.
    assert.deepEqual(periods(false), [[0, 50, 80], [2, 250, 260]]);
  });

  it('the GC lane draws an open period during the pass to where the chunks end', async () => {
    const slices = new TimelineSlices({ spans: { source: undefined as never, generations: [] }, overview, originNs: 0, partial: true, goroutineLabel: (g) => `G${g}` });
    const a = await slices.slices({ lanes: ['gc'], fromNs: 0, toNs: 300, nsPerPx: 1 });
    const gc = a.lanes[0];
    assert.deepEqual([gc.start, gc.end], [[50, 150], [80, 200]]);
    assert.equal(a.strings[gc.label[1]], 'sweep termination');
  });
});
