/**
 * Rows of the generation tree of a v1 trace: its one generation (what Go's conversion yields),
 * the Ps whose batches the file holds, the batches (each a v1 EvBatch and the raw events after
 * it), the raw events with their v1 names and arguments, and the event tree and "Copy Event" text
 * of one. The strings, stacks and CPU samples tables are the v2 rows (tableNodes.ts). Every string
 * here is trace data: the webview shows it as text.
 */
import type { TreeNode } from '../../shared/protocol.js';
import { displayTraceText, type ArgView, type StackView } from '../../parser/index.js';
import { argValueText, frameFileText, frameFuncText, shortArg } from './eventNodes.js';
import { formatBytes, formatNs, formatOffset, plural } from './format.js';
import type { GenerationInfo } from './generationIndex.js';
import { batchId, eventArgId, eventInfoId, eventStackId, generationId, v1ProcId } from './nodeIds.js';
import type { V1EventView } from './v1EventView.js';

/** "P 3", or "no P" for the runtime's batches without one. */
export const v1ProcLabel = (p: number): string => (p >= 0 ? `P ${p}` : 'no P');

const time = (ns: number, traceStartNs: number): string => `+${formatNs(ns - traceStartNs)}`;

export function v1GenerationRow(g: GenerationInfo, traceStartNs: number): TreeNode {
  const v = g.v1!;
  const span = Number.isNaN(g.startNs) ? (v.nsPerTick > 0 ? 'no events' : 'no frequency: times unknown') : `${time(g.startNs, traceStartNs)} … ${time(g.endNs, traceStartNs)}`;
  const ps = v.procIds.filter((p) => p >= 0).length;
  return {
    id: generationId(g.genIndex),
    kind: 'generation',
    label: `generation ${g.genNumber} (v1 trace: read whole)`,
    description: `${span}  ${formatBytes(g.end - g.offset)}  ${plural(g.eventCount, 'raw event')}`,
    tooltip:
      `A go 1.${v.version} trace (v1 format, Go 1.11–1.21) has no generations: Go reads it whole and converts it into one generation, shown here. ` +
      `Bytes ${g.offset}–${g.end}: ${plural(g.batches.length, 'batch', 'batches')} (v1 EvBatch) of ${plural(ps, 'P')}` +
      `${v.batchesByProc.has(-1) ? ' and of no P' : ''}, with their raw events as written` +
      (v.error ? `; the raw reading stopped at byte ${v.error.offset}: ${v.error.message}` : ''),
    icon: 'layers',
    childCount: v.procIds.length + 2 + (g.tables.cpuSamples.length > 0 ? 1 : 0),
    offset: g.offset,
  };
}

export function v1ProcRow(g: GenerationInfo, p: number): TreeNode {
  const batches = g.v1!.batchesByProc.get(p) ?? [];
  let events = 0;
  for (const i of batches) events += g.batches[i].eventCount;
  return {
    id: v1ProcId(g.genIndex, p),
    kind: 'thread',
    label: v1ProcLabel(p),
    description: `${plural(batches.length, 'batch', 'batches')}, ${plural(events, 'event')}`,
    tooltip: p >= 0 ? `the batches of P ${p} (a v1 trace is written per P, not per thread)` : 'batches the runtime wrote without a P',
    icon: p >= 0 ? 'circuit-board' : 'database',
    childCount: batches.length,
    offset: batches.length > 0 ? g.batches[batches[0]].offset : g.offset,
  };
}

export function v1BatchRow(g: GenerationInfo, index: number, traceStartNs: number): TreeNode {
  const b = g.batches[index];
  const { end, p } = g.v1!.batches[index];
  const span = b.eventCount > 0 && !Number.isNaN(b.firstNs) ? `  ${time(b.firstNs, traceStartNs)} … ${time(b.lastNs, traceStartNs)}` : '';
  return {
    id: batchId(g.genIndex, index),
    kind: 'batch',
    label: `batch ${index}`,
    description: `${formatOffset(b.offset)}  ${formatBytes(end - b.offset)}  ${plural(b.eventCount, 'event')}${span}`,
    tooltip: `batch ${index}: EvBatch p=${p < 0 ? '(none)' : p} ticks=${b.ticks} at byte ${b.offset}; its events from byte ${b.payloadOffset} to ${end}`,
    icon: 'symbol-array',
    childCount: b.eventCount,
    offset: b.offset,
  };
}

/** The arguments a row shows: all but the time delta (the time is shown) and sequence numbers. */
const rowArgs = (view: V1EventView): ArgView[] => view.args.filter((a) => a.name !== 'dt' && a.kind !== 'seq');

/** A raw event's row in the generation tree (a leaf: selecting it shows the event tree). */
export function v1EventRow(view: V1EventView, id: string, traceStartNs: number): TreeNode {
  const parts = rowArgs(view).map(shortArg);
  if (!Number.isNaN(view.time)) parts.unshift(time(view.time, traceStartNs));
  const top = view.stacks[view.stacks.length - 1]?.frames[0]?.func;
  if (top && view.name === 'Stack') parts.push(displayTraceText(top));
  return {
    id,
    kind: 'event',
    label: view.name,
    description: parts.join('  '),
    tooltip: `${view.name} (v1 event type ${view.type})${Number.isNaN(view.time) ? '' : ` at ${formatNs(view.time - traceStartNs)}`}, byte offset ${formatOffset(view.offset)}`,
    icon: view.name === 'String' ? 'symbol-string' : view.name === 'Stack' ? 'list-tree' : 'symbol-event',
    childCount: 0,
    offset: view.offset,
  };
}

const idText = (v: number, prefix: string): string => (v >= 0 ? `${prefix} ${v}` : 'none');

function timeText(view: V1EventView, traceStartNs: number): string {
  if (Number.isNaN(view.ticks)) return 'none (a v1 event of this type has no time)';
  if (Number.isNaN(view.time)) return `${view.ticks} ticks (no frequency: not converted)`;
  return `${time(view.time, traceStartNs)} (${view.time} ns, ${view.ticks} ticks)`;
}

function stackLabel(s: StackView): string {
  if (s.arg === 'stk') return 'stack';
  if (s.arg === 'stack') return 'new goroutine stack';
  return s.arg;
}

/** Roots of the event tree: where and when, then every argument, then every stack. */
export function v1EventDetailRoots(view: V1EventView, id: string, traceStartNs: number, g: GenerationInfo): TreeNode[] {
  const info = (i: number, label: string, description: string, tooltip?: string): TreeNode => ({
    id: eventInfoId(id, i), kind: 'info', label, description, icon: 'info', childCount: 0, ...(tooltip ? { tooltip } : {}),
  });
  const timed = !Number.isNaN(view.ticks);
  const nodes: TreeNode[] = [
    { ...info(0, 'event', view.name, `v1 event type ${view.type} (go 1.${g.v1!.version} trace)`), offset: view.offset },
    info(1, 'time', timeText(view, traceStartNs)),
    { ...info(2, 'offset', formatOffset(view.offset), `batch ${view.batch} of generation ${g.genNumber}`), offset: view.offset },
    info(3, 'proc', view.p >= 0 ? `P ${view.p}` : 'none', "the P of the event's batch"),
  ];
  if (timed) {
    nodes.push(
      info(4, 'goroutine', idText(view.g, 'G'), "the goroutine running on the P (Go's v1 parser)"),
      info(5, 'thread', idText(view.m, 'M'), 'the thread that last started the P'),
    );
  }
  view.args.forEach((a, i) => {
    nodes.push({
      id: eventArgId(id, i),
      kind: 'arg',
      label: a.name,
      description: argValueText(a),
      tooltip: `${a.name} (${a.kind}) = ${argValueText(a)}${a.text !== undefined && a.kind !== 'raw' ? `, raw ${a.value}` : ''}`,
      icon: 'symbol-field',
      childCount: 0,
    });
  });
  view.stacks.forEach((s, i) => {
    nodes.push({
      id: eventStackId(id, i),
      kind: 'stack',
      label: stackLabel(s),
      description: s.missing ? `stack ${s.id} (not in the trace's stacks)` : `stack ${s.id}, ${plural(s.frames.length, 'frame')}`,
      icon: 'list-tree',
      childCount: s.frames.length,
      ...(s.missing ? { severity: 'warning' as const } : {}),
    });
  });
  return nodes;
}

/** "Copy Event" for a raw v1 event: one readable line per fact, frames indented. */
export function v1EventText(view: V1EventView, where: { genNumber: number; batch: number; event: number }, traceStartNs: number): string {
  const lines = [
    `${view.name} at ${timeText(view, traceStartNs)}`,
    `offset ${formatOffset(view.offset)}, generation ${where.genNumber} (v1 trace), batch ${where.batch}, event ${where.event}, ${view.p >= 0 ? `P ${view.p}` : 'no P'}` +
      (Number.isNaN(view.ticks) ? '' : `, goroutine ${idText(view.g, 'G')}, thread ${idText(view.m, 'M')}`),
  ];
  for (const a of view.args) lines.push(`${a.name}: ${argValueText(a)}`);
  for (const s of view.stacks) {
    lines.push(`${stackLabel(s)} ${s.id}${s.missing ? ' (not in the stacks)' : ''}:`);
    for (const f of s.frames) lines.push(`  ${frameFuncText(f)}`, `      ${frameFileText(f)}`);
  }
  return lines.join('\n') + '\n';
}
