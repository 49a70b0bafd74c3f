import * as assert from 'node:assert/strict';
import { flightRecorderWindow, wallClock } from '../../../src/extension/model/summary.js';
import { closeModels, readModel } from './modelTestSupport.js';

describe('summary', () => {
  after(closeModels);

  it('counts what a complete trace holds', async () => {
    const model = await readModel('go1.26-annot.trace');
    const s = model.summary();
    assert.equal(s.formatVersion, 26);
    assert.equal(s.done, true);
    assert.equal(s.parsedBytes, s.fileSize);
    assert.equal(s.generations, model.generations.length);
    assert.equal(s.firstGeneration, 1);
    assert.equal(s.flightRecorderWindow, undefined);
    assert.equal(s.events, model.generations.reduce((n, g) => n + g.eventCount, 0));
    assert.ok(s.threads > 0 && s.procs > 0 && s.goroutines > 0);
    assert.ok(s.durationNs! > 0);
    assert.match(s.wallClockStart!, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}Z$/);
    assert.deepEqual(s.problems, { errors: 0, warnings: 0, infos: 0 });
    assert.equal(s.banner, undefined);
  });

  it('counts CPU samples', async () => {
    const model = await readModel('go1.26-cpuprof.trace');
    assert.ok(model.summary().cpuSamples > 0);
  });

  it('says what a truncated trace still holds', async () => {
    const model = await readModel('broken-go1.26-manyg-trunc-midbatch.trace');
    const s = model.summary();
    assert.equal(s.banner?.severity, 'warning');
    assert.match(s.banner!.text, /truncated/);
    assert.match(s.banner!.text, /can still be read: \d+ generations? \(\d+ complete\), \d+ events/);
  });

  it('names a v1 trace, read whole as one generation; no banner when Go can read it', async () => {
    const model = await readModel('go1.19-annot.trace');
    const s = model.summary();
    assert.equal(s.formatVersion, 19);
    assert.equal(s.goReleases, 'Go 1.19 to 1.20');
    assert.equal(s.generations, 1);
    assert.equal(s.parsedBytes, s.fileSize);
    assert.equal(s.banner, undefined);
    await model.summarize();
    assert.equal(model.summary().banner, undefined);
  });

  it('says which window of the run a flight-recorder snapshot holds', () => {
    assert.equal(flightRecorderWindow(1, 5), undefined);
    assert.equal(flightRecorderWindow(41, 45), 'generations 41–45 of the run');
    assert.equal(flightRecorderWindow(7, 7), 'generation 7 of the run');
  });

  it('writes the wall clock with its nanoseconds', () => {
    assert.equal(wallClock(0, 5), '1970-01-01T00:00:00.000000005Z');
    assert.equal(wallClock(1e300, 0), undefined);
  });
});
