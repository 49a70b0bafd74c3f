/**
 * A v1 (Go 1.11–1.21) trace writer for tests: the header, then events written in call order,
 * byte by byte, as the runtime encodes them: a type byte with the number of values - 1 in its top
 * two bits when there are at most three, else 3 there and a byte length before the values; a
 * String with its ID, length and bytes; a UserLog's message after its values. Correct by default,
 * broken on request (raw bytes, any type byte, any value count, truncation at build).
 *
 *   const w = new V1TraceWriter(19);
 *   w.batch(0, 100).event('ProcStart', [1, 7]).string(1, 'main').stack(1, [{ pc: 0x10, fn: 1, file: 1, line: 3 }]);
 *   w.frequency(1e9);
 *   const { bytes, offsets } = w.build();   // offsets[k]: where the k-th written item starts
 */
import { encodeUvarint } from '../../src/parser/bytes/uvarint.js';
import { headerBytes } from '../../src/parser/format/version.js';
import { V1_SPECS } from '../../src/parser/v1/v1Events.js';

/** An unsigned 64-bit value; -1 stands for 2^64-1. */
export type V1Value = number | bigint;

export interface V1StackFrame {
  pc: V1Value;
  fn: V1Value;
  file: V1Value;
  line: V1Value;
}

const uv = (v: V1Value): number[] => encodeUvarint(typeof v === 'bigint' ? BigInt.asUintN(64, v) : v < 0 ? BigInt.asUintN(64, BigInt(v)) : v);

/** The type number of a v1 event name (as V1_SPECS spells it), or the number itself. */
export function v1Type(name: string | number): number {
  if (typeof name === 'number') return name;
  const t = V1_SPECS.findIndex((s) => s.name === name);
  if (t < 0) throw new Error(`no v1 event ${name}`);
  return t;
}

export class V1TraceWriter {
  private readonly out: number[];
  /** File offset of each item written (batch, event, string, stack, raw), in call order. */
  readonly offsets: number[] = [];

  constructor(readonly version = 19, header: Uint8Array = headerBytes(version)) {
    this.out = [...header];
  }

  private start(): void {
    this.offsets.push(this.out.length);
  }

  /** Values written as the runtime writes an event's values (the first is dt for timed events). */
  private values(type: number, values: V1Value[], trailer: number[] = []): this {
    this.start();
    const encoded = values.flatMap(uv);
    if (values.length >= 1 && values.length <= 3) this.out.push(type | ((values.length - 1) << 6), ...encoded);
    else this.out.push(type | (3 << 6), ...uv(encoded.length), ...encoded);
    this.out.push(...trailer);
    return this;
  }

  /** An event: its type (name or number) and its values on the wire, dt first where it has one. */
  event(type: string | number, values: V1Value[]): this {
    return this.values(v1Type(type), values);
  }

  /** A batch header for P `p` (-1: no P) at absolute `ticks`. */
  batch(p: V1Value, ticks: V1Value): this {
    return this.values(1, [p, ticks]);
  }

  frequency(ticksPerSecond: V1Value): this {
    return this.values(2, [ticksPerSecond]);
  }

  string(id: V1Value, text: string | Uint8Array): this {
    const bytes = typeof text === 'string' ? [...new TextEncoder().encode(text)] : [...text];
    this.start();
    this.out.push(37, ...uv(id), ...uv(bytes.length), ...bytes);
    return this;
  }

  stack(id: V1Value, frames: V1StackFrame[], nframes: V1Value = frames.length): this {
    return this.values(3, [id, nframes, ...frames.flatMap((f) => [f.pc, f.fn, f.file, f.line])]);
  }

  /** A UserLog: dt, task, key string ID, stack ID, then its message. */
  userLog(dt: V1Value, task: V1Value, key: V1Value, stack: V1Value, message: string): this {
    const bytes = [...new TextEncoder().encode(message)];
    return this.values(48, [dt, task, key, stack], [...uv(bytes.length), ...bytes]);
  }

  /** Bytes as they are. */
  raw(bytes: number[]): this {
    this.start();
    this.out.push(...bytes);
    return this;
  }

  /** The trace, optionally cut after `truncateAt` bytes. */
  build(truncateAt?: number): { bytes: Uint8Array; offsets: number[] } {
    const bytes = Uint8Array.from(truncateAt === undefined ? this.out : this.out.slice(0, truncateAt));
    return { bytes, offsets: [...this.offsets] };
  }

  get length(): number {
    return this.out.length;
  }
}
