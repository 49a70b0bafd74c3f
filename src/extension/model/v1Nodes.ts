/**
 * Rows of the generation tree of a v1 trace: its one generation (what Go's conversion yields),
 * the Ps whose batches the file holds, the batches (each a v1 EvBatch and the raw events after
 * it), and each raw event as the event renderer shows it (V1RowView: its v1 name and arguments,
 * its P and the goroutine and thread the raw reading knows there). The strings, stacks and CPU
 * samples tables are the v2 rows (tableNodes.ts). Every string here is trace data: the webview
 * shows it as text.
 */
import type { TreeNode } from '../../shared/protocol.js';
import { displayTraceText, type ArgView, type StackView } from '../../parser/index.js';
import { argValueText, shortArg } from './argText.js';
import type { EventArg, EventFact, EventRowFacts, EventStack, EventView } from './eventView.js';
import { formatBytes, formatNs, formatOffset, plural } from './format.js';
import type { GenerationInfo } from './generationIndex.js';
import { batchId, generationId, v1ProcId } from './nodeIds.js';
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

/** Where a raw event is: its generation number, its index in its batch, the trace's format version. */
export interface V1EventPlace {
  genNumber: number;
  event: number;
  version: number;
}

/** A raw v1 event as the event renderer shows it. */
export class V1RowView implements EventView {
  constructor(
    private readonly view: V1EventView,
    private readonly place: V1EventPlace,
  ) {}

  get name(): string {
    return this.view.name;
  }

  get time(): number {
    return this.view.time;
  }

  row(traceStartNs: number): EventRowFacts {
    const v = this.view;
    const parts = rowArgs(v).map(shortArg);
    const top = v.stacks[v.stacks.length - 1]?.frames[0]?.func;
    if (top && v.name === 'Stack') parts.push(displayTraceText(top));
    return {
      parts,
      tooltip: `${v.name} (v1 event type ${v.type})${Number.isNaN(v.time) ? '' : ` at ${formatNs(v.time - traceStartNs)}`}, byte offset ${formatOffset(v.offset)}`,
      icon: v.name === 'String' ? 'symbol-string' : v.name === 'Stack' ? 'list-tree' : 'symbol-event',
      frames: [],
      offset: v.offset,
    };
  }

  facts(traceStartNs: number): EventFact[] {
    const v = this.view;
    const facts: EventFact[] = [
      { index: 0, label: 'event', value: v.name, tooltip: `v1 event type ${v.type} (go 1.${this.place.version} trace)`, offset: v.offset },
      { index: 1, label: 'time', value: timeText(v, traceStartNs) },
      { index: 2, label: 'offset', value: formatOffset(v.offset), tooltip: `batch ${v.batch} of generation ${this.place.genNumber}`, offset: v.offset },
      { index: 3, label: 'proc', value: v.p >= 0 ? `P ${v.p}` : 'none', tooltip: "the P of the event's batch" },
    ];
    if (!Number.isNaN(v.ticks)) {
      facts.push(
        { index: 4, label: 'goroutine', value: idText(v.g, 'G'), tooltip: "the goroutine running on the P (Go's v1 parser)" },
        { index: 5, label: 'thread', value: idText(v.m, 'M'), tooltip: 'the thread that last started the P' },
      );
    }
    return facts;
  }

  /** Every argument, the stack IDs too (a v1 event's stacks are listed besides). */
  args(): EventArg[] {
    return this.view.args.map((a, index) => {
      const value = argValueText(a);
      return { index, label: a.name, value, tooltip: `${a.name} (${a.kind}) = ${value}${a.text !== undefined && a.kind !== 'raw' ? `, raw ${a.value}` : ''}` };
    });
  }

  stacks(): EventStack[] {
    return this.view.stacks.map((s) => ({
      label: stackLabel(s),
      description: s.missing ? `stack ${s.id} (not in the trace's stacks)` : `stack ${s.id}, ${plural(s.frames.length, 'frame')}`,
      textLine: `${stackLabel(s)} ${s.id}${s.missing ? ' (not in the stacks)' : ''}:`,
      frames: s.frames,
      missing: s.missing,
    }));
  }

  textHead(traceStartNs: number): string[] {
    const v = this.view;
    return [
      `${v.name} at ${timeText(v, traceStartNs)}`,
      `offset ${formatOffset(v.offset)}, generation ${this.place.genNumber} (v1 trace), batch ${v.batch}, event ${this.place.event}, ${v.p >= 0 ? `P ${v.p}` : 'no P'}` +
        (Number.isNaN(v.ticks) ? '' : `, goroutine ${idText(v.g, 'G')}, thread ${idText(v.m, 'M')}`),
    ];
  }
}
