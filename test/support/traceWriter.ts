/**
 * A trace writer for tests: builds binary traces of any v2 version (22, 23, 25, 26; other numbers
 * are written as asked) byte by byte, correct by default and broken on request, in the spirit of
 * Go's internal/trace/internal/testgen but producing bytes directly.
 *
 * The output is a stream of items in call order: batches (placed when created, filled until
 * build), raw bytes, lone EndOfGeneration bytes, and the automatic items of each generation
 * (sync batch, stack and string tables, EndOfGeneration). build() serializes them and records
 * the byte offset of every batch and event, so tests can assert where a problem is reported.
 *
 *   const w = new TraceWriter(26);
 *   const g = w.generation(1);                 // 25+: a Sync batch is placed here automatically
 *   g.batch(1, 100)
 *     .event('ProcStatus', { p: 0, pstatus: ProcStatus.Running })
 *     .event('GoStatus', [1, 1, GoStatus.Running])            // positional, dt = 1
 *     .event('GoStop', { reason_string: 'yield', stack: [{ pc: 1, func: 'main.f', file: 'f.go', line: 3 }] });
 *   g.end();                                   // stacks, strings, EndOfGeneration (also done by build)
 *   const { bytes, batches, events } = w.build();
 *
 * Breakage: w.raw(bytes) anywhere between batches, batch.raw(bytes) inside a payload, batch
 * options { size, sizeWidth, gen, kind }, w.generation(0), batches of an ended generation after
 * the next one started (interleaving), w.endOfGeneration() anywhere, events of any type in any
 * version, batch.rawEvent(type, args) for undefined types, pad(value, width) for non-minimal
 * uvarints, and output edits applied at build: truncateAt, dropBytes, duplicateBytes, patchBytes.
 */
import { V2_SPECS, EventSpec, MAX_BATCH_SIZE } from '../../src/parser/format/v2Events.js';
import { headerBytes } from '../../src/parser/format/version.js';
import { encodeUvarint } from '../../src/parser/bytes/uvarint.js';

/** An unsigned 64-bit value; negative numbers stand for their two's complement (-1 = 2^64-1). */
export type U64 = number | bigint;

/** A uvarint padded to `width` bytes (non-minimal encoding), from pad(). */
export class Padded {
  constructor(
    readonly value: U64,
    readonly width: number,
  ) {}
}

/** A value written as a uvarint of exactly `width` bytes (the runtime pads batch sizes to 10). */
export function pad(value: U64, width = 10): Padded {
  return new Padded(value, width);
}

/** A stack frame; func and file are strings (registered in the generation) or raw string IDs. */
export interface Frame {
  pc: U64;
  func: string | U64;
  file: string | U64;
  line: U64;
}

/** Event argument: a number, a string (string arguments), frames (stack arguments) or pad(). */
export type ArgValue = U64 | string | readonly Frame[] | Padded;

export const NO_THREAD = -1;
export const NO_PROC = -1;
/** Wire values of GoStatus.gstatus. */
export const GoStatus = { Bad: 0, Runnable: 1, Running: 2, Syscall: 3, Waiting: 4 } as const;
/** Wire values of ProcStatus.pstatus. */
export const ProcStatus = { Bad: 0, Running: 1, Idle: 2, Syscall: 3, SyscallAbandoned: 4 } as const;
/** Frequency testgen uses when none is given. */
export const DEFAULT_FREQUENCY = 15625000;

export interface TraceWriterOptions {
  /** Batch size fields as 10-byte uvarints, like the runtime (default true); false = minimal. */
  paddedSizes?: boolean;
  /** Write the 16-byte header (default true), or these bytes instead. */
  header?: boolean | Uint8Array;
  /** Write EndOfGeneration when a generation ends (default: version >= 26). */
  endOfGeneration?: boolean;
  /** dt of events that do not give one: 1 (default true) or 0. */
  timestamps?: boolean;
}

export interface GenerationOptions {
  /** Automatic sync batch (default true): for 25+ placed when the generation starts, before 25 at its end. */
  sync?: boolean;
  /** Automatic stack and string table batches at the end (default true). */
  tables?: boolean;
  /** EndOfGeneration at the end (default: the writer's option). */
  endOfGeneration?: boolean;
  /** Do not end the generations still open (default false: starting a generation ends the others). */
  keepOthersOpen?: boolean;
}

export interface BatchOptions {
  /** Value written in the size field instead of the payload length. */
  size?: U64 | Padded;
  /** Width of the size uvarint (default 10, or minimal when paddedSizes is false). */
  sizeWidth?: number;
  /** Value written in the gen field instead of the generation's number. */
  gen?: U64 | Padded;
  /** Header byte instead of EventBatch (1) or ExperimentalBatch (49). */
  kind?: number;
}

export type BatchRole = 'events' | 'sync' | 'frequency' | 'stacks' | 'strings' | 'cpuSamples' | 'experimental';

export interface EventRecord {
  name: string;
  type: number;
  /** Offset of the event's type byte in the output. */
  offset: number;
  /** Offset after the event. */
  end: number;
  args: bigint[];
  data?: Uint8Array;
  /** Index of its batch in WrittenTrace.batches. */
  batch: number;
}

export interface BatchRecord {
  index: number;
  role: BatchRole;
  /** Header byte written (1 = EventBatch, 49 = ExperimentalBatch, or an override). */
  kind: number;
  /** Generation the batch was created in, and the gen field written. */
  generation: bigint;
  gen: bigint;
  m: bigint;
  time: bigint;
  /** Value of the size field, and the real payload length. */
  size: bigint;
  payloadLength: number;
  /** Offsets of the header byte, of the payload, and after the payload. */
  offset: number;
  payloadOffset: number;
  end: number;
  events: EventRecord[];
}

export interface WrittenTrace {
  bytes: Uint8Array;
  headerSize: number;
  batches: BatchRecord[];
  /** Every event of every batch, in output order. */
  events: EventRecord[];
  /** Lone EndOfGeneration bytes: the generation that wrote it (undefined for w.endOfGeneration()). */
  endOfGenerations: { offset: number; generation?: bigint }[];
  raws: { offset: number; length: number }[];
}

// ---------------------------------------------------------------------------------------------

const U64_MASK = (1n << 64n) - 1n;

function u64(v: U64): bigint {
  if (typeof v === 'number') {
    if (!Number.isInteger(v)) throw new RangeError(`not an integer: ${v}`);
    v = BigInt(v);
  }
  return v < 0n ? BigInt.asUintN(64, v) : v & U64_MASK;
}

function uvarintBytes(value: U64 | Padded, minWidth = 0): number[] {
  return value instanceof Padded ? encodeUvarint(u64(value.value), value.width) : encodeUvarint(u64(value), minWidth);
}

/** A value kept as given when padded, else as a uint64. */
function arg(v: U64 | Padded): bigint | Padded {
  return v instanceof Padded ? v : u64(v);
}

function valueOf(v: U64 | Padded): bigint {
  return v instanceof Padded ? u64(v.value) : u64(v);
}

function toBytes(data: Uint8Array | string | ArrayLike<number>): Uint8Array {
  if (typeof data === 'string') return new TextEncoder().encode(data);
  return data instanceof Uint8Array ? data : Uint8Array.from(data as ArrayLike<number>);
}

const NAMES: ReadonlyMap<string, number> = new Map(
  V2_SPECS.map((s, i) => [s.name, i] as [string, number]).filter(([name]) => name !== ''),
);

function specByName(name: string): { type: number; spec: EventSpec } {
  const type = NAMES.get(name);
  if (type === undefined) throw new Error(`unknown event ${JSON.stringify(name)}`);
  return { type, spec: V2_SPECS[type] };
}

interface PendingEvent {
  name: string;
  type: number;
  /** Offset in the payload. */
  offset: number;
  length: number;
  args: bigint[];
  data?: Uint8Array;
  /** Ticks this event advances the clock by (dt of timed events). */
  dt: bigint;
}

/** A batch: header written at build, payload appended by event(), raw() and helpers. */
export class Batch {
  /** @internal */ readonly payload: number[] = [];
  /** @internal */ readonly pending: PendingEvent[] = [];

  /** @internal */
  constructor(
    readonly generation: Generation,
    readonly m: bigint | Padded,
    /** Batch time, or undefined for "one tick after the latest time written before it". */
    readonly time: bigint | Padded | undefined,
    readonly role: BatchRole,
    readonly options: BatchOptions = {},
    /** Experiment byte of an ExperimentalBatch. */
    readonly experiment?: number,
  ) {}

  /**
   * Appends an event by name (any name of the newest table, whatever the version). Arguments:
   * - named: `{ p: 0, pstatus: 1 }`, with `dt` optional (default 1, or 0 when timestamps are
   *   off); for Stack `{ id, frames, nframes? }`; for String `{ id, data }`;
   * - positional: the arguments after dt (dt defaults), or all of them including dt.
   * String arguments may be strings (registered in the generation, "" is 0); stack arguments
   * may be frame lists (registered, [] is 0). Any value may be pad(value, width).
   */
  event(name: string, args: Record<string, ArgValue | Uint8Array> | ArgValue[] = [], data?: Uint8Array | string): this {
    const { type, spec } = specByName(name);
    const values: (bigint | Padded)[] = [];
    let frames: readonly Frame[] | undefined;
    let nframes: U64 | Padded | undefined;
    let dt: bigint | Padded | undefined;

    const resolve = (argName: string, index: number, v: ArgValue | Uint8Array): bigint | Padded => {
      if (v instanceof Padded) return v;
      if (typeof v === 'number' || typeof v === 'bigint') return u64(v);
      if (typeof v === 'string') {
        if (!spec.stringIds.includes(index)) throw new Error(`${name}: argument ${argName} is not a string ID`);
        return this.generation.string(v);
      }
      if (Array.isArray(v)) {
        if (!spec.stackIds.includes(index)) throw new Error(`${name}: argument ${argName} is not a stack ID`);
        return this.generation.stack(v as readonly Frame[]);
      }
      throw new Error(`${name}: bad value for argument ${argName}`);
    };

    if (spec.isStack) {
      // Stack: id, then the frames (nframes defaults to their count).
      let id: ArgValue;
      if (Array.isArray(args)) {
        [id, frames] = args as [ArgValue, readonly Frame[]];
      } else {
        id = args.id as ArgValue;
        frames = (args.frames as readonly Frame[] | undefined) ?? [];
        nframes = args.nframes as U64 | Padded | undefined;
      }
      frames = frames ?? [];
      values.push(resolve('id', 0, id), nframes instanceof Padded ? nframes : u64(nframes ?? frames.length));
    } else if (Array.isArray(args)) {
      let list = args;
      if (spec.hasData && data === undefined && list.length === spec.args.length + 1) {
        data = list[list.length - 1] as string;
        list = list.slice(0, -1);
      }
      let first = 0;
      if (spec.isTimed && list.length === spec.args.length - 1) first = 1;
      else if (list.length !== spec.args.length) {
        throw new Error(`${name}: expected ${spec.args.length - (spec.isTimed ? 1 : 0)} arguments (${spec.args.slice(spec.isTimed ? 1 : 0).join(', ')}), got ${list.length}`);
      }
      if (first === 1) values.push(this.defaultDt());
      list.forEach((v, i) => values.push(resolve(spec.args[i + first], i + first, v)));
    } else {
      const known = new Set([...spec.args, ...(spec.hasData ? ['data'] : [])]);
      for (const key of Object.keys(args)) {
        if (!known.has(key)) throw new Error(`${name}: unknown argument ${key} (expected ${[...known].join(', ')})`);
      }
      spec.args.forEach((argName, i) => {
        const v = args[argName];
        if (v === undefined) {
          if (argName === 'dt' && spec.isTimed) values.push(this.defaultDt());
          else throw new Error(`${name}: missing argument ${argName}`);
        } else {
          values.push(resolve(argName, i, v));
        }
      });
      if (spec.hasData && args.data !== undefined) data = args.data as Uint8Array | string;
    }
    if (spec.isTimed) dt = values[0];

    const bytes: number[] = [type];
    for (const v of values) bytes.push(...uvarintBytes(v));
    const recordArgs = values.map(valueOf);
    if (spec.isStack) {
      for (const f of frames ?? []) {
        const fv = [u64(f.pc), this.frameString(f.func), this.frameString(f.file), u64(f.line)];
        for (const v of fv) bytes.push(...uvarintBytes(v));
        recordArgs.push(...fv);
      }
    }
    let dataBytes: Uint8Array | undefined;
    if (spec.hasData) {
      dataBytes = toBytes(data ?? new Uint8Array(0));
      bytes.push(...uvarintBytes(dataBytes.length));
      for (const b of dataBytes) bytes.push(b);
    }
    this.push(name, type, bytes, recordArgs, dt === undefined ? 0n : valueOf(dt), dataBytes);
    return this;
  }

  /** Appends an event of any type byte with the given uvarint arguments (no spec check), and optional data (length-prefixed). */
  rawEvent(type: number, args: (U64 | Padded)[] = [], data?: Uint8Array | string): this {
    const bytes: number[] = [type & 0xff];
    for (const v of args) bytes.push(...uvarintBytes(v));
    let dataBytes: Uint8Array | undefined;
    if (data !== undefined) {
      dataBytes = toBytes(data);
      bytes.push(...uvarintBytes(dataBytes.length));
      for (const b of dataBytes) bytes.push(b);
    }
    const spec = V2_SPECS[type];
    const dt = spec?.isTimed && args.length > 0 ? valueOf(args[0]) : 0n;
    this.push(spec?.name || `Invalid(${type})`, type, bytes, args.map(valueOf), dt, dataBytes);
    return this;
  }

  /** Appends raw bytes to the payload (counted in the size). */
  raw(bytes: Uint8Array | ArrayLike<number> | string): this {
    for (const b of toBytes(bytes)) this.payload.push(b);
    return this;
  }

  /** Current payload length. */
  get size(): number {
    return this.payload.length;
  }

  private defaultDt(): bigint {
    return this.generation.writer.options.timestamps === false ? 0n : 1n;
  }

  private frameString(v: string | U64): bigint {
    return typeof v === 'string' ? this.generation.string(v) : u64(v);
  }

  private push(name: string, type: number, bytes: number[], args: bigint[], dt: bigint, data?: Uint8Array): void {
    const ev: PendingEvent = { name, type, offset: this.payload.length, length: bytes.length, args, dt };
    if (data) ev.data = data;
    this.pending.push(ev);
    for (const b of bytes) this.payload.push(b);
  }
}

export interface ClockSnapshot {
  /** Tick time of the ClockSnapshot (the sync batch is placed one tick before it). */
  time?: U64;
  /** Monotonic clock, ns. */
  mono?: U64;
  /** Wall clock, seconds and nanoseconds since the Unix epoch (or from `wall`). */
  sec?: U64;
  nsec?: U64;
  wall?: Date;
}

export interface CpuSample {
  time: U64;
  m?: U64;
  p?: U64;
  g?: U64;
  stack?: U64 | readonly Frame[];
}

type StackEntry = readonly Frame[] | { id: U64; frames: readonly Frame[]; nframes?: U64 };
type StringEntry = string | readonly [U64, string | Uint8Array];

/** One generation: its batches, string and stack tables, and automatic items. */
export class Generation {
  /** @internal */ readonly stringIds = new Map<string, bigint>();
  /** @internal */ readonly stackIds = new Map<string, { id: bigint; frames: bigint[][] }>();
  /** @internal */ readonly writtenStrings = new Set<bigint>();
  /** @internal */ readonly writtenStacks = new Set<bigint>();
  /** @internal */ explicitSync = false;
  /** @internal */ explicitStrings = false;
  /** @internal */ explicitStacks = false;
  /** @internal */ ended = false;

  /** The generation number. */
  readonly gen: bigint;

  /** @internal */
  constructor(
    readonly writer: TraceWriter,
    /** @internal The gen field as written (possibly padded). */
    readonly genField: bigint | Padded,
    readonly options: GenerationOptions,
  ) {
    this.gen = valueOf(genField);
  }

  /**
   * Starts an event batch for thread m (-1 = no thread) at `time` ticks (default: one tick after
   * the latest time written before it). m and time may be pad(value, width).
   */
  batch(m: U64 | Padded, time?: U64 | Padded, options: BatchOptions = {}): Batch {
    return this.place(new Batch(this, arg(m), time === undefined ? undefined : arg(time), 'events', options));
  }

  /** Registers a string; returns its ID ("" is 0). */
  string(s: string): bigint {
    if (s === '') return 0n;
    let id = this.stringIds.get(s);
    if (id === undefined) {
      id = BigInt(this.stringIds.size + 1);
      this.stringIds.set(s, id);
    }
    return id;
  }

  /** Registers a stack (its func and file strings too); returns its ID ([] is 0). */
  stack(frames: readonly Frame[]): bigint {
    if (frames.length === 0) return 0n;
    const resolved = frames.map((f) => [u64(f.pc), this.stringOrId(f.func), this.stringOrId(f.file), u64(f.line)]);
    const key = resolved.map((f) => f.join(',')).join(';');
    let entry = this.stackIds.get(key);
    if (!entry) {
      entry = { id: BigInt(this.stackIds.size + 1), frames: resolved };
      this.stackIds.set(key, entry);
    }
    return entry.id;
  }

  /**
   * Places a Strings batch here holding these entries: a plain string is registered and gets
   * its ID; [id, text] writes exactly that. The automatic strings batch then holds only strings
   * registered but not written by an explicit batch (and is skipped when there are none).
   */
  strings(entries: readonly StringEntry[] = [], options: BatchOptions & { m?: U64; time?: U64 } = {}): Batch {
    this.explicitStrings = true;
    const b = this.structural('strings', options);
    b.event('Strings');
    for (const e of entries) {
      const [id, text] = typeof e === 'string' ? [this.string(e), e] : [u64(e[0]), e[1]];
      this.writtenStrings.add(id);
      b.event('String', { id, data: toBytes(text) });
    }
    return b;
  }

  /**
   * Places a Stacks batch here: a frame list is registered and gets its ID; { id, frames,
   * nframes? } writes exactly that (nframes may disagree with the frames given).
   */
  stacks(entries: readonly StackEntry[] = [], options: BatchOptions & { m?: U64; time?: U64 } = {}): Batch {
    this.explicitStacks = true;
    const b = this.structural('stacks', options);
    b.event('Stacks');
    for (const e of entries) {
      if (Array.isArray(e)) {
        const id = this.stack(e as readonly Frame[]);
        this.writtenStacks.add(id);
        b.event('Stack', { id, frames: e as readonly Frame[] });
      } else {
        const s = e as { id: U64; frames: readonly Frame[]; nframes?: U64 };
        this.writtenStacks.add(u64(s.id));
        b.event('Stack', s.nframes === undefined ? { id: s.id, frames: s.frames } : { id: s.id, frames: s.frames, nframes: s.nframes });
      }
    }
    return b;
  }

  /**
   * Places the generation's sync batch here (and drops the automatic one): for 25+ a Sync batch
   * with Frequency and ClockSnapshot (placed one tick before clock.time, snapshot dt 1); before
   * 25 a batch holding only Frequency (at clock.time).
   */
  sync(freq: U64 = DEFAULT_FREQUENCY, clock: ClockSnapshot = {}, options: BatchOptions & { m?: U64 } = {}): Batch {
    this.explicitSync = true;
    return this.place(this.makeSync(freq, clock, options));
  }

  /** Places a CPUSamples batch here. Sample m, p, g default to -1, -1, 0; stack to 0. */
  cpuSamples(samples: readonly CpuSample[], options: BatchOptions & { m?: U64; time?: U64 } = {}): Batch {
    const b = this.structural('cpuSamples', options);
    b.event('CPUSamples');
    for (const s of samples) {
      b.event('CPUSample', { time: s.time, m: s.m ?? NO_THREAD, p: s.p ?? NO_PROC, g: s.g ?? 0, stack: s.stack ?? 0 });
    }
    return b;
  }

  /** Places an ExperimentalBatch (header byte 49, raw experiment byte) with this payload. */
  experimentalBatch(experiment: number, m: U64 | Padded, time: U64 | Padded | undefined, data: Uint8Array | ArrayLike<number> | string, options: BatchOptions = {}): Batch {
    const b = new Batch(this, arg(m), time === undefined ? undefined : arg(time), 'experimental', options, experiment & 0xff);
    b.raw(data);
    return this.place(b);
  }

  /**
   * Ends the generation here: the automatic frequency batch (before 25), stacks and strings
   * batches, and EndOfGeneration (26+). Batches may still be added afterwards (they are placed
   * where they are created: interleaving); strings registered later still go in the tables.
   */
  end(): void {
    if (this.ended) return;
    this.ended = true;
    this.writer.items.push({ kind: 'close', gen: this });
  }

  /** @internal */
  makeSync(freq: U64, clock: ClockSnapshot, options: BatchOptions & { m?: U64 }): Batch {
    const m = u64(options.m ?? NO_THREAD);
    if (this.writer.version >= 25) {
      const time = clock.time === undefined ? undefined : u64(clock.time) - 1n;
      const b = new Batch(this, m, time, 'sync', options);
      let sec = clock.sec;
      let nsec = clock.nsec;
      if (clock.wall) {
        const ms = clock.wall.getTime();
        sec ??= Math.floor(ms / 1000);
        nsec ??= (ms - Math.floor(ms / 1000) * 1000) * 1e6;
      }
      b.event('Sync').event('Frequency', { freq }).event('ClockSnapshot', { dt: 1, mono: clock.mono ?? 0, sec: sec ?? 0, nsec: nsec ?? 0 });
      return b;
    }
    const b = new Batch(this, m, clock.time === undefined ? undefined : u64(clock.time), 'frequency', options);
    b.event('Frequency', { freq });
    return b;
  }

  private stringOrId(v: string | U64): bigint {
    return typeof v === 'string' ? this.string(v) : u64(v);
  }

  private structural(role: BatchRole, options: BatchOptions & { m?: U64; time?: U64 }): Batch {
    return this.place(new Batch(this, u64(options.m ?? NO_THREAD), options.time === undefined ? undefined : u64(options.time), role, options));
  }

  private place(b: Batch): Batch {
    this.writer.items.push({ kind: 'batch', batch: b });
    return b;
  }
}

type Item =
  | { kind: 'raw'; bytes: Uint8Array }
  | { kind: 'batch'; batch: Batch }
  | { kind: 'eog' }
  | { kind: 'autoSync'; gen: Generation }
  | { kind: 'close'; gen: Generation };

type Edit =
  | { kind: 'truncate'; at: number }
  | { kind: 'drop'; at: number; count: number }
  | { kind: 'duplicate'; at: number; count: number }
  | { kind: 'patch'; at: number; bytes: Uint8Array };

/** Builds a binary trace; see the module comment. */
export class TraceWriter {
  /** @internal */ readonly items: Item[] = [];
  private readonly edits: Edit[] = [];
  private readonly generations: Generation[] = [];

  constructor(
    readonly version: number,
    readonly options: TraceWriterOptions = {},
  ) {}

  /**
   * Starts a generation. Unless keepOthersOpen, the generations still open are ended first. For
   * 25+ the automatic Sync batch is placed here (replaced by an explicit gen.sync()).
   */
  generation(gen: U64 | Padded, options: GenerationOptions = {}): Generation {
    if (!options.keepOthersOpen) for (const g of this.generations) g.end();
    const g = new Generation(this, arg(gen), options);
    this.generations.push(g);
    if (this.version >= 25 && options.sync !== false) this.items.push({ kind: 'autoSync', gen: g });
    return g;
  }

  /** Writes raw bytes at this point of the stream. */
  raw(bytes: Uint8Array | ArrayLike<number> | string): this {
    this.items.push({ kind: 'raw', bytes: toBytes(bytes) });
    return this;
  }

  /** Writes a uvarint (minimal, or padded to width) at this point of the stream. */
  uvarint(value: U64, width = 0): this {
    return this.raw(uvarintBytes(value, width));
  }

  /** Writes a lone EndOfGeneration byte (0x34) at this point of the stream. */
  endOfGeneration(): this {
    this.items.push({ kind: 'eog' });
    return this;
  }

  /** Cuts the output at `offset` (applied at build, after earlier edits). */
  truncateAt(offset: number): this {
    this.edits.push({ kind: 'truncate', at: offset });
    return this;
  }

  /** Removes `count` bytes at `offset`; recorded offsets after them move back. */
  dropBytes(offset: number, count = 1): this {
    this.edits.push({ kind: 'drop', at: offset, count });
    return this;
  }

  /** Repeats the `count` bytes at `offset` right after themselves; recorded offsets after them move on. */
  duplicateBytes(offset: number, count = 1): this {
    this.edits.push({ kind: 'duplicate', at: offset, count });
    return this;
  }

  /** Overwrites bytes at `offset`. */
  patchBytes(offset: number, bytes: Uint8Array | ArrayLike<number>): this {
    this.edits.push({ kind: 'patch', at: offset, bytes: toBytes(bytes) });
    return this;
  }

  /** The output bytes. */
  bytes(): Uint8Array {
    return this.build().bytes;
  }

  /** Serializes everything (generations still open are ended at the end, in creation order). Repeatable. */
  build(): WrittenTrace {
    const out: number[] = [];
    const batches: BatchRecord[] = [];
    const events: EventRecord[] = [];
    const endOfGenerations: { offset: number; generation?: bigint }[] = [];
    const raws: { offset: number; length: number }[] = [];
    const header = this.options.header ?? true;
    if (header === true) out.push(...headerBytes(this.version));
    else if (header instanceof Uint8Array) out.push(...header);
    const headerSize = out.length;
    let clock = 0n;

    const writeBatch = (b: Batch) => {
      const timeField = b.time ?? clock + 1n;
      const time = valueOf(timeField);
      const kind = b.options.kind ?? (b.experiment !== undefined ? 49 : 1);
      const offset = out.length;
      out.push(kind & 0xff);
      if (b.experiment !== undefined) out.push(b.experiment);
      const genField = b.options.gen ?? b.generation.genField;
      out.push(...uvarintBytes(genField), ...uvarintBytes(b.m), ...uvarintBytes(timeField));
      const sizeField = b.options.size ?? b.payload.length;
      const width = b.options.sizeWidth ?? (this.options.paddedSizes === false ? 0 : 10);
      out.push(...uvarintBytes(sizeField, width));
      const payloadOffset = out.length;
      for (const x of b.payload) out.push(x);
      const record: BatchRecord = {
        index: batches.length,
        role: b.role,
        kind,
        generation: b.generation.gen,
        gen: valueOf(genField),
        m: valueOf(b.m),
        time,
        size: valueOf(sizeField),
        payloadLength: b.payload.length,
        offset,
        payloadOffset,
        end: out.length,
        events: [],
      };
      clock = time;
      for (const e of b.pending) {
        const ev: EventRecord = { name: e.name, type: e.type, offset: payloadOffset + e.offset, end: payloadOffset + e.offset + e.length, args: e.args, batch: record.index };
        if (e.data) ev.data = e.data;
        record.events.push(ev);
        events.push(ev);
        clock += e.dt;
      }
      batches.push(record);
    };

    const closeItems = (g: Generation): Batch[] => {
      const list: Batch[] = [];
      if (this.version < 25 && g.options.sync !== false && !g.explicitSync) list.push(g.makeSync(DEFAULT_FREQUENCY, {}, {}));
      if (g.options.tables !== false) {
        const stacks = [...g.stackIds.values()].filter((s) => !g.writtenStacks.has(s.id));
        if (stacks.length > 0 || !g.explicitStacks) {
          let b = this.autoBatch(g, 'stacks', 'Stacks');
          for (const s of stacks) {
            b.rawEvent(3, [s.id, s.frames.length, ...s.frames.flat()]);
            if (b.size > MAX_BATCH_SIZE / 2) {
              list.push(b);
              b = this.autoBatch(g, 'stacks', 'Stacks');
            }
          }
          list.push(b);
        }
        const strings = [...g.stringIds.entries()].filter(([, id]) => !g.writtenStrings.has(id));
        if (strings.length > 0 || !g.explicitStrings) {
          let b = this.autoBatch(g, 'strings', 'Strings');
          for (const [s, id] of strings) {
            b.event('String', { id, data: s });
            if (b.size > MAX_BATCH_SIZE / 2) {
              list.push(b);
              b = this.autoBatch(g, 'strings', 'Strings');
            }
          }
          list.push(b);
        }
      }
      return list;
    };

    const closing = (g: Generation) => {
      for (const b of closeItems(g)) writeBatch(b);
      if (g.options.endOfGeneration ?? this.options.endOfGeneration ?? this.version >= 26) {
        endOfGenerations.push({ offset: out.length, generation: g.gen });
        out.push(52);
      }
    };

    for (const item of this.items) {
      switch (item.kind) {
        case 'raw':
          raws.push({ offset: out.length, length: item.bytes.length });
          for (const x of item.bytes) out.push(x);
          break;
        case 'batch':
          writeBatch(item.batch);
          break;
        case 'eog':
          endOfGenerations.push({ offset: out.length });
          out.push(52);
          break;
        case 'autoSync':
          if (!item.gen.explicitSync) writeBatch(item.gen.makeSync(DEFAULT_FREQUENCY, {}, {}));
          break;
        case 'close':
          closing(item.gen);
          break;
      }
    }
    for (const g of this.generations) if (!g.ended) closing(g);

    let bytes = Uint8Array.from(out);
    /** Moves recorded offsets: `f` for starts, `g` for (exclusive) ends. */
    const moveAll = (f: (o: number) => number, g = f) => {
      for (const b of batches) {
        b.offset = f(b.offset);
        b.payloadOffset = f(b.payloadOffset);
        b.end = g(b.end);
      }
      for (const e of events) {
        e.offset = f(e.offset);
        e.end = g(e.end);
      }
      for (const x of endOfGenerations) x.offset = f(x.offset);
      for (const x of raws) x.offset = f(x.offset);
    };
    for (const edit of this.edits) {
      switch (edit.kind) {
        case 'truncate':
          bytes = bytes.slice(0, edit.at);
          break;
        case 'drop': {
          const { at, count } = edit;
          const start = Math.min(at, bytes.length);
          const stop = Math.min(at + count, bytes.length);
          const next = new Uint8Array(bytes.length - (stop - start));
          next.set(bytes.subarray(0, start));
          next.set(bytes.subarray(stop), start);
          bytes = next;
          moveAll((o) => (o < at ? o : o >= at + count ? o - count : at));
          break;
        }
        case 'duplicate': {
          const { at, count } = edit;
          const copy = bytes.slice(at, at + count);
          const next = new Uint8Array(bytes.length + copy.length);
          next.set(bytes.subarray(0, at + copy.length));
          next.set(copy, at + copy.length);
          next.set(bytes.subarray(at + copy.length), at + 2 * copy.length);
          bytes = next;
          // What starts at the end of the copied range moves after the copy; what ends there stays.
          moveAll(
            (o) => (o < at + copy.length ? o : o + copy.length),
            (o) => (o <= at + copy.length ? o : o + copy.length),
          );
          break;
        }
        case 'patch': {
          const next = new Uint8Array(Math.max(bytes.length, edit.at + edit.bytes.length));
          next.set(bytes);
          next.set(edit.bytes, edit.at);
          bytes = next;
          break;
        }
      }
    }
    return { bytes, headerSize, batches, events, endOfGenerations, raws };
  }

  private autoBatch(g: Generation, role: BatchRole, marker: string): Batch {
    const b = new Batch(g, U64_MASK, undefined, role);
    b.event(marker);
    return b;
  }
}
