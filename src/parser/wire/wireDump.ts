/**
 * The text of Go's raw event dump (`go tool trace -d=wire`, one raw.Event.String() per line) and
 * of the raw text format's event lines (Go's TextWriter writes the same strings).
 *
 * An event prints as its name, then ` name=value` for each spec argument (uint64 decimals), then
 * for a Stack one `\n\tpc=.. func=.. file=.. line=..` line per frame, then, when Go's Data is not
 * nil, `\n\tdata=` and the data quoted as strconv.Quote does.
 *
 * Lines are assembled as UTF-8 bytes in one reusable buffer and handed out as text in large
 * batches: building millions of small strings costs several times more.
 */
import type { ByteSource } from '../bytes/byteSource.js';
import { MAX_EXACT } from '../bytes/uvarint.js';
import type { EventSpec } from '../format/v2Events.js';
import { quoteBody } from '../text/goQuote.js';
import { RawReader, WireError, type RawEvent, type RawReaderOptions } from './rawReader.js';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** An event name and its argument prefixes (" gen=", " m=", ...) as bytes. */
interface CompiledSpec {
  name: Uint8Array;
  prefixes: Uint8Array[];
  /** The name followed by the first prefix (or just the name): one copy instead of two. */
  lead: Uint8Array;
  /** Upper bound of the bytes of the name and arguments. */
  maxHeader: number;
}

const compiledCache = new WeakMap<EventSpec, CompiledSpec>();

function compile(spec: EventSpec): CompiledSpec {
  let c = compiledCache.get(spec);
  if (!c) {
    const name = encoder.encode(spec.name);
    const prefixes = spec.args.map((a) => encoder.encode(' ' + a + '='));
    const maxHeader = name.length + prefixes.reduce((n, p) => n + p.length + 20, 0);
    const lead = encoder.encode(spec.name + (spec.args.length ? ' ' + spec.args[0] + '=' : ''));
    c = { name, prefixes, lead, maxHeader };
    compiledCache.set(spec, c);
  }
  return c;
}

const FRAME_PREFIXES = ['\n\tpc=', ' func=', ' file=', ' line='].map((s) => encoder.encode(s));
/** Most bytes one frame line takes: prefixes plus four 20-digit values. */
const MAX_FRAME = FRAME_PREFIXES.reduce((n, p) => n + p.length + 20, 0);
const DATA_OPEN = encoder.encode('\n\tdata="');

const POW10: number[] = [];
for (let i = 0, p = 1; i <= 16; i++, p *= 10) POW10.push(p);

/** Text assembled as bytes and passed to `write` in batches of about `batch` bytes. */
class ByteOut {
  buf: Uint8Array;
  len = 0;

  /** What the last write returned, if it asked to be waited for (back-pressure). */
  pending: Promise<void> | undefined;

  constructor(
    private readonly batch: number,
    private readonly write: (text: string) => void | Promise<void>,
  ) {
    this.buf = new Uint8Array(batch + 4096);
  }

  /** Makes room for n more bytes. */
  room(n: number): void {
    if (this.len + n > this.buf.length) {
      this.flush();
      if (n > this.buf.length) this.buf = new Uint8Array(n);
    }
  }

  flush(): void {
    if (this.len > 0) {
      const r = this.write(decoder.decode(this.buf.subarray(0, this.len)));
      this.len = 0;
      if (r) this.pending = this.pending ? this.pending.then(() => r) : r;
    }
  }

  bytes(b: Uint8Array): void {
    this.room(b.length);
    copyInto(this.buf, this.len, b);
    this.len += b.length;
  }

  text(s: string): void {
    // Worst case three UTF-8 bytes per UTF-16 unit.
    this.room(s.length * 3);
    this.len += encoder.encodeInto(s, this.buf.subarray(this.len)).written;
  }

  /** Flushes once a batch is full. */
  maybeFlush(): void {
    if (this.len >= this.batch) this.flush();
  }
}

function copyInto(buf: Uint8Array, pos: number, b: Uint8Array): void {
  const n = b.length;
  if (n > 32) {
    buf.set(b, pos);
    return;
  }
  for (let i = 0; i < n; i++) buf[pos + i] = b[i];
}

/** Writes v (an exact integer, 0 <= v <= 2^53 - 1) in decimal at pos; returns the end. */
function putUint(buf: Uint8Array, pos: number, v: number): number {
  if (v < 10) {
    buf[pos] = 48 + v;
    return pos + 1;
  }
  if (v < 100) {
    const t = (v * 205) >>> 11; // v / 10 for v < 1029
    buf[pos] = 48 + t;
    buf[pos + 1] = 48 + v - t * 10;
    return pos + 2;
  }
  if (v < 1000) {
    const h = (v * 41) >>> 12; // v / 100 for v < 1024
    const r = v - h * 100;
    const t = (r * 205) >>> 11;
    buf[pos] = 48 + h;
    buf[pos + 1] = 48 + t;
    buf[pos + 2] = 48 + r - t * 10;
    return pos + 3;
  }
  let n = 4;
  while (n < 16 && v >= POW10[n]) n++;
  const end = pos + n;
  let q = end;
  let x = v;
  while (x > 0x7fffffff) {
    const d = Math.floor(x / 10);
    buf[--q] = 48 + (x - d * 10);
    x = d;
  }
  let y = x | 0;
  while (q > pos) {
    const d = (y / 10) | 0;
    buf[--q] = 48 + (y - d * 10);
    y = d;
  }
  return end;
}

/** Writes argument i of values (exact through `big` above MAX_EXACT); returns the end. */
function putArg(buf: Uint8Array, pos: number, values: number[], big: (bigint | undefined)[] | null, i: number): number {
  const v = values[i];
  if (v <= MAX_EXACT) return putUint(buf, pos, v);
  const s = (big![i] as bigint).toString();
  for (let k = 0; k < s.length; k++) buf[pos++] = s.charCodeAt(k);
  return pos;
}

/** Frame lines for values[from, to), where values[fieldBase] is a frame's pc. */
function putFrames(out: ByteOut, values: number[], big: (bigint | undefined)[] | null, from: number, to: number, fieldBase: number): void {
  for (let i = from; i < to; i++) {
    const k = (i - fieldBase) & 3;
    if (k === 0) out.room(MAX_FRAME);
    const prefix = FRAME_PREFIXES[k];
    const buf = out.buf;
    copyInto(buf, out.len, prefix);
    out.len = putArg(buf, out.len + prefix.length, values, big, i);
  }
}

/** The event's name and arguments, without frames or data. */
function putHeader(out: ByteOut, c: CompiledSpec, ev: RawEvent): void {
  out.room(c.maxHeader + 1);
  const buf = out.buf;
  const lead = c.lead;
  let pos = out.len;
  for (let k = 0; k < lead.length; k++) buf[pos + k] = lead[k];
  pos += lead.length;
  const prefixes = c.prefixes;
  const n = prefixes.length;
  const args = ev.args;
  for (let i = 0; i < n; i++) {
    if (i > 0) {
      const p = prefixes[i];
      for (let k = 0; k < p.length; k++) buf[pos + k] = p[k];
      pos += p.length;
    }
    const v = args[i];
    pos = v <= MAX_EXACT ? putUint(buf, pos, v) : putArg(buf, pos, args, ev.big, i);
  }
  out.len = pos;
}

/** A whole in-memory event (not deferred), without the newline. */
function putEvent(out: ByteOut, c: CompiledSpec, ev: RawEvent): void {
  putHeader(out, c, ev);
  const n = c.prefixes.length;
  if (ev.args.length > n) putFrames(out, ev.args, ev.big, n, ev.args.length, n);
  if (ev.data !== null) {
    out.bytes(DATA_OPEN);
    out.text(quoteBody(ev.data, 0, ev.data.length).text);
    out.room(1);
    out.buf[out.len++] = 0x22; // "
  }
}

/**
 * Go's raw Event.String() for an event whose body is in memory (not deferred; deferred events
 * print through dumpEvents, which streams their body).
 */
export function formatRawEvent(ev: RawEvent): string {
  formatted = '';
  const out = (formatOut ??= new ByteOut(1 << 12, (t) => {
    formatted += t;
  }));
  out.len = 0;
  putEvent(out, compile(ev.spec), ev);
  out.flush();
  return formatted;
}

/** formatRawEvent's buffer, kept: a document of the dump formats tens of thousands of events. */
let formatOut: ByteOut | undefined;
let formatted = '';

export interface DumpOptions extends RawReaderOptions {
  /** Bytes of text gathered before each call of the output callback. Default 256 KiB. */
  batchBytes?: number;
}

/**
 * Writes one line per event, as Go's wire dump prints them, to `write` in batches. Returns Go's
 * error text if the reader stopped on an error (the lines before it are written), else undefined.
 * The end of the input where Go's reader returns io.EOF is not an error. When `write` returns a
 * promise (its consumer is backed up), the dump waits for it before going on.
 */
export async function dumpEvents(
  reader: RawReader,
  write: (text: string) => void | Promise<void>,
  options: DumpOptions = {},
): Promise<string | undefined> {
  const out = new ByteOut(Math.max(1 << 10, options.batchBytes ?? 1 << 18), write);
  const compiled = reader.specs.map(compile);
  try {
    for (;;) {
      let ev = reader.nextSync();
      if (ev === undefined) ev = await reader.next();
      if (ev === null) break;
      const c = compiled[ev.type];
      if (ev.deferred) {
        putHeader(out, c, ev);
        await putDeferredBody(out, reader, ev);
      } else {
        putEvent(out, c, ev);
      }
      out.room(1);
      out.buf[out.len++] = 0x0a;
      out.maybeFlush();
      if (out.pending) {
        const p = out.pending;
        out.pending = undefined;
        await p;
      }
    }
  } catch (e) {
    out.flush();
    await out.pending;
    if (e instanceof WireError) return e.message;
    throw e;
  }
  out.flush();
  await out.pending;
  return undefined;
}

/** Streams a deferred Stack's frame lines or a deferred data trailer. */
async function putDeferredBody(out: ByteOut, reader: RawReader, ev: RawEvent): Promise<void> {
  const body = ev.deferred!;
  if (body.kind === 'frames') {
    await reader.readDeferred(body, {
      onFrames(values, big) {
        putFrames(out, values, big, 0, values.length, 0);
        out.maybeFlush();
      },
    });
    return;
  }
  out.bytes(DATA_OPEN);
  // A UTF-8 sequence may straddle two pieces: carry its first bytes over.
  let carry: Uint8Array = new Uint8Array(0);
  await reader.readDeferred(body, {
    onData(bytes, final) {
      let piece = bytes;
      if (carry.length) {
        piece = new Uint8Array(carry.length + bytes.length);
        piece.set(carry, 0);
        piece.set(bytes, carry.length);
      }
      // Bounded pieces keep each quoted string small.
      let at = 0;
      while (at < piece.length) {
        const to = Math.min(piece.length, at + (1 << 16));
        const last = final && to === piece.length;
        const { text, next } = quoteBody(piece, at, to, last);
        out.text(text);
        out.maybeFlush();
        if (next === at) break; // an incomplete sequence at the end of this piece
        at = next;
      }
      carry = piece.slice(at);
    },
  });
  out.room(1);
  out.buf[out.len++] = 0x22; // "
}

/**
 * Opens `source` and dumps it as `go tool trace -d=wire` does. Returns Go's error text, or
 * undefined when the dump ran to the end. Header errors are returned the same way.
 */
export async function dumpWire(
  source: ByteSource,
  write: (text: string) => void | Promise<void>,
  options: DumpOptions = {},
): Promise<string | undefined> {
  let reader: RawReader;
  try {
    reader = await RawReader.open(source, options);
  } catch (e) {
    if (e instanceof WireError) return e.message;
    throw e;
  }
  return dumpEvents(reader, write, options);
}
