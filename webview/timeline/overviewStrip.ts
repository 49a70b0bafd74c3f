/**
 * The overview strip: the whole trace in a few pixels of height (the GC lane and the procs, one
 * thin band each, from one coarse query), with the visible window outlined. Clicking or dragging
 * on it centres the view there.
 */
import { SLICE_STATES, type SliceAnswer } from '../../src/shared/timeline.js';
import type { TimelineTheme } from './theme.js';
import { xOf, type Viewport } from './timeMapping.js';

export const OVERVIEW_HEIGHT = 34;

export function drawOverview(
  ctx: CanvasRenderingContext2D,
  left: number,
  width: number,
  durationNs: number,
  visible: Viewport,
  data: SliceAnswer | undefined,
  theme: TimelineTheme,
): void {
  const h = OVERVIEW_HEIGHT;
  ctx.fillStyle = theme.background;
  ctx.fillRect(left, 0, width, h);
  const whole: Viewport = { startNs: 0, endNs: Math.max(1, durationNs) };
  const x = (ns: number) => left + xOf(whole, width, ns);
  if (data && data.lanes.length > 0) {
    const band = Math.max(1, Math.floor((h - 6) / data.lanes.length));
    data.lanes.forEach((lane, li) => {
      const y = 3 + li * band;
      for (let i = 0; i < lane.start.length; i++) {
        const style = theme.states[lane.state[i]] ?? theme.states[SLICE_STATES.indexOf('running')];
        ctx.fillStyle = style.fill;
        const x0 = x(lane.start[i]);
        ctx.fillRect(x0, y, Math.max(0.5, x(lane.end[i]) - x0), Math.max(1, band - 1));
      }
    });
  }
  // Dim outside the visible window, outline the window itself.
  const w0 = Math.max(left, x(visible.startNs));
  const w1 = Math.min(left + width, Math.max(w0 + 2, x(visible.endNs)));
  ctx.fillStyle = theme.highContrast ? 'rgba(0, 0, 0, 0.6)' : 'rgba(128, 128, 128, 0.35)';
  ctx.fillRect(left, 0, w0 - left, h);
  ctx.fillRect(w1, 0, left + width - w1, h);
  ctx.strokeStyle = theme.focus;
  ctx.lineWidth = 2;
  ctx.strokeRect(w0 + 1, 1, w1 - w0 - 2, h - 2);
  ctx.fillStyle = theme.border;
  ctx.fillRect(left, h - 1, width, 1);
}

/** The time at an x in the strip (the whole trace across its width). */
export function overviewNsAt(x: number, left: number, width: number, durationNs: number): number {
  return Math.min(durationNs, Math.max(0, ((x - left) / Math.max(1, width)) * durationNs));
}
