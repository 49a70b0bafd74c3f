/**
 * The timeline's task lanes on real annotated traces (v2 and v1), against the summaries' tasks:
 * at a resolution finer than any task, every task is on one row once, at its times, with its
 * type; tasks on one row do not overlap; a child task lies below its parent. Then the packing's
 * bound on made-up tasks.
 */
import * as assert from 'node:assert/strict';
import type { TraceModel } from '../../../src/extension/model/traceModel.js';
import { LaneSliceBuilder } from '../../../src/extension/model/laneSlices.js';
import { MAX_TASK_ROWS, TaskLanes } from '../../../src/extension/model/taskLanes.js';
import type { SliceAnswer } from '../../../src/shared/timeline.js';
import { closeModels, readModel } from './modelTestSupport.js';

for (const name of ['go1.22-annot.trace', 'go1.26-annot.trace', 'go1.21-annot.trace', 'go1.19-annot.trace']) {
  describe(`extension/model/taskLanes: ${name}`, function () {
    this.timeout(60_000);
    let model: TraceModel;
    before(async () => {
      model = await readModel(name, { timeline: true });
    });
    after(closeModels);

    it('every task once, on a row of its own time, with its type; a child below its parent', async () => {
      const s = model.analysisData!.summaries;
      assert.ok(s.tasks.length > 0, 'the trace has tasks');
      const layout = model.timeline.layout();
      const lanes = layout.lanes.filter((l) => l.kind === 'task');
      assert.ok(lanes.length > 0 && lanes.length <= MAX_TASK_ROWS);
      assert.deepEqual(lanes.map((l) => l.id), lanes.map((_, r) => `t${r}`));
      const answer: SliceAnswer = await model.timeline.slices({ lanes: lanes.map((l) => l.id), fromNs: 0, toNs: layout.durationNs, nsPerPx: 1e-3 });
      assert.equal(answer.exact, true);
      const origin = model.traceStartNs;
      const seen: { lane: string; start: number; end: number; label: string }[] = [];
      for (const l of answer.lanes) {
        for (let i = 0; i < l.start.length; i++) {
          assert.equal(l.state[i], 8, 'a task slice');
          if (i > 0 && lanes.length < MAX_TASK_ROWS) assert.ok(l.start[i] >= l.end[i - 1], `${l.lane}: no overlap`);
          seen.push({ lane: l.lane, start: l.start[i], end: l.end[i], label: answer.strings[l.label[i]] });
        }
      }
      const rowOf = new Map<string, string>();
      for (const t of s.tasks) {
        const start = (Number.isNaN(t.startNs) ? origin : t.startNs) - origin;
        const end = (Number.isNaN(t.endNs) ? s.lastNs : t.endNs) - origin;
        if (end <= start) continue; // an instant task has no width to draw
        const hits = seen.filter((x) => x.start === start && x.end === end && x.label === (t.name || `task ${t.id}`));
        assert.ok(hits.length >= 1, `task ${t.id} ${t.name} at [${start}, ${end}]`);
        rowOf.set(t.id, hits[0].lane);
      }
      let children = 0;
      for (const t of s.tasks) {
        if (!t.parent || !rowOf.has(t.parent) || !rowOf.has(t.id)) continue;
        assert.ok(Number(rowOf.get(t.id)!.slice(1)) > Number(rowOf.get(t.parent)!.slice(1)), `task ${t.id} below its parent ${t.parent}`);
        children++;
      }
      if (name !== 'go1.19-annot.trace') assert.ok(children > 0 || s.tasks.every((t) => !t.parent), 'the trace nests tasks');
    });
  });
}

describe('extension/model/taskLanes: packing', () => {
  after(closeModels);
  const task = (id: number, startNs: number, endNs: number, parent?: number) => ({ id: String(id), name: `T${id}`, ...(parent ? { parent: String(parent) } : {}), startNs, endNs, startGoroutine: 1, endGoroutine: 1, regions: 0, logs: 0, logList: [] });

  it('reuses a row once free, opens one for an overlap, and keeps open tasks to the trace’s ends', () => {
    const lanes = new TaskLanes([task(1, 10, 50), task(2, 20, 30, 1), task(3, 60, 70), task(4, NaN, 15), task(5, 65, NaN)], 0, 100);
    assert.equal(lanes.rowCount, 3);
    assert.deepEqual([1, 2, 3, 4, 5].map((id) => lanes.placeOf(id - 1)), [
      { lane: 't1', startNs: 10, endNs: 50 },
      { lane: 't2', startNs: 20, endNs: 30 },
      { lane: 't0', startNs: 60, endNs: 70 },
      { lane: 't0', startNs: 0, endNs: 15 },
      { lane: 't1', startNs: 65, endNs: 100 },
    ]);
    const out = new LaneSliceBuilder('t0', 1e-3);
    lanes.slices(0, 0, 100, 0, out, (s) => (s === 'T3' ? 7 : 8));
    const got = out.finish();
    assert.deepEqual([got.start, got.end, got.label, got.goroutine], [[0, 60], [15, 70], [8, 7], [1, 1]]);
  });

  it('puts every task past the last row in it', () => {
    const many = Array.from({ length: MAX_TASK_ROWS + 10 }, (_, k) => task(k + 1, k, 1000));
    const lanes = new TaskLanes(many, 0, 1000);
    assert.equal(lanes.rowCount, MAX_TASK_ROWS);
    assert.equal(lanes.placeOf(MAX_TASK_ROWS + 9)?.lane, `t${MAX_TASK_ROWS - 1}`);
    assert.match(lanes.lanes()[MAX_TASK_ROWS - 1].tooltip ?? '', /every task past this row/);
  });
});
