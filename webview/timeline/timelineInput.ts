/**
 * The timeline's input: wheel zoom at the cursor (Shift or a sideways wheel pans; over the lane
 * names it scrolls), drag to pan, hover for the tooltip, click to select or to open a group,
 * drag on the ruler to select a range (hover and click its problem marks), click or drag on the
 * overview to move there, and the keys (keys.ts). Each handler changes the model and asks for a frame; none draws.
 */
import type { Relation } from './causeEffect.js';
import { SLICE_STATES } from '../../src/shared/timeline.js';
import type { CounterLaneData } from '../../src/shared/timelineCounters.js';
import { counterAnnouncement, counterStep, counterTooltipLines } from './counterDrawing.js';
import { keyAction } from './keys.js';
import { HEADER_WIDTH, type SliceRef } from './laneDrawing.js';
import type { HeaderRow, LaneRow } from './laneLayout.js';
import { overviewNsAt } from './overviewStrip.js';
import { sliceAt, tileSpanNs, type CachedTile } from './sliceCache.js';
import { annotationsAt } from './annotationDrawing.js';
import { marksAnnouncement, marksNear, rulerTooltip } from './rulerMarks.js';
import type { TimelineModel } from './timelineModel.js';
import { fillTooltip, fillTooltipLines, tooltipPosition } from './tooltip.js';
import { centreOn, nsAt, nsPerPx, panBy, spanOf, wheelZoomFactor, zoomAt, type Viewport } from './timeMapping.js';

type Ref = SliceRef & { index: number };

export interface InputDeps {
  model: TimelineModel;
  lanes: HTMLCanvasElement;
  ruler: HTMLCanvasElement;
  overview: HTMLCanvasElement;
  scroller: HTMLElement;
  tooltip: HTMLElement;
  setViewport(v: Viewport): void;
  invalidate(): void;
  toggle(key: string): void;
  select(row: LaneRow, ref: Ref): void;
  zoomToFit(): void;
  zoomToSelection(): void;
  announce(row: LaneRow, ref: Ref): void;
  /** Puts a text in the live region (a clicked problem mark). */
  say(text: string): void;
  setRange(r: { fromNs: number; toNs: number } | undefined): void;
  level(): number;
  groupKeyOf(g: NonNullable<HeaderRow['group']>): string;
  /** Follows a relation of the selected slice (causeEffect.ts). */
  follow(which: Relation): void;
  /** A counter lane's points, if fetched (its hover shows the values at the cursor). */
  counterLane?(lane: string): CounterLaneData | undefined;
}

const DRAG_PX = 3;

export function attachInput(d: InputDeps): { dispose(): void } {
  const m = d.model;
  const duration = () => m.layout?.durationNs ?? spanOf(m.viewport);
  const local = (c: HTMLElement, e: MouseEvent) => {
    const r = c.getBoundingClientRect();
    return { x: e.clientX - r.left, y: e.clientY - r.top };
  };
  let pointerNs: number | undefined;

  /** The slice under a point of the lanes canvas, from what is cached at the current level. */
  function hit(x: number, y: number): { row: LaneRow; ref: Ref; entry: CachedTile } | undefined {
    const row = m.rows?.rowAtY(y + m.scrollTop);
    if (!row || row.kind !== 'lane' || !row.lane || x < HEADER_WIDTH) return undefined;
    const ns = nsAt(m.viewport, m.width, x - HEADER_WIDTH);
    const level = d.level();
    const entry = m.cache.lookup(row.lane.id, level, Math.floor(ns / tileSpanNs(level)));
    if (!entry) return undefined;
    const i = sliceAt(entry.slices, ns, 2 * nsPerPx(m.viewport, m.width));
    if (i < 0) return undefined;
    return { row, entry, ref: { lane: row.lane.id, startNs: entry.slices.start[i], endNs: entry.slices.end[i], index: i } };
  }

  /** A counter lane's values at the cursor: true if the tooltip was filled. */
  function counterTooltip(x: number, y: number): boolean {
    const row = m.rows?.rowAtY(y + m.scrollTop);
    if (!row || row.kind !== 'lane' || row.lane?.kind !== 'counter' || x < HEADER_WIDTH) return false;
    const data = d.counterLane?.(row.lane.id);
    const lines = data ? counterTooltipLines(data, nsAt(m.viewport, m.width, x - HEADER_WIDTH)) : [];
    if (lines.length === 0) return false;
    fillTooltipLines(document, d.tooltip, row.lane.label, lines);
    return true;
  }

  function showTooltip(x: number, y: number): void {
    const h = hit(x, y);
    if (h) {
      const s = h.entry.slices;
      const li = s.label[h.ref.index];
      const notes = s.regions || s.logs ? annotationsAt(s, h.entry.strings, nsAt(m.viewport, m.width, x - HEADER_WIDTH), 3 * nsPerPx(m.viewport, m.width)) : undefined;
      fillTooltip(document, d.tooltip, {
        ...(notes ? { regions: notes.regions, logs: notes.logs } : {}),
        laneLabel: h.row.lane?.label ?? h.ref.lane,
        state: SLICE_STATES[s.state[h.ref.index]] ?? 'running',
        label: li >= 0 ? h.entry.strings[li] : undefined,
        startNs: h.ref.startNs,
        endNs: h.ref.endNs,
        merged: s.merged[h.ref.index],
        goroutine: s.goroutine[h.ref.index],
        proc: s.proc[h.ref.index],
      });
    } else if (!counterTooltip(x, y)) {
      d.tooltip.hidden = true;
      return;
    }
    placeTooltip(d.lanes, x, y);
  }

  /** Shows the filled tooltip beside a point of a canvas, inside the view. */
  function placeTooltip(on: HTMLElement, x: number, y: number): void {
    d.tooltip.hidden = false;
    const box = d.tooltip.parentElement!.getBoundingClientRect();
    const at = on.getBoundingClientRect();
    const pos = tooltipPosition(at.left - box.left + x, at.top - box.top + y, d.tooltip.offsetWidth, d.tooltip.offsetHeight, box.width, box.height);
    d.tooltip.style.left = `${pos.left}px`;
    d.tooltip.style.top = `${pos.top}px`;
  }

  // ---- lanes: wheel, drag to pan, hover, click ----
  let drag: { x: number; y: number; viewport: Viewport; scrollTop: number; moved: boolean; id: number } | undefined;
  const onWheel = (e: WheelEvent) => {
    e.preventDefault();
    const { x } = local(d.lanes, e);
    const dx = e.deltaX;
    const dy = e.deltaY;
    if (x < HEADER_WIDTH && !e.ctrlKey) {
      d.scroller.scrollTop += dy;
      return;
    }
    if (e.shiftKey || Math.abs(dx) > Math.abs(dy)) {
      d.setViewport(panBy(m.viewport, duration(), (Math.abs(dx) > Math.abs(dy) ? dx : dy) * nsPerPx(m.viewport, m.width)));
    } else {
      d.setViewport(zoomAt(m.viewport, duration(), nsAt(m.viewport, m.width, x - HEADER_WIDTH), wheelZoomFactor(dy)));
    }
    d.tooltip.hidden = true;
  };
  const onDown = (e: PointerEvent) => {
    if (e.button !== 0) return;
    const p = local(d.lanes, e);
    drag = { ...p, viewport: m.viewport, scrollTop: m.scrollTop, moved: false, id: e.pointerId };
    d.lanes.setPointerCapture(e.pointerId);
  };
  const onMove = (e: PointerEvent) => {
    const p = local(d.lanes, e);
    pointerNs = p.x >= HEADER_WIDTH ? nsAt(m.viewport, m.width, p.x - HEADER_WIDTH) : undefined;
    if (drag) {
      const dx = p.x - drag.x;
      const dy = p.y - drag.y;
      if (!drag.moved && Math.hypot(dx, dy) < DRAG_PX) return;
      drag.moved = true;
      d.tooltip.hidden = true;
      d.setViewport(panBy(drag.viewport, duration(), -dx * nsPerPx(drag.viewport, m.width)));
      d.scroller.scrollTop = drag.scrollTop - dy;
      return;
    }
    showTooltip(p.x, p.y);
  };
  const onUp = (e: PointerEvent) => {
    const wasDrag = drag;
    drag = undefined;
    if (d.lanes.hasPointerCapture(e.pointerId)) d.lanes.releasePointerCapture(e.pointerId);
    if (!wasDrag || wasDrag.moved) return;
    const p = local(d.lanes, e);
    const row = m.rows?.rowAtY(p.y + m.scrollTop);
    if (!row) return;
    m.focusIndex = row.index;
    if (row.kind === 'header') {
      d.toggle(row.key);
      return;
    }
    const h = hit(p.x, p.y);
    if (h) {
      m.focusSlice = h.ref;
      d.select(h.row, h.ref);
    }
    d.invalidate();
  };
  const onLeave = () => {
    pointerNs = undefined;
    d.tooltip.hidden = true;
  };

  // ---- keys ----
  const onKey = (e: KeyboardEvent) => {
    const a = keyAction(e);
    if (!a || !m.rows) return;
    e.preventDefault();
    switch (a.kind) {
      case 'zoom':
        d.setViewport(zoomAt(m.viewport, duration(), pointerNs ?? (m.viewport.startNs + m.viewport.endNs) / 2, a.factor));
        break;
      case 'pan':
        d.setViewport(panBy(m.viewport, duration(), a.fraction * spanOf(m.viewport)));
        break;
      case 'row':
        moveRow(a.delta);
        break;
      case 'slice':
        moveSlice(a.delta);
        break;
      case 'activate': {
        const row = m.rows.rowAt(m.focusIndex);
        if (row?.kind === 'header') d.toggle(row.key);
        else if (row?.kind === 'lane' && m.focusSlice && m.focusSlice.lane === row.lane?.id) d.select(row, m.focusSlice);
        break;
      }
      case 'fit':
        d.zoomToFit();
        break;
      case 'zoomSelection':
        d.zoomToSelection();
        break;
      case 'clear':
        d.setRange(undefined);
        break;
      case 'relation':
        d.follow(a.which);
        break;
    }
  };

  function moveRow(delta: number): void {
    const rows = m.rows!;
    m.focusIndex = Math.max(0, Math.min(rows.rowCount - 1, m.focusIndex + delta));
    const row = rows.rowAt(m.focusIndex);
    if (!row) return;
    if (row.y < m.scrollTop) d.scroller.scrollTop = row.y;
    else if (row.y + row.height > m.scrollTop + m.height) d.scroller.scrollTop = row.y + row.height - m.height;
    m.focusSlice = undefined;
    d.invalidate();
  }

  /** Next or previous point of a counter lane, its values announced (the keyboard's hover). */
  function moveCounterPoint(row: LaneRow, delta: number): void {
    const data = d.counterLane?.(row.lane!.id);
    if (!data) return;
    const from = m.focusSlice?.lane === row.lane!.id ? m.focusSlice.startNs : undefined;
    const p = counterStep(data, delta, from, m.viewport);
    if (p < 0) return;
    m.focusSlice = { lane: row.lane!.id, startNs: data.start[p], endNs: data.end[p], index: p };
    if (data.end[p] < m.viewport.startNs || data.start[p] > m.viewport.endNs) d.setViewport(centreOn(m.viewport, duration(), (data.start[p] + data.end[p]) / 2));
    d.say(counterAnnouncement(row.lane!.label, data, p));
    d.invalidate();
  }

  /** Next or previous slice of the focused lane (a counter lane: its points); Right and Left on a header open and close it. */
  function moveSlice(delta: number): void {
    const row = m.rows!.rowAt(m.focusIndex);
    if (!row) return;
    if (row.kind === 'header') {
      if (delta > 0 !== row.expanded) d.toggle(row.key);
      return;
    }
    if (!row.lane) return;
    if (row.lane.kind === 'counter') return moveCounterPoint(row, delta);
    const level = d.level();
    const from = m.focusSlice?.lane === row.lane.id ? m.focusSlice : undefined;
    const anchor = from ? (delta > 0 ? from.endNs : from.startNs) : delta > 0 ? m.viewport.startNs : m.viewport.endNs;
    const span = tileSpanNs(level);
    // Look in the tile of the anchor, then the neighbouring ones, for the next slice that way.
    for (let k = 0; k < 4; k++) {
      const tile = Math.floor(anchor / span) + k * Math.sign(delta);
      const e = m.cache.lookup(row.lane.id, level, tile);
      if (!e) continue;
      const s = e.slices;
      let best = -1;
      for (let i = 0; i < s.start.length; i++) {
        const ok = delta > 0 ? (from ? s.start[i] >= from.endNs && !(s.start[i] === from.startNs) : s.end[i] > anchor) : from ? s.end[i] <= from.startNs : s.start[i] < anchor;
        if (!ok) continue;
        if (best < 0 || (delta > 0 ? s.start[i] < s.start[best] : s.start[i] > s.start[best])) best = i;
      }
      if (best < 0) continue;
      const ref: Ref = { lane: row.lane.id, startNs: s.start[best], endNs: s.end[best], index: best };
      m.focusSlice = ref;
      if (ref.endNs < m.viewport.startNs || ref.startNs > m.viewport.endNs) d.setViewport(centreOn(m.viewport, duration(), (ref.startNs + ref.endNs) / 2));
      d.announce(row, ref);
      d.invalidate();
      return;
    }
  }

  // ---- ruler: drag selects a range ----
  let rangeDrag: { fromNs: number; moved: boolean } | undefined;
  const rulerNs = (e: PointerEvent) => nsAt(m.viewport, m.width, local(d.ruler, e).x - HEADER_WIDTH);
  const onRulerDown = (e: PointerEvent) => {
    if (e.button !== 0 || local(d.ruler, e).x < HEADER_WIDTH) return;
    rangeDrag = { fromNs: rulerNs(e), moved: false };
    d.ruler.setPointerCapture(e.pointerId);
  };
  const onRulerMove = (e: PointerEvent) => {
    if (!rangeDrag) return showRulerTooltip(e);
    const to = rulerNs(e);
    if (!rangeDrag.moved && Math.abs(to - rangeDrag.fromNs) < DRAG_PX * nsPerPx(m.viewport, m.width)) return;
    rangeDrag.moved = true;
    m.range = { fromNs: Math.min(rangeDrag.fromNs, to), toNs: Math.max(rangeDrag.fromNs, to) };
    d.invalidate();
  };
  const onRulerUp = (e: PointerEvent) => {
    if (!rangeDrag) return;
    const moved = rangeDrag.moved;
    rangeDrag = undefined;
    if (d.ruler.hasPointerCapture(e.pointerId)) d.ruler.releasePointerCapture(e.pointerId);
    d.setRange(moved ? m.range : undefined);
    const near = !moved && m.layout?.marks ? marksNear(m.layout.marks, m.viewport, m.width, local(d.ruler, e).x - HEADER_WIDTH) : [];
    if (near.length) d.say(marksAnnouncement(near));
  };
  /** The problems and the snapshot's window under the pointer (rulerMarks.ts). */
  function showRulerTooltip(e: PointerEvent): void {
    const p = local(d.ruler, e);
    const tip = m.layout && p.x >= HEADER_WIDTH ? rulerTooltip(m.layout, m.viewport, m.width, p.x - HEADER_WIDTH) : undefined;
    if (!tip) {
      d.tooltip.hidden = true;
      return;
    }
    fillTooltipLines(document, d.tooltip, tip.title, tip.lines);
    placeTooltip(d.ruler, p.x, p.y);
  }
  const onRulerLeave = () => {
    if (!rangeDrag) d.tooltip.hidden = true;
  };

  // ---- overview: click or drag moves the window ----
  let overviewDrag = false;
  const overviewMove = (e: PointerEvent) => {
    const x = local(d.overview, e).x;
    d.setViewport(centreOn(m.viewport, duration(), overviewNsAt(x, HEADER_WIDTH, m.width, duration())));
  };
  const onOverviewDown = (e: PointerEvent) => {
    if (e.button !== 0 || local(d.overview, e).x < HEADER_WIDTH) return;
    overviewDrag = true;
    d.overview.setPointerCapture(e.pointerId);
    overviewMove(e);
  };
  const onOverviewMove = (e: PointerEvent) => overviewDrag && overviewMove(e);
  const onOverviewUp = () => (overviewDrag = false);

  const listeners: [HTMLElement, string, EventListener, AddEventListenerOptions?][] = [
    [d.lanes, 'wheel', onWheel as EventListener, { passive: false }],
    [d.lanes, 'pointerdown', onDown as EventListener],
    [d.lanes, 'pointermove', onMove as EventListener],
    [d.lanes, 'pointerup', onUp as EventListener],
    [d.lanes, 'pointerleave', onLeave],
    [d.lanes, 'keydown', onKey as EventListener],
    [d.ruler, 'pointerdown', onRulerDown as EventListener],
    [d.ruler, 'pointermove', onRulerMove as EventListener],
    [d.ruler, 'pointerup', onRulerUp as EventListener],
    [d.ruler, 'pointerleave', onRulerLeave],
    [d.ruler, 'wheel', onWheel as EventListener, { passive: false }],
    [d.overview, 'pointerdown', onOverviewDown as EventListener],
    [d.overview, 'pointermove', onOverviewMove as EventListener],
    [d.overview, 'pointerup', onOverviewUp],
  ];
  for (const [t, type, fn, opts] of listeners) t.addEventListener(type, fn, opts);
  return { dispose: () => listeners.forEach(([t, type, fn]) => t.removeEventListener(type, fn)) };
}
