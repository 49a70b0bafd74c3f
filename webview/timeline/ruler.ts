/**
 * The time ruler: tick positions at a "nice" step (1, 2 or 5 times a power of ten ns) and their
 * labels in the unit that suits the step (ns, µs, ms, s). The tick maths is pure; drawRuler
 * paints it, the trace's generations, a flight-recorder window, the problems (rulerMarks.ts)
 * and the selected range.
 */
import { xOf, type Viewport } from './timeMapping.js';
import { drawRulerMarks } from './rulerMarks.js';
import type { TimelineMark } from '../../src/shared/timeline.js';
import type { TimelineTheme } from './theme.js';

export interface Tick {
  ns: number;
  label: string;
}

/** The smallest 1/2/5 × 10^k step at least minNs. */
export function niceStep(minNs: number): number {
  if (!(minNs > 0) || !Number.isFinite(minNs)) return 1;
  const pow = Math.pow(10, Math.floor(Math.log10(minNs)));
  for (const m of [1, 2, 5, 10]) if (m * pow >= minNs - 1e-9 * pow) return Math.max(1, m * pow);
  return 10 * pow;
}

/**
 * The unit for a label: that of the value (or of the step, for 0), and the decimals the step
 * needs, so neighbouring ticks read differently: "1.25 ms", "1.0000002 s".
 */
export function unitFor(ns: number, stepNs: number): { unit: string; scale: number; decimals: number } {
  const mag = Math.abs(ns) || stepNs;
  const [unit, scale] = mag >= 1e9 ? ['s', 1e9] : mag >= 1e6 ? ['ms', 1e6] : mag >= 1e3 ? ['µs', 1e3] : ['ns', 1];
  const perUnit = stepNs / (scale as number);
  const decimals = perUnit >= 1 ? 0 : Math.min(9, Math.ceil(-Math.log10(perUnit) - 1e-9));
  return { unit: unit as string, scale: scale as number, decimals };
}

export function formatTick(ns: number, stepNs: number): string {
  const { unit, scale, decimals } = unitFor(ns, stepNs);
  return `${(ns / scale).toFixed(decimals)} ${unit}`;
}

/** Ticks across the viewport, at least minPx apart at this width. */
export function rulerTicks(v: Viewport, widthPx: number, minPx = 90): Tick[] {
  const span = v.endNs - v.startNs;
  if (!(span > 0) || !(widthPx > 0)) return [];
  const step = niceStep((span * minPx) / widthPx);
  const ticks: Tick[] = [];
  for (let t = Math.ceil(v.startNs / step) * step; t <= v.endNs && ticks.length < 1000; t += step) {
    ticks.push({ ns: t, label: formatTick(t, step) });
  }
  return ticks;
}

export interface RulerExtras {
  generations: { number: number; startNs: number; endNs: number }[];
  window?: { startNs: number; endNs: number; text: string };
  marks?: readonly TimelineMark[];
  range?: { fromNs: number; toNs: number };
}

/** The name column of the ruler or the overview strip: its background and a muted text. */
export function drawHeaderText(ctx: CanvasRenderingContext2D, theme: TimelineTheme, width: number, height: number, text: string): void {
  ctx.fillStyle = theme.headerBackground;
  ctx.fillRect(0, 0, width, height);
  ctx.fillStyle = theme.muted;
  ctx.font = theme.smallFont;
  ctx.textBaseline = 'middle';
  ctx.fillText(text, 8, height / 2);
}

/** Paints the ruler into [left, left + width) × [0, height). */
export function drawRuler(ctx: CanvasRenderingContext2D, v: Viewport, left: number, width: number, height: number, theme: TimelineTheme, extras: RulerExtras): void {
  ctx.fillStyle = theme.headerBackground;
  ctx.fillRect(left, 0, width, height);
  const x = (ns: number) => left + xOf(v, width, ns);
  if (extras.window) {
    const x0 = Math.max(left, x(extras.window.startNs));
    const x1 = Math.min(left + width, x(extras.window.endNs));
    if (x1 > x0) {
      ctx.fillStyle = theme.windowFill;
      ctx.fillRect(x0, height - 4, x1 - x0, 4);
    }
  }
  ctx.strokeStyle = theme.border;
  ctx.lineWidth = 1;
  ctx.beginPath();
  for (const g of extras.generations) {
    const gx = Math.round(x(g.startNs)) + 0.5;
    if (gx < left || gx > left + width) continue;
    ctx.moveTo(gx, height * 0.5);
    ctx.lineTo(gx, height);
  }
  ctx.stroke();
  ctx.fillStyle = theme.foreground;
  ctx.strokeStyle = theme.muted;
  ctx.font = theme.smallFont;
  ctx.textBaseline = 'top';
  ctx.beginPath();
  for (const t of rulerTicks(v, width)) {
    const tx = Math.round(x(t.ns)) + 0.5;
    ctx.moveTo(tx, height - 7);
    ctx.lineTo(tx, height);
    ctx.fillText(t.label, tx + 3, 3);
  }
  ctx.stroke();
  // Below the labels, above the window's bar.
  if (extras.marks?.length) drawRulerMarks(ctx, extras.marks, v, left, width, height - 13, 8, theme);
  if (extras.range) {
    const x0 = x(Math.min(extras.range.fromNs, extras.range.toNs));
    const x1 = x(Math.max(extras.range.fromNs, extras.range.toNs));
    ctx.fillStyle = theme.rangeFill;
    ctx.fillRect(Math.max(left, x0), 0, Math.max(1, Math.min(left + width, x1) - Math.max(left, x0)), height);
  }
  ctx.fillStyle = theme.border;
  ctx.fillRect(left, height - 1, width, 1);
}
