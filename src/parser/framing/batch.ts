/** One batch on the wire: its header fields, where it is, and what kind of payload it holds. */
import { MAX_EXACT, readUvarint, readUvarintBig, UVARINT_OVERFLOW, UvarintCursor } from '../bytes/uvarint.js';
import { Ev, MAX_BATCH_SIZE } from '../format/v2Events.js';
import { TraceVersion } from '../format/version.js';

export const enum BatchKind {
  Events = 0,
  Strings = 1,
  Stacks = 2,
  CPUSamples = 3,
  /** Frequency (Go 1.22–1.24) or Sync (1.25+): the generation's clock data. */
  Sync = 4,
  Experimental = 5,
}

export const BATCH_KIND_NAMES: readonly string[] = ['events', 'strings', 'stacks', 'CPU samples', 'sync', 'experimental'];

export interface BatchRef {
  /** File offset of the batch's first byte (EventBatch or ExperimentalBatch). */
  offset: number;
  /** File offset of the payload. */
  payloadOffset: number;
  /** Payload length in bytes. */
  size: number;
  /** Generation number as written. */
  gen: number;
  /** Thread (M) ID; -1 where the runtime wrote 2^64-1 ("no thread"), as Go prints it. */
  m: number;
  /** Absolute timestamp of the batch start, in ticks. */
  time: number;
  kind: BatchKind;
  /** Experiment ID of an experimental batch, else 0. */
  experiment: number;
}

/** Longest possible header: type, experiment byte, four 10-byte uvarints. */
export const MAX_BATCH_HEADER_SIZE = 2 + 4 * 10;

export type HeaderRead =
  | { status: 'batch'; batch: BatchRef }
  | { status: 'end-of-generation' }
  | { status: 'eof' }
  | { status: 'error'; reason: 'bad-type' | 'truncated' | 'overflow' | 'oversized'; message: string; gen?: number; type?: number; size?: number };

const FIELD_NAMES = ['gen', 'M ID', 'timestamp', 'size'];

/**
 * Reads a batch header at bytes[index] (file offset `offset`). `atEnd` says whether the bytes end
 * where the file ends (otherwise the caller gave at least MAX_BATCH_HEADER_SIZE bytes).
 * Errors use Go's wording (src/internal/trace/batch.go).
 */
export function readBatchHeader(bytes: Uint8Array, index: number, end: number, offset: number, cur: UvarintCursor): HeaderRead {
  if (index >= end) return { status: 'eof' };
  const type = bytes[index];
  // Go recognises the byte in any version; what it means before 1.26 is the caller's call.
  if (type === Ev.EndOfGeneration) return { status: 'end-of-generation' };
  if (type !== Ev.EventBatch && type !== Ev.ExperimentalBatch) {
    return { status: 'error', reason: 'bad-type', message: `expected batch event, got event ${type}`, type };
  }
  let pos = index + 1;
  let experiment = 0;
  if (type === Ev.ExperimentalBatch) {
    if (pos >= end) return { status: 'error', reason: 'truncated', message: 'error reading batch experiment: EOF' };
    experiment = bytes[pos++];
  }
  const fields = [0, 0, 0, 0];
  let mStart = 0;
  for (let i = 0; i < 4; i++) {
    const start = pos;
    if (i === 1) mStart = pos;
    pos = readUvarint(bytes, pos, end, cur);
    if (pos < 0) {
      const overflow = pos === UVARINT_OVERFLOW;
      const cause = overflow ? 'binary: varint overflows a 64-bit integer' : start >= end ? 'EOF' : 'unexpected EOF';
      return {
        status: 'error',
        reason: overflow ? 'overflow' : 'truncated',
        message: `error reading batch ${FIELD_NAMES[i]}: ${cause}`,
        ...(i > 0 ? { gen: fields[0] } : {}),
      };
    }
    fields[i] = cur.value;
  }
  const [gen, m, time, size] = fields;
  if (size > MAX_BATCH_SIZE) {
    return { status: 'error', reason: 'oversized', message: `invalid batch size ${size}, maximum is ${MAX_BATCH_SIZE}`, gen, size };
  }
  const headerSize = pos - index;
  return {
    status: 'batch',
    batch: {
      offset,
      payloadOffset: offset + headerSize,
      size,
      gen,
      m: m > MAX_EXACT ? signedThreadId(bytes, mStart, end) : m,
      time,
      kind: BatchKind.Events, // classified once the payload's first byte is known
      experiment,
    },
  };
}

/** What a batch holds, from its first payload byte (Go's batch.go is*Batch). */
export function classifyBatch(experiment: number, firstByte: number | undefined, version: number): BatchKind {
  if (experiment !== 0) return BatchKind.Experimental;
  switch (firstByte) {
    case Ev.Strings: return BatchKind.Strings;
    case Ev.Stacks: return BatchKind.Stacks;
    case Ev.CPUSamples: return BatchKind.CPUSamples;
    case Ev.Frequency: return version < TraceVersion.Go125 ? BatchKind.Sync : BatchKind.Events;
    case Ev.Sync: return version >= TraceVersion.Go125 ? BatchKind.Sync : BatchKind.Events;
    default: return BatchKind.Events;
  }
}

/** Go casts thread IDs to int64: 2^64-1 ("no thread") is -1. */
function signedThreadId(bytes: Uint8Array, pos: number, end: number): number {
  const exact = readUvarintBig(bytes, pos, end);
  return exact ? Number(BigInt.asIntN(64, exact.value)) : -1;
}
