/**
 * A streaming emulation of Go's raw trace reader (internal/trace/raw), the reader behind
 * `go tool trace -d=wire`. It does no validation beyond what that reader does:
 *
 * - the header is scanned the way Go's fmt.Fscanf matches "go 1.%d trace\0\0\0";
 * - then the file is one flat stream of events, decoded with the version's slice of the event
 *   table. Batch framing is not interpreted: an EventBatch is just an event with four arguments,
 *   and its payload is read as further events. ExperimentalBatch and String carry a uvarint length
 *   and that many data bytes; Stack carries 4 × nframes further uvarints.
 * - errors carry Go's texts. When the input ends where Go's reader gets io.EOF (no byte of the
 *   next uvarint read, or inside data bytes), the stream simply ends, as it does for Go's dump.
 *
 * The file is read through a ByteSource in windows (4 MiB by default); only the unread part of one
 * window plus, at most, one event is ever held. Events larger than `maxInline` bytes (only a Stack
 * with an absurd frame count or a huge data length can be) are validated in a first pass and their
 * body is re-read on demand (readDeferred), so no length read from the file sizes an allocation.
 */
import type { ByteSource } from '../bytes/byteSource.js';
import { MAX_EXACT, readUvarint, readUvarintBig, UVARINT_OVERFLOW, type UvarintCursor } from '../bytes/uvarint.js';
import { EMPTY_SPEC, specsForVersion, type EventSpec } from '../format/v2Events.js';
import { formatVersion, HEADER_SCAN_LIMIT, readHeader } from '../format/version.js';

export const ERR_EOF = 'EOF';
export const ERR_UNEXPECTED_EOF = 'unexpected EOF';
export const ERR_VARINT_OVERFLOW = 'binary: varint overflows a 64-bit integer';
export const ERR_NOT_A_TRACE = 'bad file format: not a Go execution trace?';
export const errUnsupportedVersion = (v: number): string => `unknown or unsupported trace version go 1.${v}`;
export const errInvalidEventType = (t: number): string => `invalid event type: ${t}`;

/** An error of Go's raw reader; `message` is exactly the text Go prints. */
export class WireError extends Error {
  constructor(message: string, readonly offset: number) {
    super(message);
    this.name = 'WireError';
  }
}


const TWO_POW_63 = 1n << 63n;

/** Body of an event too large to keep in memory; read it with RawReader.readDeferred. */
export interface DeferredBody {
  kind: 'frames' | 'data';
  /** File offset of the first frame uvarint, or of the first data byte. */
  offset: number;
  /** Number of frames (4 uvarints each), or of data bytes. */
  count: number;
}

/**
 * One event as Go's raw.Event holds it. The reader reuses one object: it is valid until the next
 * read (copy it with cloneRawEvent to keep it), and `data` is a view into the reader's window.
 */
export interface RawEvent {
  /** File offset of the event's type byte. */
  offset: number;
  /** The type byte. */
  type: number;
  spec: EventSpec;
  /**
   * Argument values: one per spec argument, then four per stack frame. Exact up to 2^53 - 1;
   * larger values are approximate here and exact in `big`.
   */
  args: number[];
  /** Exact values of arguments above MAX_EXACT, by index; null when there are none. */
  big: (bigint | undefined)[] | null;
  /** Trailing data; null where Go's Data is nil (no data, length 0, or a length that wraps int). */
  data: Uint8Array | null;
  /** Set instead of frames / data when the body exceeded the inline limit. */
  deferred: DeferredBody | null;
}

export function cloneRawEvent(ev: RawEvent): RawEvent {
  return {
    offset: ev.offset,
    type: ev.type,
    spec: ev.spec,
    args: ev.args.slice(),
    big: ev.big ? ev.big.slice() : null,
    data: ev.data ? ev.data.slice() : null,
    deferred: ev.deferred ? { ...ev.deferred } : null,
  };
}

/** The exact decimal text of argument i. */
export function argText(ev: RawEvent, i: number): string {
  const v = ev.args[i];
  if (v <= MAX_EXACT) return '' + v;
  return (ev.big![i] as bigint).toString();
}

export interface RawReaderOptions {
  /** Bytes read from the source at a time. Default 4 MiB. */
  chunkSize?: number;
  /** Events whose body needs more than this many bytes are deferred. Default 1 MiB. */
  maxInline?: number;
}

export const DEFAULT_CHUNK_SIZE = 4 << 20;
export const DEFAULT_MAX_INLINE = 1 << 20;

/** Sequential window over a ByteSource. Holds only unread bytes plus the current chunk. */
class Input {
  buf = new Uint8Array(0);
  pos = 0;
  end = 0;
  /** File offset of buf[0]. */
  base: number;
  /** Effective file size (smaller than source.size if the source came up short). */
  limit: number;

  constructor(
    private readonly source: ByteSource,
    private readonly chunkSize: number,
    start: number,
  ) {
    this.base = start;
    this.limit = source.size;
  }

  get offset(): number {
    return this.base + this.pos;
  }

  /** True when every remaining byte of the file is in buf. */
  get final(): boolean {
    return this.base + this.end >= this.limit;
  }

  /** Bytes of the file after the current position. */
  get remaining(): number {
    return this.limit - this.offset;
  }

  /** Makes at least `min` unread bytes available, or all the file has. Keeps unread bytes. */
  async fill(min: number): Promise<void> {
    const have = this.end - this.pos;
    if (have >= min || this.final) return;
    const from = this.base + this.end;
    const want = Math.min(this.limit - from, Math.max(this.chunkSize, min - have));
    const got = await this.source.read(from, want);
    const next = new Uint8Array(have + got.length);
    next.set(this.buf.subarray(this.pos, this.end), 0);
    next.set(got, have);
    if (got.length < want) this.limit = from + got.length;
    this.base += this.pos;
    this.buf = next;
    this.pos = 0;
    this.end = next.length;
  }

  /** Moves the position forward by n bytes, dropping the window if that leaves it. */
  skip(n: number): void {
    if (this.pos + n <= this.end) {
      this.pos += n;
      return;
    }
    this.base = this.offset + n;
    this.buf = new Uint8Array(0);
    this.pos = 0;
    this.end = 0;
  }
}

// Results of one synchronous decoding attempt.
const OK = 0;
const NEED_MORE = 1;
const END = 2;
const DEFER_FRAMES = 3;

export class RawReader {
  /** The event being decoded / last returned; reused. */
  private readonly ev: RawEvent;
  private readonly cur: UvarintCursor = { value: 0, pos: 0 };
  /** Bytes the last NEED_MORE asked for, counted from the event's start (0 = unknown). */
  private needed = 0;
  /** Set when a body has to be deferred (decided by the async path). */
  private allowDefer = false;
  private done = false;
  private readonly maxInline: number;
  /** True if the stream ended inside an event (Go's reader returns io.EOF there too). */
  truncated = false;

  private constructor(
    private readonly source: ByteSource,
    private readonly input: Input,
    private readonly chunkSize: number,
    readonly version: number,
    /** Bytes the header took (16 for every real trace). */
    readonly headerSize: number,
    maxInline: number,
  ) {
    this.specs = specsForVersion(version);
    this.maxInline = maxInline;
    this.ev = { offset: 0, type: 0, spec: this.specs[0] ?? EMPTY_SPEC, args: [], big: null, data: null, deferred: null };
    this.argArrays = this.specs.map((sp) => doubleArray(sp.args.length));
  }

  private readonly argArrays: number[][];
  private readonly stackArgs: number[] = doubleArray(0);

  /** The version's slice of the event table (empty for v1 versions). */
  readonly specs: readonly EventSpec[];

  /** Reads the header. Throws WireError with Go's text when it is not a supported trace. */
  static async open(source: ByteSource, options: RawReaderOptions = {}): Promise<RawReader> {
    const chunkSize = Math.max(16, options.chunkSize ?? DEFAULT_CHUNK_SIZE);
    const maxInline = Math.max(64, options.maxInline ?? DEFAULT_MAX_INLINE);
    const input = new Input(source, chunkSize, 0);
    const version = await scanHeader(input);
    // Versions Go's version package knows (v1 ones have an empty event table: every byte is invalid).
    if (!formatVersion(version)) throw new WireError(errUnsupportedVersion(version), 0);
    return new RawReader(source, input, chunkSize, version, input.offset, maxInline);
  }

  /**
   * Opens the stream at `offset`, where an event starts (a batch's header, or an event reached by
   * reading from one): from there it yields what reading from the file's start yields. The
   * header is read first, for the version, with open's errors.
   */
  static async openAt(source: ByteSource, offset: number, options: RawReaderOptions = {}): Promise<RawReader> {
    const chunkSize = Math.max(16, options.chunkSize ?? DEFAULT_CHUNK_SIZE);
    const maxInline = Math.max(64, options.maxInline ?? DEFAULT_MAX_INLINE);
    const head = new Input(source, HEADER_SCAN_LIMIT, 0);
    const version = await scanHeader(head);
    if (!formatVersion(version)) throw new WireError(errUnsupportedVersion(version), 0);
    if (offset <= head.offset) return RawReader.open(source, options);
    const input = new Input(source, chunkSize, Math.min(offset, source.size));
    return new RawReader(source, input, chunkSize, version, head.offset, maxInline);
  }

  /** File offset of the next byte to decode. */
  get offset(): number {
    return this.input.offset;
  }

  /**
   * Decodes the next event from bytes already read, without waiting: the event, null at the end,
   * or undefined when it needs more input (then call next()). Throws WireError.
   */
  nextSync(): RawEvent | null | undefined {
    if (this.done) return null;
    const r = this.decode();
    if (r === OK) return this.ev;
    if (r === END) {
      this.done = true;
      return null;
    }
    return undefined;
  }

  /** The next event, or null at the end of the stream. Throws WireError with Go's text. */
  async next(): Promise<RawEvent | null> {
    for (;;) {
      if (this.done) return null;
      let r = this.decode();
      if (r === NEED_MORE) {
        const inp = this.input;
        const buffered = inp.end - inp.pos; // decode leaves pos at the event's start
        // The event needs more than is buffered: its exact size (data) or a lower bound (frames),
        // else twice what it has already (a run of long uvarints).
        const want = this.needed > buffered ? this.needed : Math.max(2 * buffered, 64);
        if (want <= this.maxInline) {
          await inp.fill(want);
          continue;
        }
        // Too big to hold: validate it in a streaming pass and keep only where its body is.
        r = await this.decodeDeferred();
      }
      if (r === OK) return this.ev;
      this.done = true;
      return null;
    }
  }

  /**
   * Decodes one event at the input position into this.ev. On OK the position moves past it;
   * otherwise it stays at the event start (NEED_MORE) or the stream is over (END).
   */
  private decode(): number {
    const inp = this.input;
    const buf = inp.buf;
    const end = inp.end;
    const final = inp.final;
    let p = inp.pos;
    const ev = this.ev;
    const start = p;
    ev.offset = inp.base + p;
    this.needed = 0;
    if (p >= end) {
      if (final) return END;
      return NEED_MORE;
    }
    const t = buf[p++];
    const specs = this.specs;
    if (t >= specs.length || t === 0) throw new WireError(errInvalidEventType(t), ev.offset);
    const spec = specs[t];
    ev.type = t;
    ev.spec = spec;
    ev.big = null;
    ev.data = null;
    ev.deferred = null;
    const nargs = spec.args.length;
    // One argument array per type (its length never changes) and a growable one for stacks.
    const args = spec.isStack ? this.stackArgs : this.argArrays[t];
    if (spec.isStack) args.length = nargs;
    ev.args = args;
    const cur = this.cur;
    for (let i = 0; i < nargs; i++) {
      // One-byte values (most arguments) without a call.
      if (p < end) {
        const b = buf[p];
        if (b < 0x80) {
          args[i] = b;
          p++;
          continue;
        }
      }
      const q = readUvarint(buf, p, end, cur);
      if (q < 0) return this.short(q, p, start, final);
      args[i] = cur.value;
      if (cur.value > MAX_EXACT) this.setBig(i, buf, p, end);
      p = q;
    }
    if (spec.isStack) {
      let frames = args[1];
      if (frames > MAX_EXACT && (ev.big![1] as bigint) >= TWO_POW_63) frames = 0; // Go's int() wraps negative
      if (frames > 0) {
        if (this.allowDefer) {
          this.pendingP = p;
          this.pendingFrames = frames;
          return DEFER_FRAMES;
        }
        // Every uvarint takes at least one byte: a count the window cannot hold is not decoded
        // here (the window grows, or the event is deferred), and at the end of the file it is
        // only scanned for the error it must end in.
        if (4 * frames > end - p) {
          if (!final) return this.needMore(p - start + 4 * frames);
          return this.failFrames(p, start);
        }
        const total = nargs + 4 * frames;
        for (let i = nargs; i < total; i++) {
          const q = readUvarint(buf, p, end, cur);
          if (q < 0) {
            args.length = i;
            return this.short(q, p, start, final);
          }
          args[i] = cur.value;
          if (cur.value > MAX_EXACT) this.setBig(i, buf, p, end);
          p = q;
        }
      }
    }
    if (spec.hasData) {
      const q = readUvarint(buf, p, end, cur);
      if (q < 0) return this.short(q, p, start, final);
      let len = cur.value;
      if (len > MAX_EXACT) {
        const exact = readUvarintBig(buf, p, end)!.value;
        // Go converts the length to int: from 2^63 up it is negative and no byte is read.
        len = exact >= TWO_POW_63 ? 0 : len;
      }
      p = q;
      if (len > 0) {
        const left = inp.limit - (inp.base + p);
        if (len > left) {
          // Go reads the bytes that are there, then ReadByte returns io.EOF: the stream ends.
          inp.skip(p - inp.pos + left);
          this.truncated = true;
          return END;
        }
        if (p + len > end) {
          if (this.allowDefer) {
            ev.deferred = { kind: 'data', offset: inp.base + p, count: len };
            inp.skip(p + len - inp.pos);
            return OK;
          }
          return this.needMore(p + len - start);
        }
        ev.data = buf.subarray(p, p + len);
        p += len;
      }
    }
    inp.pos = p;
    return OK;
  }

  private setBig(i: number, buf: Uint8Array, p: number, end: number): void {
    const ev = this.ev;
    if (!ev.big) ev.big = [];
    ev.big[i] = readUvarintBig(buf, p, end)!.value;
  }

  /** At the end of the file, frames that cannot all be there: find the error Go stops with. */
  private failFrames(p: number, start: number): number {
    const inp = this.input;
    const cur = this.cur;
    for (;;) {
      const q = readUvarint(inp.buf, p, inp.end, cur);
      if (q < 0) return this.short(q, p, start, true);
      p = q;
    }
  }

  private needMore(bytesFromStart: number): number {
    this.needed = bytesFromStart;
    return NEED_MORE;
  }

  /** A uvarint could not be read at p: decide between waiting, ending and failing, as Go would. */
  private short(status: number, p: number, start: number, final: boolean): number {
    const inp = this.input;
    if (status === UVARINT_OVERFLOW) throw new WireError(ERR_VARINT_OVERFLOW, inp.base + p);
    if (!final) return this.needMore(0);
    if (p >= inp.end) {
      // Not one byte of this uvarint: Go's ReadUvarint returns io.EOF, which ends the dump.
      if (p > start) this.truncated = true;
      inp.pos = inp.end;
      return END;
    }
    throw new WireError(ERR_UNEXPECTED_EOF, inp.base + inp.end);
  }

  /**
   * The current event does not fit within maxInline. Its header arguments are buffered or nearly
   * (a few dozen bytes); a Stack's frames are then validated by streaming over them, and a data
   * body is skipped (any bytes are valid data, and its length was checked against the file).
   */
  private async decodeDeferred(): Promise<number> {
    this.allowDefer = true;
    let r: number;
    try {
      for (;;) {
        r = this.decode();
        if (r !== NEED_MORE) break;
        await this.input.fill(64); // only header arguments can be missing here
      }
    } finally {
      this.allowDefer = false;
    }
    if (r === DEFER_FRAMES) return this.scanFrames(this.pendingP, this.pendingFrames);
    return r;
  }

  /** Where decode() stopped before a deferred Stack's frames. */
  private pendingP = 0;
  private pendingFrames = 0;

  /**
   * Streams the body of a deferred event: `onFrames` gets runs of frame values (a multiple of 4,
   * with exact values above MAX_EXACT in `big`), `onData` gets data in pieces.
   */
  async readDeferred(
    body: DeferredBody,
    sink: { onFrames?(values: number[], big: (bigint | undefined)[] | null): void; onData?(bytes: Uint8Array, final: boolean): void },
  ): Promise<void> {
    const inp = new Input(this.source, this.chunkSize, body.offset);
    const cur: UvarintCursor = { value: 0, pos: 0 };
    if (body.kind === 'data') {
      let left = body.count;
      while (left > 0) {
        if (inp.pos >= inp.end) await inp.fill(1);
        const n = Math.min(left, inp.end - inp.pos);
        if (n <= 0) throw new WireError(ERR_UNEXPECTED_EOF, inp.offset); // the source shrank
        left -= n;
        sink.onData?.(inp.buf.subarray(inp.pos, inp.pos + n), left === 0);
        inp.skip(n);
      }
      return;
    }
    let left = body.count;
    while (left > 0) {
      if (inp.end - inp.pos < 40 * 4) await inp.fill(40 * 4);
      const values: number[] = [];
      let big: (bigint | undefined)[] | null = null;
      const buf = inp.buf;
      let p = inp.pos;
      // Decode whole frames while at least 40 bytes (four maximal uvarints) are buffered.
      while (left > 0 && (inp.end - p >= 40 || inp.final) && values.length < 1 << 14) {
        for (let k = 0; k < 4; k++) {
          const q = readUvarint(buf, p, inp.end, cur);
          if (q < 0) throw new WireError(q === UVARINT_OVERFLOW ? ERR_VARINT_OVERFLOW : ERR_UNEXPECTED_EOF, inp.base + p);
          if (cur.value > MAX_EXACT) {
            if (!big) big = [];
            big[values.length] = readUvarintBig(buf, p, inp.end)!.value;
          }
          values.push(cur.value);
          p = q;
        }
        left--;
      }
      inp.pos = p;
      if (values.length) sink.onFrames?.(values, big);
    }
  }

  /**
   * Streaming validation of a Stack's frames, from file offset of `p` in the window: reads
   * 4 × frames uvarints, with Go's errors, keeping nothing.
   */
  private async scanFrames(p: number, frames: number): Promise<number> {
    const inp = this.input;
    const ev = this.ev;
    const framesOffset = inp.base + p;
    inp.pos = p;
    const cur = this.cur;
    let left = 4 * frames;
    while (left > 0) {
      if (inp.end - inp.pos < 10 && !inp.final) await inp.fill(1 << 16);
      const buf = inp.buf;
      const end = inp.end;
      let q = inp.pos;
      while (left > 0) {
        const r = readUvarint(buf, q, end, cur);
        if (r < 0) {
          if (r === UVARINT_OVERFLOW) throw new WireError(ERR_VARINT_OVERFLOW, inp.base + q);
          if (!inp.final) break; // refill and retry this uvarint
          if (q >= end) {
            inp.pos = end;
            this.truncated = true;
            return END;
          }
          throw new WireError(ERR_UNEXPECTED_EOF, inp.base + end);
        }
        q = r;
        left--;
        if (end - q < 10 && !inp.final) break;
      }
      inp.pos = q;
    }
    ev.args.length = ev.spec.args.length;
    ev.deferred = { kind: 'frames', offset: framesOffset, count: frames };
    return OK;
  }
}

/**
 * A packed array of doubles of length n. All argument arrays share this element kind, so the
 * code reading them stays monomorphic (arrays that start as small integers change kind the first
 * time a large value lands in them, and differ from each other).
 */
function doubleArray(n: number): number[] {
  const a = [0.5];
  a.length = 0;
  for (let i = 0; i < n; i++) a.push(0);
  return a;
}


/** The header, read as Go reads it (format/version.ts), with the raw reader's error texts. */
async function scanHeader(inp: Input): Promise<number> {
  await inp.fill(HEADER_SCAN_LIMIT);
  const h = readHeader(inp.buf.subarray(inp.pos, inp.end));
  if (!h.ok && h.code === 'not-a-trace') throw new WireError(ERR_NOT_A_TRACE, 0);
  if (!h.ok) return h.version ?? 0;
  inp.pos += h.size;
  return h.version;
}
