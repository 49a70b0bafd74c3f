/**
 * Fuzzing on mutated real traces: whatever the bytes, the reader, the wire dump, the ordered
 * stream and the summaries end with a problem list or an error message, never an exception, a
 * hang or runaway memory. Seeds are
 * fixed so failures replay; set FUZZ_ITERATIONS and FUZZ_SEED to fuzz longer.
 */
import * as assert from 'node:assert/strict';
import { readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { memorySource } from '../../src/parser/bytes/byteSource.js';
import { checkTrace } from '../../src/parser/check.js';
import { dumpWire } from '../../src/parser/wire/wireDump.js';
import { formatEvent } from '../../src/parser/order/formatEvent.js';
import { OrderedReader } from '../../src/parser/order/orderedReader.js';
import { summarizeTrace } from '../../src/parser/summary/summarize.js';
import { V1OrderedReader } from '../../src/parser/v1/v1OrderedReader.js';
import { dumpV1Wire } from '../../src/parser/v1/v1WireDump.js';
import { isV1Trace } from '../support/golden.js';
import { mutate } from '../support/mutate.js';
import { fixturesDir, sharedTracesDir, traceFiles, tracev1Files } from '../support/paths.js';
import { seededRandom } from '../support/random.js';
import { cpuSamples, goodTrace } from './v1/v1Cases.js';

const ITERATIONS = Number(process.env.FUZZ_ITERATIONS ?? 300);
const BASE_SEED = Number(process.env.FUZZ_SEED ?? 1);
const V1_ITERATIONS = Number(process.env.FUZZ_V1_ITERATIONS ?? 200);

/** Small v2 traces make fast, varied inputs. */
function corpus(): { name: string; bytes: Uint8Array }[] {
  const files = [...traceFiles(fixturesDir), ...traceFiles(sharedTracesDir)].filter((f) => {
    const size = statSync(f).size;
    return size > 16 && size < 300_000;
  });
  return files.map((f) => ({ name: path.basename(f), bytes: new Uint8Array(readFileSync(f)) }));
}

/** Small v1 traces: the committed and shared ones, Go's v1 test traces, and hand-built ones. */
function v1Corpus(): { name: string; bytes: Uint8Array }[] {
  const files = [...traceFiles(fixturesDir), ...traceFiles(sharedTracesDir), ...tracev1Files()].filter((f) => {
    const size = statSync(f).size;
    return size > 16 && size < 40_000 && isV1Trace(f);
  });
  return [
    ...files.map((f) => ({ name: path.basename(f), bytes: new Uint8Array(readFileSync(f)) })),
    { name: 'hand-built good', bytes: goodTrace(21).build().bytes },
    { name: 'hand-built CPU samples', bytes: cpuSamples().build().bytes },
  ];
}

describe('fuzz: mutated real traces', function () {
  this.timeout(300_000);
  const inputs = corpus();
  if (inputs.length === 0) {
    it.skip('no traces to mutate');
    return;
  }

  it(`${ITERATIONS} mutations: no exception escapes, every run ends with a problem list`, async () => {
    for (let i = 0; i < ITERATIONS; i++) {
      const seed = BASE_SEED + i;
      const random = seededRandom(seed);
      const base = inputs[Math.floor(random() * inputs.length)];
      const { bytes, applied } = mutate(base.bytes, random);
      const where = `seed ${seed} on ${base.name}: ${applied.join(', ')}`;
      // Small chunks exercise chunk boundaries inside headers, varints and strings.
      const chunkSize = random() < 0.5 ? 4 << 20 : 1 + Math.floor(random() * 4096);
      let result;
      try {
        result = await checkTrace(memorySource(bytes), { chunkSize });
      } catch (e) {
        assert.fail(`check threw (${where}): ${e instanceof Error ? e.stack : e}`);
      }
      assert.ok(Array.isArray(result.problems), where);
      assert.ok(result.problems.length <= 2001, `unbounded problem list (${where})`);
      let out = 0;
      try {
        await dumpWire(memorySource(bytes), (text) => {
          out += text.length;
        }, { chunkSize });
      } catch (e) {
        assert.fail(`wire dump threw (${where}): ${e instanceof Error ? e.stack : e}`);
      }
      assert.ok(out < bytes.length * 200 + 1e6, `wire output out of proportion (${where})`);
      // The ordered stream, every event printed, and the summaries: an error ends them, never an exception.
      try {
        const r = await OrderedReader.open(memorySource(bytes), { chunkSize, reuseEvents: random() < 0.5 });
        let text = 0;
        for (;;) {
          const e = r.next();
          if (e) {
            text += formatEvent(e).length;
            continue;
          }
          if (r.needsGeneration) {
            await r.loadGeneration();
            continue;
          }
          break;
        }
        assert.ok(text < bytes.length * 400 + 1e6, `parsed output out of proportion (${where})`);
        const summaries = await summarizeTrace(memorySource(bytes), { chunkSize });
        // Every row reads back as a summary.
        for (const g of summaries.goroutines.values()) assert.ok(Number.isFinite(g.id) && g.events >= 0, where);
      } catch (e) {
        if (e instanceof assert.AssertionError) throw e;
        assert.fail(`ordered stream threw (${where}): ${e instanceof Error ? e.stack : e}`);
      }
    }
  });

  it(`${V1_ITERATIONS} mutations of v1 traces: the stream, its text, the check and the dump never throw`, async () => {
    const v1 = v1Corpus();
    for (let i = 0; i < V1_ITERATIONS; i++) {
      const seed = BASE_SEED + 100_000 + i;
      const random = seededRandom(seed);
      const base = v1[Math.floor(random() * v1.length)];
      const { bytes, applied } = mutate(base.bytes, random);
      const where = `seed ${seed} on ${base.name}: ${applied.join(', ')}`;
      let text = 0;
      try {
        const r = await V1OrderedReader.open(memorySource(bytes));
        await r.loadGeneration();
        // Every event printed: the details are worked out lazily, when read.
        for (let e; (e = r.next()); ) text += formatEvent(e).length;
        assert.ok(r.problems.length <= 1, where);
        if (r.failure) assert.equal(r.failure.severity, 'error', where);
        const check = await checkTrace(memorySource(bytes));
        assert.ok(Array.isArray(check.problems), where);
        await dumpV1Wire(memorySource(bytes), (t) => void (text += t.length));
      } catch (e) {
        assert.fail(`v1 threw (${where}): ${e instanceof Error ? e.stack : e}`);
      }
      assert.ok(text < bytes.length * 2000 + 1e6, `output out of proportion (${where})`);
    }
  });

  it("replays Go's own fuzz corpus without an exception", async function () {
    // Go's corpus files are "go test fuzz v1" with a []byte literal; decode the quoted bytes.
    const { sharedGoTestdataDir } = await import('../support/paths.js');
    const { readdirSync, existsSync } = await import('node:fs');
    const dir = path.join(sharedGoTestdataDir, 'fuzz', 'FuzzReader');
    if (!existsSync(dir)) this.skip();
    const { tryGoUnquote } = await import('../../src/parser/text/goUnquote.js');
    let n = 0;
    for (const f of readdirSync(dir)) {
      const text = readFileSync(path.join(dir, f), 'utf8');
      const m = /\[\]byte\(("(?:[^"\\]|\\.)*")\)/.exec(text);
      if (!m) continue;
      const bytes = tryGoUnquote(m[1]);
      if (!bytes) continue;
      const r = await checkTrace(memorySource(bytes));
      assert.ok(Array.isArray(r.problems), f);
      n++;
    }
    assert.ok(n > 0, 'no corpus entry decoded');
  });
});
