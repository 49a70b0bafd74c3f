/**
 * checkTrace with the events decoded in worker threads: the main thread frames generation after
 * generation (TraceReader.nextGeneration: batch headers, structural tables, validation), hands
 * each generation's event payloads to a worker as a DecodeJob, and merges the results in
 * generation order, so the result is exactly checkTrace's: the same counts, the same problems in
 * the same order, the same omitted counts.
 *
 * Memory stays flat: at most workers + 1 jobs are with the workers at a time, plus the one
 * generation the main thread holds. When they are all busy, the main thread decodes the
 * generation it holds itself rather than wait (on two cores, one worker and the main thread both
 * decode). Worker startup is not worth it for small traces: under SMALL_TRACE_BYTES, or with a
 * single generation, everything is decoded in-thread.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { CheckResult, DecodeJob, DecodeJobResult, DEFAULT_PROBLEM_LIMITS, makeDecodeJob, openTrace, ProblemList, ProblemRun, runDecodeJob, TraceFormat, TraceReaderOptions, type ByteSource, type Problem } from '../parser/index.js';
import { openFileSource } from './fileSource.js';

export interface ParallelCheckOptions extends TraceReaderOptions {
  /**
   * Worker threads. Default: availableParallelism() - 1, at least 1 and at most 4; 0 (decode
   * in-thread) on a single core.
   */
  workers?: number;
  /** Use workers whatever the trace (tests): no in-thread shortcut for small or one-generation traces. */
  forceWorkers?: boolean;
  /** The main thread decodes a generation itself when every worker is busy. Default true. */
  mainThreadDecodes?: boolean;
  /** The worker script. Default: decodeWorker.js next to the running bundle. */
  workerPath?: string;
}

/** Below this size, a trace is decoded in-thread: starting a worker would cost more than it saves. */
export const SMALL_TRACE_BYTES = 8 << 20;

export function defaultWorkerCount(): number {
  const cores = availableParallelism();
  return cores <= 1 ? 0 : Math.min(4, Math.max(1, cores - 1));
}

/** Where the worker bundle is: next to the running bundle (dist/decodeWorker.js beside dist/cli.js). */
export function defaultWorkerPath(): string {
  return path.join(__dirname, 'decodeWorker.js');
}

/** `input`: a file, a source, or a source already opened by openTrace (its header is not read again). */
export async function checkTraceParallel(input: string | ByteSource | TraceFormat, options: ParallelCheckOptions = {}): Promise<CheckResult> {
  if (input instanceof TraceFormat) return check(input, options);
  const source = typeof input === 'string' ? await openFileSource(input) : input;
  try {
    return await check(await openTrace(source), options);
  } finally {
    if (typeof input === 'string') await source.close?.();
  }
}

interface Entry {
  /** Problems the reader reported while framing this generation (or past the last one). */
  framing: ProblemRun;
  result?: DecodeJobResult;
  error?: unknown;
  done: boolean;
}

async function check(trace: TraceFormat, options: ParallelCheckOptions): Promise<CheckResult> {
  const source = trace.source;
  const workers = options.workers ?? defaultWorkerCount();
  const force = options.forceWorkers === true && workers > 0;
  if (!force && (workers <= 0 || source.size < SMALL_TRACE_BYTES)) return trace.check(options);
  // A v1 trace is read whole, in-thread (checkTrace does it).
  if (trace.kind === 'v1') return trace.check(options);
  const workerPath = options.workerPath ?? defaultWorkerPath();
  if (!existsSync(workerPath)) {
    throw new Error(`the decode worker ${workerPath} is missing: it is built beside the bundle by scripts/build.mjs (npm run build)`);
  }
  const mainDecodes = options.mainThreadDecodes ?? true;
  const limits = options.problemLimits ?? DEFAULT_PROBLEM_LIMITS;
  // The problems in the order checkTrace adds them: the header's, then per generation its
  // framing problems and then its events' problems. The reader frames generation N+1 before N's
  // events are decoded, so its problems go to the current generation's run, merged in order later.
  let framing = new ProblemRun(limits.perCodeAndGeneration);
  const reader = await trace.openTraceReader({ ...options, problemSink: { add: (p: Problem) => framing.add(p) } });
  const result: CheckResult = { header: reader.header, generations: 0, batches: 0, events: 0, cpuSamples: 0, problems: [] };
  const list = new ProblemList(limits);
  ProblemRun.replayInto(list, framing);

  const entries: Entry[] = [];
  /** Buffers of finished jobs, reused by the next ones (fewer fresh multi-megabyte allocations). */
  const spare: ArrayBuffer[] = [];
  const drain = () => {
    while (entries.length > 0 && entries[0].done) {
      const e = entries.shift()!;
      if (e.error !== undefined) throw e.error;
      ProblemRun.replayInto(list, e.framing);
      if (e.result) {
        result.events += e.result.events;
        if (spare.length < maxPosted + 1) spare.push(e.result.buffer);
        ProblemRun.replayInto(list, e.result);
      }
    }
  };

  let pool: DecodePool | undefined;
  const maxPosted = workers + 1;
  const outstanding = new Set<Promise<void>>();
  const dispatch = async (entry: Entry, job: DecodeJob) => {
    if (pool!.inFlight >= maxPosted && !mainDecodes) {
      while (pool!.inFlight >= maxPosted) await Promise.race(outstanding);
    }
    if (pool!.inFlight < maxPosted) {
      const p: Promise<void> = pool!.submit(job).then(
        (r) => void (entry.result = r),
        (e) => void (entry.error = e),
      ).finally(() => {
        entry.done = true;
        outstanding.delete(p);
      });
      outstanding.add(p);
    } else {
      entry.result = runDecodeJob(job);
      entry.done = true;
    }
  };

  let held: { entry: Entry; job: DecodeJob } | undefined;
  try {
    if (force) pool = new DecodePool(workers, workerPath);
    for (;;) {
      framing = new ProblemRun(limits.perCodeAndGeneration);
      const entry: Entry = { framing, done: false };
      entries.push(entry);
      const g = await reader.nextGeneration();
      if (!g) {
        entry.done = true;
        break;
      }
      result.generations++;
      result.batches += g.batches.length;
      result.cpuSamples += g.tables.cpuSamples.length;
      const job = await makeDecodeJob(g, { source, problemLimit: limits.perCodeAndGeneration, buffer: spare.pop() });
      if (!pool) {
        // Workers only once there is a second generation: a single one decodes in-thread.
        if (!held) {
          held = { entry, job };
          continue;
        }
        pool = new DecodePool(workers, workerPath);
        const first = held;
        held = undefined;
        await dispatch(first.entry, first.job);
      }
      await dispatch(entry, job);
      drain();
    }
    if (held) {
      held.entry.result = runDecodeJob(held.job);
      held.entry.done = true;
    }
    while (outstanding.size > 0) await Promise.race(outstanding);
    drain();
  } finally {
    await pool?.close();
  }

  const problems = [...list.items].sort((a, b) => a.offset - b.offset);
  const omitted = list.omittedCount;
  if (omitted > 0) {
    const byCode = [...list.omitted].map(([code, n]) => `${n} ${code}`).join(', ');
    problems.push({ code: 'too-many-problems', severity: 'info', message: `${omitted} more problems not listed (${byCode})`, offset: reader.position });
  }
  result.problems = problems;
  return result;
}

interface Pending {
  resolve(r: DecodeJobResult): void;
  reject(e: unknown): void;
}

interface Slot {
  worker: Worker;
  pending: Pending[];
  failed?: Error;
}

/** Worker threads running decodeWorker.js; each answers its jobs in the order it got them. */
class DecodePool {
  private readonly slots: Slot[] = [];

  constructor(count: number, file: string) {
    for (let i = 0; i < count; i++) {
      const slot: Slot = { worker: new Worker(file), pending: [] };
      const fail = (e: Error) => {
        slot.failed ??= e;
        for (const p of slot.pending.splice(0)) p.reject(slot.failed);
      };
      slot.worker.on('message', (r: DecodeJobResult) => slot.pending.shift()?.resolve(r));
      slot.worker.on('error', (e) => fail(new Error(`decode worker failed: ${e instanceof Error ? e.message : String(e)}`)));
      slot.worker.on('exit', (code) => fail(new Error(`decode worker exited (code ${code})`)));
      this.slots.push(slot);
    }
  }

  /** Jobs sent and not answered yet. */
  get inFlight(): number {
    let n = 0;
    for (const s of this.slots) n += s.pending.length;
    return n;
  }

  /** Sends a job to the least busy worker; its buffer is transferred (unusable here afterwards). */
  submit(job: DecodeJob): Promise<DecodeJobResult> {
    let slot = this.slots[0];
    for (const s of this.slots) if (s.pending.length < slot.pending.length) slot = s;
    if (slot.failed) return Promise.reject(slot.failed);
    return new Promise<DecodeJobResult>((resolve, reject) => {
      slot.pending.push({ resolve, reject });
      slot.worker.postMessage(job, [job.buffer]);
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}
