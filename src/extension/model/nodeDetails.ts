/**
 * What the event pane shows for a selected row that is not an event: a generation, a thread (M)
 * or a v1 trace's P, a batch, a goroutine, a proc, a thread under Threads. Each is a flat list of
 * info rows (name → value), from what the model keeps of the row (the generation index, the
 * summaries). Other rows get undefined: the webview then lists the row's own label, description
 * and tooltip. Every string from the trace here is data.
 */
import { displayTraceText, type GoroutineSummary, type ProcSummary, type ThreadSummary } from '../../parser/index.js';
import type { TreeNode } from '../../shared/protocol.js';
import { at, span, type Fact } from './facts.js';
import { formatNs, plural } from './format.js';
import type { FormatModel } from './formatModel.js';
import type { GenerationInfo } from './generationIndex.js';
import type { SummaryIndex } from './goroutineNodes.js';
import type { NodeRef } from './nodeIds.js';

export interface NodeDetailsContext {
  generations: readonly GenerationInfo[];
  /** The trace's format model: the facts of a generation, a thread or P, a batch (generationFacts.ts). */
  format: FormatModel | undefined;
  summaries: SummaryIndex | undefined;
  /** What "+time" counts from. */
  traceStartNs: number;
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
    case 'generation':
    case 'thread':
    case 'v1Proc':
    case 'batch': {
      const g = ctx.generations[ref.genIndex];
      return g && ctx.format?.rowFacts(g, ref, ctx.traceStartNs);
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

/** "generation 3" (as written) for a 0-based index in the file. */
function generationsText(first: number, last: number, ctx: NodeDetailsContext): string {
  const name = (i: number): string => String(ctx.generations[i]?.genNumber ?? i + 1);
  return first === last ? `generation ${name(first)}` : `generations ${name(first)}–${name(last)}`;
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
