/**
 * Rows of the generation tree above the events: generations, threads (M), the "no thread" group
 * of structural batches, and batches.
 */
import { BATCH_KIND_NAMES, BatchKind, EXPERIMENT_NAMES } from '../../parser/index.js';
import type { TreeNode } from '../../shared/protocol.js';
import { formatBytes, formatNs, formatOffset, plural } from './format.js';
import type { BatchInfo, GenerationInfo } from './generationIndex.js';
import { batchId, generationId, noThreadId, threadId } from './nodeIds.js';

const ENDINGS: Record<GenerationInfo['ending'], string> = {
  'end-marker': 'ends with EndOfGeneration',
  'next-generation': 'ends where the next generation starts',
  'end-of-file': 'ends at the end of the file',
  'missing-end-marker': 'has no EndOfGeneration',
  'cut-short': 'is cut short',
};

/** Number of rows under a generation besides its threads: "no thread", strings, stacks, CPU samples. */
export function generationTableRowCount(g: GenerationInfo): number {
  return (g.batchesByThread.has(-1) ? 1 : 0) + 2 + (g.tables.cpuSamples.length > 0 ? 1 : 0);
}

export function generationRow(g: GenerationInfo, traceStartNs: number): TreeNode {
  const span = Number.isNaN(g.startNs) ? 'no events' : `+${formatNs(g.startNs - traceStartNs)} … +${formatNs(g.endNs - traceStartNs)}`;
  return {
    id: generationId(g.genIndex),
    kind: 'generation',
    label: `generation ${g.genNumber}`,
    description: `${span}  ${formatBytes(g.end - g.offset)}  ${plural(g.eventCount, 'event')}`,
    tooltip: `generation ${g.genNumber} (number ${g.genIndex + 1} in the file), bytes ${g.offset}–${g.end}, ${plural(g.batches.length, 'batch', 'batches')}; it ${ENDINGS[g.ending]}`,
    icon: 'layers',
    childCount: g.threads.length + generationTableRowCount(g),
    offset: g.offset,
  };
}

export function threadRow(g: GenerationInfo, m: number): TreeNode {
  const batches = g.batchesByThread.get(m) ?? [];
  let events = 0;
  for (const i of batches) events += g.batches[i].eventCount;
  return {
    id: threadId(g.genIndex, m),
    kind: 'thread',
    label: `M ${m}`,
    description: `${plural(batches.length, 'batch', 'batches')}, ${plural(events, 'event')}`,
    icon: 'server-process',
    childCount: batches.length,
    offset: batches.length > 0 ? g.batches[batches[0]].offset : g.offset,
  };
}

export function noThreadRow(g: GenerationInfo): TreeNode {
  const batches = g.batchesByThread.get(-1) ?? [];
  const kinds = [...new Set(batches.map((i) => batchKindName(g.batches[i])))];
  return {
    id: noThreadId(g.genIndex),
    kind: 'thread',
    label: 'no thread',
    description: kinds.join(', '),
    tooltip: 'batches the runtime writes without a thread: strings, stacks, CPU samples, clock (sync) data, experimental data',
    icon: 'database',
    childCount: batches.length,
    offset: batches.length > 0 ? g.batches[batches[0]].offset : g.offset,
  };
}

export function batchKindName(b: BatchInfo): string {
  if (b.kind === BatchKind.Experimental) return `experimental (${EXPERIMENT_NAMES[b.experiment] ?? `experiment ${b.experiment}`})`;
  return BATCH_KIND_NAMES[b.kind] ?? 'unknown';
}

export function batchRow(g: GenerationInfo, index: number, traceStartNs: number): TreeNode {
  const b = g.batches[index];
  const events = b.kind === BatchKind.Events;
  const span = events && b.eventCount > 0 ? `  +${formatNs(b.firstNs - traceStartNs)} … +${formatNs(b.lastNs - traceStartNs)}` : '';
  return {
    id: batchId(g.genIndex, index),
    kind: 'batch',
    label: events ? `batch ${index}` : `${batchKindName(b)} batch ${index}`,
    description: `${formatOffset(b.offset)}  ${formatBytes(b.size)}${events ? `  ${plural(b.eventCount, 'event')}` : ''}${span}`,
    tooltip: `batch ${index} of generation ${g.genNumber}: ${batchKindName(b)}, header at byte ${b.offset}, payload ${b.size} bytes at ${b.payloadOffset}, M ${b.m}`,
    icon: events ? 'symbol-array' : 'symbol-constant',
    childCount: events ? b.eventCount : 0,
    offset: b.offset,
  };
}
