/**
 * A readable dump of a v1 trace's raw events, one per line in file order, in the style of the v2
 * wire dump (`go-trace wire`): the event's name, then `name=value` for each argument (uint64s in
 * decimal), a Stack followed by one `pc=.. func=.. file=.. line=..` line per frame, a String and
 * a UserLog message by a `data="..."` line (Go-quoted). Timed events start with `dt=` (the delta
 * from the previous event of the batch, in ticks) and a stack ID the event carries last is
 * `stk=`, as Go's v1 parser names it. Go's own `-d=wire` refuses v1 traces; this dump does not.
 *
 * Nothing is interpreted beyond the raw reading (no merge, no checks of the ordering or of
 * duplicate strings); an event that cannot be read ends the dump with Go's v1 reader error,
 * after the lines before it.
 */
import type { ByteSource } from '../bytes/byteSource.js';
import { readFormatInfo, type FormatInfo } from '../format/formatInfo.js';
import { goQuote } from '../text/goQuote.js';
import { V1Ev, V1_SPECS } from './v1Events.js';
import { V1Error } from './v1Error.js';
import { readWhole } from './v1OrderedReader.js';
import { newRawEvent, V1Scanner, type V1RawEvent } from './v1Scanner.js';
import { v1SizeProblem } from './v1Trace.js';

/** Argument names of an event as dumped. */
function argNames(type: number): string[] {
  const s = V1_SPECS[type];
  if (type === V1Ev.Batch || type === V1Ev.Frequency || type === V1Ev.TimerGoroutine) return [...s.args];
  if (type === V1Ev.Stack) return ['id', 'nframes'];
  return ['dt', ...s.args, ...(s.stack ? ['stk'] : [])];
}

const NAMES: readonly string[][] = V1_SPECS.map((_, t) => argNames(t));

function value(ev: V1RawEvent, k: number): string {
  const b = ev.big?.[k];
  return b !== undefined ? b.toString() : String(ev.args[k]);
}

/** One raw event as dump text (without the final newline). */
export function formatV1RawEvent(ev: V1RawEvent): string {
  if (ev.stringBytes) return `String id=${ev.stringId}\n\tdata=${goQuote(ev.stringBytes)}`;
  const names = NAMES[ev.type];
  let s = V1_SPECS[ev.type].name;
  const n = ev.type === V1Ev.Stack ? Math.min(2, ev.n) : ev.n;
  for (let k = 0; k < n; k++) s += ` ${names[k] ?? `arg${k}`}=${value(ev, k)}`;
  if (ev.type === V1Ev.Stack) {
    for (let k = 2; k + 3 < ev.n; k += 4) {
      s += `\n\tpc=${value(ev, k)} func=${value(ev, k + 1)} file=${value(ev, k + 2)} line=${value(ev, k + 3)}`;
    }
  }
  if (ev.type === V1Ev.UserLog && ev.message !== undefined) s += `\n\tdata=${goQuote(ev.messageBytes ?? new Uint8Array(0))}`;
  return s;
}

/**
 * Dumps a v1 trace whose bytes are in memory. Returns Go's error text if an event could not be
 * read (the lines before it are written), else undefined.
 */
export async function dumpV1Events(
  data: Uint8Array,
  start: number,
  version: number,
  write: (text: string) => void | Promise<void>,
  batchChars = 1 << 18,
): Promise<string | undefined> {
  const scanner = new V1Scanner(data, start, version, null);
  const ev = newRawEvent();
  let out: string[] = [];
  let size = 0;
  const flush = async () => {
    if (out.length === 0) return;
    out.push('');
    const text = out.join('\n');
    out = [];
    size = 0;
    await write(text);
  };
  try {
    while (scanner.read(0, ev)) {
      const line = formatV1RawEvent(ev);
      out.push(line);
      size += line.length + 1;
      if (size >= batchChars) await flush();
    }
  } catch (e) {
    if (!(e instanceof V1Error)) throw e;
    await flush();
    return e.message;
  }
  await flush();
  return undefined;
}

/**
 * Opens `source` (a v1 trace) and dumps it; header problems are returned as the error text.
 * `format`: its header as openTrace read it (not read again).
 */
export async function dumpV1Wire(
  source: ByteSource,
  write: (text: string) => void | Promise<void>,
  format?: FormatInfo,
): Promise<string | undefined> {
  const f = format ?? (await readFormatInfo(source));
  if (f.problem) return f.problem.message;
  if (f.kind !== 'v1') return `go 1.${f.version} is not a v1 trace format`;
  const tooLarge = v1SizeProblem(source.size);
  if (tooLarge) return tooLarge.message;
  return dumpV1Events(await readWhole(source), f.headerSize, f.version, write);
}
