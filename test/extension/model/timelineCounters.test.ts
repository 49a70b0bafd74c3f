/**
 * The timeline's counter lanes on real traces (v2 with CPU samples, many generations; v1): the
 * lanes are those the trace has data for, right after GC; at a resolution finer than a bucket the
 * points are the buckets; at a coarse one a point's min and max are those of the buckets it
 * merges (a spike is never lost), its value the last bucket's, and the CPU samples add up.
 */
import * as assert from 'node:assert/strict';
import { Series, type CounterChunk, type Counters } from '../../../src/analysis/index.js';
import type { TraceModel } from '../../../src/extension/model/traceModel.js';
import type { CounterLaneData } from '../../../src/shared/timelineCounters.js';
import { closeModels, readModel } from './modelTestSupport.js';

const timelineModel = (name: string) => readModel(name, { timeline: true });

function countersOf(model: TraceModel): Counters {
  return model.analysisData!.counters;
}

/** Every bucket of every chunk, in the query's frame. */
function buckets(c: Counters, origin: number): { chunk: CounterChunk; i: number; start: number; end: number }[] {
  const out: { chunk: CounterChunk; i: number; start: number; end: number }[] = [];
  for (const chunk of c.chunks) {
    for (let i = 0; i < chunk.count; i++) {
      const start = chunk.startNs + i * chunk.widthNs;
      const end = chunk.bucketEndNs(i);
      if (end > start) out.push({ chunk, i, start: start - origin, end: end - origin });
    }
  }
  return out;
}

const lane = (lanes: CounterLaneData[], id: string) => lanes.find((l) => l.lane === id)!;
const out = (x: number) => (Number.isNaN(x) ? -1 : x);

describe('model/timelineCounters', function () {
  this.timeout(60_000);
  after(closeModels);

  it('lays out the counter lanes the trace has data for, right after GC', async () => {
    const cpu = await timelineModel('go1.27-cpuprof.trace');
    const ids = cpu.timeline.layout().lanes.map((l) => l.id);
    assert.deepEqual(ids.slice(0, 5), ['gc', 'c:heap', 'c:goroutines', 'c:threads', 'c:cpu']);
    assert.ok(cpu.timeline.layout().lanes.filter((l) => l.kind === 'counter').every((l) => l.label && l.tooltip));
    const plain = await timelineModel('go1.22-syscalls.trace');
    const kinds = plain.timeline.layout().lanes.filter((l) => l.kind === 'counter').map((l) => l.id);
    assert.ok(!kinds.includes('c:cpu'), 'no CPU samples, no CPU lane');
    assert.ok(kinds.includes('c:goroutines'));
  });

  for (const name of ['go1.27-cpuprof.trace', 'go1.26-manyg.trace', 'go1.21-annot.trace']) {
    it(`${name}: finer than a bucket, the points are the buckets`, async () => {
      const model = await timelineModel(name);
      const c = countersOf(model);
      // A generation's Sync may come before the first event: its first buckets end before 0.
      const all = buckets(c, model.traceStartNs).filter((b) => b.end > 0);
      const duration = model.timeline.layout().durationNs;
      const ids = model.timeline.layout().lanes.filter((l) => l.kind === 'counter').map((l) => l.id);
      const a = model.timeline.counters({ lanes: ids, fromNs: 0, toNs: duration + 1, nsPerPx: 1 });
      assert.equal(a.lanes.length, ids.length);
      const g = lane(a.lanes, 'c:goroutines');
      assert.deepEqual(g.start, all.map((b) => b.start));
      assert.deepEqual(g.end, all.map((b) => b.end));
      const running = g.series.find((s) => s.name === 'Running')!;
      assert.deepEqual(running.value, all.map((b) => b.chunk.end(Series.Running, b.i)));
      assert.deepEqual(running.max, all.map((b) => b.chunk.max(Series.Running, b.i)));
      const heap = a.lanes.find((l) => l.lane === 'c:heap');
      if (heap) assert.deepEqual(heap.series[0].min, all.map((b) => out(b.chunk.min(Series.Heap, b.i))));
    });

    it(`${name}: at 500 px, a point's min and max are its buckets', nothing lost`, async () => {
      const model = await timelineModel(name);
      const c = countersOf(model);
      const all = buckets(c, model.traceStartNs);
      const duration = model.timeline.layout().durationNs;
      const ids = model.timeline.layout().lanes.filter((l) => l.kind === 'counter').map((l) => l.id);
      const a = model.timeline.counters({ lanes: ids, fromNs: 0, toNs: duration, nsPerPx: duration / 500 });
      for (const l of a.lanes) {
        assert.ok(l.start.length <= 500 + c.chunks.length + 1, `${l.lane}: ${l.start.length} points`);
        for (let p = 1; p < l.start.length; p++) assert.ok(l.start[p] >= l.end[p - 1], 'points do not overlap');
      }
      const g = lane(a.lanes, 'c:goroutines');
      const waiting = g.series.find((s) => s.name === 'Waiting')!;
      let globalMax = 0;
      for (let p = 0; p < g.start.length; p++) {
        const inside = all.filter((b) => b.start >= g.start[p] && b.end <= g.end[p]);
        assert.ok(inside.length > 0);
        const max = Math.max(...inside.map((b) => b.chunk.max(Series.Waiting, b.i)));
        const min = Math.min(...inside.map((b) => b.chunk.min(Series.Waiting, b.i)));
        const last = inside[inside.length - 1];
        assert.equal(waiting.max[p], max);
        assert.equal(waiting.min[p], min);
        assert.equal(waiting.value[p], last.chunk.end(Series.Waiting, last.i));
        globalMax = Math.max(globalMax, waiting.max[p]);
      }
      assert.equal(globalMax, Math.max(...all.map((b) => b.chunk.max(Series.Waiting, b.i))), 'the highest bucket shows at any zoom');
      const cpu = a.lanes.find((l) => l.lane === 'c:cpu');
      if (cpu) {
        const total = all.reduce((n, b) => n + b.chunk.end(Series.Cpu, b.i), 0);
        assert.equal(cpu.series[0].value.reduce((x, y) => x + y, 0), total, 'every CPU sample counted once');
        assert.ok(total > 0);
      }
    });
  }

  it('answers a zoomed-in range with the buckets around it, and leaves out unknown lanes', async () => {
    const model = await timelineModel('go1.26-manyg.trace');
    const duration = model.timeline.layout().durationNs;
    const from = duration / 2;
    const a = model.timeline.counters({ lanes: ['c:goroutines', 'nope', 'g1'], fromNs: from, toNs: from + 1000, nsPerPx: 1 });
    assert.deepEqual(a.lanes.map((l) => l.lane), ['c:goroutines']);
    const g = a.lanes[0];
    assert.ok(g.start.length >= 1 && g.start.length <= 2);
    assert.ok(g.start[0] <= from && g.end[g.end.length - 1] >= from + 1000);
    const empty = model.timeline.counters({ lanes: ['c:goroutines'], fromNs: duration * 10, toNs: duration * 11, nsPerPx: 1 });
    assert.equal(empty.lanes[0].start.length, 0);
  });

  it('is empty, not an error, without the timeline pass', async () => {
    const model = await readModel('go1.26-manyg.trace');
    assert.equal(model.timeline.layout().lanes.filter((l) => l.kind === 'counter').length, 0);
    const a = model.timeline.counters({ lanes: ['c:heap'], fromNs: 0, toNs: 1e9, nsPerPx: 1e6 });
    assert.ok(a.lanes.every((l) => l.start.length === 0));
  });
});
