import * as assert from 'node:assert/strict';
import { Ev } from '../../../src/parser/index.js';
import { filterError, isEmptyFilter } from '../../../src/extension/model/filter.js';
import { closeModels, readModel } from './modelTestSupport.js';
import { goroutineNodeId } from '../../../src/extension/model/nodeIds.js';

describe('filter', () => {
  after(closeModels);

  it('keeps only the event types asked for, over every generation', async () => {
    const model = await readModel('go1.26-manyg.trace');
    const r = await model.setFilter('v', { eventTypes: ['GoCreate'] });
    assert.ok(r && 'matches' in r);
    assert.equal(r.matches, model.stats.eventsByType.get(Ev.GoCreate));
    const roots = await model.getChildren('v', 'generations', '', 0, 1000);
    assert.equal(roots.total, r.matches);
    assert.ok(roots.items.length > 0 && roots.items.every((n) => n.label === 'GoCreate'));
  });

  it('a goroutine means its events as Go gives them: the ones listed under it', async () => {
    const model = await readModel('go1.26-annot.trace');
    const r = await model.setFilter('v', { goroutine: 1 });
    assert.ok(r && 'matches' in r && r.matches > 0 && r.done);
    const rows = (await model.getChildren('v', 'generations', '', 0, 10_000)).items;
    const listed = (await model.getChildren('v', 'generations', goroutineNodeId(1), 0, 10_000)).items;
    assert.deepEqual(rows.map((n) => n.id), listed.map((n) => n.id));
    assert.ok(rows.every((n) => /^\+.*?  (G \d+|no G)  (P \d+|no P)  (M \d+|no M)/.test(n.description!)), rows[0].description);
  });

  it('finds free text in string arguments and in the functions of stacks, ignoring case', async () => {
    const model = await readModel('go1.26-annot.trace');
    const byString = await model.setFilter('v', { text: 'CHAN RECEIVE' });
    assert.ok(byString && 'matches' in byString && byString.matches > 0);
    const rows = (await model.getChildren('v', 'generations', '', 0, 5)).items;
    assert.ok(rows.every((n) => /chan receive/.test(n.description!)));
    const byFunc = await model.setFilter('v', { text: 'main.main' });
    assert.ok(byFunc && 'matches' in byFunc && byFunc.matches > 0);
  });

  it('restricts to a time range since the first event', async () => {
    const model = await readModel('go1.26-annot.trace');
    const all = model.stats.events;
    const r = await model.setFilter('v', { fromNs: 0, toNs: 1000 });
    assert.ok(r && 'matches' in r && r.matches > 0 && r.matches < all);
  });

  it('an empty filter shows the generations again; filters are per view', async () => {
    const model = await readModel('go1.26-annot.trace');
    await model.setFilter('a', { eventTypes: ['GoStart'] });
    assert.equal((await model.getChildren('b', 'generations', '', 0, 10)).items[6].kind, 'generation');
    assert.equal((await model.getChildren('a', 'generations', '', 0, 10)).items[0].label, 'GoStart');
    await model.setFilter('a', {});
    assert.equal((await model.getChildren('a', 'generations', '', 0, 10)).items[6].kind, 'generation');
  });

  it('rejects filters that are not what the protocol says', () => {
    assert.equal(filterError({ goroutine: 3 }), undefined);
    assert.match(filterError({ goroutine: 'x' as unknown as number })!, /goroutine/);
    assert.match(filterError({ text: 'x'.repeat(2000) })!, /too long/);
    assert.ok(isEmptyFilter({ text: '  ', eventTypes: [] }));
    assert.ok(!isEmptyFilter({ proc: 0 }));
  });
});
