/**
 * The timeline view's mutable state: what timelineView owns and timelineInput changes.
 */
import type { SliceRelations, TimelineLayout } from '../../src/shared/timeline.js';
import type { SliceRef } from './laneDrawing.js';
import type { GroupSort, LaneLayout } from './laneLayout.js';
import type { SliceCache } from './sliceCache.js';
import type { SliceMatcher } from './sliceFilter.js';
import type { Viewport } from './timeMapping.js';

export interface TimelineModel {
  layout?: TimelineLayout;
  rows?: LaneLayout;
  viewport: Viewport;
  scrollTop: number;
  expanded: Set<string>;
  sort: GroupSort;
  /** Slice area width and lanes height, CSS px. */
  width: number;
  height: number;
  focusIndex: number;
  focusSlice?: SliceRef & { index: number };
  selected?: SliceRef;
  range?: { fromNs: number; toNs: number };
  /** The selected goroutine slice's cause and effect, once the worker answered. */
  relations?: SliceRelations;
  cache: SliceCache;
  /** The filter bar's filter, compiled for slices; inactive or undefined: nothing dimmed. */
  filter?: SliceMatcher;
}
