/**
 * Decoding of the structural batches (strings, stacks, CPU samples, sync data) into a
 * generation's tables. Errors use Go's wording (src/internal/trace/generation.go); where Go's
 * text would be a bare "EOF", ours says what was being read.
 */
import { MAX_EXACT, readUvarint, readUvarintBig, UVARINT_OVERFLOW, UvarintCursor } from '../bytes/uvarint.js';
import { Ev, MAX_FRAMES_PER_STACK, MAX_STRING_SIZE } from '../format/v2Events.js';
import { TraceVersion } from '../format/version.js';
import type { ProblemCode } from '../problems.js';
import { BatchKind, BatchRef } from '../framing/batch.js';
import { GenerationTables, Stack } from './tables.js';
import { decodeTraceString } from '../text/traceString.js';
import { goQuoteString } from '../text/traceText.js';

/** A problem found in a structural batch, located by file offset. */
export interface StructuralError {
  code: ProblemCode;
  message: string;
  offset: number;
  /** Go's text, when the message says more (what was being read). */
  goText?: string;
}


class PayloadCursor {
  pos: number;
  readonly cur: UvarintCursor = { value: 0, pos: 0 };
  failure: StructuralError | undefined;

  constructor(
    readonly bytes: Uint8Array,
    start: number,
    readonly end: number,
    /** File offset of bytes[0]. */
    readonly base: number,
  ) {
    this.pos = start;
  }

  get done(): boolean {
    return this.pos >= this.end;
  }

  get fileOffset(): number {
    return this.base + this.pos;
  }

  /**
   * Reads a uvarint; on failure records what was being read and returns undefined. Go's text is
   * the bare reader error, unless `goSaysWhat` (Go says which frame field it was reading too).
   */
  uvarint(what: string, goSaysWhat = false): number | undefined {
    const start = this.pos;
    const next = readUvarint(this.bytes, start, this.end, this.cur);
    if (next < 0) {
      const overflow = next === UVARINT_OVERFLOW;
      const cause = overflow ? 'binary: varint overflows a 64-bit integer' : start >= this.end ? 'EOF' : 'unexpected EOF';
      this.failure = {
        code: overflow ? 'varint-overflow' : 'malformed-structural-batch',
        message: `${what}: ${cause}`,
        offset: this.base + start,
      };
      if (!goSaysWhat) this.failure.goText = cause;
      return undefined;
    }
    this.pos = next;
    return this.cur.value;
  }

  /** A uvarint that Go reinterprets as int64 (thread and proc IDs): 2^64-1 is -1. */
  signed(what: string): number | undefined {
    const start = this.pos;
    const v = this.uvarint(what);
    if (v === undefined || v <= MAX_EXACT) return v;
    const exact = readUvarintBig(this.bytes, start, this.end);
    return exact ? Number(BigInt.asIntN(64, exact.value)) : v;
  }

  fail(code: ProblemCode, message: string, offset = this.fileOffset, goText?: string): undefined {
    this.failure = { code, message, offset };
    if (goText !== undefined) this.failure.goText = goText;
    return undefined;
  }
}

/**
 * Adds one structural batch to the tables. Returns the problem that stopped it, if any: what was
 * read before the problem is kept.
 */
export function loadStructuralBatch(
  tables: GenerationTables,
  batch: BatchRef,
  payload: Uint8Array,
  payloadIndex: number,
  version: number,
): StructuralError | undefined {
  const c = new PayloadCursor(payload, payloadIndex, payloadIndex + batch.size, batch.payloadOffset - payloadIndex);
  switch (batch.kind) {
    case BatchKind.Strings: loadStrings(tables, c); break;
    case BatchKind.Stacks: loadStacks(tables, c); break;
    case BatchKind.CPUSamples: loadCpuSamples(tables, c); break;
    case BatchKind.Sync: loadSync(tables, c, batch, version); break;
    case BatchKind.Experimental:
      tables.experimental.push({ experiment: batch.experiment, m: batch.m, offset: batch.payloadOffset, size: batch.size });
      break;
    case BatchKind.Events: break;
  }
  return c.failure;
}

function loadStrings(tables: GenerationTables, c: PayloadCursor): void {
  c.pos++; // the Strings byte that classified the batch
  while (!c.done) {
    const evOffset = c.fileOffset;
    const ev = c.bytes[c.pos++];
    if (ev !== Ev.String) return c.fail('malformed-structural-batch', `expected string event, got ${ev}`, evOffset);
    const id = c.uvarint("reading a string's ID");
    if (id === undefined) return;
    const len = c.uvarint(`reading the length of string ${id}`);
    if (len === undefined) return;
    if (len > MAX_STRING_SIZE) return c.fail('oversized-string', `invalid string size ${len}, maximum is ${MAX_STRING_SIZE}`, evOffset);
    const have = Math.min(len, c.end - c.pos);
    if (have < len) return c.fail('malformed-structural-batch', `failed to read full string: read ${have} but wanted ${len}`, evOffset);
    const text = decodeTraceString(c.bytes, c.pos, c.pos + len);
    c.pos += len;
    const existing = tables.strings.insert(id, text);
    if (existing !== undefined) {
      // Ours quotes the trace's strings (one line, whatever they hold); Go's text has them bare.
      const message = `multiple strings with the same ID: id=${id}, new=${goQuoteString(text)}, existing=${goQuoteString(existing)}`;
      return c.fail('duplicate-id', message, evOffset, `multiple strings with the same ID: id=${id}, new=${text}, existing=${existing}`);
    }
  }
}

function formatStack(s: Stack): string {
  return `{[${s.pcs.join(' ')}]}`;
}

function loadStacks(tables: GenerationTables, c: PayloadCursor): void {
  c.pos++; // the Stacks byte
  while (!c.done) {
    const evOffset = c.fileOffset;
    const ev = c.bytes[c.pos++];
    if (ev !== Ev.Stack) return c.fail('malformed-structural-batch', `expected stack event, got ${ev}`, evOffset);
    const id = c.uvarint("reading a stack's ID");
    if (id === undefined) return;
    const nFrames = c.uvarint(`reading the frame count of stack ${id}`);
    if (nFrames === undefined) return;
    if (nFrames > MAX_FRAMES_PER_STACK) return c.fail('oversized-stack', `invalid stack size ${nFrames}, maximum is ${MAX_FRAMES_PER_STACK}`, evOffset);
    const pcs: number[] = [];
    for (let i = 1; i <= nFrames; i++) {
      const pc = c.uvarint(`reading frame ${i}'s PC for stack ${id}`, true);
      if (pc === undefined) return;
      const funcId = c.uvarint(`reading frame ${i}'s funcID for stack ${id}`, true);
      if (funcId === undefined) return;
      const fileId = c.uvarint(`reading frame ${i}'s fileID for stack ${id}`, true);
      if (fileId === undefined) return;
      const line = c.uvarint(`reading frame ${i}'s line for stack ${id}`, true);
      if (line === undefined) return;
      pcs.push(pc);
      if (!tables.frames.has(pc)) tables.frames.set(pc, { pc, funcId, fileId, line });
    }
    const stack = { pcs };
    const existing = tables.stacks.insert(id, stack);
    if (existing !== undefined) {
      return c.fail('duplicate-id', `multiple trace.stacks with the same ID: id=${id}, new=${formatStack(stack)}, existing=${formatStack(existing)}`, evOffset);
    }
  }
}

function loadCpuSamples(tables: GenerationTables, c: PayloadCursor): void {
  c.pos++; // the CPUSamples byte
  while (!c.done) {
    const offset = c.fileOffset;
    const ev = c.bytes[c.pos++];
    if (ev !== Ev.CPUSample) return c.fail('malformed-structural-batch', `expected CPU sample event, got ${ev}`, offset);
    const ticks = c.uvarint("reading a CPU sample's timestamp");
    if (ticks === undefined) return;
    const m = c.signed("reading a CPU sample's M ID");
    if (m === undefined) return;
    const p = c.signed("reading a CPU sample's P ID");
    if (p === undefined) return;
    const g = c.uvarint("reading a CPU sample's goroutine ID");
    if (g === undefined) return;
    const stack = c.uvarint("reading a CPU sample's stack ID");
    if (stack === undefined) return;
    tables.cpuSamples.push({ offset, ticks, time: 0, m, p, g: g === 0 ? -1 : g, stack });
  }
}

function loadSync(tables: GenerationTables, c: PayloadCursor, batch: BatchRef, version: number): void {
  if (version >= TraceVersion.Go125) c.pos++; // the Sync byte; older traces start with Frequency itself
  let lastTicks = batch.time;
  while (!c.done) {
    const offset = c.fileOffset;
    const ev = c.bytes[c.pos++];
    if (ev === Ev.Frequency) {
      if (tables.freq !== 0) return c.fail('duplicate-sync-data', 'found multiple frequency events', offset);
      const freq = c.uvarint('reading the frequency');
      if (freq === undefined) return;
      if (freq === 0) return c.fail('missing-frequency', 'invalid frequency 0: timestamps cannot be converted', offset);
      tables.freq = freq;
      tables.nsPerTick = 1 / (freq / 1e9);
    } else if (ev === Ev.ClockSnapshot && version >= TraceVersion.Go125) {
      if (tables.clock) return c.fail('duplicate-sync-data', 'found multiple clock snapshot events', offset);
      const dt = c.uvarint("reading the clock snapshot's time");
      if (dt === undefined) return;
      const mono = c.uvarint("reading the clock snapshot's monotonic time");
      if (mono === undefined) return;
      const sec = c.uvarint("reading the clock snapshot's wall seconds");
      if (sec === undefined) return;
      const nsec = c.uvarint("reading the clock snapshot's wall nanoseconds");
      if (nsec === undefined) return;
      lastTicks += dt;
      tables.clock = { ticks: lastTicks, mono, sec, nsec };
    } else {
      return c.fail('malformed-structural-batch', `expected frequency or clock snapshot event, got ${ev}`, offset);
    }
  }
}
