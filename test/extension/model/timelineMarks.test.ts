/**
 * The reading's problems as marks on the timeline's ruler, and a flight-recorder snapshot's
 * window. On real broken traces each mark is within the trace and, where the problem is an event,
 * at the event's time (as "Show in Timeline" places the event's row); a problem of no generation
 * is left out; the marks are capped. A snapshot's layout has its window over the whole span.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { existsSync } from 'node:fs';
import { memorySource } from '../../../src/parser/bytes/byteSource.js';
import { openFileSource } from '../../../src/node/fileSource.js';
import type { Problem } from '../../../src/parser/index.js';
import { TraceModel } from '../../../src/extension/model/traceModel.js';
import type { GenerationInfo } from '../../../src/extension/model/generationIndex.js';
import { problemNodeId } from '../../../src/extension/model/problemNodes.js';
import { MAX_MARKS, problemMarks, withMarks } from '../../../src/extension/model/timelineMarks.js';
import { sharedTracesDir } from '../../support/paths.js';
import { GoStatus, ProcStatus, TraceWriter } from '../../support/traceWriter.js';
import { closeModels, readModel } from './modelTestSupport.js';

const shared = (name: string) => path.join(sharedTracesDir, name);

async function readFile(file: string): Promise<TraceModel> {
  const model = new TraceModel(await openFileSource(file), path.basename(file), { timeline: true });
  await model.readAll();
  return model;
}

/** A valid Go 1.26 trace whose generations are numbered from `first`: a snapshot when first > 1. */
function numberedFrom(first: number, count: number): Uint8Array {
  const w = new TraceWriter(26);
  for (let gen = first; gen < first + count; gen++) {
    w.generation(gen)
      .batch(1, 1000 * gen)
      .event('ProcStatus', { p: 0, pstatus: ProcStatus.Running })
      .event('GoStatus', { g: 1, m: 1, gstatus: GoStatus.Running });
  }
  return w.build().bytes;
}

describe('extension/model/timelineMarks', function () {
  this.timeout(120_000);
  after(closeModels);

  const truncated = shared('broken-go1.25-flight-trunc-midbatch.trace');
  (existsSync(truncated) ? it : it.skip)('marks each problem of a truncated snapshot within the trace, an event problem at its event’s time', async () => {
    const model = await readFile(truncated);
    try {
      const layout = model.timeline.layout();
      assert.equal(layout.complete, true);
      const marks = layout.marks ?? [];
      const problems = model.problems.filter((p) => p.generationIndex !== undefined);
      assert.equal(marks.length, problems.length);
      assert.ok(marks.length > 10, `${marks.length} marks`);
      for (let k = 1; k < marks.length; k++) assert.ok(marks[k - 1].ns <= marks[k].ns, 'in time order');
      for (const m of marks) assert.ok(m.ns >= 0 && m.ns <= layout.durationNs, `${m.ns} in [0, ${layout.durationNs}]`);
      // An event problem's mark is where "Show in Timeline" puts the event's row.
      let events = 0;
      for (const p of problems) {
        const id = problemNodeId(p, model.generations);
        if (!id || !/\/e\d+$/.test(id)) continue;
        const place = await model.timelinePlace(id);
        assert.ok(place, id);
        const text = `${p.message} (${p.code})`;
        assert.ok(
          marks.some((m) => m.ns === place.startNs && m.text === text && m.severity === p.severity),
          `${text} at ${place.startNs}: ${JSON.stringify(marks.filter((m) => m.text === text).map((m) => m.ns))}`,
        );
        events++;
      }
      assert.ok(events > 10, `${events} event problems`);
      // Not all at one place: the events' times differ.
      assert.ok(new Set(marks.map((m) => m.ns)).size > 5);
    } finally {
      await model.source.close?.();
    }
  });

  const garbage = shared('broken-go1.25-flight-garbage-appended.trace');
  (existsSync(garbage) ? it : it.skip)('marks bytes after the last generation at its end', async () => {
    const model = await readFile(garbage);
    try {
      const layout = model.timeline.layout();
      const g = model.generations[model.generations.length - 1];
      assert.deepEqual(
        layout.marks?.map((m) => [m.severity, m.ns]),
        [['error', g.endNs - model.traceStartNs]],
      );
      assert.match(layout.marks![0].text, /\(trailing-garbage\)$/);
    } finally {
      await model.source.close?.();
    }
  });

  it('marks a missing end of generation at its generation’s end, where the event belonged (a committed fixture)', async () => {
    const model = await readModel('broken-go1.26-manyg-eog-removed.trace', { timeline: true });
    const layout = model.timeline.layout();
    const p = model.problems.find((x) => x.code === 'missing-end-of-generation')!;
    const g = model.generations[p.generationIndex!];
    // The problem lies at the next generation's batch, past this generation's bytes.
    assert.ok(p.offset >= g.end);
    assert.deepEqual(layout.marks, [{ ns: g.endNs - model.traceStartNs, severity: 'error', text: `${p.message} (missing-end-of-generation)` }]);
  });

  it('has no marks and no window for a sound trace that starts at generation 1', async () => {
    const model = await readModel('go1.26-manyg.trace', { timeline: true });
    const layout = model.timeline.layout();
    assert.equal(layout.marks, undefined);
    assert.equal(layout.window, undefined);
  });

  it('shows a snapshot’s window over the whole span, with its generations', async () => {
    const model = new TraceModel(memorySource(numberedFrom(41, 3)), 'snapshot.trace', { timeline: true });
    await model.readAll();
    const layout = model.timeline.layout();
    assert.ok(layout.durationNs > 0);
    assert.deepEqual(layout.window, { startNs: 0, endNs: layout.durationNs, text: 'Flight-recorder snapshot: generations 41–43 of the run' });
    const whole = new TraceModel(memorySource(numberedFrom(1, 2)), 'whole.trace', { timeline: true });
    await whole.readAll();
    assert.equal(whole.timeline.layout().window, undefined);
  });

  const flight = shared('go1.26-flight.trace');
  (existsSync(flight) ? it : it.skip)('shows the window of a real flight-recorder trace', async () => {
    const model = await readFile(flight);
    try {
      const layout = model.timeline.layout();
      const n = model.generations[0].genNumber;
      assert.notEqual(n, 1);
      assert.deepEqual(layout.window, { startNs: 0, endNs: layout.durationNs, text: `Flight-recorder snapshot: generation ${n} of the run` });
    } finally {
      await model.source.close?.();
    }
  });
});

describe('extension/model/timelineMarks: problemMarks', () => {
  const gen = (genIndex: number, startNs: number, endNs: number): GenerationInfo =>
    ({ genIndex, genNumber: genIndex + 1, offset: genIndex * 100, end: genIndex * 100 + 100, startNs, endNs, batches: [{ eventCount: 3 }, { eventCount: 0 }] }) as unknown as GenerationInfo;
  const generations = [gen(0, 1000, 2000), gen(1, 3000, 4000)];
  const problem = (p: Partial<Problem>): Problem => ({ code: 'bad-state-transition', severity: 'error', message: 'm', offset: 10, ...p });
  const times = new Map([['0/0/1', 1500], ['1/0/2', 3500], ['1/0/0', NaN]]);
  const event = async (at: { genIndex: number; batch: number; event: number }) => {
    const key = `${at.genIndex}/${at.batch}/${at.event}`;
    if (key === '0/0/2') throw new Error('cannot decode');
    return { time: times.get(key) ?? NaN };
  };

  it('places events at their time, the rest at their generation, and leaves out what has no generation', async () => {
    const marks = await problemMarks({
      generations,
      event,
      problems: [
        problem({ generationIndex: 1, batch: 0, event: 2, message: 'late' }),
        problem({ generationIndex: 0, batch: 0, event: 1, severity: 'warning', message: 'early' }),
        problem({ message: 'header', code: 'not-a-trace' }),
        problem({ generationIndex: 1, batch: 0, event: 0, message: 'no time' }),
        problem({ generationIndex: 0, batch: 0, event: 2, message: 'undecodable' }),
        problem({ generationIndex: 0, batch: 1, event: 5, message: 'not a row' }),
        problem({ generationIndex: 1, offset: 250, message: 'past the end' }),
        problem({ generationIndex: 7, message: 'no such generation' }),
      ],
    });
    assert.deepEqual(
      marks.map((m) => [m.ns, m.severity, m.text]),
      [
        [1000, 'error', 'm (bad-state-transition)'.replace('m', 'undecodable')],
        [1000, 'error', 'not a row (bad-state-transition)'],
        [1500, 'warning', 'early (bad-state-transition)'],
        [3000, 'error', 'no time (bad-state-transition)'],
        [3500, 'error', 'late (bad-state-transition)'],
        [4000, 'error', 'past the end (bad-state-transition)'],
      ],
    );
  });

  it('caps the marks', async () => {
    const many = Array.from({ length: MAX_MARKS + 50 }, () => problem({ generationIndex: 0 }));
    assert.equal((await problemMarks({ generations, event, problems: many })).length, MAX_MARKS);
    assert.equal((await problemMarks({ generations, event, problems: many }, 7)).length, 7);
  });

  it('counts the layout’s marks from the origin', () => {
    const layout = withMarks({ durationNs: 10, generations: [], lanes: [], groups: [], complete: true }, { marks: [{ ns: 1005, severity: 'info', text: '<b>x</b>' }] }, 1000);
    assert.deepEqual(layout.marks, [{ ns: 5, severity: 'info', text: '<b>x</b>' }]);
    assert.equal(layout.window, undefined);
  });
});
