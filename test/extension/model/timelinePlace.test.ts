/**
 * "Show in Timeline" on real traces (v2 with many goroutines, v2 with syscalls, v1): each kind of
 * row gets its lane and time, and an event's place is the slice it began: on its lane, an exact
 * slice holds the event's time and names the event's byte offset as the one that began it
 * (checked on many events of the generation tree and of the goroutines' lists); the goroutine
 * lane's group and place are those the group's pages list.
 */
import * as assert from 'node:assert/strict';
import type { TraceModel } from '../../../src/extension/model/traceModel.js';
import type { SliceAnswer, SliceQuery, TimelinePlace } from '../../../src/shared/timeline.js';
import type { TreeNode } from '../../../src/shared/protocol.js';
import { closeModels, readModel } from './modelTestSupport.js';

async function exactly(model: TraceModel, q: SliceQuery): Promise<SliceAnswer> {
  for (let i = 0; i < 200; i++) {
    const a = await model.timeline.slices(q);
    if (a.exact) return a;
  }
  throw new Error('never exact');
}

/** Whether an exact slice of the place's lane holds its time and was begun by the event at `offset`. */
async function beginsSlice(model: TraceModel, p: TimelinePlace, offset: number | undefined): Promise<boolean> {
  const a = await exactly(model, { lanes: [p.lane!], fromNs: p.startNs - 1, toNs: p.startNs + 1, nsPerPx: 1e-6 });
  const l = a.lanes[0];
  return l.start.some((s, i) => s <= p.startNs && l.end[i] >= p.startNs && l.merged[i] === 0 && l.offset[i] === offset);
}

async function children(model: TraceModel, id: string, limit = 200): Promise<TreeNode[]> {
  return (await model.getChildren('v', 'generations', id, 0, limit)).items;
}

/** Event rows of the generation tree: the first events of the first batches of generation 0 and 1. */
async function wireEvents(model: TraceModel, want: number): Promise<TreeNode[]> {
  const out: TreeNode[] = [];
  const stack = (await children(model, '')).filter((n) => n.kind === 'generation').slice(0, 2);
  while (stack.length && out.length < want) {
    const n = stack.shift()!;
    for (const c of await children(model, n.id, 60)) {
      if (c.kind === 'event') out.push(c);
      else if (c.kind === 'thread' || c.kind === 'batch') stack.push(c);
    }
  }
  return out.slice(0, want);
}

for (const name of ['go1.26-manyg.trace', 'go1.22-syscalls.trace', 'go1.21-annot.trace']) {
  describe(`extension/model/timelinePlace: ${name}`, function () {
    this.timeout(120_000);
    let model: TraceModel;
    before(async () => {
      model = await readModel(name, { timeline: true });
    });
    after(closeModels);

    it('a goroutine row: its lane over its life, in the group the pages list it in', async () => {
      const layout = model.timeline.layout();
      const g = layout.groups.reduce((a, b) => (b.goroutines > a.goroutines ? b : a));
      const lane = model.timeline.groupLanes(g.index, g.goroutines - 1, 1)[0];
      const id = Number(lane.id.slice(1));
      const p = await model.timelinePlace(`goroutines/g${id}`);
      assert.ok(p);
      assert.equal(p.lane, lane.id);
      assert.equal(p.group, g.index);
      assert.equal(p.indexInGroup, g.goroutines - 1);
      assert.ok(p.endNs >= p.startNs && p.startNs >= -1e9 && p.endNs <= layout.durationNs + 1);
    });

    it('proc and thread rows: their lanes; a row with no place: none', async () => {
      const s = model.summaries!;
      const proc = [...s.procs.keys()][0];
      const thread = [...s.threads.keys()][0];
      assert.equal((await model.timelinePlace(`procs/p${proc}`))?.lane, `p${proc}`);
      assert.equal((await model.timelinePlace(`threads/m${thread}`))?.lane, `m${thread}`);
      assert.equal(await model.timelinePlace('g0'), undefined);
      assert.equal(await model.timelinePlace('goroutines/g999999999'), undefined);
      assert.equal(await model.timelinePlace('nonsense'), undefined);
    });

    it("a goroutine's events: each on a lane where an exact slice begins at its time, or on the goroutine's", async () => {
      const s = model.summaries!;
      const busiest = [...s.goroutines.values()].sort((a, b) => b.events - a.events)[0];
      const rows = (await children(model, `goroutines/g${busiest.id}`, 80)).filter((n) => n.kind === 'event');
      assert.ok(rows.length > 3);
      let begun = 0;
      for (const r of rows) {
        const p = await model.timelinePlace(r.id);
        assert.ok(p?.lane, r.id);
        assert.equal(p.startNs, p.endNs);
        if (p.lane !== `g${busiest.id}`) assert.ok(await beginsSlice(model, p, r.offset), `${r.id} on ${p.lane} at ${p.startNs}`);
        else if (await beginsSlice(model, p, r.offset)) begun++;
      }
      assert.ok(begun > 0, 'some of its events begin its own spans');
    });

    it('generation-tree events: a lane only where the event began a slice there', async () => {
      const rows = await wireEvents(model, 120);
      assert.ok(rows.length > 10);
      let placed = 0;
      for (const r of rows) {
        const p = await model.timelinePlace(r.id);
        if (!p) continue;
        assert.equal(p.startNs, p.endNs);
        if (!p.lane) continue;
        placed++;
        assert.ok(await beginsSlice(model, p, r.offset), `${r.id} (${r.label}) on ${p.lane} at ${p.startNs}`);
      }
      assert.ok(placed > 5, `${placed} of ${rows.length} placed on a lane`);
    });

    it('tasks and regions: a task on its task lane over its time; a region on its goroutine', async () => {
      const s = model.summaries!;
      if (s.tasks.length === 0) return;
      const t = await model.timelinePlace('tasks/t0');
      assert.ok(t && /^t\d+$/.test(t.lane ?? '') && t.endNs >= t.startNs, JSON.stringify(t));
      assert.ok(model.timeline.layout().lanes.some((l) => l.id === t.lane && l.kind === 'task'));
      const r = s.regions.findIndex((x) => x.goroutine >= 0);
      if (r < 0) return;
      const p = await model.timelinePlace(`regions/r${r}`);
      assert.equal(p?.lane, `g${s.regions[r].goroutine}`);
    });
  });
}
