/**
 * The raw events of a v1 trace's batches, read again from the file a chunk at a time (from the
 * checkpoints of v1Index.ts, with the v1 scanner), and each as an EventView: its v1 name, its
 * arguments by the names Go's v1 parser gives them with strings, goroutines, tasks and
 * stop-the-world reasons resolved, and its stacks with their frames. A few chunks are cached.
 */
import { decodeTraceString, frameViews, int64, newRawEvent, STW_REASONS, stwReason, uint32, V1_SPECS, V1Error, V1Ev, V1Scanner, type ArgView, type ByteSource, type EventView, type FrameView, type GenerationTables, type StackView } from '../../parser/index.js';
import type { GenerationInfo } from './generationIndex.js';
import { isTimedV1, rawType, V1_CHUNK, v1Goroutine, v1Ns, type V1GenerationData } from './v1Index.js';

/** One raw event as read again. */
export interface V1RawRow {
  /** V1Ev; a String is V1Ev.String. */
  type: number;
  offset: number;
  /** The uvarint arguments as written (a String has none here: see stringId). */
  args: number[];
  /** Exact values of arguments above 2^53, by index. */
  big: (bigint | undefined)[] | null;
  /** A String's ID. */
  stringId: number;
  /** A String's text, or a UserLog's message. */
  text: string | undefined;
  /** Time in ticks (timed events and CPU samples); NaN for the others. */
  ticks: number;
  /** The batch's P (-1: none); the goroutine running there (0: none) and the thread that last started the P (-1: none). */
  p: number;
  g: number;
  m: number;
}

/** Reads and caches chunks of v1 batches. */
export class V1EventCache {
  private readonly entries = new Map<string, V1RawRow[]>();

  constructor(
    private readonly source: ByteSource,
    private readonly capacity = 8,
  ) {}

  /** The raw events [from, to) of a batch. */
  async events(g: GenerationInfo, batch: number, from: number, to: number): Promise<V1RawRow[]> {
    const b = g.batches[batch];
    if (!b || !g.v1) return [];
    const end = Math.min(to, b.eventCount);
    const out: V1RawRow[] = [];
    for (let i = Math.max(0, from); i < end; ) {
      const chunk = Math.floor(i / V1_CHUNK);
      const rows = await this.chunk(g, batch, chunk);
      const base = chunk * V1_CHUNK;
      // A chunk shorter than the index says: the file changed since.
      if (i - base >= rows.length) break;
      const stop = Math.min(end, base + rows.length);
      for (; i < stop; i++) out.push(rows[i - base]);
    }
    return out;
  }

  async event(g: GenerationInfo, batch: number, index: number): Promise<V1RawRow | undefined> {
    return (await this.events(g, batch, index, index + 1))[0];
  }

  /** Every raw event of a batch, a chunk at a time (for the filter). */
  async *chunks(g: GenerationInfo, batch: number): AsyncGenerator<{ base: number; rows: V1RawRow[] }> {
    const b = g.batches[batch];
    if (!b || !g.v1) return;
    // Read past the cache: a filter run would push out what the views page through.
    for (let c = 0; c * V1_CHUNK < b.eventCount; c++) yield { base: c * V1_CHUNK, rows: await this.read(g, batch, c) };
  }

  /** The deepest place of a byte offset: a batch and, past its EvBatch header, the event holding it. */
  async locate(g: GenerationInfo, offset: number): Promise<{ batch: number; event?: number } | undefined> {
    const v = g.v1;
    if (!v) return undefined;
    // Batches are in file order.
    let lo = 0;
    let hi = g.batches.length - 1;
    let bi = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      if (g.batches[mid].offset <= offset) {
        bi = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    if (bi < 0 || offset >= v.batches[bi].end) return undefined;
    const b = g.batches[bi];
    if (offset < b.payloadOffset || b.eventCount === 0) return { batch: bi };
    const cps = v.batches[bi].checkpoints;
    let c = 0;
    while (c + 1 < cps.length && cps[c + 1].offset <= offset) c++;
    const rows = await this.chunk(g, bi, c);
    let event = -1;
    for (let i = 0; i < rows.length && rows[i].offset <= offset; i++) event = c * V1_CHUNK + i;
    return event >= 0 ? { batch: bi, event } : { batch: bi };
  }

  private async chunk(g: GenerationInfo, batch: number, chunk: number): Promise<V1RawRow[]> {
    const key = `${batch}/${chunk}`;
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit;
    }
    const rows = await this.read(g, batch, chunk);
    this.entries.set(key, rows);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
    return rows;
  }

  private async read(g: GenerationInfo, batch: number, chunk: number): Promise<V1RawRow[]> {
    const v = g.v1!;
    const x = v.batches[batch];
    const cp = x.checkpoints[chunk];
    if (!cp) return [];
    const count = Math.min(V1_CHUNK, g.batches[batch].eventCount - chunk * V1_CHUNK);
    const end = x.checkpoints[chunk + 1]?.offset ?? x.end;
    // The index read these bytes whole; a chunk is at most V1_CHUNK events of them.
    const bytes = await this.source.read(cp.offset, end - cp.offset);
    const scanner = new V1Scanner(bytes, 0, v.version, null);
    const ev = newRawEvent();
    const rows: V1RawRow[] = [];
    let ticks = cp.ticks;
    let running = cp.g;
    let m = cp.m;
    const p = x.p;
    while (rows.length < count) {
      try {
        if (!scanner.read(0, ev)) break;
      } catch (e) {
        // Only where the index stopped too (the file changed otherwise).
        if (e instanceof V1Error) break;
        throw e;
      }
      const type = rawType(ev);
      const args = ev.args.slice(0, ev.n);
      const row: V1RawRow = {
        type, offset: cp.offset + ev.offset, args, big: ev.big, stringId: ev.stringId,
        text: type === V1Ev.String ? decodeTraceString(ev.stringBytes ?? new Uint8Array(0)) : type === V1Ev.UserLog ? ev.message : undefined,
        ticks: NaN, p, g: 0, m: -1,
      };
      if (type === V1Ev.CPUSample) {
        row.ticks = int64(args[1] ?? 0);
        row.g = args[3] ?? 0;
        row.m = m;
      } else if (isTimedV1(type)) {
        ticks += int64(args[0] ?? 0);
        row.ticks = ticks;
        if (type === V1Ev.ProcStart) m = args[1] ?? -1;
        const r = v1Goroutine(type, args[1] ?? 0, running);
        row.g = r.event;
        running = r.after;
        row.m = m;
      }
      rows.push(row);
    }
    return rows;
  }

  clear(): void {
    this.entries.clear();
  }
}

/** A raw v1 event as the viewer shows it: an EventView (type and name are the v1 ones) and its context. */
export interface V1EventView extends EventView {
  /** Time in ticks, NaN for events without one (time is then NaN too). */
  ticks: number;
  /** The batch's P (-1: none), the goroutine running on it (-1: none), the thread that last started it (-1: none). */
  p: number;
  g: number;
  m: number;
}

/** Argument names of a raw event, as the v1 wire dump names them. */
export function v1ArgNames(type: number): string[] {
  const s = V1_SPECS[type];
  if (type === V1Ev.Frequency || type === V1Ev.TimerGoroutine) return [...s.args];
  if (type === V1Ev.Stack) return ['id', 'nframes'];
  if (type === V1Ev.String) return ['id'];
  return ['dt', ...s.args, ...(s.stack ? ['stk'] : [])];
}

const STRING_ARGS = new Set(['typeid', 'keyid', 'labelid']);

function argView(type: number, name: string, value: number, exact: bigint | undefined, tables: GenerationTables, version: number): ArgView {
  const a = (kind: ArgView['kind'], text?: string): ArgView => (text === undefined ? { name, kind, value } : { name, kind, value, text });
  if (STRING_ARGS.has(name)) return a('string', tables.strings.get(value) ?? `<missing string ${value}>`);
  const big = exact !== undefined ? exact.toString() : undefined;
  switch (name) {
    case 'g':
      return a('goroutine', big);
    case 'p':
      return a('proc', big);
    case 'thread':
      return a('thread', big);
    case 'seq':
      return a('seq', big);
    case 'stack':
    case 'stk':
      return a('stack', big);
    case 'taskid':
    case 'pid':
      return a('task', big);
    case 'id':
      return a(type === V1Ev.UserLog ? 'task' : 'raw', big);
    case 'kindid': {
      const reason = STW_REASONS[stwReason(value, version)];
      return a('raw', `${reason || 'unknown reason'} (kind ${big ?? value})`);
    }
    case 'mode':
      return a('raw', value === 0 ? 'begin (0)' : value === 1 ? 'end (1)' : big ?? String(value));
    default:
      return a('raw', big);
  }
}

/** The frames a Stack event defines, from its own arguments. */
function stackEventFrames(row: V1RawRow, tables: GenerationTables): FrameView[] {
  const out: FrameView[] = [];
  const n = row.args.length;
  for (let k = 2; k + 3 < n; k += 4) {
    out.push({ pc: row.args[k], func: tables.strings.get(row.args[k + 1]) ?? '', file: tables.strings.get(row.args[k + 2]) ?? '', line: row.args[k + 3] });
  }
  return out;
}

/** A raw event as the viewer shows it. `batch` is its batch's index in the file. */
export function viewV1Event(row: V1RawRow, batch: number, v: V1GenerationData, tables: GenerationTables): V1EventView {
  const type = row.type;
  const names = v1ArgNames(type);
  const args: ArgView[] = [];
  const stacks: StackView[] = [];
  if (type === V1Ev.String) {
    args.push({ name: 'id', kind: 'raw', value: row.stringId }, { name: 'data', kind: 'string', value: row.stringId, text: row.text ?? '' });
  } else {
    const n = type === V1Ev.Stack ? Math.min(2, row.args.length) : row.args.length;
    for (let k = 0; k < n; k++) {
      const name = names[k] ?? `arg${k}`;
      const arg = argView(type, name, row.args[k], row.big?.[k], tables, v.version);
      args.push(arg);
      if (arg.kind === 'stack' && arg.value !== 0) {
        const id = uint32(arg.value);
        stacks.push({ arg: name, id, frames: frameViews(tables, id), missing: !tables.stacks.has(id) });
      }
    }
    if (type === V1Ev.UserLog && row.text !== undefined) args.push({ name: 'message', kind: 'string', value: 0, text: row.text });
    if (type === V1Ev.Stack && row.args.length >= 2) stacks.push({ arg: 'frames', id: uint32(row.args[0]), frames: stackEventFrames(row, tables), missing: false });
  }
  return {
    type,
    name: V1_SPECS[type]?.name ?? `type ${type}`,
    time: Number.isNaN(row.ticks) ? NaN : v1Ns(v, row.ticks),
    offset: row.offset,
    batch,
    args,
    stacks,
    ticks: row.ticks,
    p: row.p,
    g: row.g > 0 ? row.g : -1,
    m: row.m,
  };
}
