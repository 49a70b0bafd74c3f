/**
 * The hover tooltip of a slice: what it is (state, reason or label), when, for how long, and
 * whose. The text is built as lines of plain strings and put in the DOM with textContent only:
 * a function name or log message from the trace may look like markup and must stay text.
 */
import { formatDuration, formatTraceTime } from '../format.js';
import type { SliceState } from '../../src/shared/timeline.js';

export interface SliceInfo {
  laneLabel: string;
  state: SliceState;
  /** The reason (waiting), the goroutine's function (running on a proc), the P (thread)... */
  label?: string;
  startNs: number;
  endNs: number;
  /** > 1: that many short spans merged at this zoom level. */
  merged: number;
  goroutine?: number;
  proc?: number;
  /** Goroutine lanes: the user regions holding the pointer's time, outermost first. */
  regions?: string[];
  /** Goroutine lanes: the user logs at the pointer. */
  logs?: string[];
}

export interface TooltipLine {
  name: string;
  value: string;
}

const STATE_TEXT: Record<SliceState, string> = {
  running: 'Running',
  runnable: 'Runnable (waiting for a P)',
  waiting: 'Waiting',
  syscall: 'In a system call',
  gc: 'GC',
  stw: 'Stop the world',
  proc: 'Holding a P',
  region: 'Region',
  task: 'Task',
};

const LABEL_NAME: Partial<Record<SliceState, string>> = { waiting: 'Reason', stw: 'Reason', region: 'Region', proc: 'P', task: 'Type' };

/** A state's name as the tooltip and the slice table say it. */
export function stateText(state: SliceState): string {
  return STATE_TEXT[state] ?? state;
}

export function tooltipTitle(info: SliceInfo): string {
  return `${STATE_TEXT[info.state] ?? info.state} · ${info.laneLabel}`;
}

export function tooltipLines(info: SliceInfo): TooltipLine[] {
  const lines: TooltipLine[] = [];
  if (info.label !== undefined && info.label !== '') lines.push({ name: LABEL_NAME[info.state] ?? 'Label', value: info.label });
  lines.push({ name: 'Start', value: formatTraceTime(info.startNs) });
  lines.push({ name: 'Duration', value: formatDuration(Math.round(info.endNs - info.startNs)) });
  if (info.goroutine !== undefined && info.goroutine >= 0) lines.push({ name: 'Goroutine', value: `G${info.goroutine}` });
  if (info.proc !== undefined && info.proc >= 0) lines.push({ name: 'Proc', value: `P${info.proc}` });
  if (info.merged > 1) lines.push({ name: 'Merged', value: `${info.merged} short spans at this zoom; zoom in to see them` });
  if (info.regions?.length) lines.push({ name: info.regions.length > 1 ? 'Regions' : 'Region', value: info.regions.join(' › ') });
  for (const log of info.logs?.slice(0, 3) ?? []) lines.push({ name: 'Log', value: log });
  return lines;
}

/** What the tooltip needs of a document: enough to test it in node with a fake. */
export interface ElementMaker {
  createElement(tag: 'div' | 'span'): HTMLElement;
}

/** Replaces the tooltip's content; every trace string goes through textContent. */
export function fillTooltip(doc: ElementMaker, tooltip: HTMLElement, info: SliceInfo): void {
  fillTooltipLines(doc, tooltip, tooltipTitle(info), tooltipLines(info));
}

/** A title and lines of name and value, as text (a counter lane's hover uses it too). */
export function fillTooltipLines(doc: ElementMaker, tooltip: HTMLElement, titleText: string, lines: readonly TooltipLine[]): void {
  tooltip.replaceChildren();
  const title = doc.createElement('div');
  title.className = 'timeline-tooltip-title';
  title.textContent = titleText;
  tooltip.appendChild(title);
  for (const line of lines) {
    const row = doc.createElement('div');
    row.className = 'timeline-tooltip-row';
    const name = doc.createElement('span');
    name.className = 'timeline-tooltip-name';
    name.textContent = line.name;
    const value = doc.createElement('span');
    value.className = 'timeline-tooltip-value';
    value.textContent = line.value;
    row.appendChild(name);
    row.appendChild(value);
    tooltip.appendChild(row);
  }
}

/** Where the tooltip goes: right of and below the pointer, flipped to stay inside the box. */
export function tooltipPosition(x: number, y: number, width: number, height: number, boxW: number, boxH: number): { left: number; top: number } {
  const gap = 12;
  const left = x + gap + width <= boxW ? x + gap : Math.max(0, x - gap - width);
  const top = y + gap + height <= boxH ? y + gap : Math.max(0, y - gap - height);
  return { left, top };
}
