import * as assert from 'node:assert/strict';
import {
  batchId, eventArgId, eventFrameId, eventId, eventOfDetailId, eventStackId, generationId, noThreadId, parseNodeId,
  sampleFrameId, stringId, tableFrameId, threadId,
  EVENT_COUNTS_ID, eventCountsGenerationId, eventCountsTypeId, isEventNodeId, osThreadNodeId, procNodeId, PROCS_ID, summaryEventId,
  summaryEventOf, summaryFrameId, summaryOwnerNodeId, THREADS_ID, SUMMARY_REF_KINDS, taskLogFrameId, taskLogId, taskNodeId, taskRegionId,
} from '../../../src/extension/model/nodeIds.js';

describe('node IDs', () => {
  it('round-trip every shape through parseNodeId', () => {
    const e = eventId(3, 40, 7);
    const cases: [string, object][] = [
      ['', { kind: 'root' }],
      [generationId(3), { kind: 'generation', genIndex: 3 }],
      [threadId(3, 12), { kind: 'thread', genIndex: 3, m: 12 }],
      [threadId(3, -1), { kind: 'thread', genIndex: 3, m: -1 }],
      [noThreadId(3), { kind: 'noThread', genIndex: 3 }],
      [batchId(3, 40), { kind: 'batch', genIndex: 3, batch: 40 }],
      [e, { kind: 'event', genIndex: 3, batch: 40, event: 7 }],
      [stringId(0, 5), { kind: 'string', genIndex: 0, id: 5 }],
      [tableFrameId(1, 9, 2), { kind: 'tableFrame', genIndex: 1, id: 9, frame: 2 }],
      [sampleFrameId(1, 4, 0), { kind: 'sampleFrame', genIndex: 1, sample: 4, frame: 0 }],
      [eventArgId(e, 2), { kind: 'eventArg', genIndex: 3, batch: 40, event: 7, arg: 2 }],
      [eventStackId(e, 1), { kind: 'eventStack', genIndex: 3, batch: 40, event: 7, stack: 1 }],
      [eventFrameId(e, 1, 5), { kind: 'eventFrame', genIndex: 3, batch: 40, event: 7, stack: 1, frame: 5 }],
    ];
    for (const [id, ref] of cases) assert.deepEqual(parseNodeId(id), ref, id);
  });

  it('spells IDs as the protocol documents them', () => {
    assert.equal(eventId(0, 12, 40), 'g0/b12/e40');
    assert.equal(eventStackId(eventId(0, 12, 40), 0), 'ev:g0/b12/e40/s0');
  });

  it('rejects malformed IDs (they come from the webview)', () => {
    for (const bad of ['g', 'g-1', 'g01', 'g1/b', 'g1/b2/e3/x', 'ev:g1', 'g1/m-2', 'g99999999999999999', 'x'.repeat(300), 'g1/b2/e3 ']) {
      assert.equal(parseNodeId(bad), undefined, bad);
    }
  });

  it('round-trips the Procs, Threads and Event counts rows, and the event trees of summary events', () => {
    const cases: [string, object][] = [
      [PROCS_ID, { kind: 'procs' }],
      [procNodeId(2), { kind: 'proc', proc: 2 }],
      [summaryEventId('proc', 2, 9), { kind: 'procEvent', proc: 2, event: 9 }],
      [summaryFrameId('proc', 2, 9, 1), { kind: 'procFrame', proc: 2, event: 9, frame: 1 }],
      [THREADS_ID, { kind: 'threads' }],
      [osThreadNodeId(7813), { kind: 'osThread', thread: 7813 }],
      [summaryEventId('thread', 7813, 0), { kind: 'threadEvent', thread: 7813, event: 0 }],
      [summaryFrameId('thread', 7813, 0, 4), { kind: 'threadFrame', thread: 7813, event: 0, frame: 4 }],
      [summaryEventId('goroutine', 5, 3), { kind: 'goroutineEvent', goroutine: 5, event: 3 }],
      [EVENT_COUNTS_ID, { kind: 'eventCounts' }],
      [eventCountsGenerationId(1), { kind: 'eventCountsGeneration', genIndex: 1 }],
      [eventCountsTypeId(1, 4), { kind: 'eventCountsType', genIndex: 1, type: 4 }],
      [eventArgId('goroutines/g5/e3', 1), { kind: 'summaryEventArg', owner: 'goroutine', id: 5, event: 3, arg: 1 }],
      [eventStackId('procs/p0/e3', 0), { kind: 'summaryEventStack', owner: 'proc', id: 0, event: 3, stack: 0 }],
      [eventFrameId('threads/m7/e2', 1, 6), { kind: 'summaryEventFrame', owner: 'thread', id: 7, event: 2, stack: 1, frame: 6 }],
      ['ev:threads/m7/e2/i3', { kind: 'summaryEventInfo', owner: 'thread', id: 7, event: 2, info: 3 }],
    ];
    for (const [id, ref] of cases) assert.deepEqual(parseNodeId(id), ref, id);
    assert.equal(summaryOwnerNodeId('thread', 7), 'threads/m7');
    assert.equal(summaryOwnerNodeId('goroutine', 7), 'goroutines/g7');
    for (const bad of ['procs/p-1', 'threads/m', 'procs/p1/e', 'ev:procs/p1/e2', 'ev:procs/p1/e2/a1/f0', 'ev:goroutines/g1/e2/x0', 'ev:tasks/t1/e0/s0']) {
      assert.equal(parseNodeId(bad), undefined, bad);
    }
  });

  it('tells which rows are events with details, and whose event a row belongs to', () => {
    for (const id of ['g0/b1/e2', 'goroutines/g1/e0', 'procs/p0/e5', 'threads/m3/e1']) assert.ok(isEventNodeId(id), id);
    for (const id of ['g0/b1', 'goroutines/g1', 'procs/p0/e5/f0', 'ev:procs/p0/e5/s0', 'eventCounts/c0/t1', 'x']) assert.ok(!isEventNodeId(id), id);
    assert.deepEqual(summaryEventOf(parseNodeId('ev:procs/p0/e5/s1/f2')), { owner: 'proc', id: 0, event: 5 });
    assert.deepEqual(summaryEventOf(parseNodeId('goroutines/g4/e1/f0')), { owner: 'goroutine', id: 4, event: 1 });
    assert.equal(summaryEventOf(parseNodeId('g0/b1/e2')), undefined);
  });

  it('finds the event of an event-tree node', () => {
    assert.equal(eventOfDetailId(eventFrameId('g1/b2/e3', 0, 4)), 'g1/b2/e3');
    assert.equal(eventOfDetailId('g1/b2'), undefined);
  });

  it('names a task\'s regions, logs and their frames under it, apart from every other kind', () => {
    const cases: [string, object][] = [
      [taskNodeId(2), { kind: 'task', task: 2 }],
      [taskRegionId(2, 7), { kind: 'taskRegion', task: 2, region: 7 }],
      [taskLogId(2, 3), { kind: 'taskLog', task: 2, log: 3 }],
      [taskLogFrameId(2, 3, 0), { kind: 'taskLogFrame', task: 2, log: 3, frame: 0 }],
    ];
    for (const [id, ref] of cases) assert.deepEqual(parseNodeId(id), ref, id);
    assert.equal(taskRegionId(2, 7), 'tasks/t2/r7');
    assert.equal(taskLogId(2, 3), 'tasks/t2/l3');
    assert.equal(taskLogFrameId(2, 3, 0), 'tasks/t2/l3/f0');
    for (const k of ['taskRegion', 'taskLog', 'taskLogFrame'] as const) assert.ok(SUMMARY_REF_KINDS.has(k), k);
    // A log is an event (Copy Event, the event pane); a task's region is not, nor a frame.
    assert.ok(isEventNodeId(taskLogId(0, 0)));
    for (const id of [taskNodeId(0), taskRegionId(0, 1), taskLogFrameId(0, 0, 0)]) assert.ok(!isEventNodeId(id), id);
    for (const bad of ['tasks/t2/r', 'tasks/t2/l-1', 'tasks/t2/x3', 'tasks/t2/r7/f0', 'tasks/t2/l3/f', 'tasks/t2/t3']) assert.equal(parseNodeId(bad), undefined, bad);
  });
});
