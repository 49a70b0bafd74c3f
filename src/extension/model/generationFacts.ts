/**
 * The facts of the generation tree's rows above the events: a generation, the batches of a thread
 * or (v1) a P, a batch. The format models (v2Model.ts, v1Model.ts) give them in their words: what
 * the generation's number means, who wrote the batches, whether batches have a start tick and
 * generations an ending.
 */
import { BatchKind } from '../../parser/index.js';
import { span, type Fact } from './facts.js';
import { formatBytes, formatOffset } from './format.js';
import type { GenerationInfo } from './generationIndex.js';
import { batchKindName } from './generationNodes.js';

/** A generation's facts; `generation` says its number, `writers` how many threads (or Ps) wrote its batches. */
export function generationFacts(g: GenerationInfo, start: number, words: { generation: string; writers: Fact; ending: boolean }): Fact[] {
  const facts: Fact[] = [
    { name: 'generation', value: words.generation },
    { name: 'bytes', value: `${g.offset}–${g.end} (${formatBytes(g.end - g.offset)})`, offset: g.offset },
    { name: 'time', value: span(g.startNs, g.endNs, start) },
    { name: 'events', value: String(g.eventCount) },
    { name: 'batches', value: String(g.batches.length) },
    words.writers,
    { name: 'strings', value: String(g.tables.strings.size) },
    { name: 'stacks', value: String(g.tables.stacks.size) },
    { name: 'CPU samples', value: String(g.tables.cpuSamples.length) },
  ];
  if (words.ending) facts.push({ name: 'ending', value: g.ending + (g.truncated ? ' (truncated)' : '') });
  return facts;
}

/** The batches of one writer (a thread, or a v1 trace's P): `who` names it. */
export function batchGroupFacts(g: GenerationInfo, who: Fact, batches: readonly number[], start: number): Fact[] {
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

/** A batch's facts; `writer` names who wrote it, `ticks` says whether its start tick means something. */
export function batchFacts(g: GenerationInfo, index: number, start: number, words: { writer: Fact; ticks: boolean }): Fact[] {
  const b = g.batches[index];
  const facts: Fact[] = [
    { name: 'batch', value: `${index} of generation ${g.genNumber}` },
    { name: 'kind', value: batchKindName(b) },
    { name: 'offset', value: formatOffset(b.offset), offset: b.offset },
    { name: 'size', value: `${b.payloadOffset - b.offset + b.size} bytes (header ${b.payloadOffset - b.offset}, payload ${b.size} at ${b.payloadOffset})` },
    words.writer,
  ];
  if (b.kind === BatchKind.Events) {
    facts.push({ name: 'events', value: String(b.eventCount) }, { name: 'time', value: span(b.eventCount > 0 ? b.firstNs : NaN, b.lastNs, start) });
    if (words.ticks) facts.push({ name: 'start ticks', value: String(b.ticks) });
  }
  return facts;
}
