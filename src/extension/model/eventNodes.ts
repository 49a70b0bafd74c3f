/**
 * The one event renderer: an event's row (name, time, what its source says of it), the event
 * tree shown when it is selected (where and when, the arguments, the stacks and their frames,
 * which open their source) and its Copy Event text, all from one EventView (eventView.ts),
 * whichever source it adapts: a v2 wire event, a v1 raw event, or an event listed under a
 * goroutine, proc or thread. Every string here is trace data: the webview shows it as text, and
 * names are shown as they are only when Go would escape nothing in them (src/parser/text).
 */
import { displayTraceText } from '../../parser/index.js';
import type { TreeNode } from '../../shared/protocol.js';
import type { EventView, FrameLike } from './eventView.js';
import { formatNs } from './format.js';
import { eventArgId, eventFrameId, eventInfoId, eventRowFrameId, eventStackId } from './nodeIds.js';

/** The event's row; its children, if any, are the row's frames (eventRowFrameRow). */
export function eventRow(view: EventView, id: string, traceStartNs: number): TreeNode {
  const r = view.row(traceStartNs);
  const time = Number.isNaN(view.time) ? '' : `+${formatNs(view.time - traceStartNs)}`;
  return {
    id,
    kind: 'event',
    label: view.name,
    description: [time, ...r.parts].filter(Boolean).join('  '),
    tooltip: r.tooltip,
    icon: r.icon,
    childCount: r.frames.length,
    ...(r.offset !== undefined ? { offset: r.offset } : {}),
  };
}

/** Frame `frame` listed under the event's row `rowId`. */
export const eventRowFrameRow = (rowId: string, frame: number, f: FrameLike): TreeNode => frameRow(eventRowFrameId(rowId, frame), f);

/** Roots of the event tree: where and when, then the arguments, then the stacks. */
export function eventDetailRoots(view: EventView, id: string, traceStartNs: number): TreeNode[] {
  const nodes: TreeNode[] = view.facts(traceStartNs).map((f) => ({
    id: eventInfoId(id, f.index),
    kind: 'info',
    label: f.label,
    description: f.value,
    icon: 'info',
    childCount: 0,
    ...(f.tooltip !== undefined ? { tooltip: f.tooltip } : {}),
    ...(f.offset !== undefined ? { offset: f.offset } : {}),
  }));
  for (const a of view.args()) {
    nodes.push({ id: eventArgId(id, a.index), kind: 'arg', label: a.label, description: a.value, tooltip: a.tooltip, icon: 'symbol-field', childCount: 0 });
  }
  view.stacks().forEach((s, i) => {
    nodes.push({
      id: eventStackId(id, i),
      kind: 'stack',
      label: s.label,
      description: s.description,
      icon: 'list-tree',
      childCount: s.frames.length,
      ...(s.missing ? { severity: 'warning' as const } : {}),
    });
  });
  return nodes;
}

/** Frame `frame` of stack `stack` in the event tree of event `id`. */
export const eventFrameRow = (id: string, stack: number, frame: number, f: FrameLike): TreeNode => frameRow(eventFrameId(id, stack, frame), f);

/** "Copy Event": one readable line per fact, then the arguments, then each stack with its frames indented. */
export function eventText(view: EventView, traceStartNs: number): string {
  const lines = view.textHead(traceStartNs);
  for (const a of view.args()) lines.push(`${a.label}: ${a.value}`);
  for (const s of view.stacks()) {
    lines.push(s.textLine);
    for (const f of s.frames) lines.push(`  ${frameFuncText(f)}`, `      ${frameFileText(f)}`);
  }
  return lines.join('\n') + '\n';
}

/** A frame's function and file:line as shown: each as it is when plain, else Go's quoted form. */
export const frameFuncText = (f: { func: string }): string => displayTraceText(f.func);
export const frameFileText = (f: { file: string; line: number }): string => `${displayTraceText(f.file)}:${f.line}`;

/** A frame row: function, then file:line; clicking it opens the source (the path as recorded). */
export function frameRow(id: string, f: FrameLike): TreeNode {
  return {
    id,
    kind: 'frame',
    label: f.func ? frameFuncText(f) : '?',
    description: frameFileText(f),
    tooltip: `${frameFuncText(f)}\n${frameFileText(f)}\npc=0x${f.pc.toString(16)}`,
    icon: 'symbol-method',
    childCount: 0,
    frame: { func: f.func, file: f.file, line: f.line },
  };
}
