/**
 * Reads the raw events of a v1 trace one by one from the bytes after the header: the type byte
 * (type in the low six bits, argument count - 1 in the top two, 3 meaning "a byte length
 * follows"), the uvarint arguments, and the inline payloads (a String's bytes, a UserLog's
 * message). The checks and error texts are those of Go's v1 reader (readRawEvent); an error is
 * thrown as a V1Error with the offset of the event it is in. Nothing here allocates by a length
 * read from the file: payloads are views into the bytes, and arguments are bounded by the bytes.
 */
import { readUvarint, readUvarintBig, UvarintCursor } from '../bytes/uvarint.js';
import { decodeTraceString } from '../text/traceString.js';
import { isKnownV1Type, V1Ev } from './v1Events.js';
import { MALFORMED_VARINT, V1Error } from './v1Error.js';

/** Skip the arguments of ordinary events (CPU samples are always read). */
export const SKIP_ARGS = 1;
/** Skip strings: neither check nor record them. */
export const SKIP_STRINGS = 2;

/** Longest argument block of a length-prefixed event Go accepts. */
export const MAX_ARG_BYTES = 2048;
/** Longest string Go accepts. */
export const MAX_STRING_BYTES = 1e6;

const MAX_INT32 = 0x7fffffff;
const TWO_POW_64 = 2 ** 64;

/** Most values an event can carry: a 2048-byte argument block of one-byte uvarints. */
const MAX_VALUES = MAX_ARG_BYTES + 1;

/** One raw event; the reader reuses a single object. */
export interface V1RawEvent {
  /** V1Ev; None for a String (recorded in the dictionary instead). */
  type: number;
  /** File offset of the type byte. */
  offset: number;
  /**
   * The uvarint arguments in args[0, n), timestamp delta first where there is one. Exact up to
   * 2^53. The array is reused (and longer than n).
   */
  args: number[];
  n: number;
  /** Exact values of the arguments above 2^53, by index; null when there are none. */
  big: (bigint | undefined)[] | null;
  /** UserLog: its message. */
  message: string | undefined;
  /** Batch: the P (-1 for the runtime's "no P"). */
  batchPid: number;
  /** String: its ID and bytes (a view), when strings are read. */
  stringId: number;
  stringBytes: Uint8Array | undefined;
  /** UserLog: the message bytes (a view), when read. */
  messageBytes: Uint8Array | undefined;
}

export function newRawEvent(): V1RawEvent {
  return {
    type: V1Ev.None, offset: 0, args: new Array<number>(MAX_VALUES).fill(0), n: 0, big: null, message: undefined,
    batchPid: 0, stringId: 0, stringBytes: undefined, messageBytes: undefined,
  };
}

export class V1Scanner {
  /** Current read position: a file offset. */
  off: number;
  private readonly cur: UvarintCursor = { value: 0, pos: 0 };
  private readonly end: number;

  constructor(
    /** The whole file. */
    readonly data: Uint8Array,
    /** Where the events start (after the header). */
    start: number,
    readonly version: number,
    /** The string dictionary Strings are checked against and added to; null: neither (a dump). */
    readonly strings: Map<number, string> | null = new Map(),
  ) {
    this.off = start;
    this.end = data.length;
  }

  /** One uvarint, or -1 when it is cut short or too long. */
  private val(): number {
    const pos = readUvarint(this.data, this.off, this.end, this.cur);
    if (pos < 0) return -1;
    this.off = pos;
    return this.cur.value;
  }

  /** One uvarint; Go's bare "malformatted" error for the event at `at` if there is none. */
  private need(at: number): number {
    const v = this.val();
    if (v < 0) throw new V1Error('malformed-varint', MALFORMED_VARINT, at);
    return v;
  }

  /** One argument uvarint; Go's wrapped error if there is none. */
  private needArg(at: number, type: number): number {
    const v = this.val();
    if (v < 0) throw new V1Error('malformed-varint', `failed to read event ${type} argument: ${MALFORMED_VARINT}`, at);
    return v;
  }

  /**
   * Reads the next raw event into ev. Returns false at the end of the data (and, as in Go, when a
   * skipped UserLog message runs past it).
   */
  read(flags: number, ev: V1RawEvent): boolean {
    if (this.off >= this.end) return false;
    const at = this.off;
    const b = this.data[this.off++];
    const type = b & 0x3f;
    const narg = (b >> 6) + 1;
    if (!isKnownV1Type(type, this.version)) throw new V1Error('unknown-event-type', `unknown event type ${type}`, at);
    ev.offset = at;
    ev.n = 0;
    if (ev.big !== null) ev.big = null;
    if (ev.message !== undefined) ev.message = undefined;
    if (ev.messageBytes !== undefined) ev.messageBytes = undefined;
    if (ev.stringBytes !== undefined) ev.stringBytes = undefined;
    const args = ev.args;

    if (type === V1Ev.String) {
      ev.type = V1Ev.None;
      if (flags & SKIP_STRINGS) {
        this.need(at);
        const n = this.need(at);
        if (!this.discard(n)) throw new V1Error('event-truncated', 'failed to read trace: EOF', at);
        return true;
      }
      const id = this.need(at);
      if (id === 0) throw new V1Error('malformed-event', 'string has invalid id 0', at);
      // Go's check: an ID whose string is not empty is taken (strings are never empty).
      if (this.strings?.get(id)) throw new V1Error('duplicate-id', `string has duplicate id ${id}`, at);
      const n = this.need(at);
      if (n === 0) throw new V1Error('malformed-event', 'string has invalid length 0', at);
      if (n > MAX_STRING_BYTES) throw new V1Error('oversized-string', `string has too large length ${n}`, at);
      const bytes = this.full(n);
      if (!bytes) throw new V1Error('event-truncated', 'failed to read trace: unexpected EOF', at);
      this.strings?.set(id, decodeTraceString(bytes));
      ev.stringId = id;
      ev.stringBytes = bytes;
      return true;
    }

    ev.type = type;
    if (type === V1Ev.Batch) {
      if (narg !== 2) throw new V1Error('malformed-event', `EvBatch has wrong number of arguments: got ${narg}, want 2`, at);
      const pidAt = this.off;
      const pid = this.need(at);
      const maxU64 = pid > Number.MAX_SAFE_INTEGER && readUvarintBig(this.data, pidAt, this.end)?.value === 0xffffffffffffffffn;
      if (!maxU64 && pid > MAX_INT32) {
        throw new V1Error('malformed-event', `processor ID ${exactUint(this.data, pidAt, this.end, pid)} is larger than maximum of 18446744073709551615`, at);
      }
      ev.batchPid = maxU64 ? -1 : pid;
      const ticksAt = this.off;
      const ticks = this.need(at);
      // The exact "no P" value cannot be kept in a double; 2^64 stands for it.
      args[0] = maxU64 ? TWO_POW_64 : pid;
      args[1] = ticks;
      ev.n = 2;
      if (maxU64) this.keepExact(ev, 0, pidAt);
      if (ticks > Number.MAX_SAFE_INTEGER) this.keepExact(ev, 1, ticksAt);
      return true;
    }

    if (narg <= 3) {
      if (flags & SKIP_ARGS) {
        for (let i = 0; i < narg; i++) this.needArg(at, type);
      } else {
        for (let i = 0; i < narg; i++) {
          const argAt = this.off;
          const v = this.needArg(at, type);
          args[i] = v;
          if (v > Number.MAX_SAFE_INTEGER) this.keepExact(ev, i, argAt);
        }
        ev.n = narg;
      }
      return true;
    }

    // Four or more arguments: a byte length, then the arguments packed in that many bytes.
    const size = this.needArg(at, type);
    if (size > MAX_ARG_BYTES) {
      throw new V1Error('malformed-event', `failed to read event ${type} argument: length-prefixed argument too big: ${size} bytes, limit is ${MAX_ARG_BYTES}`, at);
    }
    if (!(flags & SKIP_ARGS) || type === V1Ev.CPUSample) {
      const start = this.off;
      if (!this.full(size)) throw new V1Error('event-truncated', 'failed to read trace: unexpected EOF', at);
      const end = this.off;
      let pos = start;
      let n = 0;
      while (pos < end) {
        const next = readUvarint(this.data, pos, end, this.cur);
        if (next < 0) throw new V1Error('malformed-varint', MALFORMED_VARINT, at);
        const v = this.cur.value;
        args[n] = v;
        if (v > Number.MAX_SAFE_INTEGER) this.keepExact(ev, n, pos);
        n++;
        pos = next;
      }
      ev.n = n;
    } else if (!this.discard(size)) {
      throw new V1Error('event-truncated', 'failed to read trace: EOF', at);
    }
    if (type === V1Ev.UserLog) {
      const n = this.need(at);
      if (flags & SKIP_ARGS) {
        // Go's reader takes a message that runs past the data for the end of the trace here.
        if (!this.discard(n)) {
          this.off = this.end;
          return false;
        }
      } else if (n === 0) {
        ev.message = '';
      } else {
        if (n > MAX_STRING_BYTES) throw new V1Error('oversized-string', `string is too large (len=${n})`, at);
        const bytes = this.full(n);
        if (!bytes) throw new V1Error('event-truncated', 'failed to read trace: unexpected EOF', at);
        ev.messageBytes = bytes;
        ev.message = decodeTraceString(bytes);
      }
    }
    return true;
  }

  private keepExact(ev: V1RawEvent, i: number, at: number): void {
    (ev.big ??= [])[i] = readUvarintBig(this.data, at, this.end)?.value;
  }

  /** Skips n bytes if they are there. */
  private discard(n: number): boolean {
    if (n > this.end - this.off) return false;
    this.off += n;
    return true;
  }

  /** The next n bytes (a view) if they are all there, else undefined (Go: unexpected EOF). */
  private full(n: number): Uint8Array | undefined {
    if (this.off >= this.end || n > this.end - this.off) return undefined;
    const b = this.data.subarray(this.off, this.off + n);
    this.off += n;
    return b;
  }
}

/** A uvarint as Go's %d prints it: exactly, also beyond 2^53. */
export function exactUint(data: Uint8Array, at: number, end: number, approx: number): string {
  if (approx <= Number.MAX_SAFE_INTEGER) return String(approx);
  return (readUvarintBig(data, at, end)?.value ?? BigInt(approx)).toString();
}
