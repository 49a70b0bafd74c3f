/**
 * checkTraceParallel gives checkTrace's result (counts, problems and their order, omitted
 * counts) with generations decoded in worker threads. The worker bundle is built here with
 * esbuild, so the test runs with or without `npm run build` before it.
 */
import * as assert from 'node:assert/strict';
import * as esbuild from 'esbuild';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { openFileSource } from '../../src/node/fileSource.js';
import { checkTraceParallel, ParallelCheckOptions } from '../../src/node/parallelCheck.js';
import { memorySource } from '../../src/parser/bytes/byteSource.js';
import { checkTrace, CheckResult } from '../../src/parser/check.js';
import type { TraceReaderOptions } from '../../src/parser/traceReader.js';
import { fixturesDir, repoRoot, sharedTracesDir, traceFiles } from '../support/paths.js';
import { GoStatus, ProcStatus, TraceWriter } from '../support/traceWriter.js';

describe('checkTraceParallel', function () {
  let dir: string;
  let workerPath: string;

  before(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'go-trace-parallel-'));
    workerPath = path.join(dir, 'decodeWorker.js');
    await esbuild.build({
      entryPoints: [path.join(repoRoot, 'src', 'node', 'decodeWorker.ts')],
      outfile: workerPath,
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'es2022',
      logLevel: 'warning',
    });
  });

  after(() => rmSync(dir, { recursive: true, force: true }));

  async function expected(file: string, options: TraceReaderOptions = {}): Promise<CheckResult> {
    const source = await openFileSource(file);
    try {
      return await checkTrace(source, options);
    } finally {
      await source.close?.();
    }
  }

  const files = [...traceFiles(fixturesDir), ...traceFiles(sharedTracesDir)];
  for (const file of files) {
    it(`${path.basename(file)}: the same result as checkTrace`, async () => {
      const want = await expected(file);
      const forced: ParallelCheckOptions = { workers: 2, forceWorkers: true, workerPath };
      assert.deepStrictEqual(await checkTraceParallel(file, forced), want, 'two workers, main thread helping');
      assert.deepStrictEqual(await checkTraceParallel(file, { ...forced, workers: 1, mainThreadDecodes: false }), want, 'one worker alone');
      // Not forced: a small trace is decoded in-thread.
      assert.deepStrictEqual(await checkTraceParallel(file, { workerPath }), want, 'in-thread');
    });
  }

  /** Many generations, each with framing problems and more event problems than the limits keep. */
  function hostile(): Uint8Array {
    const w = new TraceWriter(26);
    for (let gen = 1; gen <= 12; gen++) {
      const g = w.generation(gen);
      const b = g.batch(1, gen * 1000).event('ProcStatus', { p: 0, pstatus: ProcStatus.Running }).event('GoStatus', { g: 1, m: 1, gstatus: GoStatus.Running });
      for (let i = 0; i < 40 + gen; i++) b.event('GoBlock', { reason_string: 1000n + BigInt(i), stack: gen % 2 === 0 ? 5000n + BigInt(i) : 0 });
      g.batch(2, gen * 1000 + 1).event('ProcStatus', { p: 1, pstatus: ProcStatus.Running }).rawEvent(200, [1]);
      // A stack whose PC has no frame: a framing (validation) problem of this generation.
      g.stacks([{ id: 1, frames: [], nframes: 1 }]);
    }
    return w.bytes();
  }

  for (const limits of [undefined, { total: 30, perCodeAndGeneration: 3 }, { total: 100000, perCodeAndGeneration: 5 }]) {
    it(`merges problems in checkTrace's order with their omitted counts (limits ${JSON.stringify(limits)})`, async () => {
      const bytes = hostile();
      const options: TraceReaderOptions = limits ? { problemLimits: limits } : {};
      const want = await checkTrace(memorySource(bytes), options);
      assert.ok(want.problems.length > 10);
      assert.equal(want.problems[want.problems.length - 1].code, 'too-many-problems');
      for (const workers of [1, 2, 3]) {
        for (const mainThreadDecodes of [true, false]) {
          const got = await checkTraceParallel(memorySource(bytes), { ...options, workers, forceWorkers: true, mainThreadDecodes, workerPath });
          assert.deepStrictEqual(got, want, `workers=${workers} mainThreadDecodes=${mainThreadDecodes}`);
        }
      }
      // Payloads not retained by the reader: the jobs read them again.
      const got = await checkTraceParallel(memorySource(bytes), { ...options, maxRetainedBytes: 0, workers: 2, forceWorkers: true, workerPath });
      assert.deepStrictEqual(got, want, 'not retained');
    });
  }

  it('says clearly when the worker bundle is missing', async () => {
    const file = path.join(dir, 'two.trace');
    writeFileSync(file, hostile());
    await assert.rejects(
      checkTraceParallel(file, { workers: 1, forceWorkers: true, workerPath: path.join(dir, 'nowhere', 'decodeWorker.js') }),
      /decode worker .*decodeWorker\.js is missing/,
    );
  });

  it('finds decodeWorker.js next to the running code by default', async () => {
    // Under tsc's output that is out/src/node/decodeWorker.js; in a bundle, dist/decodeWorker.js.
    const bytes = hostile();
    const got = await checkTraceParallel(memorySource(bytes), { workers: 1, forceWorkers: true });
    assert.deepStrictEqual(got, await checkTrace(memorySource(bytes)));
  });
});
