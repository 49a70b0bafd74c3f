/**
 * Rows for one event: its row in the generation tree (name, time, key arguments) and the event
 * tree shown when it is selected (arguments by name with resolved values, then its stacks and
 * their frames). Every string here is trace data: the webview shows it as text, and it is shown
 * as Go quotes it (string arguments) or, for names, as it is only when Go would not escape any of
 * it (src/parser/text/traceText.ts).
 */
import { displayTraceText, goQuoteShort, goQuoteString, type ArgView, type EventView, type FrameView } from '../../parser/index.js';
import type { TreeNode } from '../../shared/protocol.js';
import { formatNs, formatOffset } from './format.js';
import { eventArgId, eventFrameId, eventInfoId, eventStackId } from './nodeIds.js';

/** Longest string argument shown in a row's description; the event tree shows it whole. */
const SHORT_TEXT = 60;

/** An argument's value as text: the resolved string (Go's quoted form) or status name, else the number. */
export function argValueText(a: ArgView): string {
  if (a.kind === 'string') return goQuoteString(a.text ?? '');
  if (a.text !== undefined) return a.text;
  if (a.kind === 'thread' && a.value === -1) return 'none';
  if (a.kind === 'goroutine' && a.value >= 2 ** 63) return 'none';
  return String(a.value);
}

/** `name=value` for a row, a long string cut (quoted whole: the ellipsis is outside the quotes). */
export function shortArg(a: ArgView): string {
  if (a.kind === 'string') return `${a.name}=${goQuoteShort(a.text ?? '', SHORT_TEXT)}`;
  let v = argValueText(a);
  if (v.length > SHORT_TEXT) v = v.slice(0, SHORT_TEXT) + '…';
  return `${a.name}=${v}`;
}

/** The event's row in the generation tree (a leaf: selecting it shows the event tree). */
export function eventRow(view: EventView, id: string, traceStartNs: number): TreeNode {
  const keyArgs = view.args.filter((a) => a.kind !== 'seq' && a.kind !== 'stack').map(shortArg);
  return {
    id,
    kind: 'event',
    label: view.name,
    description: [`+${formatNs(view.time - traceStartNs)}`, ...keyArgs].join('  '),
    tooltip: `${view.name} at ${formatNs(view.time - traceStartNs)}, byte offset ${formatOffset(view.offset)}`,
    icon: 'symbol-event',
    childCount: 0,
    offset: view.offset,
  };
}

/** Roots of the event tree: where and when, then every argument, then every stack. */
export function eventDetailRoots(view: EventView, id: string, traceStartNs: number, thread: number): TreeNode[] {
  const info = (i: number, label: string, description: string): TreeNode => ({
    id: eventInfoId(id, i),
    kind: 'info',
    label,
    description,
    icon: 'info',
    childCount: 0,
  });
  const nodes: TreeNode[] = [
    { ...info(0, 'event', view.name), offset: view.offset },
    info(1, 'time', `+${formatNs(view.time - traceStartNs)} (${view.time} ns)`),
    { ...info(2, 'offset', formatOffset(view.offset)), offset: view.offset },
    info(3, 'thread', thread >= 0 ? `M ${thread}` : 'none'),
  ];
  view.args.forEach((a, i) => {
    if (a.kind === 'stack') return;
    nodes.push({
      id: eventArgId(id, i),
      kind: 'arg',
      label: a.name,
      description: argValueText(a),
      tooltip: `${a.name} (${a.kind}) = ${argValueText(a)}`,
      icon: 'symbol-field',
      childCount: 0,
    });
  });
  view.stacks.forEach((s, i) => {
    nodes.push({
      id: eventStackId(id, i),
      kind: 'stack',
      label: s.arg === 'stack' ? 'stack' : s.arg,
      description: s.missing ? `stack ${s.id} (not in the stack table)` : `stack ${s.id}, ${s.frames.length} frames`,
      icon: 'list-tree',
      childCount: s.frames.length,
      ...(s.missing ? { severity: 'warning' as const } : {}),
    });
  });
  return nodes;
}

/** A frame's function and file:line as shown: each as it is when plain, else Go's quoted form. */
export const frameFuncText = (f: { func: string }): string => displayTraceText(f.func);
export const frameFileText = (f: { file: string; line: number }): string => `${displayTraceText(f.file)}:${f.line}`;

/** A frame row: function, then file:line; clicking it opens the source (the path as recorded). */
export function frameRow(id: string, f: FrameView): TreeNode {
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

export const eventFrameRow = (eventNodeId: string, stack: number, frame: number, f: FrameView): TreeNode =>
  frameRow(eventFrameId(eventNodeId, stack, frame), f);
