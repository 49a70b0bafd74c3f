/**
 * The generation tree of a v1 (Go 1.11–1.21) trace. A v1 trace has no generations: Go reads it
 * whole and converts it into one large generation, so the viewer shows one (index 0, number 1),
 * holding the file's batches (a v1 EvBatch starts a run of events of one P, and a P's runs are
 * spread over the file), grouped by P, each with its raw events as the v1 format has them.
 *
 * indexV1Trace reads the file once, whole (as the v1 reader does; the bytes are dropped after),
 * with the v1 scanner of src/parser/v1 (raw events, Go's reading checks and texts), and keeps an
 * index as small as the v2 one: per batch its offsets, P, tick base and event count, a checkpoint
 * every V1_CHUNK events (offset, and the running time, goroutine and thread there), and the
 * tables (strings, stacks and frames, CPU samples) in the GenerationTables form the v2 rows use.
 * The events themselves are read again from the file a chunk at a time (v1EventView.ts).
 *
 * The raw reading stops at the first event that cannot be read, with Go's v1 reader error, and
 * everything before it stays browsable; the checks of the ordering (V1OrderedReader, in the
 * summaries) come on top.
 */
import { BatchKind, decodeTraceString, GenerationTables, int32, int64, MAX_V1_BYTES, newRawEvent, readWhole, uint32, v1SizeProblem, V1_GO_EFFECT, V1_SPECS, V1Error, V1Ev, V1GoEffect, V1Scanner, type ByteSource, type Problem, type V1RawEvent } from '../../parser/index.js';
import type { BatchInfo, GenerationInfo } from './generationIndex.js';

/** Raw events per checkpoint: a page of a batch is read from the nearest one before it. */
export const V1_CHUNK = 1024;

/** Above this, a goroutine argument is junk or Go's "none", not an ID. */
const MAX_ID = 2 ** 53;

/** Where a chunk of a batch starts, and the running state of the v1 parser there. */
export interface V1Checkpoint {
  offset: number;
  /** The time (ticks) before the chunk's first event. */
  ticks: number;
  /** The goroutine running on the batch's P there (0: none), as Go's v1 parser tracks it. */
  g: number;
  /** The thread that last started the P (-1: none yet). */
  m: number;
}

export interface V1BatchData {
  /** The batch's P; -1 for the runtime's "no P". */
  p: number;
  /** Where the batch ends: the next EvBatch, the end of the file, or the event that could not be read. */
  end: number;
  /** One per V1_CHUNK events; empty for a batch without events. */
  checkpoints: V1Checkpoint[];
}

/** What a GenerationInfo holds besides the v2 fields for the one generation of a v1 trace. */
export interface V1GenerationData {
  /** Format version (11, 19 or 21). */
  version: number;
  headerSize: number;
  /** Parallel to GenerationInfo.batches. */
  batches: V1BatchData[];
  /** The earliest time of an event (ticks): Go's conversion counts from it. */
  minTicks: number;
  /** Go's factor (1e9 / ticks per second); 0 when the trace has no (valid) EvFrequency. */
  nsPerTick: number;
  /** Raw events by type (V1Ev; String events under V1Ev.String; EvBatch headers not counted). */
  typeCounts: Map<number, number>;
  /** Goroutines (g arguments), threads (ProcStart's), Ps (of batches) seen. */
  goroutines: Set<number>;
  threads: Set<number>;
  procs: Set<number>;
  /** The Ps that wrote batches, ascending, -1 (the runtime's "no P") last: the rows under the generation. */
  procIds: number[];
  /** Batch indices per P, in file order; key -1 holds the batches written without a P. */
  batchesByProc: Map<number, number[]>;
  /** The error that stopped the raw reading, placed at its batch; undefined if it read to the end. */
  error: Problem | undefined;
}

/** Go's conversion of a time in ticks to ns since the trace's first event; NaN without a frequency. */
export function v1Ns(v: V1GenerationData, ticks: number): number {
  return v.nsPerTick > 0 ? Math.trunc((ticks - v.minTicks) * v.nsPerTick) : NaN;
}

/** Whether a raw event of this type has a time delta (v1: every one but these). */
export function isTimedV1(type: number): boolean {
  return !(type === V1Ev.Batch || type === V1Ev.Frequency || type === V1Ev.TimerGoroutine || type === V1Ev.Stack || type === V1Ev.String || type === V1Ev.CPUSample);
}

/**
 * The goroutine of a raw event, and the goroutine running on its P after it: Go's v1 parser
 * (parseEvent) in little. `g` is the one before.
 */
export function v1Goroutine(type: number, a0: number, g: number): { event: number; after: number } {
  switch (V1_GO_EFFECT[type]) {
    case V1GoEffect.Starts:
      return { event: a0, after: a0 };
    case V1GoEffect.Leaves:
      return { event: g, after: 0 };
    case V1GoEffect.Names:
      return { event: a0, after: g };
    default:
      return { event: g, after: g };
  }
}

/** A type as counted and named: the scanner reports a String as None. */
export const rawType = (ev: V1RawEvent): number => (ev.type === V1Ev.None ? V1Ev.String : ev.type);

export interface V1IndexResult {
  generation: GenerationInfo | undefined;
  /** A problem that kept the file from being read at all (too large). */
  problem: Problem | undefined;
}

/** Reads a v1 trace (after its header) into the index of its one generation. */
export async function indexV1Trace(source: ByteSource, headerSize: number, version: number, maxBytes = MAX_V1_BYTES): Promise<V1IndexResult> {
  // The v1 reader's bound, with its text.
  const tooLarge = v1SizeProblem(source.size, maxBytes);
  if (tooLarge) return { generation: undefined, problem: tooLarge };
  return { generation: indexV1Bytes(await readWhole(source), headerSize, version), problem: undefined };
}

/** The index of a v1 trace whose bytes are in memory (they are not kept). */
export function indexV1Bytes(data: Uint8Array, headerSize: number, version: number): GenerationInfo {
  const tables = new GenerationTables();
  const stacks = new Map<number, number[]>();
  const batches: BatchInfo[] = [];
  const extra: V1BatchData[] = [];
  const firstTicks: number[] = [];
  const lastTicks: number[] = [];
  const v: V1GenerationData = {
    version, headerSize, batches: extra, minTicks: Infinity, nsPerTick: 0, typeCounts: new Map(),
    goroutines: new Set(), threads: new Set(), procs: new Set(), procIds: [], batchesByProc: new Map(), error: undefined,
  };
  const scanner = new V1Scanner(data, headerSize, version, null);
  const ev = newRawEvent();
  // Go's running state, per P across its batches.
  let lastTs = 0;
  let lastP = 0;
  let lastG = 0;
  const lastGs = new Map<number, number>();
  const lastMs = new Map<number, number>();
  let ticksPerSec = 0;
  let cur = -1;
  let events = 0;
  const fail = (e: V1Error): void => {
    v.error = {
      code: e.code, severity: 'error', message: e.message, offset: e.offset, generation: 1, generationIndex: 0,
      ...(cur >= 0 ? { batch: cur, event: batches[cur].eventCount } : {}),
    };
  };
  for (;;) {
    try {
      if (!scanner.read(0, ev)) break;
    } catch (e) {
      if (!(e instanceof V1Error)) throw e;
      fail(e);
      break;
    }
    const type = rawType(ev);
    if (type === V1Ev.String) {
      // The first string of an ID is kept (Go refuses a second one: the ordered reading says so).
      if (ev.stringBytes && !tables.strings.has(ev.stringId)) tables.strings.insert(ev.stringId, decodeTraceString(ev.stringBytes));
    }
    if (type === V1Ev.Batch) {
      if (cur >= 0) extra[cur].end = ev.offset;
      lastGs.set(lastP, lastG);
      lastP = ev.batchPid;
      lastG = lastGs.get(lastP) ?? 0;
      lastTs = int64(ev.args[1]);
      cur = batches.length;
      batches.push({
        offset: ev.offset, payloadOffset: scanner.off, size: 0, kind: BatchKind.Events, m: -1, ticks: lastTs,
        experiment: 0, eventCount: 0, firstNs: NaN, lastNs: NaN,
      });
      extra.push({ p: lastP, end: data.length, checkpoints: [] });
      firstTicks.push(NaN);
      lastTicks.push(NaN);
      if (lastP >= 0) v.procs.add(lastP);
      continue;
    }
    if (cur < 0) {
      // Go's first pass: every event but a string belongs to a P's batch.
      if (type === V1Ev.String) continue;
      fail(new V1Error('malformed-event', `read event ${type} with current P of 0, but P has no batches yet`, ev.offset));
      break;
    }
    const b = batches[cur];
    if (b.eventCount % V1_CHUNK === 0) extra[cur].checkpoints.push({ offset: ev.offset, ticks: lastTs, g: lastG, m: lastMs.get(lastP) ?? -1 });
    b.eventCount++;
    events++;
    v.typeCounts.set(type, (v.typeCounts.get(type) ?? 0) + 1);
    const args = ev.args;
    switch (type) {
      case V1Ev.String:
        continue;
      case V1Ev.Frequency:
        ticksPerSec = int64(args[0]);
        continue;
      case V1Ev.TimerGoroutine:
        continue;
      case V1Ev.Stack: {
        const id = uint32(args[0]);
        const size = args[1];
        if (id === 0 || !(size > 0) || ev.n < 2 + 4 * size) continue;
        const pcs: number[] = new Array(size);
        for (let i = 0; i < size; i++) {
          const pc = args[2 + i * 4];
          pcs[i] = pc;
          if (!tables.frames.has(pc)) tables.frames.set(pc, { pc, funcId: args[3 + i * 4], fileId: args[4 + i * 4], line: args[5 + i * 4] });
        }
        // A later stack of an ID replaces an earlier one, as in Go's v1 parser.
        stacks.set(id, pcs);
        continue;
      }
      case V1Ev.CPUSample: {
        const ticks = int64(args[1]);
        if (ticks < v.minTicks) v.minTicks = ticks;
        const g = args[3];
        tables.cpuSamples.push({ offset: ev.offset, ticks, time: NaN, m: -1, p: int32(args[2]), g: g < MAX_ID ? g : -1, stack: uint32(args[4]) });
        continue;
      }
      default:
        break;
    }
    lastTs += int64(args[0]);
    if (lastTs < v.minTicks) v.minTicks = lastTs;
    if (Number.isNaN(firstTicks[cur])) firstTicks[cur] = lastTs;
    lastTicks[cur] = lastTs;
    lastG = v1Goroutine(type, args[1], lastG).after;
    if (type === V1Ev.ProcStart) {
      lastMs.set(lastP, args[1]);
      v.threads.add(args[1]);
    }
    const names = V1_SPECS[type].args;
    for (let k = 0; k < names.length && k + 1 < ev.n; k++) if (names[k] === 'g' && args[k + 1] < MAX_ID) v.goroutines.add(args[k + 1]);
  }
  if (cur >= 0 && v.error) extra[cur].end = v.error.offset;
  for (const [id, pcs] of stacks) tables.stacks.insert(id, { pcs });
  tables.strings.compact();
  tables.stacks.compact();
  if (ticksPerSec > 0) {
    tables.freq = ticksPerSec;
    v.nsPerTick = 1e9 / ticksPerSec;
  }
  if (v.minTicks === Infinity) v.minTicks = 0;
  for (const s of tables.cpuSamples) s.time = v1Ns(v, s.ticks);
  let startNs = NaN;
  let endNs = NaN;
  batches.forEach((b, i) => {
    b.size = extra[i].end - b.payloadOffset;
    if (Number.isNaN(firstTicks[i])) return;
    b.firstNs = v1Ns(v, firstTicks[i]);
    b.lastNs = v1Ns(v, lastTicks[i]);
    if (!(b.firstNs >= startNs)) startNs = b.firstNs;
    if (!(b.lastNs <= endNs)) endNs = b.lastNs;
  });
  extra.forEach((x, i) => {
    let list = v.batchesByProc.get(x.p);
    if (!list) v.batchesByProc.set(x.p, (list = []));
    list.push(i);
  });
  // Ps in order, "no P" last.
  v.procIds = [...v.batchesByProc.keys()].sort((a, b) => (a < 0 ? 1 : b < 0 ? -1 : a - b));
  const end = v.error ? v.error.offset : data.length;
  return {
    genIndex: 0,
    genNumber: 1,
    offset: headerSize,
    end,
    ending: 'end-of-file',
    truncated: false,
    batches,
    tables,
    eventCount: events,
    startNs,
    endNs,
    // Written per P, not per thread: the Ps are in v1.
    threads: [],
    batchesByThread: new Map(),
    v1: v,
  };
}
