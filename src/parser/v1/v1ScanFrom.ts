/**
 * The raw events of a v1 trace from an event's offset on, read from the file a chunk at a time
 * instead of whole: what the wire dump document needs for one window of a large trace. The
 * events and the error are those V1Scanner gives over the whole file (with no string dictionary,
 * as the dump reads it), because every event is read only from a chunk that holds all of it:
 * a chunk is scanned up to the longest event's size before its end, and the next chunk starts
 * at the first event not read.
 */
import type { ByteSource } from '../bytes/byteSource.js';
import { V1Error } from './v1Error.js';
import { MAX_ARG_BYTES, MAX_STRING_BYTES, newRawEvent, V1Scanner, type V1RawEvent } from './v1Scanner.js';

/** More bytes than any one event takes: a type byte, four uvarints, the argument block or a string. */
const LONGEST_EVENT = Math.max(MAX_ARG_BYTES, MAX_STRING_BYTES) + 64;

/** Bytes read at a time, besides the longest event. */
const DEFAULT_CHUNK = 1 << 20;

export interface V1ScanResult {
  /** The reading error (Go's v1 text, with the offset of its event), if reading stopped on one. */
  error?: V1Error;
}

/**
 * Calls `visit` with each raw event from `start` (an event's offset) to the end of the file, or
 * until it returns false. The event is reused, its offset is a file offset, and its payload views
 * are valid during the call only.
 */
export async function scanV1From(
  source: ByteSource,
  start: number,
  version: number,
  visit: (ev: V1RawEvent) => boolean | void,
  chunkSize = DEFAULT_CHUNK,
): Promise<V1ScanResult> {
  const ev = newRawEvent();
  const size = source.size;
  let base = start;
  while (base < size) {
    const bytes = await source.read(base, Math.min(size - base, chunkSize + LONGEST_EVENT));
    if (bytes.length === 0) break;
    const final = base + bytes.length >= size || bytes.length < chunkSize + LONGEST_EVENT;
    // An event starting before safeEnd lies wholly in the chunk.
    const safeEnd = final ? bytes.length : bytes.length - LONGEST_EVENT;
    const scanner = new V1Scanner(bytes, 0, version, null);
    try {
      while (scanner.off < safeEnd) {
        if (!scanner.read(0, ev)) return {};
        ev.offset += base;
        if (visit(ev) === false) return {};
      }
    } catch (e) {
      if (!(e instanceof V1Error)) throw e;
      return { error: new V1Error(e.code, e.message, base + e.offset) };
    }
    if (final) break;
    base += scanner.off;
  }
  return {};
}
