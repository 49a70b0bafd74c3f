/**
 * Decodes the timed events of an event batch, and checks what can be checked without ordering:
 * the event type, its varints, and that its stack and string IDs exist in the generation's
 * tables. Errors use Go's wording (src/internal/trace/batchcursor.go, event.go).
 *
 * This is the parser's hot loop: one- and two-byte varints are decoded inline, IDs are checked
 * against byte maps, and nothing is allocated per event.
 */
import { readUvarint, UVARINT_OVERFLOW, UvarintCursor } from '../bytes/uvarint.js';
import { V2_SPECS } from '../format/v2Events.js';
import type { ProblemCode } from '../problems.js';
import { ARG_STRIDE, EventColumns } from './eventColumns.js';
import type { GenerationTables } from './tables.js';

export interface EventError {
  code: ProblemCode;
  message: string;
  offset: number;
  /** Index of the event within its batch. */
  event: number;
  severity: 'error' | 'warning';
  /** Go's text, when the message says more. */
  goText?: string;
}

/** Per type byte: number of args after dt, or -1 if the byte is not a timed event. */
const ARG_COUNT = new Int8Array(256).fill(-1);
/** Per type byte: up to two arg slots (after dt, 0-based) holding stack IDs, and string IDs; -1 if none. */
const STACK_SLOT_A = new Int8Array(256).fill(-1);
const STACK_SLOT_B = new Int8Array(256).fill(-1);
const STRING_SLOT_A = new Int8Array(256).fill(-1);
const STRING_SLOT_B = new Int8Array(256).fill(-1);
V2_SPECS.forEach((spec, type) => {
  if (!spec.isTimed || spec.args.length === 0) return;
  ARG_COUNT[type] = spec.args.length - 1;
  if (spec.stackIds.length > 0) STACK_SLOT_A[type] = spec.stackIds[0] - 1;
  if (spec.stackIds.length > 1) STACK_SLOT_B[type] = spec.stackIds[1] - 1;
  if (spec.stringIds.length > 0) STRING_SLOT_A[type] = spec.stringIds[0] - 1;
  if (spec.stringIds.length > 1) STRING_SLOT_B[type] = spec.stringIds[1] - 1;
});

const cursor: UvarintCursor = { value: 0, pos: 0 };
const EMPTY_PRESENCE = new Uint8Array([1]);

/**
 * Appends the events of one batch to `out` and returns the first error, or undefined: an error
 * ends the batch (its bytes cannot be resynchronised); dangling IDs go to onDangling and decoding
 * goes on. bytes[start, end) is the payload, at file offset `fileBase + start`.
 */
export function decodeEventBatch(
  bytes: Uint8Array,
  start: number,
  end: number,
  fileBase: number,
  batchIndex: number,
  batchTicks: number,
  tables: GenerationTables,
  out: EventColumns,
  onDangling?: (e: EventError) => void,
): EventError | undefined {
  // At worst one event per two bytes (type byte and a one-byte dt).
  out.reserve(((end - start) >>> 1) + 1);
  const status: DecodeStatus = { error: undefined };
  out.length = decodeLoop(bytes, start, end, fileBase, batchIndex, batchTicks, tables, out, status, onDangling);
  return status.error;
}

interface DecodeStatus {
  error: EventError | undefined;
}

/**
 * The loop itself. It returns the new event count instead of storing it, and touches no object
 * property after the loop: V8 compiles this function on-stack while the loop runs, before any
 * call has returned, and a property store after the loop would have no type feedback, throwing
 * that code away at the end of every batch.
 */
function decodeLoop(
  bytes: Uint8Array,
  start: number,
  end: number,
  fileBase: number,
  batchIndex: number,
  batchTicks: number,
  tables: GenerationTables,
  out: EventColumns,
  status: DecodeStatus,
  onDangling: ((e: EventError) => void) | undefined,
): number {
  const nsPerTick = tables.nsPerTick;
  let last = Math.trunc(batchTicks * nsPerTick);
  const types = out.type;
  const times = out.time;
  const offsets = out.offset;
  const batches = out.batch;
  const args = out.args;
  const check = onDangling !== undefined;
  const stackPresence = tables.stacks.presence ?? EMPTY_PRESENCE;
  const stringPresence = tables.strings.presence ?? EMPTY_PRESENCE;
  const stacksSparse = tables.stacks.presence === undefined;
  const stringsSparse = tables.strings.presence === undefined;
  const stackTable = tables.stacks;
  const stringTable = tables.strings;
  let n = out.length;
  let pos = start;
  let index = 0;
  while (pos < end) {
    const evPos = pos;
    const type = bytes[pos++];
    const argc = ARG_COUNT[type];
    if (argc < 0) {
      status.error = badType(type, fileBase + evPos, index);
      return n;
    }
    const a = n * ARG_STRIDE;
    // dt, then the args: one- and two-byte varints inline, longer ones through readUvarint.
    let dt: number;
    let b0 = pos < end ? bytes[pos] : 0x80;
    if (b0 < 0x80) {
      dt = b0;
      pos += 1;
    } else if (pos + 1 < end && bytes[pos + 1] < 0x80) {
      dt = (b0 & 0x7f) | (bytes[pos + 1] << 7);
      pos += 2;
    } else {
      pos = readUvarint(bytes, pos, end, cursor);
      if (pos < 0) {
        status.error = varintError(pos, 'found invalid uvarint for timestamp', fileBase + evPos, index);
        return n;
      }
      dt = cursor.value;
    }
    for (let i = 0; i < argc; i++) {
      b0 = pos < end ? bytes[pos] : 0x80;
      if (b0 < 0x80) {
        args[a + i] = b0;
        pos += 1;
      } else if (pos + 1 < end && bytes[pos + 1] < 0x80) {
        args[a + i] = (b0 & 0x7f) | (bytes[pos + 1] << 7);
        pos += 2;
      } else {
        pos = readUvarint(bytes, pos, end, cursor);
        if (pos < 0) {
          status.error = varintError(pos, 'found invalid uvarint', fileBase + evPos, index);
          return n;
        }
        args[a + i] = cursor.value;
      }
    }
    last += Math.trunc(dt * nsPerTick);
    types[n] = type;
    times[n] = last;
    offsets[n] = fileBase + evPos;
    batches[n] = batchIndex;
    if (check) {
      // `id | 0` keeps the lookups integer-indexed (a double key takes V8's slow path).
      let slot = STACK_SLOT_A[type];
      if (slot >= 0) {
        let id = args[a + slot];
        if (!(id < stackPresence.length && stackPresence[id | 0] === 1) && (!stacksSparse || !stackTable.has(id))) onDangling(dangling('stack', id, type, fileBase + evPos, index));
        slot = STACK_SLOT_B[type];
        if (slot >= 0) {
          id = args[a + slot];
          if (!(id < stackPresence.length && stackPresence[id | 0] === 1) && (!stacksSparse || !stackTable.has(id))) onDangling(dangling('stack', id, type, fileBase + evPos, index));
        }
      }
      slot = STRING_SLOT_A[type];
      if (slot >= 0) {
        let id = args[a + slot];
        if (!(id < stringPresence.length && stringPresence[id | 0] === 1) && (!stringsSparse || !stringTable.has(id))) onDangling(dangling('string', id, type, fileBase + evPos, index));
        slot = STRING_SLOT_B[type];
        if (slot >= 0) {
          id = args[a + slot];
          if (!(id < stringPresence.length && stringPresence[id | 0] === 1) && (!stringsSparse || !stringTable.has(id))) onDangling(dangling('string', id, type, fileBase + evPos, index));
        }
      }
    }
    n++;
    index++;
  }
  return n;
}

function badType(type: number, offset: number, event: number): EventError {
  const unknown = type >= V2_SPECS.length;
  return {
    code: unknown ? 'unknown-event-type' : 'event-without-timestamp',
    message: unknown ? `found invalid event type: ${type}` : `found event without a timestamp: type=${type}`,
    offset,
    event,
    severity: 'error',
  };
}


function varintError(status: number, message: string, offset: number, event: number): EventError {
  if (status === UVARINT_OVERFLOW) {
    return { code: 'varint-overflow', message: `${message}: value overflows 64 bits`, offset, event, severity: 'error', goText: message };
  }
  return { code: 'event-truncated', message: `${message}: the batch ends inside the event`, offset, event, severity: 'error', goText: message };
}

function dangling(kind: 'stack' | 'string', id: number, type: number, offset: number, event: number): EventError {
  return {
    code: kind === 'stack' ? 'dangling-stack-ref' : 'dangling-string-ref',
    message: `found invalid ${kind} ID ${id} for event ${V2_SPECS[type].name}`,
    offset,
    event,
    severity: 'error',
  };
}
