import * as assert from 'node:assert/strict';
import { GOROUTINES_ID, goroutineEventId, goroutineNodeId, parseNodeId, REGIONS_ID, TASKS_ID } from '../../../src/extension/model/nodeIds.js';
import { TraceModel } from '../../../src/extension/model/traceModel.js';
import { memorySource } from '../../../src/parser/bytes/byteSource.js';
import { openFileSource } from '../../../src/node/fileSource.js';
import { closeModels, fixture, readModel, taskRows } from './modelTestSupport.js';

describe('TraceModel: Goroutines, Tasks and Regions roots', () => {
  after(closeModels);

  it('parses the summary node IDs', () => {
    assert.deepEqual(parseNodeId(GOROUTINES_ID), { kind: 'goroutines' });
    assert.deepEqual(parseNodeId(goroutineNodeId(5)), { kind: 'goroutine', goroutine: 5 });
    assert.deepEqual(parseNodeId(goroutineEventId(5, 3)), { kind: 'goroutineEvent', goroutine: 5, event: 3 });
    assert.deepEqual(parseNodeId('goroutines/g5/e3/f1'), { kind: 'goroutineFrame', goroutine: 5, event: 3, frame: 1 });
    assert.deepEqual(parseNodeId('tasks/t2'), { kind: 'task', task: 2 });
    assert.deepEqual(parseNodeId('regions/r0'), { kind: 'region', region: 0 });
    assert.equal(parseNodeId('goroutines/gx'), undefined);
  });

  it('shows the summary roots first: computing while the file is read, filled in when it is read', async () => {
    const source = await openFileSource(fixture('go1.26-annot.trace'));
    const reading = new TraceModel(source, 'go1.26-annot.trace');
    await reading.open();
    assert.ok(await reading.readNextGeneration());
    const early = await reading.getChildren('v', 'generations', '', 0, 100);
    assert.deepEqual(early.items.slice(0, 6).map((n) => n.label), ['Goroutines', 'Procs', 'Threads', 'Tasks', 'Regions', 'Event counts']);
    assert.ok(early.items.slice(0, 6).every((n) => n.kind === 'summaryRoot' && n.childCount === 0 && /^computing… \d+%$/.test(n.description!)));
    assert.equal(early.items[6].kind, 'generation');
    await source.close?.();

    // readAll runs the analysis pass beside the reading: done when the file is read.
    const model = await readModel('go1.26-annot.trace');
    let progress = 0;
    assert.ok(await model.summarize(() => void progress++));
    assert.equal(progress, 0, 'nothing left to compute');
    const roots = await model.getChildren('v', 'generations', '', 0, 100);
    assert.equal(roots.total, model.generations.length + 6);
    assert.equal(model.rootCount(), roots.total);
    assert.deepEqual(roots.items.slice(0, 6).map((n) => n.label), ['Goroutines', 'Procs', 'Threads', 'Tasks', 'Regions', 'Event counts']);
    assert.ok(roots.items.slice(0, 6).every((n) => n.kind === 'summaryRoot' && n.childCount > 0));
    assert.equal(roots.items[6].kind, 'generation');
    const summary = model.summary();
    assert.equal(summary.summaries, 'done');
    assert.equal(summary.goroutines, 13);
    assert.equal(summary.tasks, 8);
    assert.equal(summary.regions, 11);

    const gs = await model.getChildren('v', 'generations', GOROUTINES_ID, 0, 5);
    assert.equal(gs.total, 13);
    assert.equal(gs.items.length, 5);
    const main = gs.items.find((n) => n.label === 'G 1  main.main')!;
    assert.ok(main, gs.items.map((n) => n.label).join(', '));
    assert.equal(main.kind, 'goroutine');
    assert.match(main.description!, /^running .*, runnable .*, blocked .*, syscall /);
    assert.ok(main.childCount > 0);
    const events = await model.getChildren('v', 'generations', main.id, 0, 1000);
    assert.ok(events.total > 0);
    assert.ok(events.items.every((n) => n.kind === 'event'));
    assert.ok(events.items.some((n) => n.label === 'UserTaskBegin'), events.items.map((n) => n.label).join(' '));
    const withStack = events.items.find((n) => n.childCount > 0)!;
    const frames = await model.getChildren('v', 'generations', withStack.id, 0, 100);
    assert.equal(frames.total, withStack.childCount);
    assert.equal(frames.items[0].kind, 'frame');
    assert.ok(frames.items[0].frame!.func.length > 0);
    // paged
    const second = await model.getChildren('v', 'generations', main.id, 1, 1);
    assert.equal(second.items[0].id, events.items[1].id);
    assert.deepEqual(model.pathTo(withStack.id), { path: [GOROUTINES_ID, main.id], select: withStack.id });

    const top = await model.getChildren('v', 'generations', TASKS_ID, 0, 100);
    assert.equal(top.total, 2, 'the root task and the background task; the rest under their parents');
    const tasks = await taskRows(model);
    assert.equal(tasks.length, 8);
    assert.ok(tasks.some((n) => n.label === 'worker 2' && /^\d/.test(n.description!)));
    const regions = await model.getChildren('v', 'generations', REGIONS_ID, 0, 100);
    assert.equal(regions.total, 11);
    assert.ok(regions.items.some((n) => n.label === 'compute' && n.kind === 'region'));
    assert.ok(regions.items.some((n) => n.label === 'open at trace stop' && /not ended/.test(n.description!)));
    // an unknown goroutine has no rows
    assert.equal((await model.getChildren('v', 'generations', goroutineNodeId(999999), 0, 10)).total, 0);
  });

  it('a v1 trace gets the same roots, from the stream Go converts it into', async () => {
    const model = await readModel('go1.21-annot.trace');
    assert.ok(await model.summarize());
    assert.equal(model.summary().summaries, 'done');
    assert.equal(model.rootCount(), model.generations.length + 6);
    const gs = await model.getChildren('v', 'generations', GOROUTINES_ID, 0, 100);
    assert.ok(gs.items.some((n) => n.label === 'G 1  main.main' && n.childCount > 0));
  });

  it('a file that is not a trace gets no summaries', async () => {
    const model = new TraceModel(memorySource(new TextEncoder().encode('not a trace')), 'x');
    await model.readAll();
    assert.equal(await model.summarize(), undefined);
    assert.equal(model.summary().summaries, 'unavailable');
    assert.equal(model.rootCount(), 0);
  });
});
