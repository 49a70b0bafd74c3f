/**
 * Cause and effect on the timeline: where the selection's relations lead (the previous and next
 * slice of its goroutine, the goroutine that unblocked it, the one that created it), the viewport
 * that follows there without losing the zoom, and the unblock chain drawn as arrows between lanes.
 * Pure but for the canvas it is handed.
 */
import type { SliceRelations, SpanRef, TimelineLink } from '../../src/shared/timeline.js';
import { HEADER_WIDTH } from './laneDrawing.js';
import type { Row } from './laneLayout.js';
import type { TimelineTheme } from './theme.js';
import { centreOn, spanOf, xOf, zoomToRange, type Viewport } from './timeMapping.js';

export type Relation = 'prev' | 'next' | 'unblocker' | 'creator';

/** Where a relation leads: the same goroutine's span, or another goroutine at an instant. */
export type Target = { kind: 'span'; goroutine: number; span: SpanRef } | { kind: 'goroutine'; goroutine: number; atNs: number };

export function targetOf(r: SliceRelations | undefined, which: Relation): Target | undefined {
  if (!r) return undefined;
  const g = r.query.goroutine;
  if (which === 'prev' && r.prev) return { kind: 'span', goroutine: g, span: r.prev };
  if (which === 'next' && r.next) return { kind: 'span', goroutine: g, span: r.next };
  const other = which === 'unblocker' ? r.unblocker : which === 'creator' ? r.creator : undefined;
  if (other && other.goroutine >= 0) return { kind: 'goroutine', goroutine: other.goroutine, atNs: other.atNs };
  return undefined;
}

/** What a relation's button or key says it does, and whether it can. */
export function relationText(r: SliceRelations | undefined, which: Relation): string {
  if (which === 'prev') return r?.prev ? 'The previous slice of this goroutine ([)' : 'No previous slice';
  if (which === 'next') return r?.next ? 'The next slice of this goroutine (])' : 'No next slice';
  const other = which === 'unblocker' ? r?.unblocker : r?.creator;
  if (!other) return which === 'unblocker' ? 'No goroutine made this slice runnable in the trace' : 'Created before the trace began';
  if (other.goroutine < 0) return 'Made runnable by the runtime, not by a goroutine';
  return which === 'unblocker' ? `Unblocked by G${other.goroutine} (U)` : `Created by G${other.goroutine} (C)`;
}

/** Keeps the zoom and centres on the instant or span; zooms out only if the span does not fit. */
export function followViewport(v: Viewport, fromNs: number, toNs: number, durationNs: number): Viewport {
  if (toNs - fromNs > spanOf(v) * 0.9) return zoomToRange(fromNs, toNs, durationNs, 0.05);
  if (fromNs >= v.startNs && toNs <= v.endNs) return v;
  return centreOn(v, durationNs, (fromNs + toNs) / 2);
}

/** The chain's arrows: from the acting goroutine's lane to the acted-on one's, at the instant. */
export function drawLinks(ctx: CanvasRenderingContext2D, theme: TimelineTheme, links: readonly TimelineLink[], rows: readonly Row[], v: Viewport, width: number, scrollTop: number): number {
  const rowOf = (g: number) => rows.find((r) => r.kind === 'lane' && r.lane?.id === `g${g}`);
  let drawn = 0;
  ctx.save();
  ctx.beginPath();
  ctx.rect(HEADER_WIDTH, 0, width, 1e5);
  ctx.clip();
  ctx.strokeStyle = theme.foreground;
  ctx.fillStyle = theme.foreground;
  ctx.lineWidth = 1.5;
  for (const l of links) {
    const from = rowOf(l.from);
    const to = rowOf(l.to);
    if (!from || !to) continue;
    const x = HEADER_WIDTH + xOf(v, width, l.atNs);
    if (x < HEADER_WIDTH - 8 || x > HEADER_WIDTH + width + 8) continue;
    const y0 = from.y - scrollTop + from.height / 2;
    const y1 = to.y - scrollTop + to.height / 2;
    const dir = y1 > y0 ? 1 : -1;
    // A short bend, so arrows at one instant stay apart from the slices' edges.
    ctx.beginPath();
    ctx.moveTo(x, y0);
    ctx.bezierCurveTo(x + 12, y0 + dir * 6, x + 12, y1 - dir * 6, x, y1 - dir * 3);
    ctx.stroke();
    ctx.beginPath();
    ctx.moveTo(x, y1 - dir * 1);
    ctx.lineTo(x - 4, y1 - dir * 7);
    ctx.lineTo(x + 4, y1 - dir * 7);
    ctx.closePath();
    ctx.fill();
    ctx.beginPath();
    ctx.arc(x, y0, 2.5, 0, Math.PI * 2);
    ctx.fill();
    drawn++;
  }
  ctx.restore();
  return drawn;
}
