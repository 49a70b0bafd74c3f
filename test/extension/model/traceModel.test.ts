import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { TraceModel } from '../../../src/extension/model/traceModel.js';
import { memorySource } from '../../../src/parser/bytes/byteSource.js';
import { goTestdataDir, loadGoTestCase } from '../../support/goTestCase.js';
import { closeModels, readModel } from './modelTestSupport.js';

describe('TraceModel', () => {
  after(closeModels);

  it('shows an event as arguments by name, with resolved strings, then its stacks and frames', async () => {
    const model = await readModel('go1.26-annot.trace');
    const g = model.generations[0];
    let found: string | undefined;
    for (let bi = 0; bi < g.batches.length && !found; bi++) {
      const page = await model.getChildren('v', 'generations', `g0/b${bi}`, 0, 1000);
      found = page.items.find((n) => n.label === 'UserLog')?.id;
    }
    assert.ok(found, 'a UserLog event');
    const roots = (await model.eventDetails(found))!;
    const args = roots.filter((n) => n.kind === 'arg').map((n) => n.label);
    assert.deepEqual(args, ['task', 'key_string', 'value_string']);
    const value = roots.find((n) => n.label === 'value_string')!;
    assert.match(value.description!, /^".*"$/);
    const stack = roots.find((n) => n.kind === 'stack')!;
    const frames = await model.getChildren('v', 'event', stack.id, 0, 100);
    assert.equal(frames.total, stack.childCount);
    assert.ok(frames.items[0].frame!.func.length > 0);
    const text = (await model.eventText(found))!;
    assert.match(text, /^UserLog at \+/);
    assert.match(text, /value_string: "/);
  });

  it('finds the row of a byte offset, with its ancestors', async () => {
    const model = await readModel('go1.26-annot.trace');
    const g = model.generations[0];
    const bi = g.batches.findIndex((b) => b.eventCount > 10);
    const batch = await model.getChildren('v', 'generations', `g0/b${bi}`, 0, 10);
    const ev = batch.items[5];
    const loc = (await model.locateOffset(ev.offset! + 1))!;
    assert.equal(loc.select, ev.id);
    assert.deepEqual(loc.path, ['g0', `g0/m${g.batches[bi].m}`, `g0/b${bi}`]);
    assert.equal(await model.locateOffset(3), undefined, 'the header is no row');
    assert.equal(await model.locateOffset(-1), undefined);
  });

  it('points problems at their rows and marks the rows above them', async () => {
    const model = await readModel('broken-go1.26-manyg-eog-removed.trace');
    const items = model.problemItems();
    assert.ok(items.length > 0);
    const withNode = items.find((p) => p.nodeId)!;
    assert.ok(model.pathTo(withNode.nodeId!));
    const roots = await model.getChildren('v', 'generations', '', 0, 10);
    assert.ok(roots.items.some((n) => n.severity === 'error'));
  });

  it("lists the ordered stream's error among the problems, at its event's row", async function () {
    const testdata = goTestdataDir();
    if (!testdata) this.skip();
    // Well-formed bytes whose events break a state machine: only the ordering sees it.
    const c = loadGoTestCase(path.join(testdata!, 'tests', 'go122-create-syscall-with-p.test'));
    const model = new TraceModel(memorySource(c.bytes), 'bad-context.trace');
    // The analysis pass runs beside the reading: its error is known when the file is read.
    await model.readAll();
    const items = model.problemItems();
    const item = items.find((p) => p.code === 'bad-sched-context');
    assert.ok(item, JSON.stringify(items));
    assert.equal(item.severity, 'error');
    assert.equal(item.message, "expected a proc but didn't have one");
    assert.ok(item.nodeId && model.pathTo(item.nodeId), 'the row of the event concerned');
  });
});
