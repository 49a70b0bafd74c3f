/**
 * Decoding one generation's events away from the reader: a job that can cross to a worker
 * (structured clone; its one ArrayBuffer transferable), and the decode itself. Generations are
 * self-contained (their events refer only to their own tables), so a reader can frame the next
 * generation while others decode this one.
 *
 * The result's problems are exactly those TraceReader.decodeBatch reports for the generation, in
 * the same order, bounded like a ProblemList's per-code limit: what is left out is counted, with
 * where it was left out, so merging into a ProblemList (ProblemRun.replayInto) gives the list and
 * the omitted counts that decoding in the reader would have given.
 */
import type { ByteSource } from '../bytes/byteSource.js';
import { BatchKind } from '../framing/batch.js';
import type { Problem, ProblemCode } from '../problems.js';
import { DEFAULT_PROBLEM_LIMITS, ProblemList } from '../problemList.js';
import { decodeEventBatch, EventError } from './eventDecoder.js';
import { EventColumns } from './eventColumns.js';
import type { Generation } from './generation.js';
import { IdTable } from './idTable.js';
import { GenerationTables, Stack } from './tables.js';

/** An ID table as the decoder needs it: the presence map of a compact table, else its IDs. */
export interface JobIdTable {
  presence?: Uint8Array;
  ids?: number[];
}

export interface DecodeJobBatch {
  /** Index of the batch within its generation. */
  index: number;
  /** File offset of the payload. */
  payloadOffset: number;
  /** The batch's timestamp, in ticks. */
  ticks: number;
  /** The payload is bytes [start, end) of the job's buffer. */
  start: number;
  end: number;
}

export interface DecodeJob {
  /** Generation number as written, and its position in the file (0-based). */
  gen: number;
  generationIndex: number;
  nsPerTick: number;
  stacks: JobIdTable;
  strings: JobIdTable;
  /** The file ends inside the generation: dangling IDs are not reported (its tables are missing). */
  truncated: boolean;
  /** Most problems kept per code (ProblemLimits.perCodeAndGeneration); the rest are counted. */
  problemLimit: number;
  /** The event batches, in file order. */
  batches: DecodeJobBatch[];
  /** Every event batch's payload, concatenated (and maybe unused space after). Transfer it to a worker rather than copy it. */
  buffer: ArrayBuffer;
}

/** Problems of one code left out of a ProblemRun: `count` of them, the first after `at` kept problems. */
export interface OmittedProblems {
  code: ProblemCode;
  count: number;
  at: number;
}

export interface DecodeJobResult {
  gen: number;
  generationIndex: number;
  /** Events decoded (what decodeBatch returns, summed). */
  events: number;
  /** In the order TraceReader.decodeBatch reports them, at most problemLimit per code. */
  problems: Problem[];
  /** Counts per code of the problems left out. */
  omitted: OmittedProblems[];
  /** The job's buffer, handed back (transferred from a worker) for the next job to reuse. */
  buffer: ArrayBuffer;
}

/**
 * Problems in the order they were found, with a per-code-and-generation bound, as ProblemList
 * applies it; what is left out is counted per code with the place of its first omission, so
 * replaying into a ProblemList later gives the same items and the same omitted counts (in the
 * same order) as adding every problem to it directly.
 */
export class ProblemRun {
  readonly problems: Problem[] = [];
  readonly omitted: OmittedProblems[] = [];
  private readonly perKey = new Map<string, number>();
  private readonly omittedByCode = new Map<ProblemCode, OmittedProblems>();

  constructor(private readonly limit: number) {}

  add(p: Problem): void {
    const key = `${p.code}\u0000${p.generationIndex ?? -1}`;
    const seen = this.perKey.get(key) ?? 0;
    if (seen >= this.limit) {
      let o = this.omittedByCode.get(p.code);
      if (!o) {
        o = { code: p.code, count: 0, at: this.problems.length };
        this.omittedByCode.set(p.code, o);
        this.omitted.push(o);
      }
      o.count++;
      return;
    }
    this.perKey.set(key, seen + 1);
    this.problems.push(p);
  }

  /** Adds a run's problems to `list` as if each had been added there as it was found. */
  static replayInto(list: ProblemList, run: { problems: readonly Problem[]; omitted: readonly OmittedProblems[] }): void {
    let j = 0;
    const omit = (o: OmittedProblems) => list.omitted.set(o.code, (list.omitted.get(o.code) ?? 0) + o.count);
    for (let i = 0; i < run.problems.length; i++) {
      while (j < run.omitted.length && run.omitted[j].at <= i) omit(run.omitted[j++]);
      list.add(run.problems[i]);
    }
    while (j < run.omitted.length) omit(run.omitted[j++]);
  }
}

export interface MakeDecodeJobOptions {
  /**
   * Where to read the payloads a generation did not retain (over TraceReaderOptions.maxRetainedBytes).
   * Without it, such a generation is an error.
   */
  source?: ByteSource;
  /** ProblemLimits.perCodeAndGeneration; DEFAULT_PROBLEM_LIMITS' by default. */
  problemLimit?: number;
  /** A buffer to reuse (an earlier result's) when it is large enough; else a new one is allocated. */
  buffer?: ArrayBuffer;
}

/**
 * A job for a generation read by TraceReader.nextGeneration: its event payloads copied into one
 * buffer (the generation can be dropped at once), its ID tables as presence maps or ID lists.
 * Async because payloads the generation did not retain are read again from `options.source`.
 */
export async function makeDecodeJob(g: Generation, options: MakeDecodeJobOptions = {}): Promise<DecodeJob> {
  const payloads: Uint8Array[] = [];
  const batches: DecodeJobBatch[] = [];
  let total = 0;
  for (let i = 0; i < g.batches.length; i++) {
    const b = g.batches[i];
    if (b.kind !== BatchKind.Events) continue;
    let payload = g.payloads[i];
    if (!payload) {
      if (!options.source) throw new Error(`makeDecodeJob: batch ${i} of generation ${g.gen} has no retained payload and no source to read it from`);
      payload = await options.source.read(b.payloadOffset, b.size);
    }
    payloads.push(payload);
    batches.push({ index: i, payloadOffset: b.payloadOffset, ticks: b.time, start: total, end: total + payload.length });
    total += payload.length;
  }
  // When recycling, a new buffer gets an eighth more room, so that it fits the next generations too.
  const recycled = options.buffer;
  const bytes = recycled === undefined ? new Uint8Array(total)
    : recycled.byteLength >= total ? new Uint8Array(recycled, 0, total)
    : new Uint8Array(new ArrayBuffer(total + (total >>> 3)), 0, total);
  for (let k = 0; k < payloads.length; k++) bytes.set(payloads[k], batches[k].start);
  return {
    gen: g.gen,
    generationIndex: g.index,
    nsPerTick: g.tables.nsPerTick,
    stacks: jobTable(g.tables.stacks),
    strings: jobTable(g.tables.strings),
    truncated: g.truncated,
    problemLimit: options.problemLimit ?? DEFAULT_PROBLEM_LIMITS.perCodeAndGeneration,
    batches,
    buffer: bytes.buffer,
  };
}

function jobTable(t: IdTable<unknown>): JobIdTable {
  return t.presence ? { presence: t.presence } : { ids: t.ids() };
}

let sharedColumns: EventColumns | undefined;

/**
 * Decodes a job's batches one by one into small reused columns (the events are counted, not
 * kept) and returns the count and the problems. `columns` defaults to one shared per thread.
 */
export function runDecodeJob(job: DecodeJob, columns?: EventColumns): DecodeJobResult {
  const out = columns ?? (sharedColumns ??= new EventColumns(1 << 16));
  const tables = new GenerationTables();
  tables.nsPerTick = job.nsPerTick;
  const emptyStack: Stack = { pcs: [] };
  setTable(tables, 'stacks', job.stacks.presence ? IdTable.fromPresence(job.stacks.presence, emptyStack) : IdTable.fromIds(job.stacks.ids ?? [], emptyStack));
  setTable(tables, 'strings', job.strings.presence ? IdTable.fromPresence(job.strings.presence, '') : IdTable.fromIds(job.strings.ids ?? [], ''));
  const bytes = new Uint8Array(job.buffer);
  const run = new ProblemRun(job.problemLimit);
  let batch = 0;
  const report = (e: EventError) =>
    run.add({
      code: e.code,
      severity: e.severity,
      message: e.message,
      offset: e.offset,
      generation: job.gen,
      generationIndex: job.generationIndex,
      batch,
      event: e.event,
    });
  const onDangling = job.truncated ? undefined : report;
  let events = 0;
  for (const b of job.batches) {
    batch = b.index;
    out.clear();
    const err = decodeEventBatch(bytes, b.start, b.end, b.payloadOffset - b.start, b.index, b.ticks, tables, out, onDangling);
    if (err) report(err);
    events += out.length;
  }
  out.clear();
  return { gen: job.gen, generationIndex: job.generationIndex, events, problems: run.problems, omitted: run.omitted, buffer: job.buffer };
}

function setTable<K extends 'stacks' | 'strings'>(tables: GenerationTables, key: K, table: GenerationTables[K]): void {
  (tables as { -readonly [P in K]: GenerationTables[P] })[key] = table;
}
