/**
 * Drawing the lanes with a filter (webview/timeline/laneDrawing.ts): on a recording 2D context,
 * the slices that do not match are filled at a lower alpha, the matching ones at full alpha and
 * outlined, a lane with no match has a muted name, and the frame says how many match.
 */
import * as assert from 'node:assert/strict';
import { SLICE_STATES, type LaneSlices, type TimelineLane } from '../../../src/shared/timeline.js';
import { DIM_ALPHA, drawLanes, type LaneFrame } from '../../../webview/timeline/laneDrawing.js';
import type { Row } from '../../../webview/timeline/laneLayout.js';
import { SliceCache, tileSpanNs } from '../../../webview/timeline/sliceCache.js';
import { compileSliceFilter } from '../../../webview/timeline/sliceFilter.js';
import type { TimelineTheme } from '../../../webview/timeline/theme.js';

interface Paint {
  style: string;
  alpha: number;
  rects: number;
}

/** Records each fill and stroke with its style, alpha and the rects in its path, and each text's colour. */
class RecordingContext {
  fills: Paint[] = [];
  strokes: Paint[] = [];
  texts: { text: string; style: string; alpha: number }[] = [];
  private path = 0;
  fillStyle = '';
  strokeStyle = '';
  lineWidth = 1;
  globalAlpha = 1;
  font = '';
  textBaseline = '';
  beginPath(): void {
    this.path = 0;
  }
  rect(): void {
    this.path++;
  }
  fill(): void {
    this.fills.push({ style: this.fillStyle, alpha: this.globalAlpha, rects: this.path });
  }
  stroke(): void {
    this.strokes.push({ style: this.strokeStyle, alpha: this.globalAlpha, rects: this.path });
  }
  fillText(text: string): void {
    this.texts.push({ text, style: this.fillStyle, alpha: this.globalAlpha });
  }
  fillRect(): void {}
  strokeRect(): void {}
  save(): void {}
  restore(): void {}
  clip(): void {}
  moveTo(): void {}
  lineTo(): void {}
  closePath(): void {}
  setLineDash(): void {}
  measureText(t: string): { width: number } {
    return { width: t.length * 6 };
  }
}

const theme = {
  background: '#000',
  foreground: '#fff',
  muted: '#999',
  border: '#444',
  headerBackground: '#111',
  focus: '#0ff',
  rangeFill: '#222',
  smallFont: '11px sans-serif',
  font: '12px sans-serif',
  highContrast: false,
  states: SLICE_STATES.map((s) => ({ fill: `fill-${s}` })),
} as unknown as TimelineTheme;

const strings = ['G12', 'G7', '<b>chan receive</b>'];
const p1: LaneSlices = { lane: 'p1', start: [0, 100, 200], end: [50, 150, 260], state: [0, 0, 0], label: [0, 1, 0], merged: [0, 0, 0], offset: [-1, -1, -1], goroutine: [12, 7, 12], proc: [-1, -1, -1] };
const g7: LaneSlices = { lane: 'g7', start: [0, 100, 200], end: [100, 200, 300], state: [0, 2, 0], label: [-1, 2, -1], merged: [0, 0, 0], offset: [1, 2, 3], goroutine: [-1, -1, -1], proc: [1, -1, 1] };
const lanes: TimelineLane[] = [
  { id: 'p1', kind: 'proc', label: 'P1' },
  { id: 'g7', kind: 'goroutine', label: 'G7', tooltip: 'G7 main.worker' },
];
const LEVEL = 2;

function frame(ctx: RecordingContext, filter?: LaneFrame['filter']): LaneFrame {
  const cache = new SliceCache();
  for (const s of [p1, g7]) cache.put({ lane: s.lane, level: LEVEL, tile: 0, slices: s, strings, exact: true, bytes: 100, fetchedAt: 0 });
  const rows: Row[] = lanes.map((lane, i) => ({ kind: 'lane', key: lane.id, lane, index: i, y: i * 18, height: 18 }));
  return { ctx: ctx as unknown as CanvasRenderingContext2D, theme, viewport: { startNs: 0, endNs: 1000 }, width: 1000, height: 100, scrollTop: 0, level: LEVEL, cache, rows, focusIndex: 0, hasFocus: false, filter };
}

const fillsOf = (ctx: RecordingContext, state: string) => ctx.fills.filter((f) => f.style === `fill-${state}`);

describe('webview/timeline/laneDrawing with a filter', () => {
  it('without one: every slice at full alpha, no outline, no count', () => {
    const ctx = new RecordingContext();
    assert.equal(drawLanes(frame(ctx)), undefined);
    assert.deepEqual(fillsOf(ctx, 'running'), [{ style: 'fill-running', alpha: 1, rects: 5 }]);
    assert.deepEqual(fillsOf(ctx, 'waiting'), [{ style: 'fill-waiting', alpha: 1, rects: 1 }]);
    assert.equal(ctx.strokes.filter((s) => s.style === theme.foreground).length, 0);
    // The lane names are drawn last (a slice's label may read the same).
    for (const name of ['P1', 'G7']) assert.equal(ctx.texts.filter((t) => t.text === name).at(-1)?.style, theme.foreground);
  });

  it('goroutine 12: the other slices dimmed, its slices full and outlined, G7 muted, 2 of 6 match', () => {
    const ctx = new RecordingContext();
    const count = drawLanes(frame(ctx, compileSliceFilter({ goroutine: 12 })));
    assert.deepEqual(count, { visible: 6, matched: 2 });
    assert.deepEqual(fillsOf(ctx, 'running'), [
      { style: 'fill-running', alpha: DIM_ALPHA, rects: 3 },
      { style: 'fill-running', alpha: 1, rects: 2 },
    ]);
    assert.deepEqual(fillsOf(ctx, 'waiting'), [{ style: 'fill-waiting', alpha: DIM_ALPHA, rects: 1 }]);
    assert.ok(DIM_ALPHA < 1);
    assert.deepEqual(ctx.strokes.filter((s) => s.style === theme.foreground), [{ style: theme.foreground, alpha: 1, rects: 2 }]);
    const header = (name: string) => ctx.texts.filter((t) => t.text === name).at(-1);
    assert.equal(header('P1')?.style, theme.foreground);
    assert.equal(header('G7')?.style, theme.muted, 'no match on the G7 lane');
    // The label of a dimmed slice is fainter too; the trace's markup-like string is text.
    const reason = ctx.texts.find((t) => t.text.startsWith('<b>chan'));
    assert.ok(reason && reason.alpha < 1);
    assert.equal(ctx.texts.find((t) => t.text === 'G12')?.alpha, 1);
  });

  it('a slice across a tile edge is counted once', () => {
    const ctx = new RecordingContext();
    const f = frame(ctx, compileSliceFilter({ goroutine: 7 }));
    // The next tile at this level repeats g7's last slice, which began in tile 0.
    const span = tileSpanNs(LEVEL);
    f.cache.put({ lane: 'g7', level: LEVEL, tile: 1, slices: { ...g7, start: [200, span + 10], end: [span + 5, span + 20], state: [0, 0], label: [-1, -1], merged: [0, 0], offset: [3, 4], goroutine: [-1, -1], proc: [1, 1] }, strings, exact: true, bytes: 100, fetchedAt: 0 });
    f.viewport = { startNs: 0, endNs: 2000 };
    assert.deepEqual(drawLanes(f), { visible: 7, matched: 5 });
  });
});
