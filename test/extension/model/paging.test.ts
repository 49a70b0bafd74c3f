import * as assert from 'node:assert/strict';
import { MAX_PAGE, pageOf, pageWindow } from '../../../src/extension/model/paging.js';
import { closeModels, readModel } from './modelTestSupport.js';

describe('paging', () => {
  after(closeModels);

  it('clamps windows to the rows there are and to MAX_PAGE', () => {
    assert.deepEqual(pageWindow(10, 8, 5), { start: 8, end: 10 });
    assert.deepEqual(pageWindow(10, -3, 2), { start: 0, end: 2 });
    assert.deepEqual(pageWindow(10, 50, 2), { start: 10, end: 10 });
    assert.deepEqual(pageWindow(1e6, 0, 1e9), { start: 0, end: MAX_PAGE });
    assert.deepEqual(pageWindow(10, NaN, 3), { start: 0, end: 3 });
  });

  it('makes only the rows of the page', () => {
    const made: number[] = [];
    const page = pageOf(100, 10, 3, (i) => (made.push(i), i));
    assert.deepEqual(page, { total: 100, items: [10, 11, 12] });
    assert.deepEqual(made, [10, 11, 12]);
  });

  it('pages through a batch of a real trace: the pages join up to every event, in file order', async () => {
    const model = await readModel('go1.26-annot.trace');
    const g = model.generations[0];
    const bi = g.batches.findIndex((b) => b.eventCount > 50);
    assert.ok(bi >= 0);
    const parent = `g0/b${bi}`;
    const ids: string[] = [];
    const offsets: number[] = [];
    for (let offset = 0; ; offset += 20) {
      const page = await model.getChildren('v', 'generations', parent, offset, 20);
      assert.equal(page.total, g.batches[bi].eventCount);
      if (page.items.length === 0) break;
      for (const n of page.items) {
        ids.push(n.id);
        offsets.push(n.offset!);
        assert.equal(n.kind, 'event');
      }
    }
    assert.equal(ids.length, g.batches[bi].eventCount);
    assert.equal(ids[0], `${parent}/e0`);
    assert.equal(ids[ids.length - 1], `${parent}/e${ids.length - 1}`);
    for (let i = 1; i < offsets.length; i++) assert.ok(offsets[i] > offsets[i - 1]);
  });

  it('lists a generation as its threads, then "no thread", the strings and the stacks', async () => {
    const model = await readModel('go1.26-annot.trace');
    const rows = (await model.getChildren('v', 'generations', 'g0', 0, 100)).items;
    const kinds = rows.map((r) => r.kind);
    assert.ok(kinds.indexOf('table') > kinds.lastIndexOf('thread'));
    assert.deepEqual(rows.slice(-2).map((r) => r.label), ['strings', 'stacks']);
    assert.ok(rows.some((r) => r.id === 'g0/nothread'));
    // Every thread's child count matches the batches listed under it.
    for (const r of rows.filter((x) => x.kind === 'thread')) {
      const page = await model.getChildren('v', 'generations', r.id, 0, 1000);
      assert.equal(page.total, r.childCount);
    }
  });

  it('answers unknown or malformed parents with an empty page', async () => {
    const model = await readModel('go1.26-annot.trace');
    for (const id of ['g99', 'g0/b9999', 'nonsense', 'g0/b0/e0/x']) {
      assert.deepEqual(await model.getChildren('v', 'generations', id, 0, 10), { total: 0, items: [] });
    }
  });

  it('browses the tables: strings, stacks and their frames', async () => {
    const model = await readModel('go1.26-annot.trace');
    const strings = await model.getChildren('v', 'generations', 'g0/strings', 0, 5);
    assert.ok(strings.total > 5);
    assert.equal(strings.items[0].kind, 'string');
    const stacks = await model.getChildren('v', 'generations', 'g0/stacks', 0, 5);
    const stack = stacks.items.find((s) => s.childCount > 0)!;
    const frames = await model.getChildren('v', 'generations', stack.id, 0, 100);
    assert.equal(frames.total, stack.childCount);
    assert.ok(frames.items.every((f) => f.kind === 'frame' && f.frame && f.frame.line > 0));
  });
});
