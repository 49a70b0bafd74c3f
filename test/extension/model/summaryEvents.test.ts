import * as assert from 'node:assert/strict';
import { goroutineNodeId, parseNodeId, procNodeId } from '../../../src/extension/model/nodeIds.js';
import { eventDetailRoots, eventText } from '../../../src/extension/model/eventNodes.js';
import { OwnerEventView, resourceText, summaryEventEntry } from '../../../src/extension/model/summaryEvents.js';
import type { OrderedEvent } from '../../../src/parser/index.js';
import type { TreeNode } from '../../../src/shared/protocol.js';
import { closeModels, readModel } from './modelTestSupport.js';

const frames = [
  { pc: 0x10, func: 'main.work', file: '/src/app/main.go', line: 12 },
  { pc: 0x20, func: 'main.main', file: '/src/app/main.go', line: 5 },
];

/** An ordered event as the stream makes it (only the parts a row reads). */
const logEvent = {
  kind: 'Log', time: 5000, m: 7, p: 1, g: 4, type: 0,
  stack: { id: 3, frames },
  log: { task: 2, category: '<b>cat</b>', message: 'x'.repeat(100) },
} as unknown as OrderedEvent;

const label = (n: TreeNode): string => `${n.kind}:${n.label}=${n.description ?? ''}`;

describe('events of goroutines, procs and threads: rows and the event tree', () => {
  after(closeModels);

  it('keeps what a row and the event tree need, with Go\'s API arguments', () => {
    const e = summaryEventEntry(logEvent, 0);
    assert.equal(e.kind, 'Log');
    assert.equal(e.detail, `"<b>cat</b>": "${'x'.repeat(60)}"…`);
    assert.deepEqual(e.args, [
      { name: 'task', value: '2' },
      { name: 'category', value: '"<b>cat</b>"' },
      { name: 'message', value: `"${'x'.repeat(100)}"` },
    ]);
    assert.deepEqual(e.stacks.map((s) => [s.label, s.id, s.frames.length]), [['stack', 3, 2]]);
    assert.equal(e.frames, frames);
    assert.equal(e.resource, -1);

    const roots = eventDetailRoots(new OwnerEventView(e), 'goroutines/g4/e0', 1000);
    assert.deepEqual(roots.map(label), [
      `info:event=${e.name}`,
      'info:time=+4.000 µs (5000 ns)',
      'info:thread=M 7',
      'info:proc=P 1',
      'info:goroutine=G 4',
      'info:kind=Log',
      'arg:task=2',
      'arg:category="<b>cat</b>"',
      `arg:message="${'x'.repeat(100)}"`,
      'stack:stack=stack 3, 2 frames',
    ]);
    assert.ok(roots.every((n) => parseNodeId(n.id) !== undefined), 'every row has an ID the model can parse');
    assert.equal(roots.find((n) => n.kind === 'stack')!.childCount, 2);
    // with its place in the file: the offset row, and the event row carries the offset
    const placed = eventDetailRoots(new OwnerEventView(e, { wire: { genNumber: 3, batch: 2, event: 9, offset: 4096 } }), 'goroutines/g4/e0', 1000);
    assert.equal(placed[0].offset, 4096);
    const off = placed.find((n) => n.label === 'offset')!;
    assert.equal(off.description, '@4096 (0x1000)');
    assert.equal(off.tooltip, 'generation 3, batch 2, event 9');
  });

  it('a state transition: resource, from, to, reason, and both stacks when they differ', () => {
    const ev = {
      kind: 'StateTransition', time: 10, m: 1, p: 0, g: 5, type: 0,
      stack: { id: 1, frames: frames.slice(0, 1) },
      transition: { resource: { kind: 'Goroutine', id: 9 }, from: 'NotExist', to: 'Runnable', reason: '', stack: { id: 2, frames } },
    } as unknown as OrderedEvent;
    const e = summaryEventEntry(ev, 0);
    assert.equal(e.detail, 'G 9 NotExist→Runnable');
    assert.deepEqual(e.args.map((a) => `${a.name}=${a.value}`), ['resource=G 9', 'from=NotExist', 'to=Runnable']);
    assert.deepEqual(e.stacks.map((s) => s.label), ['stack', 'transition stack']);
    assert.equal(e.resource, 9);
    assert.equal(resourceText({ kind: 'Proc', id: 2 }), 'P 2');
    assert.equal(resourceText({ kind: 'None', id: 0 }), 'none');
    const text = eventText(new OwnerEventView(e, { wire: { genNumber: 1, batch: 0, event: 3, offset: 77 } }), 0);
    assert.match(text, /^\S+ at \+10 ns \(10 ns\)\noffset @77 \(0x4d\), generation 1, batch 0, event 3\nthread M 1, proc P 0, goroutine G 5\nparsed: .*\nresource: G 9\n/);
    assert.match(text, /transition stack 2:\n {2}main\.work\n {6}\/src\/app\/main\.go:12\n/);
  });

  it('selecting a goroutine event gives the same kind of event tree as a generation-tree event, frames included', async () => {
    const model = await readModel('go1.26-annot.trace');
    await model.summarize();
    const events = await model.getChildren('v', 'generations', goroutineNodeId(1), 0, 10_000);
    const taskBegin = events.items.find((n) => n.label === 'UserTaskBegin')!;
    assert.ok(taskBegin, events.items.map((n) => n.label).join(' '));
    const roots = (await model.eventDetails(taskBegin.id))!;
    assert.ok(roots, 'details for a goroutine event');
    assert.equal(roots[0].label, 'event');
    assert.equal(roots[0].description, 'UserTaskBegin');
    assert.ok(roots.some((n) => n.kind === 'arg' && n.label === 'type'), roots.map(label).join('\n'));
    const stack = roots.find((n) => n.kind === 'stack')!;
    assert.ok(stack.childCount > 0);
    // the stack's frames, paged from the event tree; each opens its source
    const fr = await model.getChildren('v', 'event', stack.id, 0, 100);
    assert.equal(fr.total, stack.childCount);
    assert.ok(fr.items.every((n) => n.kind === 'frame' && n.frame && n.frame.file.length > 0 && n.frame.line > 0));
    assert.ok(fr.items.some((n) => n.frame!.func === 'main.main'), fr.items.map((n) => n.label).join(' '));
    // the event tree's roots can also be paged by the event's ID
    const paged = await model.getChildren('v', 'event', taskBegin.id, 0, 3);
    assert.deepEqual(paged.items.map((n) => n.id), roots.slice(0, 3).map((n) => n.id));
    assert.equal(paged.total, roots.length);

    // found in its batch: the offset is the generation-tree event's, with the same name and time
    const offset = roots.find((n) => n.label === 'offset')!;
    assert.ok(offset, 'the event was found in its batch');
    const loc = await model.locateOffset(offset.offset!);
    assert.ok(loc);
    const wire = (await model.eventDetails(loc.select))!;
    assert.equal(wire[0].description, 'UserTaskBegin');
    assert.equal(wire.find((n) => n.label === 'offset')!.offset, offset.offset);
    assert.equal(wire.find((n) => n.label === 'time')!.description, roots.find((n) => n.label === 'time')!.description);

    // Copy Event
    const text = (await model.eventText(taskBegin.id))!;
    assert.match(text, /^UserTaskBegin at \+/);
    assert.match(text, /\nparsed: .*TaskBegin/);
    assert.match(text, /\n {2}main\.main\n/);
  });

  it('every event of a proc has details, and nearly all are found in their batch', async () => {
    const model = await readModel('go1.26-manyg.trace');
    await model.summarize();
    const events = await model.getChildren('v', 'generations', procNodeId(0), 0, 10_000);
    assert.ok(events.total > 100);
    let found = 0;
    for (const n of events.items) {
      const roots = (await model.eventDetails(n.id))!;
      assert.equal(roots[0].description, n.label, n.id);
      if (roots.some((r) => r.label === 'offset')) found++;
    }
    // all but CPU samples and Syncs (not in a thread's batch), across the generation boundary too
    assert.equal(found, events.items.length);
  });

  it('no details for what is not an event, or an event past the list', async () => {
    const model = await readModel('go1.26-annot.trace');
    await model.summarize();
    // a goroutine row is no event: its facts (nodeDetails.ts), no event tree
    assert.ok((await model.eventDetails(goroutineNodeId(1)))?.every((n) => n.kind === 'info' && n.childCount === 0));
    assert.equal(await model.eventDetails('goroutines/g1/e99999'), undefined);
    assert.equal(await model.eventDetails('goroutines/g99999/e0'), undefined);
    assert.equal(await model.eventDetails('goroutines/g1/e0/f0'), undefined);
    assert.equal(await model.eventText('procs/p99/e0'), undefined);
    assert.equal((await model.getChildren('v', 'event', 'ev:goroutines/g1/e99999/s0', 0, 10)).total, 0);
  });
});
