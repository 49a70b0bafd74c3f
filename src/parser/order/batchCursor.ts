/**
 * One thread's events in a generation: its batches in file order, decoded one batch at a time
 * (the decoder's hot loop), handed out one event at a time. A decoding error surfaces when the
 * cursor reaches the event it broke at, as in Go, where batches are decoded lazily.
 */
import { readUvarintBig } from '../bytes/uvarint.js';
import { ARG_STRIDE, EventColumns } from '../generation/eventColumns.js';
import { decodeEventBatch, EventError } from '../generation/eventDecoder.js';
import type { GenerationTables } from '../generation/tables.js';
import { V2_SPECS } from '../format/v2Events.js';
import { OrderError } from './orderError.js';
import { WireEvent } from './wireEvent.js';

export interface CursorBatch {
  payload: Uint8Array;
  /** File offset of the payload, and the batch's index in its generation. */
  payloadOffset: number;
  index: number;
  /** Batch start time in ticks. */
  ticks: number;
}

/** Go's wording for a batch that cannot be decoded (it has no explanation after the message). */
function goDecodeError(e: EventError): OrderError {
  const message = e.code === 'event-truncated' || e.code === 'varint-overflow' ? e.message.replace(/: .*$/, '') : e.message;
  return new OrderError(e.code, message);
}

export class BatchCursor {
  /** The event the cursor is on (valid after next() returned true). */
  readonly ev = new WireEvent();
  private readonly cols = new EventColumns(256);
  private batch = 0;
  private current: CursorBatch | undefined;
  private i = 0;
  private error: OrderError | undefined;

  constructor(
    readonly m: number,
    private readonly batches: readonly CursorBatch[],
    private readonly tables: GenerationTables,
  ) {}

  /** Moves to the next event; false when the thread has none left. Throws Go's decoding error. */
  next(): boolean {
    const cols = this.cols;
    while (this.i >= cols.length) {
      if (this.error) throw this.error;
      if (this.batch >= this.batches.length) return false;
      const b = this.batches[this.batch++];
      this.current = b;
      cols.clear();
      this.i = 0;
      const err = decodeEventBatch(b.payload, 0, b.payload.length, b.payloadOffset, b.index, b.ticks, this.tables, cols);
      if (err) this.error = goDecodeError(err);
    }
    const i = this.i++;
    const ev = this.ev;
    const a = i * ARG_STRIDE;
    const args = cols.args;
    ev.type = cols.type[i];
    ev.time = cols.time[i];
    ev.a0 = args[a];
    ev.a1 = args[a + 1];
    ev.a2 = args[a + 2];
    ev.a3 = args[a + 3];
    ev.exact = undefined;
    if (ev.a0 > MAX_SAFE || ev.a1 > MAX_SAFE || ev.a2 > MAX_SAFE || ev.a3 > MAX_SAFE) {
      ev.exact = exactArgs(this.current!, cols.offset[i] - this.current!.payloadOffset, cols.type[i]);
    }
    return true;
  }
}

const MAX_SAFE = Number.MAX_SAFE_INTEGER;

/** The event's arguments after dt as exact integers, read again from its bytes. */
function exactArgs(b: CursorBatch, at: number, type: number): bigint[] {
  const out: bigint[] = [];
  let pos = at + 1;
  const end = b.payload.length;
  const n = ARG_STRIDE;
  for (let k = 0; k <= n; k++) {
    const r = readUvarintBig(b.payload, pos, end);
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
