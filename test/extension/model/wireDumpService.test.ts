import * as assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { memorySource, openTrace, RawReader, WireError, type RawEvent } from '../../../src/parser/index.js';
import { manyGenerationsTrace } from '../../support/manyGenerationsTrace.js';
import { openFileSource } from '../../../src/node/fileSource.js';
import { modelBoundaries, wireDumpOf } from '../../../src/extension/model/modelWireDump.js';
import { WireDumpService, withWireLines } from '../../../src/extension/model/wireDumpService.js';
import { buildWireWindow } from '../../../src/extension/model/wireDumpWindow.js';
import { TraceModel } from '../../../src/extension/model/traceModel.js';
import { sharedTracesDir } from '../../support/paths.js';
import { closeModels, fixture, readModel } from './modelTestSupport.js';

/** The whole dump in one window (what the windows are checked against) and its lines. */
async function wholeDump(model: TraceModel): Promise<{ lines: string[]; lineOf: (offset: number) => number; offsets: number[] }> {
  const t = await openTrace(model.source);
  const w = await buildWireWindow(model.source, { kind: t.kind, version: t.version, headerSize: t.headerSize }, { fileName: 'x', start: 0, withText: true, maxLines: Infinity });
  // every event's offset, from Go's raw reader over the whole file
  const offsets: number[] = [];
  const reader = await RawReader.open(model.source);
  try {
    for (let ev: RawEvent | null; (ev = await reader.next()) !== null; ) offsets.push(ev.offset);
  } catch (e) {
    if (!(e instanceof WireError)) throw e;
  }
  return { lines: w.text.split('\n'), lineOf: (o) => w.map.lineOf(o), offsets };
}

describe('wire dump service (windows in the parse worker)', () => {
  after(closeModels);

  it('a window around a byte anywhere in a multi-generation trace holds its event, at the returned line', async () => {
    const model = await readModel('go1.26-manyg.trace');
    assert.equal(model.generations.length, 2);
    const whole = await wholeDump(model);
    const service = new WireDumpService(model.source, 'x', modelBoundaries(model.generations), 120);
    let deep = 0;
    // each event's first byte, and a byte inside it
    for (const x of whole.offsets.flatMap((o, i) => [o, i + 1 < whole.offsets.length ? whole.offsets[i + 1] - 1 : o])) {
      const w = await service.window({ kind: 'around', offset: x });
      const lines = w.text.split('\n');
      assert.equal(lines[w.line], whole.lines[whole.lineOf(x)], `byte ${x}`);
      assert.ok(w.start <= x && (w.cutAt === undefined || x < w.cutAt), `byte ${x} is in [${w.start}, ${w.cutAt})`);
      // a third of the window above the event when there is that much
      if (!w.atStart) {
        deep++;
        assert.ok(w.line >= 1 + 40 && w.line < 60, `byte ${x}: line ${w.line}`);
        assert.match(lines[0], /earlier events are in the window before/);
      }
    }
    assert.ok(deep > whole.offsets.length / 2);
  });

  it('the window before one ends past its start, at the returned line; the first one names no offset', async () => {
    const model = await readModel('go1.26-manyg.trace');
    const whole = await wholeDump(model);
    const service = new WireDumpService(model.source, 'x', modelBoundaries(model.generations), 100);
    let w = await service.window({ kind: 'around', offset: model.source.size - 1 });
    let steps = 0;
    while (!w.atStart) {
      const before = await service.window({ kind: 'before', offset: w.start });
      assert.ok(before.start < w.start);
      assert.ok(before.cutAt !== undefined && before.cutAt > w.start);
      assert.equal(before.text.split('\n')[before.line], whole.lines[whole.lineOf(w.start)]);
      w = before;
      steps++;
    }
    assert.ok(steps >= 10, `${steps} windows back to the start`);
    assert.equal(w.start, 16);
  });

  it('a window asked for by an offset inside an event starts at that event', async () => {
    const model = await readModel('go1.26-manyg.trace');
    const whole = await wholeDump(model);
    const service = new WireDumpService(model.source, 'x', modelBoundaries(model.generations), 100);
    const x = whole.offsets[500];
    const exact = await service.window({ kind: 'start', offset: x });
    const inside = await service.window({ kind: 'start', offset: whole.offsets[501] - 1 });
    assert.equal(inside.start, exact.start);
    assert.equal(exact.line, 0);
    assert.equal(exact.text.split('\n')[1], whole.lines[whole.lineOf(x)]);
    // the window after it starts where it was cut
    const next = await service.window({ kind: 'start', offset: exact.cutAt! });
    assert.equal(next.start, exact.cutAt);
    assert.equal(next.text.split('\n')[1], whole.lines[whole.lineOf(exact.cutAt!)]);
  });

  it("places each problem in a window, at its event's line (the Problems panel's links)", async () => {
    const model = await readModel('broken-go1.26-manyg-trunc-midbatch.trace');
    const whole = await wholeDump(model);
    const service = new WireDumpService(model.source, 'x', modelBoundaries(model.generations), 100);
    const fake = whole.offsets.filter((_, i) => i % 97 === 0).map((offset) => ({ code: 'x', severity: 'error' as const, message: 'm', offset }));
    const problems = [...model.problemItems(), ...fake];
    assert.ok(model.problemItems().length > 0);
    const placed = await withWireLines(service, problems);
    let windowed = 0;
    for (const p of placed) {
      assert.notEqual(p.wireLine, undefined);
      const w = await service.window({ kind: 'start', offset: p.wireStart ?? 0 });
      assert.equal(w.atStart, p.wireStart === undefined);
      assert.equal(w.text.split('\n')[p.wireLine!], whole.lines[whole.lineOf(p.offset)], `problem at byte ${p.offset}`);
      if (p.wireStart !== undefined) windowed++;
    }
    assert.ok(windowed > 5);
  });

  it('gives a file that is not a trace no wire lines', async () => {
    const source = await openFileSource(fixture('go1.26-manyg.wire.txt'));
    try {
      const model = new TraceModel(source, 'x');
      await model.readAll();
      const problems = model.problemItems();
      assert.ok(problems.length > 0);
      assert.deepEqual(await withWireLines(wireDumpOf(model), problems), problems);
    } finally {
      await source.close?.();
    }
  });

  it('72,000 lines in 4 generations: the default window around an event deep in the last one holds its line, and says where it is', async () => {
    const trace = manyGenerationsTrace({ generations: 4, batchesPerGeneration: 3, eventsPerBatch: 6000 });
    const source = memorySource(trace.bytes);
    const model = new TraceModel(source, 'many.trace');
    await model.readAll();
    assert.equal(model.generations.length, 4);
    const service = wireDumpOf(model);
    const events = trace.events.filter((e) => e.name === 'GoStatus');
    for (const e of [events[events.length - 1], events[events.length - 7000], events[30_000]]) {
      const gen = Number(e.args[0]);
      const w = await service.window({ kind: 'around', offset: e.offset + 1 });
      const lines = w.text.split('\n');
      assert.equal(lines[w.line], `GoStatus dt=${gen} g=${e.args[1]} m=1 gstatus=4`);
      assert.equal(w.atStart, false);
      assert.ok(w.line > 16_000 && w.line < 17_000, `line ${w.line}`);
      assert.ok(lines.length < 50_000 + 10);
      const genOf = (o: number): number => model.generations.find((g) => o >= g.offset && o < g.end)!.genNumber;
      const end = w.cutAt ?? trace.bytes.length;
      const gens = genOf(w.start) === genOf(end - 1) ? `generation ${gen}` : `generations ${genOf(w.start)} to ${genOf(end - 1)}`;
      assert.match(lines[0], new RegExp(`^# go-trace wire many\\.trace \\(${trace.bytes.length} bytes\\), one window of the dump: the raw events from byte ${w.start} to byte ${end} \\(${gens}\\)`));
      if (w.cutAt !== undefined) assert.match(lines[lines.length - 2], new RegExp(`^# CUT here, at byte ${w.cutAt}: the dump goes on`));
    }
  });

  const big = path.join(sharedTracesDir, 'go1.26-httpload.trace');
  (existsSync(big) ? it : it.skip)('go1.26-httpload.trace (137,766 lines): the default window around its last events', async () => {
    const source = await openFileSource(big);
    after(() => source.close?.());
    const model = new TraceModel(source, 'go1.26-httpload.trace');
    await model.readAll();
    const whole = await wholeDump(model);
    const service = wireDumpOf(model);
    for (const x of [whole.offsets[whole.offsets.length - 3], whole.offsets[Math.floor(whole.offsets.length / 2)]]) {
      const w = await service.window({ kind: 'around', offset: x });
      assert.equal(w.atStart, false);
      assert.ok(w.text.split('\n').length < 60_000);
      assert.equal(w.text.split('\n')[w.line], whole.lines[whole.lineOf(x)], `byte ${x}`);
    }
  });
});
