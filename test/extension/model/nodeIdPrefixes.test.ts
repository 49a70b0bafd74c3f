import * as assert from 'node:assert/strict';
import * as ids from '../../../src/extension/model/nodeIds.js';
import type { NodeRef } from '../../../src/extension/model/nodeIds.js';

/** One ID of every kind, built by the functions the model uses (numbers vary: 3, 40, 7, ...). */
function everyKind(): [NodeRef['kind'], string][] {
  const e = ids.eventId(3, 40, 7);
  return [
    ['generation', ids.generationId(3)],
    ['thread', ids.threadId(3, 12)],
    ['noThread', ids.noThreadId(3)],
    ['v1Proc', ids.v1ProcId(0, 2)],
    ['batch', ids.batchId(3, 40)],
    ['event', e],
    ['stringsTable', ids.stringsTableId(3)],
    ['string', ids.stringId(3, 5)],
    ['stacksTable', ids.stacksTableId(3)],
    ['tableStack', ids.tableStackId(3, 9)],
    ['tableFrame', ids.tableFrameId(3, 9, 1)],
    ['samplesTable', ids.samplesTableId(3)],
    ['sample', ids.sampleId(3, 4)],
    ['sampleFrame', ids.sampleFrameId(3, 4, 1)],
    ['eventArg', ids.eventArgId(e, 2)],
    ['eventInfo', ids.eventInfoId(e, 1)],
    ['eventStack', ids.eventStackId(e, 0)],
    ['eventFrame', ids.eventFrameId(e, 0, 5)],
    ['goroutines', ids.GOROUTINES_ID],
    ['goroutine', ids.goroutineNodeId(5)],
    ['goroutineEvent', ids.goroutineEventId(5, 3)],
    ['goroutineFrame', ids.goroutineFrameId(5, 3, 1)],
    ['tasks', ids.TASKS_ID],
    ['task', ids.taskNodeId(2)],
    ['taskRegion', ids.taskRegionId(2, 7)],
    ['taskLog', ids.taskLogId(2, 3)],
    ['taskLogFrame', ids.taskLogFrameId(2, 3, 0)],
    ['regions', ids.REGIONS_ID],
    ['region', ids.regionNodeId(7)],
    ['procs', ids.PROCS_ID],
    ['proc', ids.procNodeId(2)],
    ['procEvent', ids.summaryEventId('proc', 2, 9)],
    ['procFrame', ids.summaryFrameId('proc', 2, 9, 1)],
    ['threads', ids.THREADS_ID],
    ['osThread', ids.osThreadNodeId(7)],
    ['threadEvent', ids.summaryEventId('thread', 7, 0)],
    ['threadFrame', ids.summaryFrameId('thread', 7, 0, 4)],
    ['summaryEventArg', ids.eventArgId(ids.goroutineEventId(5, 3), 1)],
    ['summaryEventInfo', ids.eventInfoId(ids.procNodeId(0) + '/e3', 0)],
    ['summaryEventStack', ids.eventStackId(ids.osThreadNodeId(7) + '/e2', 0)],
    ['summaryEventFrame', ids.eventFrameId(ids.goroutineEventId(5, 3), 0, 2)],
    ['eventCounts', ids.EVENT_COUNTS_ID],
    ['eventCountsGeneration', ids.eventCountsGenerationId(1)],
    ['eventCountsType', ids.eventCountsTypeId(1, 4)],
  ];
}

/** An ID's shape: its numbers as "#" ("g#/b#/e#"). */
const shape = (id: string): string => id.replace(/-?\d+/g, '#');
/** What names a kind: its shape up to its own (last) number, or the whole ID when it has none. */
const prefix = (id: string): string => {
  const s = shape(id);
  return s.endsWith('#') ? s.slice(0, -1) : s;
};

describe('node ID prefixes', () => {
  const all = everyKind();

  it('cover every kind once, each parsing back to its own kind', () => {
    const kinds = all.map(([k]) => k);
    assert.equal(new Set(kinds).size, kinds.length, 'a kind listed twice');
    for (const [kind, id] of all) assert.equal(parseKind(id), kind, id);
  });

  it('give every kind its own prefix', () => {
    const owner = new Map<string, string>();
    for (const [kind, id] of all) {
      const p = prefix(id);
      assert.equal(owner.get(p), undefined, `${kind} and ${owner.get(p)} share the prefix "${p}"`);
      owner.set(p, kind);
    }
  });

  it('keep rows under one parent apart by their last segment', () => {
    // Siblings: the same shape up to the last "/". A numbered segment ("p#") must not start another's ("procs").
    const byParent = new Map<string, { kind: string; last: string }[]>();
    for (const [kind, id] of all) {
      const s = shape(id);
      const cut = s.lastIndexOf('/');
      const parent = cut < 0 ? '' : s.slice(0, cut);
      const list = byParent.get(parent) ?? [];
      list.push({ kind, last: s.slice(cut + 1) });
      byParent.set(parent, list);
    }
    for (const [parent, siblings] of byParent) {
      for (const a of siblings) {
        for (const b of siblings) {
          if (a === b) continue;
          assert.notEqual(a.last, b.last, `${a.kind} and ${b.kind} under "${parent}"`);
          const head = a.last.replace(/#.*$/, '');
          if (a.last.includes('#')) assert.ok(!b.last.startsWith(head + '#'), `${a.kind} and ${b.kind} share "${head}" under "${parent}"`);
        }
      }
    }
  });

  it('never give two kinds the same ID, whatever the numbers', () => {
    // The v1 P (g0/p2) and the thread (g0/m2) of one generation, the proc (procs/p2) and the thread root's M.
    const seen = new Map<string, string>();
    for (const n of [0, 1, 2, 7, 12]) {
      const made: [string, string][] = [
        ['thread', ids.threadId(0, n)], ['v1Proc', ids.v1ProcId(0, n)], ['batch', ids.batchId(0, n)], ['generation', ids.generationId(n)],
        ['proc', ids.procNodeId(n)], ['osThread', ids.osThreadNodeId(n)], ['goroutine', ids.goroutineNodeId(n)],
        ['string', ids.stringId(0, n)], ['tableStack', ids.tableStackId(0, n)], ['sample', ids.sampleId(0, n)], ['eventCountsGeneration', ids.eventCountsGenerationId(n)],
      ];
      for (const [kind, id] of made) {
        assert.ok(seen.get(id) === undefined || seen.get(id) === kind, `${id} is both ${kind} and ${seen.get(id)}`);
        seen.set(id, kind);
        assert.equal(parseKind(id), kind, id);
      }
    }
  });
});

function parseKind(id: string): string | undefined {
  return ids.parseNodeId(id)?.kind;
}
