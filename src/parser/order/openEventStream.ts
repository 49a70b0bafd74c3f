/**
 * One way to open the ordered event stream of any trace: an OrderedReader for v2 traces (Go
 * 1.22+, read generation by generation) and a V1OrderedReader for v1 traces (Go 1.11–1.21, read
 * whole, as Go reads them). Both yield the same OrderedEvents, which formatEvent prints as Go's
 * Event.String(). A file that is not a trace gets an OrderedReader, which reports why.
 */
import type { ByteSource } from '../bytes/byteSource.js';
import { HEADER_SCAN_LIMIT, isV1, readHeader } from '../format/version.js';
import type { Problem } from '../problems.js';
import { V1OrderedReader, type V1ReaderOptions } from '../v1/v1OrderedReader.js';
import type { OrderedEvent } from './orderedEvent.js';
import { OrderedReader, type OrderedReaderOptions } from './orderedReader.js';

/** What OrderedReader and V1OrderedReader have in common. */
export interface EventStream {
  /** The next event; undefined at the end, after a failure, or when loadGeneration() must run first. */
  next(): OrderedEvent | undefined;
  /** next() returned undefined because more of the trace must be read first. */
  readonly needsGeneration: boolean;
  /** Reads what next() needs next (the only asynchronous step). */
  loadGeneration(): Promise<void>;
  /** Go's error that ended the stream, as a problem. */
  readonly failure: Problem | undefined;
  /** The problems found reading the trace. */
  readonly problems: readonly Problem[];
}

export type EventStreamOptions = OrderedReaderOptions & Omit<V1ReaderOptions, 'chunkSize'>;

export async function openEventStream(source: ByteSource, options: EventStreamOptions = {}): Promise<EventStream> {
  const h = readHeader(await source.read(0, HEADER_SCAN_LIMIT));
  if (h.ok && isV1(h.version)) {
    const { maxV1Bytes, reuseEvents } = options;
    return V1OrderedReader.open(source, { ...(maxV1Bytes !== undefined ? { maxV1Bytes } : {}), ...(reuseEvents !== undefined ? { reuseEvents } : {}) });
  }
  const { maxV1Bytes: _unused, ...v2 } = options;
  return OrderedReader.open(source, v2);
}
