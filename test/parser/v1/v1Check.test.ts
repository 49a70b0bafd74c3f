/** go-trace check on v1 traces: checkTrace and checkTraceParallel read them as Go does. */
import * as assert from 'node:assert/strict';
import { memorySource } from '../../../src/parser/bytes/byteSource.js';
import { checkTrace } from '../../../src/parser/check.js';
import { checkTraceParallel } from '../../../src/node/parallelCheck.js';
import { CASES, caseBytes, goodTrace } from './v1Cases.js';
import { GO_PARSED } from './v1CasesGo.js';

describe('check of v1 traces', () => {
  it('finds nothing wrong with a good one, and counts what it read', async () => {
    const r = await checkTrace(memorySource(goodTrace().build().bytes));
    assert.deepEqual(r.problems, []);
    assert.equal(r.header?.version, 19);
    assert.deepEqual([r.generations, r.batches, r.cpuSamples], [1, 2, 0]);
    // Every event of the ordered stream, as Go prints them.
    assert.equal(r.events, GO_PARSED.good19.stdout.split('\n').filter((l) => l.startsWith('M=')).length);
  });

  it("reports Go's one problem, with its code and offset", async () => {
    for (const name of ['noOrdering', 'cutString', 'futileWakeup', 'taskConflict']) {
      const c = CASES[name];
      const r = await checkTrace(memorySource(caseBytes(c)));
      assert.equal(r.problems.length, 1, name);
      assert.equal(r.problems[0].code, c.code, name);
      assert.equal(r.problems[0].severity, 'error', name);
    }
  });

  it('is done in-thread by the parallel check too', async () => {
    const bytes = caseBytes(CASES.noOrdering);
    const r = await checkTraceParallel(memorySource(bytes), { workers: 1, forceWorkers: true, workerPath: '/nonexistent' });
    assert.deepEqual(r.problems.map((p) => p.message), ['no consistent ordering of events possible']);
  });
});
