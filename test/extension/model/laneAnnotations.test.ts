/**
 * User regions and logs over goroutine lanes, on real annotated traces (v2 and v1), against the
 * summaries' regions and tasks' logs: at a resolution finer than any of them, every region of a
 * goroutine is there once, at its times, nested by depth, and every log with its text; at a
 * coarse one, a lane has about one per pixel at most and the merged counts add up.
 */
import * as assert from 'node:assert/strict';
import { displayTraceText } from '../../../src/parser/index.js';
import type { TraceModel } from '../../../src/extension/model/traceModel.js';
import { MAX_REGION_DEPTH } from '../../../src/extension/model/laneAnnotations.js';
import type { LaneSlices, SliceAnswer } from '../../../src/shared/timeline.js';
import { closeModels, readModel } from './modelTestSupport.js';

const text = (a: SliceAnswer, i: number): string => (i >= 0 ? a.strings[i] : '');

for (const name of ['go1.22-annot.trace', 'go1.26-annot.trace', 'go1.21-annot.trace']) {
  describe(`extension/model/laneAnnotations: ${name}`, function () {
    this.timeout(60_000);
    let model: TraceModel;
    before(async () => {
      model = await readModel(name, { timeline: true });
    });
    after(closeModels);

    const lanesOf = async (ids: string[], nsPerPx: number): Promise<{ answer: SliceAnswer; lanes: Map<string, LaneSlices> }> => {
      const d = model.timeline.layout().durationNs;
      let answer: SliceAnswer | undefined;
      for (let i = 0; i < 20 && !answer?.exact; i++) answer = await model.timeline.slices({ lanes: ids, fromNs: 0, toNs: d, nsPerPx });
      assert.equal(answer?.exact, true);
      return { answer: answer!, lanes: new Map(answer!.lanes.map((l) => [l.lane, l])) };
    };

    it('every region of a goroutine, once, at its times, nested by depth', async () => {
      const s = model.analysisData!.summaries;
      const origin = model.traceStartNs;
      const byG = new Map<number, typeof s.regions>();
      for (const r of s.regions) if (r.goroutine >= 0) byG.set(r.goroutine, [...(byG.get(r.goroutine) ?? []), r]);
      assert.ok(byG.size > 0, 'the trace has regions');
      const { answer, lanes } = await lanesOf([...byG.keys()].map((g) => `g${g}`), 1e-3);
      let nested = 0;
      for (const [g, regions] of byG) {
        const got = lanes.get(`g${g}`)?.regions;
        assert.ok(got, `G${g} has its regions`);
        assert.equal(got.start.length, regions.length, `G${g}: one band per region`);
        assert.ok(got.count.every((c) => c === 1));
        const want = regions.map((r) => ({ start: Number.isNaN(r.startNs) ? 0 : r.startNs - origin, name: displayTraceText(r.name) })).sort((a, b) => a.start - b.start);
        assert.deepEqual(got.start.map((x, i) => ({ start: x, name: text(answer, got.label[i]) })).sort((a, b) => a.start - b.start), want);
        for (let i = 0; i < got.start.length; i++) {
          const holds = (j: number) => j !== i && got.start[j] <= got.start[i] && got.end[j] >= got.end[i];
          // Nested under a region one level up; a region nothing holds is at the top.
          if (got.depth[i] > 0) assert.ok(got.start.some((_, j) => holds(j) && got.depth[j] === got.depth[i] - 1), `G${g} region ${i} at depth ${got.depth[i]} has a parent`);
          else assert.ok(!got.start.some((_, j) => holds(j) && (got.start[j] < got.start[i] || got.end[j] > got.end[i])), `G${g} region ${i} is held`);
          if (got.depth[i] > 0) nested++;
        }
      }
      assert.ok(nested > 0, 'the annotated traces nest regions');
    });

    it('every log a goroutine wrote, with its category and message', async () => {
      const s = model.analysisData!.summaries;
      const origin = model.traceStartNs;
      const logs = s.tasks.flatMap((t) => t.logList).filter((l) => l.goroutine >= 0);
      assert.ok(logs.length > 0, 'the trace has logs');
      const gs = [...new Set(logs.map((l) => l.goroutine))];
      const { answer, lanes } = await lanesOf(gs.map((g) => `g${g}`), 1e-3);
      const got = gs.flatMap((g) => {
        const l = lanes.get(`g${g}`)?.logs;
        return l ? l.at.map((at, i) => `${g} ${at} ${text(answer, l.label[i])}`) : [];
      });
      // As the trees show trace text: a string with controls (a bidi override here) in Go's quotes.
      const want = logs.map((l) => `${l.goroutine} ${l.time - origin} ${l.category ? `${displayTraceText(l.category)}: ` : ''}${displayTraceText(l.message)}`);
      assert.deepEqual(got.sort(), want.sort());
    });

    it('zoomed out: at most about one region and one log per pixel, counts adding up', async () => {
      const s = model.analysisData!.summaries;
      const d = model.timeline.layout().durationNs;
      const gs = [...new Set(s.regions.map((r) => r.goroutine).filter((g) => g >= 0))];
      const px = 50;
      const { lanes } = await lanesOf(gs.map((g) => `g${g}`), d / px);
      let regions = 0;
      for (const g of gs) {
        const r = lanes.get(`g${g}`)?.regions;
        if (!r) continue;
        assert.ok(r.start.length <= (px + 2) * MAX_REGION_DEPTH, `G${g}: ${r.start.length} bands`);
        regions += r.count.reduce((a, b) => a + b, 0);
      }
      assert.equal(regions, s.regions.filter((r) => r.goroutine >= 0).length);
    });
  });
}
