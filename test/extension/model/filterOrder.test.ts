/**
 * The filter in time order, with Go's meaning of an owner, on real traces: a goroutine's matches
 * are the ordered stream's events of that goroutine (its own GoBlock and syscalls included), a
 * type's matches are in time order across threads and name their goroutine, proc and thread, for
 * v1 and v2 traces; the count streams in and ends equal to the index's.
 */
import * as assert from 'node:assert/strict';
import { isOwnedBy } from '../../../src/analysis/index.js';
import { Ev, openEventStream, V2_SPECS, type OrderedEvent } from '../../../src/parser/index.js';
import type { TraceModel } from '../../../src/extension/model/traceModel.js';
import type { TreeNode } from '../../../src/shared/protocol.js';
import { filterAll } from './filterTestSupport.js';
import { closeModels, fixture, readModel } from './modelTestSupport.js';
import { openFileSource } from '../../../src/node/fileSource.js';

/** The ordered stream's events, as (time, type name, g, p, m, offset). */
async function stream(name: string): Promise<{ time: number; name: string; g: number; p: number; m: number; offset: number; e: OrderedEvent }[]> {
  const source = await openFileSource(fixture(name));
  const s = await openEventStream(source);
  const out = [];
  for (;;) {
    const e = s.next();
    if (e) {
      out.push({ time: e.time, name: (e.type >= 0 && V2_SPECS[e.type]?.name) || e.kind, g: e.g, p: e.p, m: e.m, offset: e.srcOffset ?? -1, e });
      continue;
    }
    if (s.needsGeneration) {
      await s.loadGeneration();
      continue;
    }
    break;
  }
  await source.close?.();
  return out;
}

const rowsOf = async (model: TraceModel, view: string): Promise<TreeNode[]> => (await model.getChildren(view, 'generations', '', 0, 100_000)).items;

/** A row's time in ns, from its details. */
async function timeOf(model: TraceModel, row: TreeNode): Promise<number> {
  const d = (await model.eventDetails(row.id))!.find((n) => n.label === 'time')!;
  return Number(/\((-?\d+) ns/.exec(d.description!)![1]);
}

/** "G 5  P 2  M 7" of a row's description, as numbers (-1: none, NaN: "?"). */
function contextOf(row: TreeNode): { g: number; p: number; m: number } {
  const m = /(?:^|  )(G (\d+|\?)|no G)  (P (\d+|\?)|no P)  (M (\d+|\?)|no M)(?:  |$)/.exec(row.description ?? '');
  assert.ok(m, `no context in "${row.description}"`);
  const v = (whole: string, n: string | undefined): number => (whole.startsWith('no') ? -1 : n === '?' ? NaN : Number(n));
  return { g: v(m[1], m[2]), p: v(m[3], m[4]), m: v(m[5], m[6]) };
}

describe('filter: time order and Go\'s meaning', () => {
  after(closeModels);

  for (const name of ['go1.22-syscalls.trace', 'go1.26-manyg.trace', 'go1.21-annot.trace']) {
    it(`${name}: a goroutine's matches are its events in the ordered stream, in order`, async () => {
      const events = await stream(name);
      const model = await readModel(name);
      // The busiest goroutine, which blocks and makes syscalls in these traces.
      const counts = new Map<number, number>();
      for (const x of events) if (x.g >= 0) counts.set(x.g, (counts.get(x.g) ?? 0) + 1);
      const g = [...counts].sort((a, b) => b[1] - a[1])[0][0];
      const want = events.filter((x) => isOwnedBy(x.e, 'goroutine', g));
      const r = await filterAll(model, 'v', { goroutine: g });
      assert.equal(r.matches, want.length);
      const rows = await rowsOf(model, 'v');
      assert.equal(rows.length, want.length);
      for (let i = 0; i < rows.length; i++) {
        assert.equal(rows[i].label, want[i].name, `row ${i}`);
        assert.deepEqual(contextOf(rows[i]), { g: want[i].g, p: want[i].p, m: want[i].m }, `row ${i}`);
      }
      // Its own blocking and syscalls (context g), not only events naming it in an argument.
      assert.ok(want.some((x) => x.g === g && /GoBlock|GoSyscallBegin|GoStop/.test(x.name)), 'the goroutine blocks or makes a syscall');
      // A time range and a type narrow it, in the same order.
      // The type names are the trace's wire types (v1's for a v1 trace): the same events as the
      // type alone finds, those of the goroutine.
      const eventTypes = name.startsWith('go1.21') ? ['GoStart', 'GoStartLocal', 'GoStartLabel'] : ['GoStart'];
      await filterAll(model, 'w', { eventTypes });
      const ofType = new Set((await rowsOf(model, 'w')).map((n) => n.offset));
      const starts = await filterAll(model, 'v', { goroutine: g, eventTypes });
      const startRows = await rowsOf(model, 'v');
      assert.equal(startRows.length, starts.matches);
      assert.deepEqual(startRows.map((n) => n.offset), want.filter((x) => ofType.has(x.offset)).map((x) => x.offset));
      assert.ok(starts.matches > 0 && starts.matches < want.length);
    });
  }

  it('a type\'s matches are in time order across threads, each with its G, P and M (v2)', async () => {
    const name = 'go1.26-manyg.trace';
    const events = await stream(name);
    const byOffset = new Map(events.map((x) => [x.offset, x]));
    const model = await readModel(name);
    const r = await filterAll(model, 'v', { eventTypes: ['GoBlock'] });
    assert.equal(r.matches, events.filter((x) => x.name === 'GoBlock').length);
    const rows = await rowsOf(model, 'v');
    assert.ok(rows.length > 100, `${rows.length} rows`);
    assert.ok(new Set(rows.map((n) => contextOf(n).m)).size > 1, 'more than one thread');
    let last = -Infinity;
    let known = 0;
    for (const row of rows.slice(0, 400)) {
      const t = await timeOf(model, row);
      assert.ok(t >= last, `${row.id} at ${t} before ${last}`);
      last = t;
      const c = contextOf(row);
      const x = byOffset.get(row.offset!)!;
      assert.equal(c.m, x.m, row.id);
      if (!Number.isNaN(c.g)) {
        known++;
        assert.deepEqual(c, { g: x.g, p: x.p, m: x.m }, row.id);
      }
    }
    assert.ok(known > 0, 'the first generation of the page was ordered again');
    // The count of a type alone is the index's at once.
    assert.equal(r.matches, model.stats.eventsByType.get(Ev.GoBlock));
  });

  it('text and time-range matches are in time order too', async () => {
    const model = await readModel('go1.26-annot.trace');
    for (const filter of [{ text: 'main' }, { fromNs: 0, toNs: 5_000_000 }]) {
      await filterAll(model, 'v', filter);
      const rows = await rowsOf(model, 'v');
      assert.ok(rows.length > 10);
      let last = -Infinity;
      for (const row of rows) {
        const t = await timeOf(model, row);
        assert.ok(t >= last, `${JSON.stringify(filter)}: ${row.id}`);
        last = t;
      }
    }
  });

  it('v1: a type\'s matches are in time order with their G, P and M', async () => {
    const model = await readModel('go1.21-annot.trace');
    await filterAll(model, 'v', { fromNs: 0 });
    const rows = await rowsOf(model, 'v');
    assert.ok(rows.length > 5, `${rows.length} rows`);
    assert.ok(new Set(rows.map((n) => contextOf(n).p)).size > 1, 'more than one P');
    let last = -Infinity;
    for (const row of rows) {
      const c = contextOf(row);
      assert.ok(c.p >= 0 && !Number.isNaN(c.g) && !Number.isNaN(c.m), row.description);
      const t = await timeOf(model, row);
      assert.ok(t >= last, row.id);
      last = t;
    }
  });

  it('streams: setFilter answers with the count so far, filterProgress follows it to the end', async () => {
    const model = await readModel('go1.26-manyg.trace');
    const first = await model.setFilter('v', { text: 'runtime' });
    assert.ok(first && 'run' in first);
    let r = first;
    let steps = 0;
    while (!r.done) {
      const next = await model.filterProgress('v', r.run);
      assert.ok(next && 'run' in next);
      assert.ok(next.matches >= r.matches, 'the count only grows');
      r = next;
      steps++;
    }
    assert.ok(r.matches > 0 && steps >= 0);
    // A newer filter replaces the run: its progress is gone.
    const newer = await model.setFilter('v', { eventTypes: ['GoStart'] });
    assert.ok(newer && 'run' in newer && newer.run === first.run + 1);
    assert.equal(await model.filterProgress('v', first.run), undefined);
  });
});
