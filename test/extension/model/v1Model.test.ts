/**
 * The viewer's model of v1 (Go 1.11–1.21) traces: the one generation Go's conversion yields, its
 * Ps, batches and raw events (v1 names, arguments resolved, stacks with frames, byte offsets), the
 * tables, the summaries from the ordered stream, the filter, byte offsets, and the problems of a
 * trace Go cannot order (go1.19-cgocb), whose raw events stay browsable.
 */
import * as assert from 'node:assert/strict';
import { GOROUTINES_ID, parseNodeId, REGIONS_ID } from '../../../src/extension/model/nodeIds.js';
import { TraceModel } from '../../../src/extension/model/traceModel.js';
import { memorySource } from '../../../src/parser/bytes/byteSource.js';
import type { TreeNode } from '../../../src/shared/protocol.js';
import { V1TraceWriter } from '../../support/v1TraceWriter.js';
import { filterAll } from './filterTestSupport.js';
import { closeModels, readModel, taskRows } from './modelTestSupport.js';

async function children(model: TraceModel, id: string, limit = 1000): Promise<TreeNode[]> {
  return (await model.getChildren('v', 'generations', id, 0, limit)).items;
}

/** Every raw event row of every batch, with its batch's P row. */
async function allEvents(model: TraceModel): Promise<TreeNode[]> {
  const out: TreeNode[] = [];
  for (const p of (await children(model, 'g0')).filter((n) => n.kind === 'thread')) {
    for (const b of await children(model, p.id)) out.push(...(await children(model, b.id, 10_000)));
  }
  return out;
}

describe('TraceModel: v1 traces', () => {
  after(closeModels);

  it('shows one generation, read whole, with the batches of each P', async () => {
    const model = await readModel('go1.21-annot.trace');
    assert.equal(model.isV1, true);
    assert.equal(model.generations.length, 1);
    const gen = (await children(model, '')).find((n) => n.kind === 'generation')!;
    assert.equal(gen.id, 'g0');
    assert.equal(gen.kind, 'generation');
    assert.equal(gen.label, 'generation 1 (v1 trace: read whole)');
    assert.match(gen.tooltip!, /has no generations: Go reads it whole and converts it into one generation/);
    assert.match(gen.description!, /^\+0 ns … \+3\.628345 ms .* 224 raw events$/);
    const rows = await children(model, 'g0');
    assert.deepEqual(rows.map((n) => n.label), ['P 0', 'P 1', 'strings', 'stacks']);
    assert.equal(gen.childCount, rows.length);
    assert.deepEqual(rows.map((n) => n.id), ['g0/p0', 'g0/p1', 'g0/strings', 'g0/stacks']);
    assert.deepEqual(parseNodeId('g0/p1'), { kind: 'v1Proc', genIndex: 0, p: 1 });
    assert.deepEqual(parseNodeId('g0/p-1'), { kind: 'v1Proc', genIndex: 0, p: -1 });
    // P 0 wrote batches 0 and 2, P 1 batch 1 (the file's order)
    assert.deepEqual((await children(model, 'g0/p0')).map((n) => n.id), ['g0/b0', 'g0/b2']);
    const [b1] = await children(model, 'g0/p1');
    assert.equal(b1.id, 'g0/b1');
    assert.match(b1.tooltip!, /^batch 1: EvBatch p=1 ticks=92427043043 at byte \d+/);
    assert.equal(b1.childCount, 4);
    assert.deepEqual((await children(model, 'g0/b1')).map((n) => n.label), ['ProcStart', 'ProcStop', 'ProcStart', 'ProcStop']);
    // the tables, as for v2
    assert.equal(rows[2].childCount, 73);
    assert.equal(rows[3].childCount, 47);
    const strings = await children(model, 'g0/strings', 5);
    assert.equal(strings[0].description, '"Not worker"');
    const stack = (await children(model, 'g0/stacks', 1))[0];
    const frames = await children(model, stack.id);
    assert.equal(frames.length, stack.childCount);
    assert.ok(frames[0].frame && frames[0].frame.func.length > 0);
    // the summary counts the raw reading
    const s = model.summary();
    assert.equal(s.formatVersion, 21);
    assert.equal(s.generations, 1);
    assert.equal(s.procs, 2);
    assert.equal(s.threads, 2);
    assert.equal(s.goroutines, 11);
    assert.equal(s.events, 224);
    assert.equal(s.durationNs, 3628345);
    assert.equal(s.banner, undefined);
    assert.deepEqual(model.problemItems(), []);
    assert.ok(model.eventTypeNames().includes('UserTaskCreate'));
    assert.ok(model.eventTypeNames().includes('String'));
  });

  it('shows raw events by their v1 names, arguments resolved, with byte offsets, stacks and frames', async () => {
    const model = await readModel('go1.21-annot.trace');
    const events = await children(model, 'g0/b0');
    assert.equal(events.length, 124);
    const create = events[0];
    assert.equal(create.id, 'g0/b0/e0');
    assert.equal(create.label, 'GoCreate');
    assert.equal(create.description, '+0 ns  g=1  stack=2  stk=1');
    assert.equal(create.offset, 24);
    const task = events.find((n) => n.label === 'UserTaskCreate')!;
    assert.match(task.description!, /taskid=1 {2}pid=0 {2}typeid="root task <img src=x onerror=alert\(1\)>"/);
    const str = events.find((n) => n.label === 'String')!;
    assert.equal(str.description, 'id=1  data="Not worker"');

    const roots = (await model.eventDetails(task.id))!;
    const info = Object.fromEntries(roots.filter((n) => n.kind === 'info').map((n) => [n.label, n.description ?? '']));
    assert.equal(info.event, 'UserTaskCreate');
    assert.match(info.time, /^\+48\.441 µs \(48441 ns, \d+ ticks\)$/);
    assert.equal(info.offset, `@${task.offset} (0x${task.offset!.toString(16)})`);
    assert.equal(info.proc, 'P 0');
    assert.equal(info.goroutine, 'G 1');
    assert.equal(info.thread, 'M 0');
    assert.deepEqual(roots.filter((n) => n.kind === 'arg').map((n) => `${n.label}=${n.description}`), [
      'dt=41', 'taskid=1', 'pid=0', 'typeid="root task <img src=x onerror=alert(1)>"', 'stk=10',
    ]);
    const stack = roots.find((n) => n.kind === 'stack')!;
    assert.equal(stack.label, 'stack');
    assert.equal(stack.description, 'stack 10, 1 frame');
    const frames = (await model.getChildren('v', 'event', stack.id, 0, 10)).items;
    assert.equal(frames.length, 1);
    assert.equal(frames[0].kind, 'frame');
    assert.deepEqual(frames[0].frame, { func: 'main.main', file: 'example.com/tracefixtures/annot/main.go', line: 42 });

    // GoCreate: the new goroutine's stack beside the event's own
    const createStacks = (await model.eventDetails(create.id))!.filter((n) => n.kind === 'stack');
    assert.deepEqual(createStacks.map((n) => n.label), ['new goroutine stack', 'stack']);
    const start = (await model.getChildren('v', 'event', createStacks[0].id, 0, 10)).items;
    assert.equal(start[0].frame!.func, 'runtime.main');

    // a log's message, a stop-the-world-free trace's region mode
    const log = events.find((n) => n.label === 'UserLog')!;
    const logArgs = (await model.eventDetails(log.id))!.filter((n) => n.kind === 'arg');
    assert.deepEqual(logArgs.map((n) => n.label), ['dt', 'id', 'keyid', 'stk', 'message']);
    assert.equal(logArgs[4].description, JSON.stringify('</script><script>alert("x")</script>'));
    const region = events.find((n) => n.label === 'UserRegion')!;
    assert.ok((await model.eventDetails(region.id))!.some((n) => n.label === 'mode' && n.description === 'begin (0)'));

    // a String has no time
    const strInfo = (await model.eventDetails(str.id))!.find((n) => n.label === 'time')!;
    assert.match(strInfo.description!, /^none/);

    // Copy Event
    const text = (await model.eventText(task.id))!;
    assert.match(text, /^UserTaskCreate at \+48\.441 µs/);
    assert.match(text, /generation 1 \(v1 trace\), batch 0, event \d+, P 0, goroutine G 1, thread M 0/);
    assert.match(text, /typeid: "root task <img src=x onerror=alert\(1\)>"\n/);
    assert.match(text, /stack 10:\n {2}main\.main\n {6}example\.com\/tracefixtures\/annot\/main\.go:42\n/);
  });

  it('lists a Stack event with its frames, from its own arguments', async () => {
    const model = await readModel('go1.21-annot.trace');
    const footer = await children(model, 'g0/b2');
    const stack = footer.find((n) => n.label === 'Stack')!;
    assert.match(stack.description!, /^id=\d+ {2}nframes=\d+/);
    const roots = (await model.eventDetails(stack.id))!;
    const frames = roots.find((n) => n.kind === 'stack')!;
    assert.equal(frames.label, 'frames');
    const rows = (await model.getChildren('v', 'event', frames.id, 0, 100)).items;
    assert.equal(rows.length, frames.childCount);
    assert.ok(rows.every((r) => r.kind === 'frame' && r.frame!.file.length > 0));
    assert.ok(footer.some((n) => n.label === 'Frequency' && n.description === 'freq=40564773'));
  });

  it('finds the row of a byte offset, and the path to it', async () => {
    const model = await readModel('go1.21-annot.trace');
    const ev = (await children(model, 'g0/b2'))[5];
    assert.deepEqual(await model.locateOffset(ev.offset!), { path: ['g0', 'g0/p0', 'g0/b2'], select: ev.id });
    assert.deepEqual(await model.locateOffset(ev.offset! + 1), { path: ['g0', 'g0/p0', 'g0/b2'], select: ev.id });
    const b1 = (await children(model, 'g0/p1'))[0];
    assert.deepEqual(await model.locateOffset(b1.offset!), { path: ['g0', 'g0/p1'], select: 'g0/b1' }, 'the EvBatch header is its batch');
    assert.equal(await model.locateOffset(3), undefined, 'the header is no row');
    assert.deepEqual(model.pathTo('g0/p1'), { path: ['g0'], select: 'g0/p1' });
  });

  it('filters raw events by v1 type, text, goroutine, proc, thread and time', async () => {
    const model = await readModel('go1.21-annot.trace');
    const ids = async (filter: Parameters<TraceModel['setFilter']>[1]): Promise<TreeNode[]> => {
      const r = await filterAll(model, 'v', filter);
      const rows = await children(model, '');
      assert.equal(rows.length, r.matches);
      return rows;
    };
    const tasks = await ids({ eventTypes: ['UserTaskCreate'] });
    assert.equal(tasks.length, 7);
    assert.ok(tasks.every((n) => n.label === 'UserTaskCreate' && /  (G \d+|no G)  P \d+  (M \d+|no M)/.test(n.description!)), tasks[0]?.description);
    const worker = await ids({ text: 'worker 3' });
    assert.deepEqual(worker.map((n) => n.label).sort(), ['String', 'UserTaskCreate']);
    const byFrame = await ids({ text: 'main.main.func3', eventTypes: ['GoCreate'] });
    assert.equal(byFrame.length, 4, 'the GoCreates whose new goroutine starts there');
    // An owner: its events as Go gives them (the rows listed under it), v1 type names still apply.
    const g5 = await ids({ goroutine: 5 });
    assert.deepEqual(g5.map((n) => n.id), (await children(model, 'goroutines/g5')).map((n) => n.id));
    assert.ok(g5.length > 0 && g5.every((n) => /  (G \d+|no G)  (P \d+|no P)  (M \d+|no M)/.test(n.description!)));
    const created = await ids({ goroutine: 5, eventTypes: ['GoCreate'] });
    assert.equal(created.length, 1, 'its creation, which runs on its parent');
    assert.ok((await ids({ proc: 1 })).every((n) => /\bP 1\b/.test(n.description!)));
    assert.ok((await ids({ thread: 3 })).every((n) => /\bM 3\b/.test(n.description!)));
    const early = await ids({ toNs: 20_000 });
    assert.ok(early.length > 5 && early.every((n) => /^\+.*  (G \d+|no G)  P \d+/.test(n.description!)), 'timed events only');
    assert.deepEqual({ ...(await model.setFilter('v', {}))!, run: 0 }, { run: 0, matches: 224, done: true });
    assert.equal(model.hasFilter('v'), false);
  });

  for (const [name, mainG] of [['go1.21-annot.trace', 1], ['go1.19-annot.trace', 1]] as const) {
    it(`${name}: the summaries of the ordered stream (Goroutines, Procs, Threads, Tasks, Regions, Event counts)`, async () => {
      const model = await readModel(name);
      await model.summarize();
      const s = model.summary();
      assert.equal(s.summaries, 'done');
      assert.equal(s.goroutines, 11);
      assert.equal(s.tasks, 8);
      assert.equal(s.regions, 11);
      const roots = await children(model, '');
      assert.deepEqual(roots.map((n) => n.label), ['Goroutines', 'Procs', 'Threads', 'Tasks', 'Regions', 'Event counts', 'generation 1 (v1 trace: read whole)']);
      const gs = await children(model, GOROUTINES_ID);
      const main = gs.find((n) => n.label === `G ${mainG}  main.main`);
      assert.ok(main, gs.map((n) => n.label).join(', '));
      assert.ok(gs.filter((n) => /main\.main\.func3$/.test(n.label)).length === 4);
      assert.deepEqual((await taskRows(model)).map((n) => n.label).filter((l) => l.startsWith('worker')).sort(), ['worker 0', 'worker 1', 'worker 2', 'worker 3']);
      const regions = (await children(model, REGIONS_ID)).map((n) => n.label);
      assert.equal(regions.filter((l) => l === 'compute').length, 4);
      assert.ok(regions.includes('open at trace stop'));
      assert.equal((await children(model, 'procs')).length, 2);
      assert.equal((await children(model, 'threads')).length, 2);
      const [counts] = await children(model, 'eventCounts');
      assert.equal(counts.label, 'generation 1');

      // main.main's events, each found among the raw events it was converted from
      const events = await children(model, main.id);
      const begin = events.find((n) => n.label === 'UserTaskBegin')!;
      const roots2 = (await model.eventDetails(begin.id))!;
      const offset = roots2.find((n) => n.label === 'offset')!;
      const where = /^generation 1, batch (\d+), event (\d+)$/.exec(offset.tooltip!)!;
      assert.ok(where, offset.tooltip);
      const at = await model.locateOffset(offset.offset!);
      assert.equal(at!.select, `g0/b${where[1]}/e${where[2]}`);
      const raw = (await children(model, `g0/b${where[1]}`)).find((n) => n.id === at!.select)!;
      assert.equal(raw.label, 'UserTaskCreate');
      assert.equal(raw.offset, offset.offset);
      const frames = (await model.getChildren('v', 'event', roots2.find((n) => n.kind === 'stack')!.id, 0, 10)).items;
      assert.equal(frames[0].frame!.func, 'main.main');
      assert.match((await model.eventText(begin.id))!, /^UserTaskBegin at .*\noffset @\d+ .*, generation 1, batch \d+, event \d+\n/);
    });
  }

  it("go1.19-cgocb: Go's ordering error as a problem at its raw event; the raw events stay browsable", async () => {
    const model = await readModel('go1.19-cgocb.trace');
    const before = await allEvents(model);
    assert.equal(before.length, 116);
    const items = model.problemItems();
    assert.equal(items.length, 1);
    const p = items[0];
    assert.equal(p.code, 'ordering-failed');
    assert.equal(p.message, 'no consistent ordering of events possible');
    assert.equal(p.offset, 46);
    assert.equal(p.generation, 1);
    assert.equal(p.batch, 0);
    assert.equal(p.nodeId, 'g0/b0/e6');
    assert.deepEqual(model.pathTo(p.nodeId!), { path: ['g0', 'g0/p0', 'g0/b0'], select: 'g0/b0/e6' });
    const row = (await children(model, 'g0/b0'))[6];
    assert.equal(row.label, 'GoStart');
    assert.equal(row.offset, 46);
    assert.equal(row.severity, 'error');
    assert.equal((await children(model, '')).find((n) => n.id === 'g0')!.severity, 'error');
    const s = model.summary();
    assert.equal(s.problems.errors, 1);
    assert.equal(s.banner?.severity, 'error');
    assert.match(s.banner!.text, /^Go cannot read this v1 trace, at byte 46: no consistent ordering of events possible\. /);
    assert.match(s.banner!.text, /raw events are still shown under generation 1: 3 batches, 116 raw events\.$/);
    // the summaries are empty, as Go's reading of it is
    assert.equal(s.goroutines, 0);
    assert.equal((await children(model, GOROUTINES_ID)).length, 0);
    // still browsable: every event, its details
    assert.equal((await allEvents(model)).length, 116);
    const details = (await model.eventDetails('g0/b0/e6'))!;
    assert.ok(details.some((n) => n.label === 'g' && n.description === '17'));
  });

  it('a raw read error: a problem at its batch, with the events before it browsable', async () => {
    const w = new V1TraceWriter(21);
    w.batch(0, 100).event('ProcStart', [1, 3]).string(1, 'main').event('GoCreate', [2, 1, 0, 0]);
    w.raw([0x3f]); // no such event type
    w.event('ProcStop', [1]);
    const { bytes, offsets } = w.build();
    const model = new TraceModel(memorySource(bytes), 'bad.trace');
    await model.readAll();
    const items = model.problemItems();
    assert.equal(items.length, 1);
    assert.deepEqual({ ...items[0] }, { code: 'unknown-event-type', severity: 'error', message: 'unknown event type 63', offset: offsets[4], generation: 1, batch: 0, nodeId: 'g0/b0' });
    assert.deepEqual((await children(model, 'g0/b0')).map((n) => n.label), ['ProcStart', 'String', 'GoCreate']);
    // the ordered reading stops at the same byte: one problem, not two
    await model.summarize();
    assert.equal(model.problemItems().length, 1);
    assert.match(model.summary().banner!.text, /up to byte \d+\.$/);
  });

  it('pages through a batch of thousands of events (read again from checkpoints)', async () => {
    const w = new V1TraceWriter(19);
    w.batch(0, 100).event('ProcStart', [1, 3]);
    for (let i = 0; i < 2500; i++) w.event('HeapAlloc', [1, 4096 + i]);
    w.event('ProcStop', [1]);
    w.batch(0, 5000).frequency(1e9);
    const { bytes, offsets } = w.build();
    const model = new TraceModel(memorySource(bytes), 'big.trace');
    await model.readAll();
    const page = await model.getChildren('v', 'generations', 'g0/b0', 1020, 10);
    assert.equal(page.total, 2502);
    assert.deepEqual(page.items.map((n) => n.id), Array.from({ length: 10 }, (_, k) => `g0/b0/e${1020 + k}`));
    assert.equal(page.items[4].description, '+1.024 µs  mem=5119');
    assert.equal(page.items[4].offset, offsets[2 + 1023]);
    assert.deepEqual(await model.locateOffset(offsets[2 + 2000]), { path: ['g0', 'g0/p0', 'g0/b0'], select: 'g0/b0/e2001' });
    const last = await model.getChildren('v', 'generations', 'g0/b0', 2500, 100);
    assert.deepEqual(last.items.map((n) => n.label), ['HeapAlloc', 'ProcStop']);
    assert.match((await model.eventText('g0/b0/e2048'))!, /^HeapAlloc at \+2\.048 µs .*\n.*thread M 3\n.*mem: 6143\n/s);
  });

  it('shows CPU samples in their table and batches without a P under "no P"', async () => {
    const w = new V1TraceWriter(19);
    w.batch(0, 100).event('ProcStart', [1, 3]);
    // dt (unused), the time, the P, the G, the stack
    w.event('CPUSample', [0, 150, 0, 7, 1]);
    w.event('ProcStop', [1]);
    w.batch(-1, 200).string(1, 'main.work').string(2, '/src/work.go').stack(1, [{ pc: 0x10, fn: 1, file: 2, line: 9 }]).frequency(1e9);
    const model = new TraceModel(memorySource(w.build().bytes), 'samples.trace');
    await model.readAll();
    const rows = await children(model, 'g0');
    assert.deepEqual(rows.map((n) => n.label), ['P 0', 'no P', 'strings', 'stacks', 'CPU samples']);
    assert.equal(rows[1].id, 'g0/p-1');
    assert.deepEqual((await children(model, 'g0/p-1')).map((n) => n.id), ['g0/b1']);
    const [sample] = await children(model, 'g0/samples');
    assert.match(sample.description!, /^\+49 ns {2}M none {2}P 0 {2}G 7 {2}main\.work$/);
    const [frame] = await children(model, sample.id);
    assert.deepEqual(frame.frame, { func: 'main.work', file: '/src/work.go', line: 9 });
    // the raw CPUSample event: no time of its own in the batch, the signal's time as an argument
    const raw = (await children(model, 'g0/b0'))[1];
    assert.equal(raw.label, 'CPUSample');
    const details = (await model.eventDetails(raw.id))!;
    assert.ok(details.some((n) => n.label === 'g' && n.description === '7'));
    assert.ok(details.some((n) => n.kind === 'stack' && n.childCount === 1));
    assert.equal(model.summary().cpuSamples, 1);
  });
});
