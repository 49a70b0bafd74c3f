/**
 * One generation of a v2 trace ordered again on its own, giving exactly the events the whole
 * stream gave for it: the reader starts at the generation's first byte, the source ends at its
 * last, and the ordering starts from the state the whole stream had there (OrderedReader.snapshot).
 * The stream is a Sync, the generation's events, and a closing Sync.
 *
 * This is what lets a viewer keep an overview of a big trace and re-derive any generation's
 * detail on demand, in a fraction of a full pass.
 */
import { prefixSource, type ByteSource } from '../bytes/byteSource.js';
import { OrderedReader, type GenerationExtent, type OrderedReaderOptions } from './orderedReader.js';
import type { OrderingSnapshot } from './orderingSnapshot.js';

export function openGenerationStream(
  source: ByteSource,
  at: GenerationExtent,
  snapshot: OrderingSnapshot,
  options: Omit<OrderedReaderOptions, 'resume' | 'startAt'> = {},
): Promise<OrderedReader> {
  return OrderedReader.open(prefixSource(source, at.end), { ...options, startAt: { offset: at.offset, index: at.index }, resume: snapshot });
}
