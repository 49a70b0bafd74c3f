import * as assert from 'node:assert/strict';
import { EVENT_COUNTS_ID, osThreadNodeId, procNodeId, PROCS_ID, THREADS_ID } from '../../../src/extension/model/nodeIds.js';
import { goroutinesRunText, osThreadRow, procRow } from '../../../src/extension/model/procNodes.js';
import { eventCountsGenerationRow, eventCountsRootRow, sortedCounts } from '../../../src/extension/model/eventCountNodes.js';
import type { ProcSummary, ThreadSummary } from '../../../src/parser/index.js';
import { closeModels, readModel } from './modelTestSupport.js';

const proc = (over: Partial<ProcSummary> = {}): ProcSummary => ({
  id: 3, events: 40, firstNs: 1000, lastNs: 9000, runningNs: 6000, idleNs: 2000, starts: 4, goroutineStarts: 12, goroutines: 5,
  goroutinesCapped: false, syscalls: 2, firstGeneration: 0, lastGeneration: 1, ...over,
});
const thread = (over: Partial<ThreadSummary> = {}): ThreadSummary => ({
  id: 7813, events: 30, firstNs: 1000, lastNs: 9000, runningNs: 5000, syscallNs: 1500, goroutineStarts: 1, goroutines: 1,
  goroutinesCapped: false, syscalls: 1, firstGeneration: 0, lastGeneration: 0, ...over,
});

describe('Procs, Threads and Event counts rows', () => {
  after(closeModels);

  it('a proc row: running and idle time, goroutines run, syscalls', () => {
    const row = procRow(proc(), 1000, 40);
    assert.equal(row.id, procNodeId(3));
    assert.equal(row.kind, 'proc');
    assert.equal(row.label, 'P 3');
    assert.equal(row.description, 'running 6.000 µs (75.0%), idle 2.000 µs, ran 5 goroutines (12 starts), 2 syscalls');
    assert.equal(row.childCount, 40);
    assert.match(row.tooltip!, /^proc 3\nseen \+0 ns … \+8\.000 µs \(generations 1–2 in the file\)\nrunning 6\.000 µs \(75\.0%\), started 4 times\nidle 2\.000 µs \(25\.0%\)/);
    // never seen busy: no share
    assert.equal(procRow(proc({ runningNs: 0, idleNs: 0 }), 0, 0).description!.split(',')[0], 'running 0 ns');
  });

  it('a thread row: time holding a proc and in syscalls', () => {
    const row = osThreadRow(thread(), 0, 30);
    assert.equal(row.id, osThreadNodeId(7813));
    assert.equal(row.kind, 'osThread');
    assert.equal(row.label, 'M 7813');
    assert.equal(row.description, 'running 5.000 µs, in syscalls 1.500 µs, ran 1 goroutine (1 start), 1 syscall');
    assert.match(row.tooltip!, /\(generation 1 in the file\)/);
  });

  it('says when the distinct goroutines were capped', () => {
    assert.equal(goroutinesRunText({ goroutines: 10_000, goroutinesCapped: true, goroutineStarts: 20_000 }), 'ran 10000+ goroutines (20000 starts)');
    assert.equal(goroutinesRunText({ goroutines: 0, goroutinesCapped: false, goroutineStarts: 0 }), 'ran 0 goroutines (0 starts)');
  });

  it('event counts: most frequent type first, generation numbers as written', () => {
    const c = { generation: 1, total: 10, byType: { GoStart: 4, GoBlock: 4, ProcStart: 1, STWBegin: 1 }, cpuSamples: 0 };
    assert.deepEqual(sortedCounts(c).map(([n]) => n), ['GoBlock', 'GoStart', 'ProcStart', 'STWBegin']);
    const row = eventCountsGenerationRow(c, 0, [41, 42]);
    assert.equal(row.label, 'generation 42');
    assert.equal(row.description, '10 events, 4 types: GoBlock 4, GoStart 4, ProcStart 1, …');
    assert.equal(row.childCount, 4);
    const root = eventCountsRootRow([c, { generation: 2, total: 2, byType: { GoStart: 2 }, cpuSamples: 3 }], [41, 42]);
    assert.equal(root.id, EVENT_COUNTS_ID);
    assert.equal(root.description, '12 events of 4 types in 2 generations (no Syncs), and 3 CPU samples');
    assert.match(root.tooltip!, /Not included: the Sync event/);
    assert.equal(root.childCount, 2);
  });

  it('the model lists procs and threads with their events, and the event counts per generation', async () => {
    const model = await readModel('go1.26-syscalls.trace');
    await model.summarize();
    const summaries = model.summaries!;
    const procs = await model.getChildren('v', 'generations', PROCS_ID, 0, 100);
    assert.equal(procs.total, summaries.procs.size);
    assert.ok(procs.items.every((n) => n.kind === 'proc' && /^P \d+$/.test(n.label)));
    assert.ok(procs.items.every((n) => /^running .*, idle .*, ran \d+ goroutines? \(\d+ starts?\), \d+ syscalls?$/.test(n.description!)), procs.items.map((n) => n.description).join('\n'));
    const threads = await model.getChildren('v', 'generations', THREADS_ID, 0, 100);
    assert.equal(threads.total, summaries.threads.size);
    assert.ok(threads.items.some((n) => /in syscalls [1-9]/.test(n.description!)), 'a thread spent time in syscalls');

    // a proc's events: those on it and those changing its state, in order
    const p = procs.items[0];
    const events = await model.getChildren('v', 'generations', p.id, 0, 10_000);
    assert.equal(events.total, p.childCount);
    assert.ok(events.items.every((n) => n.kind === 'event'));
    assert.ok(events.items.some((n) => n.label === 'ProcStart'));
    assert.ok(events.items.some((n) => / on G \d+ /.test(n.description!)), 'proc events say which goroutine they ran in');
    // paged the same way
    assert.equal((await model.getChildren('v', 'generations', p.id, 2, 1)).items[0].id, events.items[2].id);
    // a thread's events
    const busiest = [...summaries.threads.values()].sort((a, b) => b.syscalls - a.syscalls)[0];
    const tev = await model.getChildren('v', 'generations', osThreadNodeId(busiest.id), 0, 10_000);
    assert.equal(tev.total, Math.min(busiest.events, 10_000));
    assert.equal(tev.items.filter((n) => n.label === 'GoSyscallBegin').length, busiest.syscalls);
    // an event with a stack lists its frames under it
    const withStack = tev.items.find((n) => n.childCount > 0)!;
    const frames = await model.getChildren('v', 'generations', withStack.id, 0, 100);
    assert.equal(frames.total, withStack.childCount);
    assert.ok(frames.items.every((n) => n.kind === 'frame' && n.frame !== undefined));
    assert.deepEqual(model.pathTo(frames.items[0].id), { path: [THREADS_ID, osThreadNodeId(busiest.id), withStack.id], select: frames.items[0].id });
    assert.deepEqual(model.pathTo(p.id), { path: [PROCS_ID], select: p.id });
    // unknown procs and threads have no rows
    assert.equal((await model.getChildren('v', 'generations', procNodeId(999), 0, 10)).total, 0);
    assert.equal((await model.getChildren('v', 'generations', 'threads/m1/e0', 0, 10)).total, 0);

    // event counts: one row per generation, its types most frequent first, summing to its total
    const gens = await model.getChildren('v', 'generations', EVENT_COUNTS_ID, 0, 100);
    assert.equal(gens.total, summaries.eventCounts.length);
    assert.equal(gens.items[0].label, `generation ${model.generations[0].genNumber}`);
    const types = await model.getChildren('v', 'generations', gens.items[0].id, 0, 1000);
    assert.equal(types.total, gens.items[0].childCount);
    const counts = types.items.map((n) => Number(n.description!.split(' ')[0]));
    assert.deepEqual([...counts].sort((a, b) => b - a), counts);
    assert.equal(counts.reduce((a, b) => a + b, 0), summaries.eventCounts[0].total);
    assert.ok(types.items.some((n) => n.label === 'GoSyscallBegin'));
    assert.deepEqual(model.pathTo(types.items[1].id), { path: [EVENT_COUNTS_ID, gens.items[0].id], select: types.items[1].id });
  });
});
