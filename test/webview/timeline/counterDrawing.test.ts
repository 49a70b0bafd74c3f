import * as assert from 'node:assert/strict';
import type { CounterLaneData } from '../../../src/shared/timelineCounters.js';
import { counterAnnouncement, counterStep, counterTooltipLines, drawCounterLane, formatCounterValue, maxInRange, pointAt, scaleMax, SERIES_DASHES } from '../../../webview/timeline/counterDrawing.js';
import type { TimelineTheme } from '../../../webview/timeline/theme.js';

/** Three points: 0-10, 10-20, 30-40 (a gap), two series; a spike of 90 inside the second point. */
function lane(over: Partial<CounterLaneData> = {}): CounterLaneData {
  return {
    lane: 'c:goroutines',
    unit: 'goroutines',
    style: 'lines',
    start: [0, 10, 30],
    end: [10, 20, 40],
    series: [
      { name: 'Running', value: [4, 5, 6], min: [3, 4, 6], max: [4, 90, 6] },
      { name: 'Waiting', value: [1, 1, -1], min: [1, 1, -1], max: [1, 2, -1] },
    ],
    ...over,
  };
}

/** A 2D context that records what is drawn: text, and the y of every rect and line point. */
class RecordingContext {
  texts: string[] = [];
  ys: number[] = [];
  dashes: number[][] = [];
  fillStyle = '';
  strokeStyle = '';
  lineWidth = 1;
  globalAlpha = 1;
  font = '';
  textBaseline = '';
  fillRect(_x: number, y: number): void {
    this.ys.push(y);
  }
  rect(_x: number, y: number, _w: number, h: number): void {
    this.ys.push(y, y + h);
  }
  moveTo(_x: number, y: number): void {
    this.ys.push(y);
  }
  lineTo(_x: number, y: number): void {
    this.ys.push(y);
  }
  fillText(t: string): void {
    this.texts.push(t);
  }
  measureText(t: string): { width: number } {
    return { width: t.length * 6 };
  }
  setLineDash(d: number[]): void {
    this.dashes.push(d);
  }
  beginPath(): void {}
  fill(): void {}
  stroke(): void {}
}

const theme = { foreground: '#fff', muted: '#999', border: '#444', smallFont: '11px sans-serif', font: '12px sans-serif' } as TimelineTheme;

describe('timeline counter drawing', () => {
  it('formats bytes in binary units and counts with their unit', () => {
    assert.equal(formatCounterValue(512, 'bytes'), '512 B');
    assert.equal(formatCounterValue(3 * 1024 * 1024, 'bytes'), '3.00 MiB');
    assert.equal(formatCounterValue(1.5 * 1024 ** 3, 'bytes'), '1.50 GiB');
    assert.equal(formatCounterValue(12345, 'goroutines'), '12,345 goroutines');
    assert.equal(formatCounterValue(3, 'threads'), '3 threads');
    assert.equal(formatCounterValue(-1, 'bytes'), 'unknown');
    assert.equal(formatCounterValue(Number.NaN, 'samples'), 'unknown');
  });

  it('rounds the scale up to a round value at or above the max', () => {
    assert.equal(scaleMax(0, 'goroutines'), 1);
    assert.equal(scaleMax(7, 'goroutines'), 10);
    assert.equal(scaleMax(90, 'goroutines'), 100);
    assert.equal(scaleMax(120, 'goroutines'), 200);
    assert.equal(scaleMax(3, 'threads'), 5);
    assert.equal(scaleMax(300 * 1024 * 1024, 'bytes'), 512 * 1024 * 1024);
    assert.equal(scaleMax(1024 * 1024, 'bytes'), 1024 * 1024);
    for (const x of [1.5, 13, 999, 1001, 65_000, 3e9]) assert.ok(scaleMax(x, 'samples') >= x && scaleMax(x, 'samples') <= 2.5 * x, String(x));
  });

  it('picks the point holding a time, or the last before it', () => {
    const d = lane();
    assert.equal(pointAt(d, -1), -1);
    assert.equal(pointAt(d, 0), 0);
    assert.equal(pointAt(d, 9.9), 0);
    assert.equal(pointAt(d, 10), 1);
    assert.equal(pointAt(d, 25), 1, 'in the gap: the point before');
    assert.equal(pointAt(d, 35), 2);
    assert.equal(pointAt(d, 1e9), 2);
    assert.equal(pointAt(lane({ start: [], end: [], series: [] }), 5), -1);
  });

  it("takes the scale from the series' max over the range: a spike inside a point counts", () => {
    const d = lane();
    assert.equal(maxInRange(d, 0, 40), 90);
    assert.equal(maxInRange(d, 0, 10), 4, 'the spiking point starts at 10: not in [0, 10)');
    assert.equal(maxInRange(d, 30, 40), 6);
    assert.equal(maxInRange(d, 100, 200), 0);
  });

  it('hovers with the time, each series by name, and its range when the point merges several values', () => {
    const lines = counterTooltipLines(lane(), 15);
    assert.deepEqual(lines.map((l) => l.name), ['Time', 'Running', 'Waiting']);
    assert.equal(lines[1].value, '5 goroutines (4 goroutines – 90 goroutines in this span)');
    assert.equal(lines[2].value, '1 goroutine (1 goroutine – 2 goroutines in this span)');
    assert.equal(counterTooltipLines(lane(), 35)[2].value, 'unknown');
    assert.deepEqual(counterTooltipLines(lane(), 25), [], 'nothing in a gap');
    const heap = lane({ unit: 'bytes', series: [{ name: 'Heap in use', value: [2048, 2048, 2048], min: [2048, 2048, 2048], max: [2048, 2048, 2048] }] });
    assert.equal(counterTooltipLines(heap, 5)[1].value, '2.00 KiB', 'no range when it held one value');
  });

  it('steps the keyboard along the points, from the view’s edge when none is focused, and says the values', () => {
    const d = lane();
    assert.equal(counterStep(d, 1, undefined, { startNs: 12, endNs: 40 }), 1, 'the point holding the view’s start');
    assert.equal(counterStep(d, -1, undefined, { startNs: 0, endNs: 35 }), 2, 'the point holding the view’s end');
    assert.equal(counterStep(d, 1, 10, { startNs: 0, endNs: 40 }), 2);
    assert.equal(counterStep(d, 1, 30, { startNs: 0, endNs: 40 }), -1, 'none past the last');
    assert.equal(counterStep(d, -1, 0, { startNs: 0, endNs: 40 }), -1, 'none before the first');
    assert.equal(counterStep(lane({ start: [], end: [], series: [] }), 1, undefined, { startNs: 0, endNs: 1 }), -1);
    assert.equal(counterAnnouncement('Goroutines', d, 1), 'Goroutines: Time 10 ns – 20 ns, Running 5 goroutines (4 goroutines – 90 goroutines in this span), Waiting 1 goroutine (1 goroutine – 2 goroutines in this span)');
  });

  it('draws inside its row, names every series and shows the scale', () => {
    const ctx = new RecordingContext();
    const y = 100;
    const h = 54;
    drawCounterLane({ ctx: ctx as unknown as CanvasRenderingContext2D, theme, viewport: { startNs: 0, endNs: 40 }, left: 200, width: 400 }, lane(), y, h);
    assert.ok(ctx.texts.includes('Running') && ctx.texts.includes('Waiting'), 'a legend by name');
    assert.ok(ctx.texts.includes('max 100 goroutines'), ctx.texts.join('|'));
    assert.ok(ctx.ys.every((v) => v >= y && v <= y + h), 'nothing outside the row');
    assert.ok(ctx.dashes.some((d) => d.length === SERIES_DASHES[1].length && d.length > 0), 'the second series is dashed');
    // Bars: CPU samples.
    const bars = new RecordingContext();
    const cpu = lane({ unit: 'samples', style: 'bars', series: [{ name: 'Samples', value: [0, 3, 1], min: [0, 3, 1], max: [0, 3, 1] }] });
    drawCounterLane({ ctx: bars as unknown as CanvasRenderingContext2D, theme, viewport: { startNs: 0, endNs: 40 }, left: 200, width: 400 }, cpu, y, h);
    assert.ok(bars.texts.includes('max 5 samples'));
    assert.ok(bars.ys.every((v) => v >= y && v <= y + h));
  });
});
