import * as assert from 'node:assert/strict';
import type { TimelineMark } from '../../../src/shared/timeline.js';
import { drawnMarks, MAX_LISTED, marksAnnouncement, marksNear, rulerTooltip } from '../../../webview/timeline/rulerMarks.js';

const mark = (ns: number, severity: TimelineMark['severity'] = 'error', text = `p${ns}`): TimelineMark => ({ ns, severity, text });
// 1000 ns over 100 px: 10 ns a pixel.
const v = { startNs: 0, endNs: 1000 };

describe('timeline ruler marks (the problems at their times)', () => {
  it('draws the marks in view, one per 6 px, with the worst severity', () => {
    const marks = [mark(-500), mark(100, 'info'), mark(120, 'error'), mark(130, 'warning'), mark(500, 'warning'), mark(2000)];
    assert.deepEqual(drawnMarks(marks, v, 100), [
      { x: 10, severity: 'error', count: 3 },
      { x: 50, severity: 'warning', count: 1 },
    ]);
    assert.deepEqual(drawnMarks([], v, 100), []);
  });

  it('finds the marks near a pointer, and lists them with the window as text', () => {
    const marks = [mark(100, 'warning', '<img src=x onerror=alert(1)> (bad-code)'), mark(150), mark(400)];
    assert.deepEqual(marksNear(marks, v, 100, 12).map((m) => m.ns), [100, 150]);
    assert.deepEqual(marksNear(marks, v, 100, 30), []);
    const tip = rulerTooltip({ marks, window: { startNs: 0, endNs: 1000, text: 'Flight-recorder snapshot: generations 4–6 of the run' } }, v, 100, 12)!;
    assert.equal(tip.title, '2 problems');
    assert.deepEqual(tip.lines, [
      { name: 'Warning at 100 ns', value: '<img src=x onerror=alert(1)> (bad-code)' },
      { name: 'Error at 150 ns', value: 'p150' },
      { name: 'Window', value: 'Flight-recorder snapshot: generations 4–6 of the run' },
    ]);
    assert.deepEqual(rulerTooltip({ window: { startNs: 0, endNs: 1000, text: 'w' } }, v, 100, 80), { title: 'Flight-recorder window', lines: [{ name: 'Window', value: 'w' }] });
    assert.equal(rulerTooltip({ marks }, v, 100, 80), undefined);
  });

  it('caps the list and says how many more, and announces a click', () => {
    const many = Array.from({ length: MAX_LISTED + 3 }, (_, k) => mark(500 + k));
    const tip = rulerTooltip({ marks: many }, v, 100, 50)!;
    assert.equal(tip.lines.length, MAX_LISTED + 1);
    assert.match(tip.lines[MAX_LISTED].value, /^3 more problems here/);
    assert.equal(marksAnnouncement(many.slice(0, 2)), 'Error at 500 ns: p500, and 1 more problem here');
    assert.equal(marksAnnouncement([mark(2_500_000, 'info', 'x')]), 'Information at 2.5 ms: x');
  });
});
