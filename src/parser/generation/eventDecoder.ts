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
import type { IdTable } from './idTable.js';
import type { GenerationTables } from './tables.js';

export interface EventError {
  code: ProblemCode;
  message: string;
  offset: number;
  /** Index of the event within its batch. */
  event: number;
  severity: 'error' | 'warning';
}

/** Per type byte: number of args after dt, or -1 if the byte is not a timed event. */
const ARG_COUNT = new Int8Array(256).fill(-1);
/** Per type byte: a bit per arg slot (after dt, 0-based) holding a stack ID / a string ID. */
const STACK_SLOTS = new Uint8Array(256);
const STRING_SLOTS = new Uint8Array(256);
V2_SPECS.forEach((spec, type) => {
  if (!spec.isTimed || spec.args.length === 0) return;
  ARG_COUNT[type] = spec.args.length - 1;
  for (const i of spec.stackIds) STACK_SLOTS[type] |= 1 << (i - 1);
  for (const i of spec.stringIds) STRING_SLOTS[type] |= 1 << (i - 1);
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
    // argc + 1 varints: dt, then the args. One- and two-byte values inline.
    let dt = 0;
    for (let i = -1; i < argc; i++) {
      let v: number;
      const b0 = pos < end ? bytes[pos] : 0x80;
      if (b0 < 0x80) {
        v = b0;
        pos += 1;
      } else if (pos + 1 < end && bytes[pos + 1] < 0x80) {
        v = (b0 & 0x7f) | (bytes[pos + 1] << 7);
        pos += 2;
      } else {
        pos = readUvarint(bytes, pos, end, cursor);
        if (pos < 0) {
          status.error = varintError(pos, i < 0 ? 'found invalid uvarint for timestamp' : 'found invalid uvarint', fileBase + evPos, index);
          return n;
        }
        v = cursor.value;
      }
      if (i < 0) dt = v;
      else args[a + i] = v;
    }
    for (let i = argc; i < ARG_STRIDE; i++) args[a + i] = 0;
    last += Math.trunc(dt * nsPerTick);
    types[n] = type;
    times[n] = last;
    offsets[n] = fileBase + evPos;
    batches[n] = batchIndex;
    if (check) {
      const stackSlots = STACK_SLOTS[type];
      const stringSlots = STRING_SLOTS[type];
      if (stackSlots !== 0) {
        for (let i = 0; i < ARG_STRIDE; i++) {
          if ((stackSlots & (1 << i)) === 0) continue;
          const id = args[a + i];
          // `id | 0` keeps the lookup an integer index (a double key takes V8's slow path).
          if (!(id < stackPresence.length && stackPresence[id | 0] === 1) && (!stacksSparse || !stackTable.has(id))) {
            onDangling(dangling('stack', id, type, fileBase + evPos, index));
          }
        }
      }
      if (stringSlots !== 0) {
        for (let i = 0; i < ARG_STRIDE; i++) {
          if ((stringSlots & (1 << i)) === 0) continue;
          const id = args[a + i];
          if (!(id < stringPresence.length && stringPresence[id | 0] === 1) && (!stringsSparse || !stringTable.has(id))) {
            onDangling(dangling('string', id, type, fileBase + evPos, index));
          }
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

/** True when every ID the event at column index `i` refers to exists (for callers re-checking one event). */
export function danglingIds(type: number, eventArgs: ArrayLike<number>, stacks: IdTable<unknown>, strings: IdTable<string>): string[] {
  const out: string[] = [];
  for (let i = 0; i < ARG_STRIDE; i++) {
    if (STACK_SLOTS[type] & (1 << i) && !stacks.has(eventArgs[i])) out.push(`stack ${eventArgs[i]}`);
    if (STRING_SLOTS[type] & (1 << i) && !strings.has(eventArgs[i])) out.push(`string ${eventArgs[i]}`);
  }
  return out;
}

function varintError(status: number, message: string, offset: number, event: number): EventError {
  if (status === UVARINT_OVERFLOW) {
    return { code: 'varint-overflow', message: `${message}: value overflows 64 bits`, offset, event, severity: 'error' };
  }
  return { code: 'event-truncated', message: `${message}: the batch ends inside the event`, offset, event, severity: 'error' };
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
