/**
 * Cause and effect on the timeline against the ordered stream, on real traces (v2 with many
 * goroutines, v2 with syscalls, v1): for every wait that another goroutine's event ended
 * (Waiting -> Runnable in goroutine U's context), the waiting slice's unblocker is U at that
 * instant and the chain starts U -> the goroutine; for every goroutine created in the trace
 * (NotExist -> Runnable), the creator is the goroutine whose context created it; the next slice
 * of a waiting one starts where it ends, the previous one ends where it starts.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { memorySource, newTransitionCodes, openEventStream, readTransition, TransitionResource } from '../../../src/parser/index.js';
import type { TraceModel } from '../../../src/extension/model/traceModel.js';
import { forEachEvent } from '../../support/orderedEvents.js';
import { closeModels, fixture, readModel } from './modelTestSupport.js';

const NOT_EXIST = 1;
const RUNNABLE = 2;
const WAITING = 4;

interface Expected {
  /** A wait of `g` from `since` that `by` ended at `at`. */
  unblocks: { g: number; since: number; at: number; by: number }[];
  creations: { g: number; at: number; by: number }[];
}

/** From the ordered stream: the unblocks and creations by another goroutine (a sample, spread). */
async function expected(name: string, origin: number): Promise<Expected> {
  const s = await openEventStream(memorySource(new Uint8Array(readFileSync(fixture(name)))));
  const codes = newTransitionCodes();
  const last = new Map<number, number>();
  const all: Expected = { unblocks: [], creations: [] };
  await forEachEvent(s, (e) => {
    if (!readTransition(e, codes) || codes.resource !== TransitionResource.Goroutine) return;
    const g = codes.id;
    if (codes.from === WAITING && codes.to === RUNNABLE && e.g >= 0 && e.g !== g && last.has(g) && e.time - last.get(g)! > 2)
      all.unblocks.push({ g, since: last.get(g)! - origin, at: e.time - origin, by: e.g });
    if (codes.from === NOT_EXIST && codes.to === RUNNABLE && e.g >= 0 && e.g !== g) all.creations.push({ g, at: e.time - origin, by: e.g });
    last.set(g, e.time);
  });
  const spread = <T>(xs: T[], n: number) => xs.filter((_, i) => i % Math.max(1, Math.floor(xs.length / n)) === 0).slice(0, n);
  return { unblocks: spread(all.unblocks, 150), creations: spread(all.creations, 60) };
}

for (const name of ['go1.26-manyg.trace', 'go1.22-syscalls.trace', 'go1.21-annot.trace']) {
  describe(`extension/model/timelineRelations: ${name}`, function () {
    this.timeout(120_000);
    let model: TraceModel;
    let want: Expected;
    before(async () => {
      model = await readModel(name, { timeline: true });
      want = await expected(name, model.traceStartNs);
    });
    after(closeModels);

    it('a wait another goroutine ended: that goroutine is its unblocker, at that instant, and starts the chain', async () => {
      assert.ok(want.unblocks.length > 0, `${want.unblocks.length} unblocks`);
      for (const u of want.unblocks) {
        const mid = (u.since + u.at) / 2;
        const r = await model.timeline.relations({ goroutine: u.g, atNs: mid });
        assert.ok(r.slice, `G${u.g} at ${mid}`);
        assert.equal(r.slice.state, 2, `waiting at ${mid}`);
        assert.equal(r.slice.endNs, u.at);
        assert.deepEqual(r.unblocker, { goroutine: u.by, atNs: u.at }, `G${u.g} woken at ${u.at}`);
        assert.deepEqual(r.chain[0], { from: u.by, to: u.g, atNs: u.at, kind: 'unblock' });
        // Each link's goroutine was acted on by the next one, earlier or at once.
        for (let i = 1; i < r.chain.length; i++) {
          assert.equal(r.chain[i].to, r.chain[i - 1].from);
          assert.ok(r.chain[i].atNs <= r.chain[i - 1].atNs);
        }
        assert.equal(r.next?.startNs, u.at, 'the next slice begins where the wait ends');
        if (r.prev) assert.equal(r.prev.endNs, r.slice.startNs);
      }
    });

    it('a goroutine created in the trace: its creator, at the creation', async () => {
      for (const c of want.creations) {
        const r = await model.timeline.relations({ goroutine: c.g, atNs: c.at });
        assert.deepEqual(r.creator, { goroutine: c.by, atNs: c.at }, `G${c.g} created at ${c.at}`);
      }
    });

    it('a time where the goroutine has no span: nothing, and no chain', async () => {
      const r = await model.timeline.relations({ goroutine: 987_654_321, atNs: 10 });
      assert.equal(r.slice, undefined);
      assert.deepEqual(r.chain, []);
    });
  });
}
