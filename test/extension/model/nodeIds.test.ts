import * as assert from 'node:assert/strict';
import {
  batchId, eventArgId, eventFrameId, eventId, eventOfDetailId, eventStackId, generationId, noThreadId, parseNodeId,
  sampleFrameId, stringId, tableFrameId, threadId,
} from '../../../src/extension/model/nodeIds.js';

describe('node IDs', () => {
  it('round-trip every shape through parseNodeId', () => {
    const e = eventId(3, 40, 7);
    const cases: [string, object][] = [
      ['', { kind: 'root' }],
      [generationId(3), { kind: 'generation', gen: 3 }],
      [threadId(3, 12), { kind: 'thread', gen: 3, m: 12 }],
      [threadId(3, -1), { kind: 'thread', gen: 3, m: -1 }],
      [noThreadId(3), { kind: 'noThread', gen: 3 }],
      [batchId(3, 40), { kind: 'batch', gen: 3, batch: 40 }],
      [e, { kind: 'event', gen: 3, batch: 40, event: 7 }],
      [stringId(0, 5), { kind: 'string', gen: 0, id: 5 }],
      [tableFrameId(1, 9, 2), { kind: 'tableFrame', gen: 1, id: 9, frame: 2 }],
      [sampleFrameId(1, 4, 0), { kind: 'sampleFrame', gen: 1, sample: 4, frame: 0 }],
      [eventArgId(e, 2), { kind: 'eventArg', gen: 3, batch: 40, event: 7, arg: 2 }],
      [eventStackId(e, 1), { kind: 'eventStack', gen: 3, batch: 40, event: 7, stack: 1 }],
      [eventFrameId(e, 1, 5), { kind: 'eventFrame', gen: 3, batch: 40, event: 7, stack: 1, frame: 5 }],
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

  it('finds the event of an event-tree node', () => {
    assert.equal(eventOfDetailId(eventFrameId('g1/b2/e3', 0, 4)), 'g1/b2/e3');
    assert.equal(eventOfDetailId('g1/b2'), undefined);
  });
});
