import * as assert from 'node:assert/strict';
import { annotationsAt, collectAnnotations, type AnnotationMarks } from '../../../webview/timeline/annotationDrawing.js';
import type { LaneSlices } from '../../../src/shared/timeline.js';
import { tooltipLines } from '../../../webview/timeline/tooltip.js';

const strings = ['outer', 'inner', 'db: <b>query</b>'];
const lane: LaneSlices = {
  lane: 'g7', start: [0], end: [1000], state: [0], label: [-1], merged: [0], offset: [-1], goroutine: [-1], proc: [-1],
  regions: { start: [100, 200, 700], end: [600, 300, 900], depth: [0, 1, 0], label: [0, 1, 0], count: [1, 1, 4] },
  logs: { at: [250, 800], label: [2, 2], count: [1, 3] },
};

describe('timeline annotations (regions and logs over a goroutine lane)', () => {
  it('names the regions holding a time, outermost first, and the logs near it', () => {
    assert.deepEqual(annotationsAt(lane, strings, 250, 5), { regions: ['outer', 'inner'], logs: ['db: <b>query</b>'] });
    assert.deepEqual(annotationsAt(lane, strings, 650, 5), { regions: [], logs: [] });
    assert.deepEqual(annotationsAt(lane, strings, 800, 5), { regions: ['outer and 3 more'], logs: ['db: <b>query</b> (and 2 more)'] });
  });

  it('places a band per region at its depth, and a log mark on the lane bottom, inside the view only', () => {
    const out: AnnotationMarks = { bands: [], logs: [] };
    collectAnnotations(lane, { startNs: 0, endNs: 1000 }, 200, 1000, 40, 18, out);
    assert.equal(out.bands.length, 3 * 4);
    assert.deepEqual(out.bands.slice(0, 4), [300, 41, 500, 2]);
    assert.equal(out.bands[5], 44, 'depth 1 is a band lower');
    assert.deepEqual(out.logs, [450, 57, 1000, 57]);
    const some: AnnotationMarks = { bands: [], logs: [] };
    collectAnnotations(lane, { startNs: 650, endNs: 1000 }, 200, 1000, 0, 18, some);
    assert.equal(some.bands.length, 4, 'only the region in view');
    assert.equal(some.logs.length, 2);
  });

  it('the tooltip lists them as text lines', () => {
    const lines = tooltipLines({ laneLabel: 'G7', state: 'running', startNs: 0, endNs: 1000, merged: 0, regions: ['outer', 'inner'], logs: ['db: <b>query</b>'] });
    assert.deepEqual(lines.slice(-2), [{ name: 'Regions', value: 'outer › inner' }, { name: 'Log', value: 'db: <b>query</b>' }]);
  });
});
