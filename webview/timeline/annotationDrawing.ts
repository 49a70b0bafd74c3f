/**
 * A goroutine lane's user regions and logs, over its states: each region a thin band at the
 * lane's top, one band per nesting depth (so nesting is seen by place, not colour), each log a
 * small triangle on the lane's bottom edge. And what the hover says of them at a time.
 */
import { SLICE_STATES, type LaneSlices, type SliceAnswer } from '../../src/shared/timeline.js';
import type { TimelineTheme } from './theme.js';
import { xOf, type Viewport } from './timeMapping.js';

const BAND_HEIGHT = 2;
const BAND_STEP = 3;
const LOG_HALF_WIDTH = 3;
const LOG_HEIGHT = 5;
/** The bands take the region state's colour. */
const REGION_STATE = SLICE_STATES.indexOf('region');

/** Rectangles (x, y, w, h) of region bands and triangle tips (x, y) of logs, for one fill each. */
export interface AnnotationMarks {
  bands: number[];
  logs: number[];
}

export function collectAnnotations(s: LaneSlices, v: Viewport, left: number, width: number, y: number, h: number, out: AnnotationMarks): void {
  const r = s.regions;
  if (r) {
    for (let i = 0; i < r.start.length; i++) {
      if (r.end[i] < v.startNs || r.start[i] > v.endNs) continue;
      const x0 = left + Math.max(-2, xOf(v, width, r.start[i]));
      const x1 = left + Math.min(width + 2, xOf(v, width, r.end[i]));
      out.bands.push(x0, y + 1 + r.depth[i] * BAND_STEP, Math.max(1, x1 - x0), BAND_HEIGHT);
    }
  }
  const l = s.logs;
  if (l) {
    for (let i = 0; i < l.at.length; i++) {
      if (l.at[i] < v.startNs || l.at[i] > v.endNs) continue;
      out.logs.push(left + xOf(v, width, l.at[i]), y + h - 1);
    }
  }
}

export function drawAnnotations(ctx: CanvasRenderingContext2D, theme: TimelineTheme, marks: AnnotationMarks): void {
  if (marks.bands.length) {
    ctx.fillStyle = theme.states[REGION_STATE]?.fill ?? theme.foreground;
    ctx.beginPath();
    for (let i = 0; i < marks.bands.length; i += 4) ctx.rect(marks.bands[i], marks.bands[i + 1], marks.bands[i + 2], marks.bands[i + 3]);
    ctx.fill();
  }
  if (marks.logs.length) {
    ctx.fillStyle = theme.foreground;
    ctx.beginPath();
    for (let i = 0; i < marks.logs.length; i += 2) {
      const x = marks.logs[i];
      const y = marks.logs[i + 1];
      ctx.moveTo(x - LOG_HALF_WIDTH, y);
      ctx.lineTo(x + LOG_HALF_WIDTH, y);
      ctx.lineTo(x, y - LOG_HEIGHT);
      ctx.closePath();
    }
    ctx.fill();
  }
}

/** The regions holding `ns` (outermost first) and the logs within `slackNs` of it, as text. */
export function annotationsAt(s: LaneSlices, strings: SliceAnswer['strings'], ns: number, slackNs: number): { regions: string[]; logs: string[] } {
  const regions: string[] = [];
  const logs: string[] = [];
  const r = s.regions;
  if (r) {
    for (let i = 0; i < r.start.length; i++) {
      if (r.start[i] > ns) break;
      if (r.end[i] < ns) continue;
      const name = r.label[i] >= 0 ? strings[r.label[i]] : '';
      regions.push(r.count[i] > 1 ? `${name} and ${r.count[i] - 1} more` : name);
    }
  }
  const l = s.logs;
  if (l) {
    for (let i = 0; i < l.at.length; i++) {
      if (Math.abs(l.at[i] - ns) > slackNs) continue;
      const text = l.label[i] >= 0 ? strings[l.label[i]] : '';
      logs.push(l.count[i] > 1 ? `${text} (and ${l.count[i] - 1} more)` : text);
    }
  }
  return { regions, logs };
}
