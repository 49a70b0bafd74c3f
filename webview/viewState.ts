/**
 * What the webview remembers across being hidden and shown again. The host creates the webview
 * with retainContextWhenHidden: false, so the page is destroyed when its tab is hidden; VS Code
 * keeps what we pass to setState and hands it back via getState. Pure: parse and build, no DOM.
 */
import type { Filter, TreeId } from '../src/shared/protocol.js';
import { parseTimelineState, type TimelineViewState } from './timeline/timelineState.js';

export interface TreeViewState {
  /** IDs of expanded nodes. */
  expanded: string[];
  /** ID of the selected node. */
  selected?: string;
  /** Virtual scroll offset in px. */
  scrollTop: number;
}

export interface ViewState {
  version: 1;
  generations: TreeViewState;
  event: TreeViewState;
  filter: Filter;
  /** Whether the problems list is open. */
  problemsOpen: boolean;
  /** Which tree had the keyboard focus. */
  focus?: TreeId;
  /** The timeline's range, scroll and expanded groups, once it has been shown. */
  timeline?: TimelineViewState;
  /** Whether the Timeline pane is shown. */
  timelineShown?: boolean;
}

/** Upper bound on remembered expanded nodes, so the state stays small. */
export const MAX_REMEMBERED_EXPANDED = 5000;

export function emptyViewState(): ViewState {
  return {
    version: 1,
    generations: { expanded: [], scrollTop: 0 },
    event: { expanded: [], scrollTop: 0 },
    filter: {},
    problemsOpen: true,
  };
}

/** Reads a saved state defensively: anything missing or malformed falls back to the default. */
export function parseViewState(raw: unknown): ViewState {
  const state = emptyViewState();
  if (!isObject(raw) || raw.version !== 1) return state;
  state.generations = parseTree(raw.generations);
  state.event = parseTree(raw.event);
  state.filter = parseFilter(raw.filter);
  if (typeof raw.problemsOpen === 'boolean') state.problemsOpen = raw.problemsOpen;
  if (raw.focus === 'generations' || raw.focus === 'event') state.focus = raw.focus;
  const timeline = parseTimelineState(raw.timeline);
  if (timeline) state.timeline = timeline;
  if (raw.timelineShown === true) state.timelineShown = true;
  return state;
}

function parseTree(raw: unknown): TreeViewState {
  const tree: TreeViewState = { expanded: [], scrollTop: 0 };
  if (!isObject(raw)) return tree;
  if (Array.isArray(raw.expanded)) {
    tree.expanded = raw.expanded.filter((id): id is string => typeof id === 'string').slice(-MAX_REMEMBERED_EXPANDED);
  }
  if (typeof raw.selected === 'string') tree.selected = raw.selected;
  if (isFiniteNumber(raw.scrollTop) && raw.scrollTop >= 0) tree.scrollTop = raw.scrollTop;
  return tree;
}

export function parseFilter(raw: unknown): Filter {
  const filter: Filter = {};
  if (!isObject(raw)) return filter;
  if (Array.isArray(raw.eventTypes)) {
    const types = raw.eventTypes.filter((t): t is string => typeof t === 'string');
    if (types.length > 0) filter.eventTypes = types;
  }
  for (const key of ['goroutine', 'proc', 'thread', 'fromNs', 'toNs'] as const) {
    const v = raw[key];
    if (isFiniteNumber(v)) filter[key] = v;
  }
  if (typeof raw.text === 'string' && raw.text !== '') filter.text = raw.text;
  return filter;
}

/** Builds the state to save; keeps only the most recently expanded IDs beyond the bound. */
export function treeViewState(expanded: readonly string[], selected: string | undefined, scrollTop: number): TreeViewState {
  const tree: TreeViewState = { expanded: expanded.slice(-MAX_REMEMBERED_EXPANDED), scrollTop: Math.max(0, Math.round(scrollTop)) };
  if (selected !== undefined) tree.selected = selected;
  return tree;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isFiniteNumber(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}
