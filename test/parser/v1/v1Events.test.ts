/** The v1 event table: the numbering, the argument counts on the wire, the versions, STW reasons. */
import * as assert from 'node:assert/strict';
import { isKnownV1Type, stwReason, STW_REASONS, V1Ev, V1_SPECS, wireArgCount } from '../../../src/parser/v1/v1Events.js';

describe('v1 event table', () => {
  it('has one named row per type, None to CPUSample', () => {
    assert.equal(V1_SPECS.length, V1Ev.Count);
    assert.equal(new Set(V1_SPECS.map((s) => s.name)).size, V1Ev.Count);
    assert.equal(V1_SPECS[V1Ev.STWStart].name, 'GCSTWStart');
    assert.equal(V1_SPECS[V1Ev.CPUSample].name, 'CPUSample');
  });

  it('counts the values on the wire: timestamp delta and stack ID included, where there are', () => {
    assert.equal(wireArgCount(V1Ev.Batch), 2);
    assert.equal(wireArgCount(V1Ev.Frequency), 1);
    assert.equal(wireArgCount(V1Ev.TimerGoroutine), 1);
    assert.equal(wireArgCount(V1Ev.ProcStop), 1);
    assert.equal(wireArgCount(V1Ev.GoCreate), 4);
    assert.equal(wireArgCount(V1Ev.GoSysExit), 4);
    assert.equal(wireArgCount(V1Ev.UserTaskCreate), 5);
    assert.equal(wireArgCount(V1Ev.CPUSample), 5);
  });

  it('knows which types each version has', () => {
    assert.equal(isKnownV1Type(V1Ev.None, 21), false);
    assert.equal(isKnownV1Type(V1Ev.Count, 21), false);
    assert.equal(isKnownV1Type(V1Ev.UserLog, 11), true);
    assert.equal(isKnownV1Type(V1Ev.CPUSample, 11), false);
    assert.equal(isKnownV1Type(V1Ev.CPUSample, 19), true);
  });

  it('maps STW kinds to reasons by version', () => {
    assert.deepEqual([0, 1, 2].map((k) => stwReason(k, 11)), [1, 2, 0]);
    assert.deepEqual([0, 1, 9, 16, 17].map((k) => stwReason(k, 21)), [0, 1, 9, 16, 0]);
    assert.equal(STW_REASONS[stwReason(0, 19)], 'GC mark termination');
  });
});
