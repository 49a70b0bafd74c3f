/**
 * Rows for one event: its row in the generation tree (name, time, key arguments) and the event
 * tree shown when it is selected (arguments by name with resolved values, then its stacks and
 * their frames). Every string here is trace data: the webview shows it as text.
 */
import type { ArgView, EventView, FrameView } from '../../parser/index.js';
import type { TreeNode } from '../../shared/protocol.js';
import { formatNs, formatOffset } from './format.js';
import { eventArgId, eventFrameId, eventInfoId, eventStackId } from './nodeIds.js';

/** Longest string argument shown in a row's description; the event tree shows it whole. */
const SHORT_TEXT = 60;

/** An argument's value as text: the resolved string or status name, else the number. */
export function argValueText(a: ArgView): string {
  if (a.kind === 'string') return JSON.stringify(a.text ?? '');
  if (a.text !== undefined) return a.text;
  if (a.kind === 'thread' && a.value === -1) return 'none';
  if (a.kind === 'goroutine' && a.value >= 2 ** 63) return 'none';
  return String(a.value);
}

function shortArg(a: ArgView): string {
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

/** A frame row: function, then file:line; clicking it opens the source. */
export function frameRow(id: string, f: FrameView): TreeNode {
  return {
    id,
    kind: 'frame',
    label: f.func || '?',
    description: `${f.file}:${f.line}`,
    tooltip: `${f.func}\n${f.file}:${f.line}\npc=0x${f.pc.toString(16)}`,
    icon: 'symbol-method',
    childCount: 0,
    frame: { func: f.func, file: f.file, line: f.line },
  };
}

export const eventFrameRow = (eventNodeId: string, stack: number, frame: number, f: FrameView): TreeNode =>
  frameRow(eventFrameId(eventNodeId, stack, frame), f);
