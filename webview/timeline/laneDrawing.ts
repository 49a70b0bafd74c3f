/**
 * Paints the visible rows into the lanes canvas: the header column on the left (section and
 * group headers with their chevrons, lane names), and each lane's slices from the cache at the
 * current level, falling back to a coarser cached level while a tile is on its way.
 *
 * Slices are batched by state, so one path and one fill per state and frame, whatever the
 * number of slices; labels are drawn after, only where a slice is wide enough for them.
 * With a filter (sliceFilter.ts), the slices that do not match are batched apart and drawn faint,
 * the matching ones as usual and outlined, and a lane with no match in view has a muted name.
 */
import { SLICE_STATES, type LaneSlices } from '../../src/shared/timeline.js';
import type { CounterLaneData } from '../../src/shared/timelineCounters.js';
import { drawCounterLane } from './counterDrawing.js';
import type { Row } from './laneLayout.js';
import { firstEndingAfter, type CachedTile, type SliceCache, tilesFor, tileOwnStart } from './sliceCache.js';
import type { FilterCount, SliceMatcher } from './sliceFilter.js';
import type { TimelineTheme } from './theme.js';
import { xOf, type Viewport } from './timeMapping.js';
import { collectAnnotations, drawAnnotations, type AnnotationMarks } from './annotationDrawing.js';

export const HEADER_WIDTH = 200;
const LABEL_MIN_PX = 40;
const CHAR_PX = 6.6;
const REGION = SLICE_STATES.indexOf('region');
/** The alpha of slices that do not match the filter. */
export const DIM_ALPHA = 0.25;
/** Matching slices narrower than this get no outline (it would hide their colour). */
const OUTLINE_MIN_PX = 3;

type Label = { x: number; y: number; w: number; text: string; dim?: boolean };

export interface SliceRef {
  lane: string;
  startNs: number;
  endNs: number;
}

export interface LaneFrame {
  ctx: CanvasRenderingContext2D;
  theme: TimelineTheme;
  viewport: Viewport;
  /** Width of the slice area (the canvas minus the header column), CSS px. */
  width: number;
  height: number;
  scrollTop: number;
  level: number;
  cache: SliceCache;
  rows: Row[];
  focusIndex: number;
  hasFocus: boolean;
  focusSlice?: SliceRef;
  selected?: SliceRef;
  range?: { fromNs: number; toNs: number };
  /** A counter lane's points, if fetched. */
  counters?(lane: string): CounterLaneData | undefined;
  /** An active filter: non-matching slices are dimmed. */
  filter?: SliceMatcher;
}

/** The cached entries to draw for a lane over the viewport, coarsest first, each once. */
export function entriesFor(cache: SliceCache, lane: string, v: Viewport, level: number): CachedTile[] {
  const [first, last] = tilesFor(v.startNs, v.endNs, level);
  const seen = new Set<CachedTile>();
  for (let t = first; t <= last; t++) {
    const e = cache.lookup(lane, level, t);
    if (e) seen.add(e);
  }
  return [...seen].sort((a, b) => b.level - a.level);
}

/** Draws the frame; with a filter, says how many of the slices in view (at the frame's level) match. */
export function drawLanes(f: LaneFrame): FilterCount | undefined {
  const { ctx, theme, width, height } = f;
  const left = HEADER_WIDTH;
  ctx.fillStyle = theme.background;
  ctx.fillRect(0, 0, left + width, height);

  const rects: number[][] = SLICE_STATES.map(() => []);
  const dimmed: number[][] = SLICE_STATES.map(() => []);
  const count: FilterCount = { visible: 0, matched: 0 };
  /** Lanes with a match in view; undefined without a filter. */
  const matchedLanes = f.filter ? new Set<string>() : undefined;
  const labels: Label[] = [];
  const counterRows: Row[] = [];
  const notes: AnnotationMarks = { bands: [], logs: [] };
  for (const row of f.rows) {
    const y = row.y - f.scrollTop;
    if (row.kind === 'header') {
      ctx.fillStyle = theme.headerBackground;
      ctx.fillRect(0, y, left + width, row.height);
      continue;
    }
    if (!row.lane) continue;
    if (row.lane.kind === 'counter') {
      counterRows.push(row);
      continue;
    }
    let firstAtLevel = true;
    for (const e of entriesFor(f.cache, row.lane.id, f.viewport, f.level)) {
      const flags = f.filter?.flags(row.lane, e.slices, e.strings);
      const counts = flags !== undefined && e.level === f.level;
      if (collect(e, f, y, row.height, flags ? { rects, dimmed, flags, count: counts ? count : undefined, firstTile: counts && firstAtLevel } : { rects }, labels)) matchedLanes?.add(row.lane.id);
      if (counts) firstAtLevel = false;
      if (e.slices.regions || e.slices.logs) collectAnnotations(e.slices, f.viewport, left, width, y, row.height, notes);
    }
  }
  ctx.save();
  ctx.beginPath();
  ctx.rect(left, 0, width, height);
  ctx.clip();
  if (f.filter) fillStates(ctx, theme, dimmed, DIM_ALPHA);
  fillStates(ctx, theme, rects);
  if (f.filter) outlineRects(ctx, theme, rects);
  drawLabels(ctx, theme, labels);
  drawAnnotations(ctx, theme, notes);
  for (const row of counterRows) {
    const d = row.kind === 'lane' && row.lane ? f.counters?.(row.lane.id) : undefined;
    if (d) drawCounterLane({ ctx, theme, viewport: f.viewport, left, width }, d, row.y - f.scrollTop, row.height);
  }
  ctx.restore();

  drawMarks(f);
  drawHeaders(f, matchedLanes);
  return f.filter ? count : undefined;
}

/** Where a tile's slices go: without flags all in rects; with them, the non-matching in dimmed. */
interface Batches {
  rects: number[][];
  dimmed?: number[][];
  flags?: Uint8Array;
  /** Counts the slices in view here (entries at the frame's level only, each slice once). */
  count?: FilterCount;
  /** The lane's first counted tile: a slice from before its start is not in an earlier one. */
  firstTile?: boolean;
}

/** Batches a tile's slices in view; true when one of them matches the filter. */
function collect(e: CachedTile, f: LaneFrame, y: number, h: number, b: Batches, labels: Label[]): boolean {
  const s: LaneSlices = e.slices;
  const v = f.viewport;
  const n = s.start.length;
  const flags = b.flags;
  const tileStart = tileOwnStart(e, b.firstTile === true);
  let any = false;
  let lastX = -Infinity;
  let lastState = -1;
  for (let i = firstEndingAfter(s, v.startNs); i < n && s.start[i] < v.endNs; i++) {
    const match = !flags || flags[i] === 1;
    if (flags && match) any = true;
    // A slice across a tile edge is in both tiles' answers: counted in the first.
    if (b.count && s.start[i] >= tileStart) {
      b.count.visible++;
      if (match) b.count.matched++;
    }
    const x0 = HEADER_WIDTH + Math.max(-2, xOf(v, f.width, s.start[i]));
    const x1 = HEADER_WIDTH + Math.min(f.width + 2, xOf(v, f.width, s.end[i]));
    let w = x1 - x0;
    // Sub-pixel slices: at least one px, and not over the one just drawn.
    if (w < 1) {
      if (x0 < lastX) continue;
      w = 1;
    }
    const state = s.state[i];
    const list = (match ? b.rects : b.dimmed!)[state];
    if (!list) continue;
    const li = s.label[i];
    // Batched apart, dimmed slices are kept apart from matching ones when thin ones are joined.
    const key = match ? state : state + SLICE_STATES.length;
    // A thin slice touching the last one of its state (coarse levels) widens it: fewer rects.
    if (w < 2 && key === lastState && x0 - lastX < 0.5) {
      list[list.length - 2] = x0 + w - list[list.length - 4];
      lastX = x0 + w;
      continue;
    }
    lastX = x0 + w;
    lastState = w >= LABEL_MIN_PX && li >= 0 ? -1 : key;
    if (state === REGION) list.push(x0, y + 1, w, 4);
    else list.push(x0, y + 2, w, h - 4);
    if (w >= LABEL_MIN_PX && li >= 0 && li < e.strings.length) labels.push({ x: Math.max(x0, HEADER_WIDTH), y: y + h / 2, w: Math.min(w, HEADER_WIDTH + f.width - Math.max(x0, HEADER_WIDTH)), text: e.strings[li], dim: !match });
  }
  return any;
}

/** alpha < 1: the slices that do not match the filter. */
function fillStates(ctx: CanvasRenderingContext2D, theme: TimelineTheme, rects: number[][], alpha = 1): void {
  ctx.globalAlpha = alpha;
  rects.forEach((list, state) => {
    if (list.length === 0) return;
    const style = theme.states[state];
    ctx.beginPath();
    for (let i = 0; i < list.length; i += 4) ctx.rect(list[i], list[i + 1], list[i + 2], list[i + 3]);
    ctx.fillStyle = style.fill;
    if (style.outline) {
      ctx.globalAlpha = 0.25 * alpha;
      ctx.fill();
      ctx.globalAlpha = alpha;
      ctx.strokeStyle = style.fill;
      ctx.lineWidth = 1;
      ctx.stroke();
    } else {
      ctx.fill();
    }
    if (style.pattern) {
      ctx.fillStyle = style.pattern;
      ctx.fill();
    }
  });
  ctx.globalAlpha = 1;
}

/** The matching slices outlined, one path: a match is seen by more than its colour. */
function outlineRects(ctx: CanvasRenderingContext2D, theme: TimelineTheme, rects: number[][]): void {
  ctx.beginPath();
  for (const list of rects) {
    for (let i = 0; i < list.length; i += 4) if (list[i + 2] >= OUTLINE_MIN_PX) ctx.rect(list[i] + 0.5, list[i + 1] + 0.5, list[i + 2] - 1, list[i + 3] - 1);
  }
  ctx.strokeStyle = theme.foreground;
  ctx.lineWidth = 1;
  ctx.stroke();
}

function drawLabels(ctx: CanvasRenderingContext2D, theme: TimelineTheme, labels: Label[]): void {
  if (labels.length === 0) return;
  ctx.font = theme.smallFont;
  ctx.textBaseline = 'middle';
  ctx.fillStyle = theme.highContrast ? '#000000' : 'rgba(0, 0, 0, 0.85)';
  for (const l of labels) {
    const max = Math.floor((l.w - 6) / CHAR_PX);
    if (max < 3) continue;
    ctx.globalAlpha = l.dim ? DIM_ALPHA * 2 : 1;
    // Canvas text is never markup: the trace string is drawn as it is, only shortened.
    ctx.fillText(l.text.length > max ? `${l.text.slice(0, max - 1)}…` : l.text, l.x + 3, l.y);
  }
  ctx.globalAlpha = 1;
}

/** The selection, the keyboard focus and the selected range over the slice area. */
function drawMarks(f: LaneFrame): void {
  const { ctx, theme } = f;
  const rowOf = (lane: string) => f.rows.find((r) => r.kind === 'lane' && r.lane?.id === lane);
  const outline = (ref: SliceRef, colour: string, widthPx: number) => {
    const row = rowOf(ref.lane);
    if (!row) return;
    const x0 = HEADER_WIDTH + Math.max(-4, xOf(f.viewport, f.width, ref.startNs));
    const x1 = HEADER_WIDTH + Math.min(f.width + 4, xOf(f.viewport, f.width, ref.endNs));
    ctx.strokeStyle = colour;
    ctx.lineWidth = widthPx;
    ctx.strokeRect(x0 - 1, row.y - f.scrollTop + 0.5, Math.max(2, x1 - x0 + 2), row.height - 1);
  };
  if (f.range) {
    const x0 = HEADER_WIDTH + Math.max(0, xOf(f.viewport, f.width, Math.min(f.range.fromNs, f.range.toNs)));
    const x1 = HEADER_WIDTH + Math.min(f.width, xOf(f.viewport, f.width, Math.max(f.range.fromNs, f.range.toNs)));
    if (x1 > x0) {
      ctx.fillStyle = theme.rangeFill;
      ctx.fillRect(x0, 0, x1 - x0, f.height);
    }
  }
  if (f.selected) outline(f.selected, theme.foreground, 2);
  if (f.hasFocus && f.focusSlice) outline(f.focusSlice, theme.focus, 1);
}

/** matchedLanes: with a filter, the lanes with a match in view; the others' names are muted. */
function drawHeaders(f: LaneFrame, matchedLanes?: ReadonlySet<string>): void {
  const { ctx, theme } = f;
  ctx.fillStyle = theme.headerBackground;
  ctx.fillRect(0, 0, HEADER_WIDTH, f.height);
  ctx.textBaseline = 'middle';
  for (const row of f.rows) {
    const y = row.y - f.scrollTop;
    const mid = y + row.height / 2;
    if (row.kind === 'header') {
      ctx.font = theme.font;
      ctx.fillStyle = theme.foreground;
      const indent = 4;
      ctx.fillText(row.expanded ? '▾' : '▸', indent, mid);
      ctx.fillText(fit(`${row.label} (${row.count.toLocaleString('en-US')})`, HEADER_WIDTH - indent - 20), indent + 14, mid);
      ctx.fillStyle = theme.border;
      ctx.fillRect(0, y + row.height - 1, HEADER_WIDTH + f.width, 1);
    } else {
      ctx.font = theme.smallFont;
      ctx.fillStyle = row.lane && (!matchedLanes || matchedLanes.has(row.lane.id) || row.lane.kind === 'counter') ? theme.foreground : theme.muted;
      const indent = row.group !== undefined ? 22 : 8;
      ctx.fillText(fit(row.lane?.label ?? '…', HEADER_WIDTH - indent - 6), indent, mid);
    }
    if (f.hasFocus && row.index === f.focusIndex) {
      ctx.strokeStyle = theme.focus;
      ctx.lineWidth = 1;
      ctx.strokeRect(0.5, y + 0.5, HEADER_WIDTH - 1, row.height - 1);
    }
  }
  ctx.fillStyle = theme.border;
  ctx.fillRect(HEADER_WIDTH - 1, 0, 1, f.height);
}

function fit(text: string, px: number): string {
  const max = Math.floor(px / CHAR_PX);
  return text.length > max ? `${text.slice(0, Math.max(1, max - 1))}…` : text;
}
