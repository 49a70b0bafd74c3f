/**
 * Showing a place on the timeline ("Show in Timeline", a relation followed, a row of the slice
 * table): the view moves there (zoomed to it, or at the current zoom), its lane's section opens
 * and the lane comes into the upper third; then, once that lane's exact slices at the view's
 * level are cached, the slice holding the place's start is selected and announced. A place asked
 * for before the layout is complete waits for it. The pure parts are in reveal.ts.
 */
import { SLICE_STATES, type TimelinePlace } from '../../src/shared/timeline.js';
import { formatDuration, formatTraceTime } from '../format.js';
import { followViewport } from './causeEffect.js';
import { entriesFor, type SliceRef } from './laneDrawing.js';
import { groupKey, PROCS_KEY, TASKS_KEY, THREADS_KEY } from './laneLayout.js';
import { placeViewport, sliceAt } from './reveal.js';
import type { TimelineModel } from './timelineModel.js';
import type { Viewport } from './timeMapping.js';

export interface RevealDeps {
  model: TimelineModel;
  scroller: HTMLElement;
  setViewport(v: Viewport): void;
  /** The rows are made again (a section was opened). */
  relayout(): void;
  stateChanged(): void;
  announce(text: string): void;
  invalidate(): void;
  level(): number;
  /** The selection changed to a slice (its relations are asked for). */
  selected(ref: SliceRef): void;
  /** The next frame must redraw (called from within a frame). */
  redraw(): void;
}

/** The section key a lane of a kind opens under (goroutine lanes: their group's). */
const SECTION: Partial<Record<string, string>> = { proc: PROCS_KEY, thread: THREADS_KEY, task: TASKS_KEY };

export class PlaceReveal {
  /** The place still to be shown (the layout is incomplete) or whose slice is still to be selected. */
  private pending: TimelinePlace | undefined;

  constructor(private readonly d: RevealDeps) {}

  /** keepZoom: centre on the place at the current zoom (following a relation), else zoom to it. */
  reveal(place: TimelinePlace, keepZoom = false): void {
    const m = this.d.model;
    const d = this.d;
    this.pending = place;
    const layout = m.layout;
    if (!layout?.complete) return; // shown when the layout comes (layoutChanged)
    d.setViewport(keepZoom ? followViewport(m.viewport, place.startNs, place.endNs, layout.durationNs) : placeViewport(place, layout.durationNs));
    if (!place.lane) {
      this.pending = undefined;
      m.range = { fromNs: place.startNs, toNs: Math.max(place.endNs, place.startNs) };
      d.announce(`Showing ${place.text}`);
      d.invalidate();
      return;
    }
    const group = place.group !== undefined ? layout.groups[place.group] : undefined;
    const kind = layout.lanes.find((l) => l.id === place.lane)?.kind;
    const key = group ? groupKey(group) : kind ? SECTION[kind] : undefined;
    if (key && !m.expanded.has(key)) {
      m.expanded.add(key);
      d.relayout();
      d.stateChanged();
    }
    const row = group && place.indexInGroup !== undefined ? m.rows?.groupLaneRow(group.index, place.indexInGroup) : m.rows?.findRow(place.lane);
    if (row) {
      m.focusIndex = row.index;
      // The lane in the upper third of the view.
      d.scroller.scrollTop = Math.max(0, row.y - Math.floor(m.height / 3));
      m.scrollTop = d.scroller.scrollTop;
    }
    d.announce(`Showing ${place.text}`);
    d.invalidate();
  }

  /** A layout came: a place waiting for a complete one is shown now. */
  layoutChanged(): void {
    if (this.pending && this.d.model.layout?.complete) this.reveal(this.pending);
  }

  /** Each frame: selects the pending place's slice once its lane's exact slices are cached. */
  frame(): void {
    const place = this.pending;
    const m = this.d.model;
    if (!place?.lane || !m.layout?.complete) return;
    for (const e of entriesFor(m.cache, place.lane, m.viewport, this.d.level()).reverse()) {
      // Merged slices (the overview's, or too small to see) wait for the exact ones.
      if (!e.exact) continue;
      const i = sliceAt(e.slices, place.startNs);
      if (i < 0) continue;
      this.pending = undefined;
      m.selected = { lane: place.lane, startNs: e.slices.start[i], endNs: e.slices.end[i] };
      const st = SLICE_STATES[e.slices.state[i]] ?? 'running';
      this.d.announce(`Selected ${place.lane.toUpperCase()}: ${st}, from ${formatTraceTime(e.slices.start[i])} for ${formatDuration(Math.round(e.slices.end[i] - e.slices.start[i]))} (${place.text})`);
      this.d.selected(m.selected);
      this.d.redraw();
      return;
    }
  }
}
