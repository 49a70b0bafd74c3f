/**
 * The batches of a v1 trace and the events in them, as Go's v1 parser finds them. A v1 trace is
 * a flat run of events after the header; a Batch event starts a new run for one P, and a P's runs
 * are spread over the file. Go reads the whole file into memory (its parser cannot work
 * incrementally: the string and stack dictionaries and the frequency come at the end, and any
 * batch may be needed next), and so do we. First pass (collect): where each P's batches start,
 * and the CPU samples (Go 1.19+), which are pulled out of whatever batch holds them. Then
 * loadBatch parses one batch at a time, in the order the merge asks for them, filling the
 * dictionaries (strings, stacks, frames), the frequency and the timer goroutines on the way.
 */
import { V1Ev, V1GoEffect, V1_GO_EFFECT, V1_SPECS, wireArgCount } from './v1Events.js';
import { newEvent, type V1Event } from './v1EventList.js';
import { TIME_ORDER, V1Error } from './v1Error.js';
import { newRawEvent, SKIP_ARGS, SKIP_STRINGS, V1Scanner, type V1RawEvent } from './v1Scanner.js';

/** A stack frame as the v1 format records it: string IDs of the function and file. */
export interface V1Frame {
  pc: number;
  fn: number;
  file: number;
  line: number;
}

/** Most frames Go accepts in one stack. */
export const MAX_STACK_FRAMES = 1000;

const MAX_INT32 = 0x7fffffff;

/** A uint64 as Go's int64 conversion sees it (timestamps). */
export function int64(v: number): number {
  return v < 2 ** 63 ? v : v - 2 ** 64;
}

/** A uint64 as Go's int32 conversion sees it (Ps of CPU samples); 2^64 stands for 2^64-1. */
export function int32(v: number): number {
  return v >= 2 ** 64 ? -1 : v | 0;
}

/** Go's uint32 conversion (stack IDs). */
export function uint32(v: number): number {
  return v >= 2 ** 64 ? 0xffffffff : v >>> 0;
}

export class V1Batches {
  readonly scanner: V1Scanner;
  /** The string dictionary, filled as batches are parsed. */
  readonly strings = new Map<number, string>();
  /** Batch start offsets by P, in file order, and how many of each P were loaded. */
  readonly batchOffsets = new Map<number, number[]>();
  private readonly loaded = new Map<number, number>();
  batchCount = 0;
  /** Events the first pass saw (batch headers and footer events included): a bound on the merged stream. */
  eventCount = 0;
  /** CPU samples (ticks in ts, the real P in p), in file order. */
  readonly cpuSamples: V1Event[] = [];

  // What loadBatch fills in.
  readonly stacks = new Map<number, number[]>();
  readonly pcs = new Map<number, V1Frame>();
  ticksPerSec = 0;
  readonly timerGoids = new Set<number>();
  /** UserLog messages, which have no string IDs in v1: numbered here in order of appearance. */
  readonly inlineStrings: string[] = [];
  private readonly inlineIds = new Map<string, number>();

  // The running state of the events parsed (Go keeps it across batches).
  private lastTs = 0;
  private lastG = 0;
  private lastP = 0;
  private readonly lastGs = new Map<number, number>();
  private readonly raw: V1RawEvent = newRawEvent();

  constructor(
    data: Uint8Array,
    readonly start: number,
    readonly version: number,
  ) {
    this.scanner = new V1Scanner(data, start, version, this.strings);
  }

  /** The first pass: batch offsets per P, and the CPU samples. */
  collect(): void {
    const s = this.scanner;
    const raw = this.raw;
    let curP = 0;
    s.off = this.start;
    while (s.read(SKIP_ARGS | SKIP_STRINGS, raw)) {
      if (raw.type === V1Ev.None) continue;
      this.eventCount++;
      if (raw.type === V1Ev.Batch) {
        let list = this.batchOffsets.get(raw.batchPid);
        if (!list) this.batchOffsets.set(raw.batchPid, (list = []));
        list.push(raw.offset);
        this.batchCount++;
        curP = raw.batchPid;
      }
      if (!this.batchOffsets.has(curP)) {
        throw new V1Error('malformed-event', `read event ${raw.type} with current P of ${curP}, but P has no batches yet`, raw.offset);
      }
      if (raw.type === V1Ev.CPUSample) {
        const want = wireArgCount(V1Ev.CPUSample);
        if (raw.n !== want) {
          throw new V1Error('malformed-event', `CPU sample has wrong number of arguments: want ${want}, got ${raw.n}`, raw.offset);
        }
        // Arguments: an unused time delta, the time the signal handler took, the P, the G, the stack.
        const e = newEvent();
        e.type = V1Ev.CPUSample;
        e.off = raw.offset;
        e.ts = int64(raw.args[1]);
        e.p = int32(raw.args[2]);
        e.g = raw.args[3];
        e.a1 = raw.args[2];
        e.a2 = raw.args[3];
        e.stk = uint32(raw.args[4]);
        this.cpuSamples.push(e);
      }
    }
  }

  /**
   * Parses the next batch of P `pid` into out (its objects are reused, more are added as needed).
   * Returns the number of events, or -1 when the P has no more batches.
   */
  loadBatch(pid: number, out: V1Event[]): number {
    const offsets = this.batchOffsets.get(pid);
    const k = this.loaded.get(pid) ?? 0;
    if (!offsets || k >= offsets.length) return -1;
    this.loaded.set(pid, k + 1);
    const s = this.scanner;
    const raw = this.raw;
    s.off = offsets[k];
    let gotHeader = false;
    let n = 0;
    while (s.read(0, raw)) {
      if (raw.type === V1Ev.None || raw.type === V1Ev.CPUSample) continue;
      if (raw.type === V1Ev.Batch) {
        if (gotHeader) break;
        gotHeader = true;
      }
      if (n === out.length) out.push(newEvent());
      if (this.parseEvent(raw, out[n])) n++;
    }
    return n;
  }

  /** Turns a raw event into an event (true), or takes in what it defines (false). */
  private parseEvent(raw: V1RawEvent, ev: V1Event): boolean {
    const spec = V1_SPECS[raw.type];
    const args = raw.args;
    const count = raw.n;
    const at = raw.offset;
    const narg = raw.type === V1Ev.Stack ? count : wireArgCount(raw.type);
    if (count !== narg) throw new V1Error('malformed-event', `${spec.name} has wrong number of arguments: want ${narg}, got ${count}`, at);
    switch (raw.type) {
      case V1Ev.Batch:
        this.lastGs.set(this.lastP, this.lastG);
        if (args[0] < 2 ** 64 && args[0] > MAX_INT32) throw new V1Error('malformed-event', `processor ID ${args[0]} is larger than maximum of ${MAX_INT32}`, at);
        this.lastP = raw.batchPid;
        this.lastG = this.lastGs.get(this.lastP) ?? 0;
        this.lastTs = int64(args[1]);
        return false;
      case V1Ev.Frequency:
        this.ticksPerSec = int64(args[0]);
        // Zero or negative: most likely ticks that differ between CPUs.
        if (this.ticksPerSec <= 0) throw new V1Error('time-order', TIME_ORDER, at);
        return false;
      case V1Ev.TimerGoroutine:
        this.timerGoids.add(args[0]);
        return false;
      case V1Ev.Stack: {
        if (count < 2) throw new V1Error('malformed-event', `EvStack has wrong number of arguments: want at least 2, got ${count}`, at);
        const size = args[1];
        if (size > MAX_STACK_FRAMES) throw new V1Error('oversized-stack', `EvStack has bad number of frames: ${size}`, at);
        const want = 2 + 4 * size;
        if (count !== want) throw new V1Error('malformed-event', `EvStack has wrong number of arguments: want ${want}, got ${count}`, at);
        const id = uint32(args[0]);
        if (id !== 0 && size > 0) {
          const pcs: number[] = new Array(size);
          for (let i = 0; i < size; i++) {
            const pc = args[2 + i * 4];
            pcs[i] = pc;
            // The first frame seen for a PC wins.
            if (!this.pcs.has(pc)) this.pcs.set(pc, { pc, fn: args[3 + i * 4], file: args[4 + i * 4], line: args[5 + i * 4] });
          }
          this.stacks.set(id, pcs);
        }
        return false;
      }
      case V1Ev.CPUSample:
        // Taken out in the first pass.
        return false;
      default:
        break;
    }
    ev.type = raw.type;
    ev.off = raw.offset;
    ev.p = this.lastP;
    ev.g = this.lastG;
    ev.ts = this.lastTs + int64(args[0]);
    this.lastTs = ev.ts;
    ev.a0 = ev.a1 = ev.a2 = 0;
    ev.stk = 0;
    for (let i = 1; i < narg; i++) {
      if (i === narg - 1 && spec.stack) ev.stk = uint32(args[i]);
      else if (i === 1) ev.a0 = args[i];
      else if (i === 2) ev.a1 = args[i];
      else ev.a2 = args[i];
    }
    switch (V1_GO_EFFECT[raw.type]) {
      case V1GoEffect.Starts:
        this.lastG = ev.a0;
        ev.g = ev.a0;
        break;
      case V1GoEffect.Leaves:
        this.lastG = 0;
        break;
      case V1GoEffect.Names:
        ev.g = ev.a0;
        break;
      default:
        break;
    }
    if (raw.type === V1Ev.UserLog) {
      // The message gets an ID of its own, one per distinct text (kept in a2, which UserLog
      // does not use).
      const m = raw.message ?? '';
      let id = this.inlineIds.get(m);
      if (id === undefined) {
        id = this.inlineStrings.length;
        this.inlineIds.set(m, id);
        this.inlineStrings.push(m);
      }
      ev.a2 = id;
    }
    return true;
  }
}
