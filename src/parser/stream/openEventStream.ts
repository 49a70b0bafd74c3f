/**
 * The ordered event stream of any trace: an OrderedReader for v2 traces (Go 1.22+, read
 * generation by generation) and a V1OrderedReader for v1 traces (Go 1.11–1.21, read whole, as Go
 * reads them), chosen by the header (read here, or given as `format` by openTrace). Both yield the
 * same OrderedEvents, which formatEvent prints as Go's Event.String(). A file that is not a trace
 * gets an OrderedReader, which reports why. It sits above order/ and v1/, which it opens.
 */
import type { ByteSource } from '../bytes/byteSource.js';
import { readFormatInfo } from '../format/formatInfo.js';
import type { EventStream } from '../order/eventStream.js';
import { OrderedReader, type OrderedReaderOptions } from '../order/orderedReader.js';
import { V1OrderedReader, type V1ReaderOptions } from '../v1/v1OrderedReader.js';

export type { EventStream } from '../order/eventStream.js';

export type EventStreamOptions = OrderedReaderOptions & Omit<V1ReaderOptions, 'chunkSize'>;

export async function openEventStream(source: ByteSource, options: EventStreamOptions = {}): Promise<EventStream> {
  const format = options.format ?? (await readFormatInfo(source));
  if (format.kind === 'v1') {
    const { maxV1Bytes, reuseEvents } = options;
    return V1OrderedReader.open(source, {
      ...(maxV1Bytes !== undefined ? { maxV1Bytes } : {}),
      ...(reuseEvents !== undefined ? { reuseEvents } : {}),
      format,
    });
  }
  const { maxV1Bytes: _unused, ...v2 } = options;
  return OrderedReader.open(source, { ...v2, format });
}
