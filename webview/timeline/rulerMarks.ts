/**
 * The reading's problems on the ruler: a shape per severity (a triangle for an error, a diamond
 * for a warning, a circle for information), so severity is not told by colour alone. Marks
 * closer than MERGE_PX are drawn as one, with the worst severity; hovering the ruler lists the
 * marks under the pointer and the flight-recorder window (rulerTooltip). Pure apart from drawing.
 */
import type { TimelineLayout, TimelineMark } from '../../src/shared/timeline.js';
import { formatDuration } from '../format.js';
import { nsAt, nsPerPx, xOf, type Viewport } from './timeMapping.js';
import type { TimelineTheme } from './theme.js';
import type { TooltipLine } from './tooltip.js';

/** Marks this close (px) are one drawn mark. */
export const MERGE_PX = 6;
/** The hover lists at most this many marks. */
export const MAX_LISTED = 5;

const RANK: Record<TimelineMark['severity'], number> = { info: 0, warning: 1, error: 2 };

/** One drawn mark: where, the worst severity of the marks it stands for, and how many. */
export interface DrawnMark {
  x: number;
  severity: TimelineMark['severity'];
  count: number;
}

/** The marks in view, merged per MERGE_PX; `marks` are in time order (the layout's). */
export function drawnMarks(marks: readonly TimelineMark[], v: Viewport, width: number): DrawnMark[] {
  const out: DrawnMark[] = [];
  let k = firstAtOrAfter(marks, v.startNs - MERGE_PX * nsPerPx(v, width));
  for (; k < marks.length; k++) {
    const x = xOf(v, width, marks[k].ns);
    if (x > width + MERGE_PX) break;
    const last = out[out.length - 1];
    if (last && x - last.x < MERGE_PX) {
      last.count++;
      if (RANK[marks[k].severity] > RANK[last.severity]) last.severity = marks[k].severity;
    } else out.push({ x, severity: marks[k].severity, count: 1 });
  }
  return out;
}

/** The marks within MERGE_PX of a ruler x (px from the time axis' left). */
export function marksNear(marks: readonly TimelineMark[], v: Viewport, width: number, x: number): TimelineMark[] {
  const tol = MERGE_PX * nsPerPx(v, width);
  const ns = nsAt(v, width, x);
  const out: TimelineMark[] = [];
  for (let k = firstAtOrAfter(marks, ns - tol); k < marks.length && marks[k].ns <= ns + tol; k++) out.push(marks[k]);
  return out;
}

/** The ruler's hover at x: the problems there and the snapshot's window; undefined: nothing. */
export function rulerTooltip(layout: Pick<TimelineLayout, 'marks' | 'window'>, v: Viewport, width: number, x: number): { title: string; lines: TooltipLine[] } | undefined {
  const near = layout.marks ? marksNear(layout.marks, v, width, x) : [];
  const lines: TooltipLine[] = near.slice(0, MAX_LISTED).map((m) => ({ name: `${SEVERITY_TEXT[m.severity]} at ${formatDuration(Math.round(m.ns))}`, value: m.text }));
  if (near.length > MAX_LISTED) lines.push({ name: 'More', value: `${near.length - MAX_LISTED} more problems here; zoom in to tell them apart` });
  const ns = nsAt(v, width, x);
  const w = layout.window;
  if (w && ns >= w.startNs && ns <= w.endNs) lines.push({ name: 'Window', value: w.text });
  if (lines.length === 0) return undefined;
  const title = near.length === 0 ? 'Flight-recorder window' : near.length === 1 ? 'Problem' : `${near.length} problems`;
  return { title, lines };
}

/** What a click on marks announces (the live region). */
export function marksAnnouncement(near: readonly TimelineMark[]): string {
  const first = near[0];
  const n = near.length - 1;
  const more = n > 0 ? `, and ${n} more problem${n === 1 ? '' : 's'} here` : '';
  return `${SEVERITY_TEXT[first.severity]} at ${formatDuration(Math.round(first.ns))}: ${first.text}${more}`;
}

const SEVERITY_TEXT: Record<TimelineMark['severity'], string> = { error: 'Error', warning: 'Warning', info: 'Information' };

/** Paints the marks in the ruler's upper band, [left, left + width) × [top, top + size). */
export function drawRulerMarks(ctx: CanvasRenderingContext2D, marks: readonly TimelineMark[], v: Viewport, left: number, width: number, top: number, size: number, theme: TimelineTheme): void {
  const r = size / 2;
  for (const d of drawnMarks(marks, v, width)) {
    const cx = left + d.x;
    if (cx < left - r || cx > left + width + r) continue;
    ctx.fillStyle = theme.severity[d.severity];
    ctx.strokeStyle = theme.background;
    ctx.lineWidth = 1;
    ctx.beginPath();
    if (d.severity === 'error') {
      ctx.moveTo(cx - r, top);
      ctx.lineTo(cx + r, top);
      ctx.lineTo(cx, top + size);
    } else if (d.severity === 'warning') {
      ctx.moveTo(cx, top);
      ctx.lineTo(cx + r, top + r);
      ctx.lineTo(cx, top + size);
      ctx.lineTo(cx - r, top + r);
    } else ctx.arc(cx, top + r, r * 0.8, 0, 2 * Math.PI);
    ctx.closePath();
    ctx.fill();
    ctx.stroke();
  }
}

/** The first index whose ns is at least `ns` (marks in time order). */
function firstAtOrAfter(marks: readonly TimelineMark[], ns: number): number {
  let lo = 0;
  let hi = marks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (marks[mid].ns < ns) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
