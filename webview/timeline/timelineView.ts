/**
 * The timeline view: mounts the canvases in a container and ties the pieces together: the
 * layout of rows (laneLayout), time <-> px (timeMapping), the slice cache, drawing (ruler,
 * overview, lanes) and input (timelineInput).
 *
 * Drawing is scheduled, never immediate: anything that changes what is seen calls invalidate(),
 * which asks for one animation frame; the frame redraws once and then sends at most one slice
 * request (and one page of goroutine lanes), so requests are coalesced to one per frame while
 * what is cached is drawn meanwhile. Nothing runs while nothing changes.
 */
import type { Filter } from '../../src/shared/protocol.js';
import type { SliceAnswer, SliceState, TimelineLane, TimelinePlace } from '../../src/shared/timeline.js';
import { SLICE_STATES } from '../../src/shared/timeline.js';
import { formatDuration, formatTraceTime } from '../format.js';
import { CounterCache, requestCounters } from './counterCache.js';
import { drawLanes, entriesFor, HEADER_WIDTH, type SliceRef } from './laneDrawing.js';
import { DEFAULT_EXPANDED, groupKey, LaneLayout, type GroupSort, type LaneRow, type Row } from './laneLayout.js';
import { drawOverview, OVERVIEW_HEIGHT } from './overviewStrip.js';
import { drawHeaderText, drawRuler } from './ruler.js';
import { MAX_TABLE_ROWS, SliceTable, visibleSlices } from './sliceTable.js';
import { levelFor, SliceCache, INEXACT_RETRY_MS } from './sliceCache.js';
import { compileSliceFilter } from './sliceFilter.js';
import { FilterStatus } from './filterStatus.js';
import { PlaceReveal } from './placeReveal.js';
import { drawLinks } from './causeEffect.js';
import { FollowRelations } from './followRelations.js';
import { readTheme, type TimelineTheme } from './theme.js';
import { buildTimelineDom } from './timelineDom.js';
import { attachInput } from './timelineInput.js';
import type { TimelineSource } from './timelineSource.js';
import type { TimelineModel } from './timelineModel.js';
import type { TimelineViewState } from './timelineState.js';
import { clampViewport, fitViewport, isFitted, nsPerPx, spanOf, zoomToRange, type Viewport } from './timeMapping.js';

export const RULER_HEIGHT = 28;
const GROUP_PAGE = 200;
const MAX_IN_FLIGHT = 4;
/** While the pass runs the layout grows: asked again this often (faster until it has a generation). */
const LAYOUT_POLL_MS = 1000;
const FIRST_LAYOUT_POLL_MS = 200;

export interface TimelineHooks {
  /** The view's state changed (debounce before saving). */
  onStateChange?(state: TimelineViewState): void;
  /** A range was dragged on the ruler; undefined: cleared. */
  onRangeSelected?(range: { fromNs: number; toNs: number } | undefined): void;
}

export interface TimelineHandle {
  zoomToFit(): void;
  /** Shows a place (a tree row's, from Show in Timeline): its lane scrolled to, its time zoomed to, its slice selected. */
  reveal(place: TimelinePlace): void;
  /** Asks the source for the layout again (e.g. when the host says it grew). */
  reloadLayout(): void;
  /** The filter bar's filter: matching slices outlined, the others dimmed (sliceFilter.ts). */
  setFilter(filter: Filter): void;
  state(): TimelineViewState;
  dispose(): void;
}

export function mountTimeline(container: HTMLElement, source: TimelineSource, saved?: TimelineViewState, hooks: TimelineHooks = {}): TimelineHandle {
  const { root, fitButton, selButton, relationButtons, sortSelect, rangeText, selectionText, overview, ruler, scroller, lanes, spacer, tooltip, live } = buildTimelineDom();
  container.appendChild(root);
  const filterStatus = new FilterStatus();
  rangeText.before(filterStatus.element);
  // The canvas's alternative: the visible slices as a table (sliceTable.ts).
  const table = new SliceTable({
    collect: () => visibleSlices(visibleRows(), m.cache, m.viewport, level(), MAX_TABLE_ROWS, m.filter?.active ? m.filter : undefined),
    select: (s) => reveal({ lane: s.lane, startNs: s.startNs, endNs: s.endNs, text: 'from the table' }, true),
  });
  rangeText.before(table.button);
  scroller.after(table.element);

  const m: TimelineModel = {
    viewport: saved ? { startNs: saved.startNs, endNs: saved.endNs } : { startNs: 0, endNs: 1 },
    scrollTop: saved?.scrollTop ?? 0,
    expanded: new Set(saved?.expanded ?? DEFAULT_EXPANDED),
    sort: saved?.sort ?? 'start',
    width: 0,
    height: 0,
    focusIndex: 0,
    cache: new SliceCache(),
  };
  sortSelect.value = m.sort;
  /** The counter lanes' points (counterCache.ts), fetched once per viewport change. */
  const counters = new CounterCache();
  const counterLane = (id: string) => counters.lane(id, m.viewport, level());

  const groupLanes = new Map<number, (TimelineLane | undefined)[]>();
  const pagesAsked = new Set<string>();
  let theme: TimelineTheme | undefined;
  let overviewData: SliceAnswer | undefined;
  let overviewAsked = false;
  let inFlight = 0;
  let frame = 0;
  let dirty = true;
  let disposed = false;
  let layoutTimer: ReturnType<typeof setTimeout> | undefined;
  let dpr = 1;

  const ctxOf = (c: HTMLCanvasElement) => c.getContext('2d');
  const invalidate = () => {
    dirty = true;
    schedule();
    table.changed();
  };
  const schedule = () => {
    if (!frame && !disposed) frame = requestAnimationFrame(onFrame);
  };

  function relayout(): void {
    if (!m.layout) return;
    m.rows = new LaneLayout(m.layout, m.expanded, m.sort, (g, i) => groupLanes.get(g)?.[i]);
    spacer.style.height = `${Math.max(0, m.rows.totalHeight - m.height)}px`;
    m.focusIndex = Math.min(m.focusIndex, Math.max(0, m.rows.rowCount - 1));
    invalidate();
  }

  function setViewport(v: Viewport): void {
    const next = clampViewport(v, m.layout?.durationNs ?? spanOf(v));
    if (next.startNs === m.viewport.startNs && next.endNs === m.viewport.endNs) return;
    m.viewport = next;
    stateChanged();
    invalidate();
  }

  function stateChanged(): void {
    hooks.onStateChange?.(state());
  }

  function state(): TimelineViewState {
    return { startNs: m.viewport.startNs, endNs: m.viewport.endNs, scrollTop: m.scrollTop, expanded: [...m.expanded], sort: m.sort };
  }

  async function loadLayout(): Promise<void> {
    if (layoutTimer) clearTimeout(layoutTimer);
    layoutTimer = undefined;
    try {
      const layout = await source.layout();
      if (disposed) return;
      const before = m.layout;
      const first = !before || before.generations.length === 0;
      m.layout = layout;
      if (first) m.viewport = saved ? clampViewport(m.viewport, layout.durationNs) : fitViewport(layout.durationNs);
      // While the layout grows, a view fitted to it stays fitted.
      else if (isFitted(m.viewport, before.durationNs)) m.viewport = fitViewport(layout.durationNs);
      else m.viewport = clampViewport(m.viewport, layout.durationNs);
      if (before && !before.complete) {
        // Groups gained goroutines and counters gained points: their pages are asked again.
        groupLanes.clear();
        pagesAsked.clear();
        counters.clear();
      }
      overviewAsked = false;
      relayout();
      if (first && m.scrollTop > 0) scroller.scrollTop = m.scrollTop;
      placer.layoutChanged();
      if (!layout.complete) layoutTimer = setTimeout(() => void loadLayout(), layout.generations.length ? LAYOUT_POLL_MS : FIRST_LAYOUT_POLL_MS);
    } catch (e) {
      announce(`The timeline could not be loaded: ${e instanceof Error ? e.message : String(e)}`);
      layoutTimer = setTimeout(() => void loadLayout(), LAYOUT_POLL_MS * 3);
    }
  }

  function resize(): boolean {
    const w = Math.max(0, scroller.clientWidth);
    const h = Math.max(0, scroller.clientHeight);
    const ratio = window.devicePixelRatio || 1;
    if (w - HEADER_WIDTH === m.width && h === m.height && ratio === dpr && lanes.width > 0) return false;
    dpr = ratio;
    m.width = Math.max(1, w - HEADER_WIDTH);
    m.height = h;
    size(lanes, w, h);
    size(ruler, w, RULER_HEIGHT);
    size(overview, w, OVERVIEW_HEIGHT);
    if (m.rows) spacer.style.height = `${Math.max(0, m.rows.totalHeight - m.height)}px`;
    overviewAsked = false;
    return true;
  }

  function size(c: HTMLCanvasElement, w: number, h: number): void {
    c.style.width = `${w}px`;
    c.style.height = `${h}px`;
    c.width = Math.max(1, Math.round(w * dpr));
    c.height = Math.max(1, Math.round(h * dpr));
  }

  function visibleRows(): Row[] {
    return m.rows ? m.rows.visibleRows(m.scrollTop, m.height) : [];
  }

  function level(): number {
    return levelFor(nsPerPx(m.viewport, m.width));
  }

  function onFrame(): void {
    frame = 0;
    if (disposed) return;
    if (resize()) dirty = true;
    const ctx = ctxOf(lanes);
    if (!ctx) return;
    if (!theme) theme = readTheme(root, ctx);
    placer.frame();
    if (dirty && m.layout) {
      dirty = false;
      draw(ctx, theme);
    }
    pump();
  }

  function draw(ctx: CanvasRenderingContext2D, t: TimelineTheme): void {
    const rows = visibleRows();
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    const matched = drawLanes({ ctx, theme: t, viewport: m.viewport, width: m.width, height: m.height, scrollTop: m.scrollTop, level: level(), cache: m.cache, rows, focusIndex: m.focusIndex, hasFocus: document.activeElement === lanes, focusSlice: m.focusSlice, selected: m.selected, range: m.range, counters: counterLane, filter: m.filter?.active ? m.filter : undefined });
    const filterSay = filterStatus.update(matched);
    if (filterSay) announce(filterSay);
    // The selection's unblock chain, as arrows between the lanes on screen.
    if (m.relations && m.selected) drawLinks(ctx, t, m.relations.chain, rows, m.viewport, m.width, m.scrollTop);
    const rc = ctxOf(ruler);
    if (rc && m.layout) {
      rc.setTransform(dpr, 0, 0, dpr, 0, 0);
      drawHeaderText(rc, t, HEADER_WIDTH, RULER_HEIGHT, `${formatDuration(Math.round(spanOf(m.viewport)))} shown`);
      drawRuler(rc, m.viewport, HEADER_WIDTH, m.width, RULER_HEIGHT, t, { generations: m.layout.generations, window: m.layout.window, marks: m.layout.marks, range: m.range });
    }
    const oc = ctxOf(overview);
    if (oc && m.layout) {
      oc.setTransform(dpr, 0, 0, dpr, 0, 0);
      drawHeaderText(oc, t, HEADER_WIDTH, OVERVIEW_HEIGHT, `Whole trace: ${formatDuration(Math.round(m.layout.durationNs))}`);
      drawOverview(oc, HEADER_WIDTH, m.width, m.layout.durationNs, m.viewport, overviewData, t);
    }
    rangeText.textContent = `${formatDuration(Math.round(m.viewport.startNs))} – ${formatDuration(Math.round(m.viewport.endNs))}`;
    selectionText.textContent = m.range ? `Selected ${formatDuration(Math.round(Math.abs(m.range.toNs - m.range.fromNs)))}` : '';
    selButton.disabled = !m.range && !m.selected;
  }

  /** At most one slice request and one page of goroutine lanes per frame. */
  function pump(): void {
    if (!m.layout || m.width <= 0) return;
    const rows = visibleRows();
    let more = false;
    const missing = rows.find((r): r is LaneRow => r.kind === 'lane' && !r.lane && r.group !== undefined && !pagesAsked.has(`${r.group}:${Math.floor(r.indexInGroup! / GROUP_PAGE)}`));
    if (missing) {
      fetchPage(missing.group!, Math.floor(missing.indexInGroup! / GROUP_PAGE));
      more = true;
    }
    if (!overviewAsked) {
      overviewAsked = true;
      fetchOverview();
    } else if (inFlight < MAX_IN_FLIGHT) {
      const counterIds = rows.flatMap((r) => (r.kind === 'lane' && r.lane?.kind === 'counter' ? [r.lane.id] : []));
      if (requestCounters(counters, source.counters?.bind(source), counterIds, m.viewport, level(), invalidate)) more = true;
      const ids = rows.flatMap((r) => (r.kind === 'lane' && r.lane && r.lane.kind !== 'counter' ? [r.lane.id] : []));
      const req = ids.length ? m.cache.nextRequest(ids, m.viewport.startNs, m.viewport.endNs, level(), performance.now()) : undefined;
      if (req) {
        inFlight++;
        more = true;
        source.slices(req.query).then(
          (answer) => {
            inFlight--;
            m.cache.storeAnswer(answer, req.level, req.tile, performance.now());
            if (!answer.exact) setTimeout(schedule, INEXACT_RETRY_MS);
            invalidate();
          },
          () => {
            inFlight--;
            m.cache.forget(req.query, req.level, req.tile);
            setTimeout(schedule, 500);
          },
        );
      }
    }
    if (more) schedule();
  }

  function fetchPage(group: number, page: number): void {
    pagesAsked.add(`${group}:${page}`);
    source.groupLanes(group, page * GROUP_PAGE, GROUP_PAGE).then(
      (found) => {
        const list = groupLanes.get(group) ?? [];
        found.forEach((lane, i) => (list[page * GROUP_PAGE + i] = lane));
        groupLanes.set(group, list);
        relayout();
      },
      () => setTimeout(() => pagesAsked.delete(`${group}:${page}`), 1000),
    );
  }

  function fetchOverview(): void {
    const layout = m.layout;
    if (!layout) return;
    const ids = layout.lanes.filter((l) => l.kind === 'gc' || l.kind === 'proc').map((l) => l.id);
    if (ids.length === 0) return;
    source.slices({ lanes: ids, fromNs: 0, toNs: layout.durationNs, nsPerPx: layout.durationNs / Math.max(1, m.width) }).then(
      (answer) => {
        overviewData = answer;
        if (!answer.exact) setTimeout(() => ((overviewAsked = false), schedule()), INEXACT_RETRY_MS * 2);
        invalidate();
      },
      () => undefined,
    );
  }

  function announce(text: string): void {
    live.textContent = text;
  }

  /** The slice of a lane row at index i of a cached entry, as a reference with its facts. */
  function describe(row: LaneRow, ref: SliceRef & { index: number }): string {
    const facts = sliceFacts(row, ref);
    if (!facts) return row.lane?.label ?? '';
    return `${row.lane?.label ?? ''}: ${facts.state}${facts.label ? ` ${facts.label}` : ''}, from ${formatTraceTime(ref.startNs)} for ${formatDuration(Math.round(ref.endNs - ref.startNs))}`;
  }

  function sliceFacts(row: LaneRow, ref: SliceRef): { state: SliceState; label?: string; offset: number; goroutine: number; proc: number } | undefined {
    if (!row.lane) return undefined;
    for (const e of entriesFor(m.cache, row.lane.id, m.viewport, level()).reverse()) {
      const s = e.slices;
      for (let i = 0; i < s.start.length; i++) {
        if (s.start[i] !== ref.startNs || s.end[i] !== ref.endNs) continue;
        const li = s.label[i];
        return { state: SLICE_STATES[s.state[i]] ?? 'running', label: li >= 0 ? e.strings[li] : undefined, offset: s.offset[i], goroutine: s.goroutine[i], proc: s.proc[i] };
      }
    }
    return undefined;
  }

  function select(row: LaneRow, ref: SliceRef & { index: number }): void {
    m.selected = { lane: ref.lane, startNs: ref.startNs, endNs: ref.endNs };
    const facts = sliceFacts(row, ref);
    announce(`Selected ${describe(row, ref)}`);
    relations.selected(m.selected);
    if (facts && row.lane) source.select(row.lane.id, { offset: facts.offset, start: ref.startNs, end: ref.endNs, state: facts.state, label: facts.label, goroutine: facts.goroutine >= 0 ? facts.goroutine : undefined, proc: facts.proc >= 0 ? facts.proc : undefined });
    invalidate();
  }

  // "Show in Timeline", a relation followed, a row of the table (placeReveal.ts).
  const placer = new PlaceReveal({
    model: m,
    scroller,
    setViewport,
    relayout,
    stateChanged,
    announce,
    invalidate,
    level,
    selected: (ref) => relations.selected(ref),
    redraw: () => (dirty = true),
  });
  function reveal(place: TimelinePlace, keepZoom = false): void {
    placer.reveal(place, keepZoom);
  }

  function toggle(key: string): void {
    if (m.expanded.has(key)) m.expanded.delete(key);
    else m.expanded.add(key);
    relayout();
    stateChanged();
  }

  function zoomToSelection(): void {
    const r = m.range ?? (m.selected ? { fromNs: m.selected.startNs, toNs: m.selected.endNs } : undefined);
    if (r && m.layout) setViewport(zoomToRange(r.fromNs, r.toNs, m.layout.durationNs));
  }

  function zoomToFit(): void {
    if (m.layout) setViewport(fitViewport(m.layout.durationNs));
  }

  fitButton.addEventListener('click', zoomToFit);
  selButton.addEventListener('click', zoomToSelection);
  sortSelect.addEventListener('change', () => {
    m.sort = sortSelect.value as GroupSort;
    relayout();
    stateChanged();
  });
  scroller.addEventListener('scroll', () => {
    m.scrollTop = scroller.scrollTop;
    tooltip.hidden = true;
    stateChanged();
    invalidate();
  });
  lanes.addEventListener('focus', invalidate);
  lanes.addEventListener('blur', invalidate);
  const relations = new FollowRelations({
    model: m,
    source,
    buttons: relationButtons,
    setViewport,
    reveal,
    announce,
    invalidate,
  });
  const input = attachInput({
    follow: (which) => relations.follow(which),
    model: m,
    lanes,
    ruler,
    overview,
    scroller,
    tooltip,
    setViewport,
    invalidate,
    toggle,
    select,
    zoomToFit,
    zoomToSelection,
    announce: (row, ref) => announce(describe(row, ref)),
    say: announce,
    level,
    setRange: (r) => {
      m.range = r;
      selButton.disabled = !m.range && !m.selected;
      hooks.onRangeSelected?.(r);
      container.dispatchEvent(new CustomEvent('timeline-range', { detail: r }));
      invalidate();
    },
    groupKeyOf: groupKey,
    counterLane,
  });
  const resizeObserver = new ResizeObserver(invalidate);
  resizeObserver.observe(scroller);
  // The theme changes by body class; read the colours again then.
  const themeObserver = new MutationObserver(() => {
    theme = undefined;
    invalidate();
  });
  themeObserver.observe(document.body, { attributes: true, attributeFilter: ['class'] });
  void loadLayout();
  invalidate();

  return {
    zoomToFit,
    reveal,
    reloadLayout: () => void loadLayout(),
    setFilter: (filter) => {
      m.filter = compileSliceFilter(filter);
      filterStatus.set(m.filter);
      invalidate();
    },
    state,
    dispose: () => {
      disposed = true;
      if (frame) cancelAnimationFrame(frame);
      if (layoutTimer) clearTimeout(layoutTimer);
      resizeObserver.disconnect();
      themeObserver.disconnect();
      input.dispose();
      table.dispose();
      m.cache.clear();
      counters.clear();
      root.remove();
    },
  };
}
