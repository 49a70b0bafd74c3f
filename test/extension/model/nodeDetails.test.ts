import * as assert from 'node:assert/strict';
import type { TreeNode } from '../../../src/shared/protocol.js';
import { batchId, generationId, goroutineNodeId, osThreadNodeId, procNodeId, stringsTableId, threadId } from '../../../src/extension/model/nodeIds.js';
import { closeModels, readModel } from './modelTestSupport.js';

/** The info rows as "name: value". */
const facts = (nodes: TreeNode[] | undefined): Map<string, string> => new Map((nodes ?? []).map((n) => [n.label, n.description ?? '']));

describe('the event pane for rows that are not events (nodeDetails)', () => {
  after(closeModels);

  it('a generation, a thread and a batch: where they are in the file, their events', async () => {
    const model = await readModel('go1.26-syscalls.trace');
    const g = model.generations[0];
    const gen = await model.eventDetails(generationId(0));
    assert.ok(gen?.every((n) => n.kind === 'info' && n.childCount === 0));
    assert.equal(facts(gen).get('events'), String(g.eventCount));
    assert.equal(facts(gen).get('batches'), String(g.batches.length));
    assert.equal(gen!.find((n) => n.label === 'bytes')!.offset, g.offset);

    const m = g.threads[0];
    const thread = facts(await model.eventDetails(threadId(0, m)));
    assert.equal(thread.get('thread'), `M ${m}`);
    const batches = g.batchesByThread.get(m)!;
    assert.equal(thread.get('batches'), String(batches.length));
    assert.equal(thread.get('events'), String(batches.reduce((a, i) => a + g.batches[i].eventCount, 0)));

    const bi = batches[0];
    const b = g.batches[bi];
    const batch = (await model.eventDetails(batchId(0, bi)))!;
    const offset = batch.find((n) => n.label === 'offset')!;
    assert.equal(offset.offset, b.offset, 'Show Wire Dump goes to the batch');
    assert.equal(facts(batch).get('events'), String(b.eventCount));
    assert.match(facts(batch).get('size')!, new RegExp(`payload ${b.size} at ${b.payloadOffset}`));
    assert.equal(new Set(batch.map((n) => n.id)).size, batch.length, 'unique row IDs');
  });

  it('a goroutine, a proc and a thread of the summaries', async () => {
    const model = await readModel('go1.26-syscalls.trace');
    await model.summarize();
    const s = model.summaries!;
    const main = facts(await model.eventDetails(goroutineNodeId(1)));
    assert.equal(main.get('goroutine'), '1');
    assert.equal(main.get('start function'), s.goroutines.get(1)!.startFunction);
    assert.match(main.get('running')!, /\d/);
    assert.equal(main.get('events'), String(s.goroutines.get(1)!.events));
    const p = [...s.procs.values()][0];
    assert.equal(facts(await model.eventDetails(procNodeId(p.id))).get('syscalls entered'), String(p.syscalls));
    const t = [...s.threads.values()][0];
    assert.equal(facts(await model.eventDetails(osThreadNodeId(t.id))).get('thread'), `M ${t.id}`);
  });

  it('other rows and unknown IDs: nothing (the webview shows the row itself)', async () => {
    const model = await readModel('go1.26-syscalls.trace');
    assert.equal(await model.eventDetails(stringsTableId(0)), undefined);
    assert.equal(await model.eventDetails(generationId(99)), undefined);
    assert.equal(await model.eventDetails(batchId(0, 99_999)), undefined);
    assert.equal(await model.eventDetails(procNodeId(12345)), undefined);
  });
});
