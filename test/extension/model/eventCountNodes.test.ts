import * as assert from 'node:assert/strict';
import { EVENT_COUNTS_ID } from '../../../src/extension/model/nodeIds.js';
import { closeModels, readModel } from './modelTestSupport.js';

// The Event counts root and the header count the same events: those in the generations' batches
// (no Sync, which the reader adds, and the CPU samples apart).
describe('Event counts agree with the header and the generation rows', () => {
  after(closeModels);
  for (const name of ['go1.22-annot.trace', 'go1.23-cpuprof.trace', 'go1.25-manyg.trace', 'go1.26-syscalls.trace', 'go1.27-cpuprof.trace']) {
    it(name, async () => {
      const model = await readModel(name);
      await model.summarize();
      const counts = model.summaries!.eventCounts;
      assert.equal(counts.length, model.generations.length);
      for (const c of counts) assert.equal(c.total, model.generations[c.generation].eventCount, `generation ${c.generation}`);
      assert.equal(counts.reduce((a, c) => a + c.total, 0), model.summary().events);
      assert.equal(counts.reduce((a, c) => a + c.cpuSamples, 0), model.summary().cpuSamples);
      const root = (await model.getChildren('v', 'generations', '', 0, 100)).items.find((n) => n.id === EVENT_COUNTS_ID)!;
      assert.match(root.description!, new RegExp(`^${model.summary().events} events of \\d+ types in ${counts.length} generations? \\(no Syncs\\)`));
      const gens = await model.getChildren('v', 'generations', EVENT_COUNTS_ID, 0, 100);
      for (const [i, row] of gens.items.entries()) assert.match(row.description!, new RegExp(`^${model.generations[counts[i].generation].eventCount} events?,`));
    });
  }
});
