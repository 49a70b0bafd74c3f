/**
 * Rows of the "Event counts" summary root: per generation, how many events of each type the
 * ordered stream has (the parser's GenerationEventCounts), most frequent first. They count as the
 * header and the generation rows count: the events written in the batches, without the Sync the
 * reader adds at each generation's start, and with the CPU samples apart.
 */
import type { GenerationEventCounts } from '../../parser/index.js';
import type { TreeNode } from '../../shared/protocol.js';
import { plural } from './format.js';
import { EVENT_COUNTS_ID, eventCountsGenerationId, eventCountsTypeId } from './nodeIds.js';

/** What the counts leave out, said on the root row's tooltip. */
export const EVENT_COUNTS_SCOPE =
  'events of the ordered stream by type, per generation, counted as the header counts them: the events in the generation\'s batches. ' +
  'Not included: the Sync event the reader adds at the start of each generation (it is not in the file), and the CPU samples (counted apart). ' +
  'A v1 trace: the events Go converts it into (its raw events are what the header and the generation tree count)';

/** A generation's event types, most frequent first (then by name). */
export function sortedCounts(c: GenerationEventCounts): [string, number][] {
  return Object.entries(c.byType).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

/** The generation number as written (generationNumbers: by index in the file), else its position. */
const generationLabel = (c: GenerationEventCounts, generationNumbers: readonly number[]): string => `generation ${generationNumbers[c.generation] ?? c.generation + 1}`;

const samplesText = (n: number): string => (n > 0 ? `, and ${plural(n, 'CPU sample')}` : '');

export function eventCountsRootRow(counts: readonly GenerationEventCounts[], generationNumbers: readonly number[]): TreeNode {
  const total = counts.reduce((a, c) => a + c.total, 0);
  const samples = counts.reduce((a, c) => a + (c.cpuSamples ?? 0), 0);
  const types = new Set(counts.flatMap((c) => Object.keys(c.byType))).size;
  return {
    id: EVENT_COUNTS_ID, kind: 'summaryRoot', label: 'Event counts',
    description: `${plural(total, 'event')} of ${plural(types, 'type')} in ${plural(counts.length, 'generation')} (no Syncs)${samplesText(samples)}`,
    tooltip: EVENT_COUNTS_SCOPE +
      (counts.length ? `: ${counts.map((c) => generationLabel(c, generationNumbers)).join(', ')}` : ''),
    icon: 'symbol-numeric', childCount: counts.length,
  };
}

export function eventCountsGenerationRow(c: GenerationEventCounts, index: number, generationNumbers: readonly number[]): TreeNode {
  const sorted = sortedCounts(c);
  const top = sorted.slice(0, 3).map(([name, n]) => `${name} ${n}`).join(', ');
  return {
    id: eventCountsGenerationId(index),
    kind: 'table',
    label: generationLabel(c, generationNumbers),
    description: `${plural(c.total, 'event')}, ${plural(sorted.length, 'type')}${top ? `: ${top}${sorted.length > 3 ? ', …' : ''}` : ''}${samplesText(c.cpuSamples ?? 0)}`,
    tooltip: 'the events in this generation\'s batches, as the generation row counts them (the Sync the reader adds is not included)',
    icon: 'symbol-numeric',
    childCount: sorted.length,
  };
}

export function eventCountsTypeRow(c: GenerationEventCounts, index: number, type: number, entry: [string, number]): TreeNode {
  const [name, n] = entry;
  const pct = c.total > 0 ? ` (${((100 * n) / c.total).toFixed(1)}%)` : '';
  return {
    id: eventCountsTypeId(index, type),
    kind: 'info',
    label: name,
    description: `${n}${pct}`,
    icon: 'symbol-event',
    childCount: 0,
  };
}
