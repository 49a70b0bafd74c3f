/**
 * What the timeline remembers across hiding and showing the tab (kept in the webview state by
 * webview/viewState.ts): the visible range, the vertical scroll, the expanded sections and
 * groups, and the group order. Pure: parse defensively, build.
 */
import { DEFAULT_EXPANDED, GROUP_SORTS, type GroupSort } from './laneLayout.js';

export interface TimelineViewState {
  startNs: number;
  endNs: number;
  scrollTop: number;
  /** Keys of expanded sections and groups (laneLayout's PROCS_KEY, groupKey(...)). */
  expanded: string[];
  sort: GroupSort;
}

export const MAX_REMEMBERED_GROUPS = 1000;

/** Undefined when nothing usable was saved (the view then fits the whole trace). */
export function parseTimelineState(raw: unknown): TimelineViewState | undefined {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return undefined;
  const r = raw as Record<string, unknown>;
  const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
  const startNs = num(r.startNs);
  const endNs = num(r.endNs);
  if (startNs === undefined || endNs === undefined || endNs <= startNs) return undefined;
  const expanded = Array.isArray(r.expanded) ? r.expanded.filter((k): k is string => typeof k === 'string').slice(-MAX_REMEMBERED_GROUPS) : [...DEFAULT_EXPANDED];
  const sort = GROUP_SORTS.includes(r.sort as GroupSort) ? (r.sort as GroupSort) : 'start';
  return { startNs, endNs, scrollTop: Math.max(0, num(r.scrollTop) ?? 0), expanded, sort };
}
