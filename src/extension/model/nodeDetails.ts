/**
 * What the event pane shows for a selected row that is not an event: a generation, a thread (M)
 * or a v1 trace's P, a batch, a goroutine, a proc, a thread under Threads. Each is a flat list of
 * info rows (name → value), from what the model keeps of the row (the generation index, the
 * summaries). Other rows get undefined: the webview then lists the row's own label, description
 * and tooltip. Every string from the trace here is data.
 */
import { BatchKind, displayTraceText, type GoroutineSummary, type ProcSummary, type ThreadSummary } from '../../parser/index.js';
import type { TreeNode } from '../../shared/protocol.js';
import { formatBytes, formatNs, formatOffset, plural } from './format.js';
import type { GenerationInfo } from './generationIndex.js';
import { batchKindName } from './generationNodes.js';
import type { SummaryIndex } from './goroutineNodes.js';
import type { NodeRef } from './nodeIds.js';

export interface NodeDetailsContext {
  generations: readonly GenerationInfo[];
  summaries: SummaryIndex | undefined;
  /** What "+time" counts from. */
  traceStartNs: number;
}

/** One "name: value" row; `offset` makes Show Wire Dump go there. */
interface Fact {
  name: string;
  value: string;
  offset?: number;
}

/** The event pane's rows for a node, or undefined when the model has nothing more than the row. */
export function nodeDetails(ref: NodeRef, nodeId: string, ctx: NodeDetailsContext): TreeNode[] | undefined {
  const facts = factsOf(ref, ctx);
  return facts?.map((f, i) => {
    const row: TreeNode = { id: `${nodeId}#d${i}`, kind: 'info', label: f.name, description: f.value, childCount: 0 };
    if (f.offset !== undefined) row.offset = f.offset;
    return row;
  });
}

function factsOf(ref: NodeRef, ctx: NodeDetailsContext): Fact[] | undefined {
  const s = ctx.summaries;
  switch (ref.kind) {
    case 'generation': {
      const g = ctx.generations[ref.genIndex];
      return g && generationFacts(g, ctx.traceStartNs);
    }
    case 'thread': {
      const g = ctx.generations[ref.genIndex];
      const batches = g?.batchesByThread.get(ref.m);
      return batches && batchGroupFacts(g, { name: 'thread', value: ref.m < 0 ? 'no thread' : `M ${ref.m}` }, batches, ctx.traceStartNs);
    }
    case 'v1Proc': {
      const g = ctx.generations[ref.genIndex];
      const batches = g?.v1?.batchesByProc.get(ref.p);
      return batches && batchGroupFacts(g, { name: 'P', value: ref.p < 0 ? 'no P' : `P ${ref.p}` }, batches, ctx.traceStartNs);
    }
    case 'batch': {
      const g = ctx.generations[ref.genIndex];
      return g?.batches[ref.batch] && batchFacts(g, ref.batch, ctx.traceStartNs);
    }
    case 'goroutine': {
      const g = s?.data.goroutines.get(ref.goroutine);
      return g && goroutineFacts(g, ctx);
    }
    case 'proc': {
      const p = s?.data.procs.get(ref.proc);
      return p && procFacts(p, ctx);
    }
    case 'osThread': {
      const t = s?.data.threads.get(ref.thread);
      return t && osThreadFacts(t, ctx);
    }
    default:
      return undefined;
  }
}

const at = (ns: number, start: number): string => (Number.isNaN(ns) ? 'none' : `${ns >= start ? '+' : ''}${formatNs(ns - start)}`);
const span = (from: number, to: number, start: number): string => (Number.isNaN(from) ? 'no events' : `${at(from, start)} … ${at(to, start)} (${formatNs(to - from)})`);

/** "generation 3" (as written) for a 0-based index in the file. */
function generationsText(first: number, last: number, ctx: NodeDetailsContext): string {
  const name = (i: number): string => String(ctx.generations[i]?.genNumber ?? i + 1);
  return first === last ? `generation ${name(first)}` : `generations ${name(first)}–${name(last)}`;
}

function generationFacts(g: GenerationInfo, start: number): Fact[] {
  const facts: Fact[] = [
    { name: 'generation', value: g.v1 ? `${g.genNumber} (a v1 trace, read whole)` : `${g.genNumber} (number ${g.genIndex + 1} in the file)` },
    { name: 'bytes', value: `${g.offset}–${g.end} (${formatBytes(g.end - g.offset)})`, offset: g.offset },
    { name: 'time', value: span(g.startNs, g.endNs, start) },
    { name: 'events', value: String(g.eventCount) },
    { name: 'batches', value: String(g.batches.length) },
    g.v1 ? { name: 'Ps', value: String(g.v1.procIds.length) } : { name: 'threads', value: String(g.threads.length) },
    { name: 'strings', value: String(g.tables.strings.size) },
    { name: 'stacks', value: String(g.tables.stacks.size) },
    { name: 'CPU samples', value: String(g.tables.cpuSamples.length) },
  ];
  if (!g.v1) facts.push({ name: 'ending', value: g.ending + (g.truncated ? ' (truncated)' : '') });
  return facts;
}

/** A thread's or (v1) a P's batches: `who` names it. */
function batchGroupFacts(g: GenerationInfo, who: Fact, batches: readonly number[], start: number): Fact[] {
  let events = 0;
  let bytes = 0;
  let first = NaN;
  let last = NaN;
  for (const i of batches) {
    const b = g.batches[i];
    events += b.eventCount;
    bytes += b.payloadOffset - b.offset + b.size;
    if (b.eventCount > 0 && !(b.firstNs >= first)) first = b.firstNs;
    if (b.eventCount > 0 && !(b.lastNs <= last)) last = b.lastNs;
  }
  return [
    who,
    { name: 'generation', value: String(g.genNumber) },
    { name: 'batches', value: String(batches.length) },
    { name: 'events', value: String(events) },
    { name: 'bytes', value: `${formatBytes(bytes)} in its batches`, ...(batches.length > 0 ? { offset: g.batches[batches[0]].offset } : {}) },
    { name: 'time', value: span(first, last, start) },
  ];
}

function batchFacts(g: GenerationInfo, index: number, start: number): Fact[] {
  const b = g.batches[index];
  const facts: Fact[] = [
    { name: 'batch', value: `${index} of generation ${g.genNumber}` },
    { name: 'kind', value: batchKindName(b) },
    { name: 'offset', value: formatOffset(b.offset), offset: b.offset },
    { name: 'size', value: `${b.payloadOffset - b.offset + b.size} bytes (header ${b.payloadOffset - b.offset}, payload ${b.size} at ${b.payloadOffset})` },
    batchWriter(g, index),
  ];
  if (b.kind === BatchKind.Events) {
    facts.push({ name: 'events', value: String(b.eventCount) }, { name: 'time', value: span(b.eventCount > 0 ? b.firstNs : NaN, b.lastNs, start) });
    if (!g.v1) facts.push({ name: 'start ticks', value: String(b.ticks) });
  }
  return facts;
}

/** Who wrote a batch: its thread, or in a v1 trace its P. */
function batchWriter(g: GenerationInfo, index: number): Fact {
  if (g.v1) {
    const p = g.v1.batches[index].p;
    return { name: 'P', value: p < 0 ? 'no P' : `P ${p}` };
  }
  const m = g.batches[index].m;
  return { name: 'thread', value: m < 0 ? 'no thread' : `M ${m}` };
}

function goroutineFacts(g: GoroutineSummary, ctx: NodeDetailsContext): Fact[] {
  const start = ctx.traceStartNs;
  const facts: Fact[] = [
    { name: 'goroutine', value: String(g.id) },
    { name: 'start function', value: g.startFunction ? displayTraceText(g.startFunction) : '(unknown)' },
  ];
  if (g.name && g.name !== g.startFunction) facts.push({ name: 'Go\'s name', value: displayTraceText(g.name) });
  facts.push(
    { name: g.preexisting ? 'first seen' : 'created', value: at(g.creationNs, start) + (g.preexisting ? ' (it existed before)' : '') },
    { name: 'started', value: Number.isNaN(g.startNs) ? 'never ran in the trace' : at(g.startNs, start) },
    { name: 'ended', value: Number.isNaN(g.endNs) ? 'did not end in the trace' : at(g.endNs, start) },
    { name: 'running', value: formatNs(g.runningNs) },
    { name: 'runnable', value: formatNs(g.runnableNs) },
    { name: 'blocked', value: formatNs(g.blockedNs) },
  );
  for (const [reason, ns] of Object.entries(g.blockedByReason).sort((a, b) => b[1] - a[1])) {
    if (ns > 0) facts.push({ name: `  blocked: ${reason ? displayTraceText(reason) : 'no reason'}`, value: formatNs(ns) });
  }
  facts.push(
    { name: 'in syscalls', value: formatNs(g.syscallNs) },
    { name: 'in syscalls, P taken', value: formatNs(g.syscallBlockedNs) },
    { name: 'last state', value: g.lastState },
    { name: 'events', value: String(g.events) },
    { name: 'generations', value: generationsText(g.firstGeneration, g.lastGeneration, ctx) },
  );
  return facts;
}

function procFacts(p: ProcSummary, ctx: NodeDetailsContext): Fact[] {
  return [
    { name: 'proc', value: `P ${p.id}` },
    { name: 'seen', value: span(p.firstNs, p.lastNs, ctx.traceStartNs) },
    { name: 'running', value: formatNs(p.runningNs) },
    { name: 'idle', value: formatNs(p.idleNs) },
    { name: 'started running', value: plural(p.starts, 'time') },
    { name: 'goroutines run', value: `${p.goroutines}${p.goroutinesCapped ? '+' : ''} (${plural(p.goroutineStarts, 'start')})` },
    { name: 'syscalls entered', value: String(p.syscalls) },
    { name: 'events', value: String(p.events) },
    { name: 'generations', value: generationsText(p.firstGeneration, p.lastGeneration, ctx) },
  ];
}

function osThreadFacts(t: ThreadSummary, ctx: NodeDetailsContext): Fact[] {
  return [
    { name: 'thread', value: `M ${t.id}` },
    { name: 'seen', value: span(t.firstNs, t.lastNs, ctx.traceStartNs) },
    { name: 'holding a proc', value: formatNs(t.runningNs) },
    { name: 'in syscalls', value: formatNs(t.syscallNs) },
    { name: 'goroutines run', value: `${t.goroutines}${t.goroutinesCapped ? '+' : ''} (${plural(t.goroutineStarts, 'start')})` },
    { name: 'syscalls', value: String(t.syscalls) },
    { name: 'events', value: String(t.events) },
    { name: 'generations', value: generationsText(t.firstGeneration, t.lastGeneration, ctx) },
  ];
}
