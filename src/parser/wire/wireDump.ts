/**
 * The text of Go's raw event dump (`go tool trace -d=wire`, one raw.Event.String() per line) and
 * of the raw text format's event lines (the TextWriter writes the same strings).
 *
 * An event prints as its name, then ` name=value` for each spec argument (uint64 decimals), then
 * for a Stack one `\n\tpc=.. func=.. file=.. line=..` line per frame, then, when Go's Data is not
 * nil, `\n\tdata=` and the data quoted as strconv.Quote does.
 */
import type { ByteSource } from '../bytes/byteSource.js';
import { MAX_EXACT } from '../bytes/uvarint.js';
import type { EventSpec } from '../format/v2Events.js';
import { quoteBody } from '../text/goQuote.js';
import { RawReader, WireError, type RawEvent, type RawReaderOptions } from './rawReader.js';

/** Per-spec argument prefixes (" gen=", " m=", ...), built once per spec object. */
const prefixCache = new WeakMap<EventSpec, string[]>();

function argPrefixes(spec: EventSpec): string[] {
  let p = prefixCache.get(spec);
  if (!p) {
    p = spec.args.map((a) => ' ' + a + '=');
    prefixCache.set(spec, p);
  }
  return p;
}

const FRAME_PREFIXES = ['\n\tpc=', ' func=', ' file=', ' line='];

function frameText(values: number[], big: (bigint | undefined)[] | null, from: number, to: number, fieldBase: number): string {
  let s = '';
  for (let i = from; i < to; i++) {
    const v = values[i];
    s += FRAME_PREFIXES[(i - fieldBase) & 3] + (v <= MAX_EXACT ? '' + v : (big![i] as bigint).toString());
  }
  return s;
}

/**
 * Go's raw Event.String() for an event whose body is in memory (not deferred). Deferred events
 * print through dumpEvents, which streams their body.
 */
export function formatRawEvent(ev: RawEvent): string {
  const spec = ev.spec;
  const args = ev.args;
  const prefixes = argPrefixes(spec);
  const n = prefixes.length;
  let s = spec.name;
  for (let i = 0; i < n; i++) {
    const v = args[i];
    s += prefixes[i] + (v <= MAX_EXACT ? '' + v : (ev.big![i] as bigint).toString());
  }
  if (args.length > n) s += frameText(args, ev.big, n, args.length, n);
  if (ev.data !== null) s += '\n\tdata="' + quoteBody(ev.data, 0, ev.data.length).text + '"';
  return s;
}

export interface DumpOptions extends RawReaderOptions {
  /** Characters gathered before each call of the output callback. Default 256 Ki. */
  batchChars?: number;
}

/**
 * Writes one line per event, as Go's wire dump prints them, to `write` in batches. Returns Go's
 * error text if the reader stopped on an error (the lines before it are written), else undefined.
 * The end of the input where Go's reader returns io.EOF is not an error.
 */
export async function dumpEvents(reader: RawReader, write: (text: string) => void, options: DumpOptions = {}): Promise<string | undefined> {
  const limit = options.batchChars ?? 1 << 18;
  let out = '';
  const flush = (): void => {
    if (out.length) write(out);
    out = '';
  };
  try {
    for (;;) {
      let ev = reader.nextSync();
      if (ev === undefined) ev = await reader.next();
      if (ev === null) break;
      if (ev.deferred) {
        out += headerText(ev);
        flush();
        await writeDeferredBody(reader, ev, write);
        out += '\n';
      } else {
        // Inline of formatRawEvent for the common case: no frames, no data.
        const spec = ev.spec;
        const args = ev.args;
        const prefixes = argPrefixes(spec);
        const n = prefixes.length;
        let s = spec.name;
        for (let i = 0; i < n; i++) {
          const v = args[i];
          s += prefixes[i] + (v <= MAX_EXACT ? '' + v : (ev.big![i] as bigint).toString());
        }
        if (args.length > n) s += frameText(args, ev.big, n, args.length, n);
        if (ev.data !== null) s += '\n\tdata="' + quoteBody(ev.data, 0, ev.data.length).text + '"';
        out += s + '\n';
      }
      if (out.length >= limit) flush();
    }
  } catch (e) {
    flush();
    if (e instanceof WireError) return e.message;
    throw e;
  }
  flush();
  return undefined;
}

function headerText(ev: RawEvent): string {
  const prefixes = argPrefixes(ev.spec);
  let s = ev.spec.name;
  for (let i = 0; i < prefixes.length; i++) {
    const v = ev.args[i];
    s += prefixes[i] + (v <= MAX_EXACT ? '' + v : (ev.big![i] as bigint).toString());
  }
  return s;
}

/** Streams a deferred Stack's frame lines or a deferred data trailer. */
async function writeDeferredBody(reader: RawReader, ev: RawEvent, write: (text: string) => void): Promise<void> {
  const body = ev.deferred!;
  if (body.kind === 'frames') {
    await reader.readDeferred(body, {
      onFrames(values, big) {
        write(frameText(values, big, 0, values.length, 0));
      },
    });
    return;
  }
  write('\n\tdata="');
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
      const { text, next } = quoteBody(piece, 0, piece.length, final);
      carry = piece.slice(next);
      write(text);
    },
  });
  write('"');
}

/**
 * Opens `source` and dumps it as `go tool trace -d=wire` does. Returns Go's error text, or
 * undefined when the dump ran to the end. Header errors are returned the same way.
 */
export async function dumpWire(source: ByteSource, write: (text: string) => void, options: DumpOptions = {}): Promise<string | undefined> {
  let reader: RawReader;
  try {
    reader = await RawReader.open(source, options);
  } catch (e) {
    if (e instanceof WireError) return e.message;
    throw e;
  }
  return dumpEvents(reader, write, options);
}
