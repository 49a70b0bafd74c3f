/**
 * Time <-> pixel mapping of the timeline. A viewport is the visible time range, ns since the
 * trace's first event; x is in CSS px from the left of the slice area. Pure: no DOM.
 *
 * Zoom and pan keep the viewport inside the trace and no narrower than MIN_SPAN_NS, so the
 * user can zoom from the whole trace down to 1 µs and never into an empty or inverted range.
 */

export interface Viewport {
  startNs: number;
  endNs: number;
}

/** The narrowest viewport: 1 µs. */
export const MIN_SPAN_NS = 1000;

export function spanOf(v: Viewport): number {
  return v.endNs - v.startNs;
}

/** ns per CSS px at this width; a zero or negative width counts as 1 px. */
export function nsPerPx(v: Viewport, widthPx: number): number {
  return spanOf(v) / Math.max(1, widthPx);
}

export function xOf(v: Viewport, widthPx: number, ns: number): number {
  return ((ns - v.startNs) / spanOf(v)) * widthPx;
}

export function nsAt(v: Viewport, widthPx: number, x: number): number {
  return v.startNs + (x / Math.max(1, widthPx)) * spanOf(v);
}

/** The whole trace; a trace shorter than MIN_SPAN_NS still gets MIN_SPAN_NS. */
export function fitViewport(durationNs: number): Viewport {
  return { startNs: 0, endNs: Math.max(MIN_SPAN_NS, finiteOr(durationNs, 0)) };
}

/** Whether v is the whole of a trace this long (fitViewport's). */
export function isFitted(v: Viewport, durationNs: number): boolean {
  const fit = fitViewport(durationNs);
  return v.startNs === fit.startNs && v.endNs === fit.endNs;
}

/**
 * Keeps v inside [0, max(duration, MIN_SPAN_NS)] and its span within [MIN_SPAN_NS, duration]:
 * a too-wide viewport becomes the whole trace, one past an end slides back.
 */
export function clampViewport(v: Viewport, durationNs: number): Viewport {
  const total = Math.max(MIN_SPAN_NS, finiteOr(durationNs, 0));
  let start = finiteOr(v.startNs, 0);
  let end = finiteOr(v.endNs, total);
  if (end < start) [start, end] = [end, start];
  const span = Math.min(total, Math.max(MIN_SPAN_NS, end - start));
  // A span that had to change grows or shrinks around its middle.
  if (span !== end - start) start = (start + end) / 2 - span / 2;
  start = Math.min(Math.max(0, start), total - span);
  return { startNs: start, endNs: start + span };
}

/**
 * Zooms by `factor` (< 1 zooms in, > 1 out) keeping `anchorNs` at the same pixel: the point
 * under the cursor stays under the cursor (until a trace edge stops it).
 */
export function zoomAt(v: Viewport, durationNs: number, anchorNs: number, factor: number): Viewport {
  if (!(factor > 0) || !Number.isFinite(factor)) return clampViewport(v, durationNs);
  const span = spanOf(v);
  const newSpan = Math.max(MIN_SPAN_NS, span * factor);
  const anchor = Math.min(v.endNs, Math.max(v.startNs, finiteOr(anchorNs, (v.startNs + v.endNs) / 2)));
  const frac = span > 0 ? (anchor - v.startNs) / span : 0.5;
  const start = anchor - frac * newSpan;
  return clampViewport({ startNs: start, endNs: start + newSpan }, durationNs);
}

/** Moves by deltaNs (positive: later), keeping the span. */
export function panBy(v: Viewport, durationNs: number, deltaNs: number): Viewport {
  const d = finiteOr(deltaNs, 0);
  return clampViewport({ startNs: v.startNs + d, endNs: v.endNs + d }, durationNs);
}

/** Centres the viewport on centreNs, keeping the span (the overview strip's click and drag). */
export function centreOn(v: Viewport, durationNs: number, centreNs: number): Viewport {
  const half = spanOf(v) / 2;
  return clampViewport({ startNs: centreNs - half, endNs: centreNs + half }, durationNs);
}

/** Shows [fromNs, toNs] with a margin of `margin` of its span on each side (zoom to selection). */
export function zoomToRange(fromNs: number, toNs: number, durationNs: number, margin = 0.05): Viewport {
  const lo = Math.min(fromNs, toNs);
  const hi = Math.max(fromNs, toNs);
  const pad = (hi - lo) * margin;
  return clampViewport({ startNs: lo - pad, endNs: hi + pad }, durationNs);
}

/** The zoom factor of one wheel event: a notch (deltaY ±100) zooms by about 1.25×. */
export function wheelZoomFactor(deltaY: number): number {
  const d = Math.max(-500, Math.min(500, finiteOr(deltaY, 0)));
  return Math.pow(2, d / 300);
}

function finiteOr(v: number, fallback: number): number {
  return Number.isFinite(v) ? v : fallback;
}
