/**
 * Draws a counter lane (heap, goroutines, threads, CPU samples: src/shared/timelineCounters.ts):
 * each series a step line of its value over a faint band from its min to its max in each point
 * (so a spike narrower than a pixel still shows), CPU samples as bars; a legend naming each
 * series beside a sample of its line (each series has its own dash as well as its colour), and
 * the scale's top value. The pure parts (formatting, scale, point picking, hover lines) are
 * exported for tests.
 */
import type { CounterLaneData, CounterUnit } from '../../src/shared/timelineCounters.js';
import { formatBytes, formatCount, formatTraceTime } from '../format.js';
import type { TimelineTheme } from './theme.js';
import type { TooltipLine } from './tooltip.js';
import { xOf, type Viewport } from './timeMapping.js';

/** Dash per series, so no series is told by colour alone. */
export const SERIES_DASHES: readonly (readonly number[])[] = [[], [6, 3], [2, 2], [8, 3, 2, 3]];
const FALLBACK_COLOURS = ['#3794ff', '#d18616', '#89d185', '#b180d7', '#cca700', '#f14c4c'];
/** Room above the plot for the legend, px. */
const LEGEND_PX = 13;

const UNIT_NAMES: Record<CounterUnit, string> = { bytes: '', goroutines: 'goroutines', threads: 'threads', samples: 'samples' };

/** A value as text: bytes as KiB/MiB/GiB, counts with separators and their unit. */
export function formatCounterValue(v: number, unit: CounterUnit): string {
  if (!Number.isFinite(v) || v < 0) return 'unknown';
  if (unit === 'bytes') return formatBytes(Math.round(v));
  const r = Math.round(v);
  const name = UNIT_NAMES[unit];
  return name ? `${formatCount(r)} ${r === 1 ? name.slice(0, -1) : name}` : formatCount(r);
}

/** The scale's top: the max rounded up to 1, 2 or 5 times a power of ten (bytes: of 1024); at least 1. */
export function scaleMax(max: number, unit: CounterUnit): number {
  if (!(max > 1)) return 1;
  if (unit === 'bytes') {
    const p = Math.pow(1024, Math.floor(Math.log(max) / Math.log(1024)));
    for (const m of [1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024]) if (m * p >= max) return m * p;
  }
  const p = Math.pow(10, Math.floor(Math.log10(max)));
  for (const m of [1, 2, 5, 10]) if (m * p >= max) return m * p;
  return max;
}

/** The point holding ns (start <= ns < end), else the last one before it; -1 before the first. */
export function pointAt(d: CounterLaneData, ns: number): number {
  let lo = 0;
  let hi = d.start.length - 1;
  let at = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (d.start[mid] <= ns) [at, lo] = [mid, mid + 1];
    else hi = mid - 1;
  }
  return at;
}

/** The highest max of any series over the points overlapping [fromNs, toNs]; 0 if none. */
export function maxInRange(d: CounterLaneData, fromNs: number, toNs: number): number {
  let max = 0;
  const first = Math.max(0, pointAt(d, fromNs));
  for (let p = first; p < d.start.length && d.start[p] < toNs; p++) {
    if (d.end[p] <= fromNs) continue;
    for (const s of d.series) if (s.max[p] > max) max = s.max[p];
  }
  return max;
}

/**
 * The keyboard's step along a counter lane: the point after (delta > 0) or before the one at
 * `fromNs` (the focused point's start), or, with none focused, the first point in view from that
 * side. -1 when there is none that way in the data fetched.
 */
export function counterStep(d: CounterLaneData, delta: number, fromNs: number | undefined, v: Viewport): number {
  const n = d.start.length;
  if (n === 0) return -1;
  if (fromNs === undefined) {
    const p = delta > 0 ? Math.max(0, pointAt(d, v.startNs)) : pointAt(d, v.endNs - 1e-9);
    return p >= 0 && p < n ? p : -1;
  }
  const p = pointAt(d, fromNs) + Math.sign(delta);
  return p >= 0 && p < n ? p : -1;
}

/** What the keyboard's step announces: the lane, then the hover's lines as one sentence. */
export function counterAnnouncement(label: string, d: CounterLaneData, p: number): string {
  return `${label}: ${counterTooltipLines(d, d.start[p]).map((l) => `${l.name} ${l.value}`).join(', ')}`;
}

/** The hover text at ns: the point's time, then each series' value (and its range when merged). */
export function counterTooltipLines(d: CounterLaneData, ns: number): TooltipLine[] {
  const p = pointAt(d, ns);
  if (p < 0 || ns >= d.end[p]) return [];
  const lines: TooltipLine[] = [{ name: 'Time', value: `${formatTraceTime(d.start[p])} – ${formatTraceTime(d.end[p])}` }];
  for (const s of d.series) {
    let value = formatCounterValue(s.value[p], d.unit);
    if (d.style === 'lines' && s.min[p] >= 0 && s.max[p] !== s.min[p]) value += ` (${formatCounterValue(s.min[p], d.unit)} – ${formatCounterValue(s.max[p], d.unit)} in this span)`;
    lines.push({ name: s.name, value });
  }
  return lines;
}

export interface CounterFrame {
  ctx: CanvasRenderingContext2D;
  theme: TimelineTheme;
  viewport: Viewport;
  /** The slice area's left edge and width, CSS px. */
  left: number;
  width: number;
}

/** Draws one counter lane's points into the row [y, y + height). */
export function drawCounterLane(f: CounterFrame, d: CounterLaneData, y: number, height: number): void {
  const { ctx, theme, viewport: v } = f;
  const colours = theme.counterSeries ?? FALLBACK_COLOURS;
  const top = y + LEGEND_PX;
  const bottom = y + height - 2;
  const scale = scaleMax(maxInRange(d, v.startNs, v.endNs), d.unit);
  const yOf = (value: number) => bottom - (Math.max(0, value) / scale) * (bottom - top);
  const xAt = (ns: number) => f.left + Math.max(-2, Math.min(f.width + 2, xOf(v, f.width, ns)));
  const first = Math.max(0, pointAt(d, v.startNs));
  let last = first;
  while (last < d.start.length && d.start[last] < v.endNs) last++;

  ctx.fillStyle = theme.border;
  ctx.fillRect(f.left, bottom, f.width, 1);
  d.series.forEach((s, k) => {
    const colour = colours[k % colours.length];
    if (d.style === 'bars') {
      ctx.beginPath();
      for (let p = first; p < last; p++) {
        if (s.value[p] <= 0) continue;
        const x0 = xAt(d.start[p]);
        ctx.rect(x0, yOf(s.value[p]), Math.max(1, xAt(d.end[p]) - x0), bottom - yOf(s.value[p]));
      }
      ctx.fillStyle = colour;
      ctx.fill();
      return;
    }
    // The band: where the series went within each point.
    ctx.beginPath();
    for (let p = first; p < last; p++) {
      if (s.min[p] < 0) continue;
      const x0 = xAt(d.start[p]);
      const yMax = yOf(s.max[p]);
      ctx.rect(x0, yMax, Math.max(1, xAt(d.end[p]) - x0), Math.max(1, yOf(s.min[p]) - yMax));
    }
    ctx.globalAlpha = 0.25;
    ctx.fillStyle = colour;
    ctx.fill();
    ctx.globalAlpha = 1;
    // The step line of the values at each point's end; unknown values break it.
    ctx.beginPath();
    let drawing = false;
    for (let p = first; p < last; p++) {
      if (s.value[p] < 0) {
        drawing = false;
        continue;
      }
      const yv = yOf(s.value[p]);
      if (!drawing) ctx.moveTo(xAt(d.start[p]), yv);
      else ctx.lineTo(xAt(d.start[p]), yv);
      ctx.lineTo(xAt(d.end[p]), yv);
      drawing = true;
    }
    ctx.setLineDash(SERIES_DASHES[k % SERIES_DASHES.length] as number[]);
    ctx.strokeStyle = colour;
    ctx.lineWidth = 1.5;
    ctx.stroke();
    ctx.setLineDash([]);
  });
  drawLegend(f, d, colours, y, formatCounterValue(scale, d.unit));
}

function drawLegend(f: CounterFrame, d: CounterLaneData, colours: readonly string[], y: number, scaleText: string): void {
  const { ctx, theme } = f;
  ctx.font = theme.smallFont;
  ctx.textBaseline = 'middle';
  const mid = y + LEGEND_PX / 2 + 1;
  let x = f.left + 6;
  d.series.forEach((s, k) => {
    ctx.strokeStyle = colours[k % colours.length];
    ctx.lineWidth = 2;
    ctx.setLineDash(d.style === 'bars' ? [] : (SERIES_DASHES[k % SERIES_DASHES.length] as number[]));
    ctx.beginPath();
    ctx.moveTo(x, mid);
    ctx.lineTo(x + 16, mid);
    ctx.stroke();
    ctx.setLineDash([]);
    ctx.fillStyle = theme.foreground;
    ctx.fillText(s.name, x + 20, mid);
    x += 20 + ctx.measureText(s.name).width + 12;
  });
  const label = `max ${scaleText}`;
  ctx.fillStyle = theme.muted;
  ctx.fillText(label, f.left + f.width - ctx.measureText(label).width - 6, mid);
}
