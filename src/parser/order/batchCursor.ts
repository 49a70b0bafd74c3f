/**
 * One thread's events in a generation: its batches in file order, each event decoded from the
 * payload when the cursor reaches it (as Go's batchCursor does), into the cursor's one WireEvent.
 * Nothing is held per event: the memory is the payloads, which the generation keeps anyway.
 * A decoding error surfaces when the cursor reaches the event it broke at, with the decoder's
 * (decodeEventBatch's) error, as in Go, where batches are decoded lazily.
 */
import { readUvarint, readUvarintBig, UvarintCursor } from '../bytes/uvarint.js';
import { ARG_STRIDE, EventColumns } from '../generation/eventColumns.js';
import { decodeEventBatch, EventError } from '../generation/eventDecoder.js';
import type { GenerationTables } from '../generation/tables.js';
import { V2_SPECS } from '../format/v2Events.js';
import { OrderError } from './orderError.js';
import { WireEvent } from './wireEvent.js';
import type { MState } from './resourceStates.js';

export interface CursorBatch {
  payload: Uint8Array;
  /** File offset of the payload, and the batch's index in its generation. */
  payloadOffset: number;
  index: number;
  /** Batch start time in ticks. */
  ticks: number;
}

/** Per type byte: number of args after dt, or -1 if the byte is not a timed event. */
const ARG_COUNT = new Int8Array(256).fill(-1);
V2_SPECS.forEach((spec, type) => {
  if (spec.isTimed && spec.args.length > 0) ARG_COUNT[type] = spec.args.length - 1;
});

/** Go's wording for a batch that cannot be decoded (it has no explanation after the message). */
function goDecodeError(e: EventError): OrderError {
  return new OrderError(e.code, e.goText ?? e.message);
}

const varint: UvarintCursor = { value: 0, pos: 0 };
const MAX_SAFE = Number.MAX_SAFE_INTEGER;

/**
 * The uvarint at bytes[pos]: its value returned, the position after it in varint.pos (negative
 * when it cannot be read; the value is then meaningless and every later read fails too).
 * Values of up to three bytes, most arguments, are read here; longer ones by readUvarint.
 */
function readArg(bytes: Uint8Array, pos: number, end: number): number {
  if (pos < 0) return 0;
  if (pos < end) {
    const b0 = bytes[pos];
    if (b0 < 0x80) {
      varint.pos = pos + 1;
      return b0;
    }
    if (pos + 1 < end) {
      const b1 = bytes[pos + 1];
      if (b1 < 0x80) {
        varint.pos = pos + 2;
        return (b0 & 0x7f) | (b1 << 7);
      }
      // Goroutine IDs and sequence numbers are often three bytes.
      if (pos + 2 < end && bytes[pos + 2] < 0x80) {
        varint.pos = pos + 3;
        return (b0 & 0x7f) | ((b1 & 0x7f) << 7) | (bytes[pos + 2] << 14);
      }
    }
  }
  readUvarint(bytes, pos, end, varint);
  return varint.value;
}

export class BatchCursor {
  /** The event the cursor is on (valid after next() returned true). */
  readonly ev = new WireEvent();
  /** The orderer's state of thread m, once looked up. */
  ms: MState | undefined = undefined;
  /** Where the current event is: file offset, batch index in the generation, event index in the batch. */
  evOffset = 0;
  batchIndex = -1;
  evIndex = -1;
  private batch = 0;
  private current: CursorBatch | undefined;
  /** The current batch's bytes, the position of the next event in them, and the running time. */
  private bytes: Uint8Array = new Uint8Array(0);
  private pos = 0;
  private end = 0;
  /** File offset of the current batch's payload. */
  private base = 0;
  private last = 0;
  private readonly nsPerTick: number;

  constructor(
    readonly m: number,
    private batches: readonly CursorBatch[],
    private readonly tables: GenerationTables,
  ) {
    this.nsPerTick = tables.nsPerTick;
  }

  /** Moves to the next event; false when the thread has none left. Throws Go's decoding error. */
  next(): boolean {
    while (this.pos >= this.end) {
      if (this.batch >= this.batches.length) {
        // Done: let the payloads go.
        this.batches = [];
        this.current = undefined;
        this.bytes = EMPTY;
        return false;
      }
      const b = this.batches[this.batch++];
      this.current = b;
      this.bytes = b.payload;
      this.pos = 0;
      this.end = b.payload.length;
      this.last = Math.trunc(b.ticks * this.nsPerTick);
      this.batchIndex = b.index;
      this.base = b.payloadOffset;
      this.evIndex = -1;
    }
    const bytes = this.bytes;
    const end = this.end;
    let pos = this.pos;
    const evPos = pos;
    this.evOffset = this.base + evPos;
    this.evIndex++;
    const type = bytes[pos++];
    const argc = ARG_COUNT[type];
    if (argc < 0) this.fail();
    let dt: number;
    let b0 = pos < end ? bytes[pos] : 0x80;
    if (b0 < 0x80) {
      dt = b0;
      pos += 1;
    } else if (pos + 1 < end && bytes[pos + 1] < 0x80) {
      dt = (b0 & 0x7f) | (bytes[pos + 1] << 7);
      pos += 2;
    } else if (pos + 2 < end && bytes[pos + 1] >= 0x80 && bytes[pos + 2] < 0x80) {
      // Time deltas are often three bytes.
      dt = (b0 & 0x7f) | ((bytes[pos + 1] & 0x7f) << 7) | (bytes[pos + 2] << 14);
      pos += 3;
    } else {
      pos = readUvarint(bytes, pos, end, varint);
      if (pos < 0) this.fail();
      dt = varint.value;
    }
    const ev = this.ev;
    // Unrolled: one short read per argument the type has (the loop with a branch per slot was
    // the hottest line of the ordered stream).
    let a0 = 0;
    let a1 = 0;
    let a2 = 0;
    let a3 = 0;
    if (argc > 0) {
      a0 = readArg(bytes, pos, end);
      pos = varint.pos;
      if (argc > 1) {
        a1 = readArg(bytes, pos, end);
        pos = varint.pos;
        if (argc > 2) {
          a2 = readArg(bytes, pos, end);
          pos = varint.pos;
          if (argc > 3) {
            a3 = readArg(bytes, pos, end);
            pos = varint.pos;
          }
        }
      }
      if (pos < 0) this.fail();
    }
    this.pos = pos;
    this.last += Math.trunc(dt * this.nsPerTick);
    ev.type = type;
    ev.time = this.last;
    ev.a0 = a0;
    ev.a1 = a1;
    ev.a2 = a2;
    ev.a3 = a3;
    ev.exact = undefined;
    if (a0 > MAX_SAFE || a1 > MAX_SAFE || a2 > MAX_SAFE || a3 > MAX_SAFE) ev.exact = exactArgs(bytes, evPos, end, type);
    return true;
  }

  /** The event at this.pos cannot be decoded: the decoder's error for it, in Go's words. */
  private fail(): never {
    const b = this.current!;
    const cols = new EventColumns(16);
    const err = decodeEventBatch(b.payload, this.pos, b.payload.length, b.payloadOffset, b.index, 0, this.tables, cols);
    this.pos = this.end = 0;
    this.batch = this.batches.length;
    const e = goDecodeError(err ?? { code: 'event-truncated', message: 'found invalid uvarint', offset: this.evOffset, event: this.evIndex, severity: 'error' });
    e.at = { offset: err?.offset ?? this.evOffset, batch: b.index, event: this.evIndex };
    throw e;
  }
}

const EMPTY = new Uint8Array(0);

/** The event's arguments after dt as exact integers, read again from its bytes. */
function exactArgs(payload: Uint8Array, at: number, end: number, type: number): bigint[] {
  const out: bigint[] = [];
  let pos = at + 1;
  const n = ARG_STRIDE;
  for (let k = 0; k <= n; k++) {
    const r = readUvarintBig(payload, pos, end);
    if (!r) break;
    if (k > 0) out.push(r.value);
    pos = r.pos;
    if (out.length >= argCount(type)) break;
  }
  return out;
}

function argCount(type: number): number {
  return V2_SPECS[type].args.length - 1;
}
