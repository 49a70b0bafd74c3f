/**
 * The timeline while the analysis pass runs, on real multi-generation traces: after each
 * generation read, the layout holds the generations passed so far (a prefix of the final
 * layout's, not complete), and every answer it calls exact is the final answer to the same query;
 * past the generations passed, answers are not exact (so the webview asks again).
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { openFileSource } from '../../../src/node/fileSource.js';
import { TraceModel } from '../../../src/extension/model/traceModel.js';
import type { SliceAnswer, SliceQuery, TimelineLayout } from '../../../src/shared/timeline.js';
import { fixturesDir } from '../../support/paths.js';

interface Seen {
  layout: TimelineLayout;
  answers: SliceAnswer[];
  /** An answer asking past the generations passed. */
  beyond?: SliceAnswer;
}

/** The answer's slices with their labels as text (string indices depend on the answer). */
function readable(a: SliceAnswer): unknown {
  return a.lanes.map((l) => ({ lane: l.lane, slices: l.start.map((s, i) => [s, l.end[i], l.state[i], l.label[i] >= 0 ? a.strings[l.label[i]] : '', l.offset[i], l.merged[i]]) }));
}

// Two-generation traces: the first is drawn while the pass is in the second (asked at its yields).
for (const name of ['go1.26-manyg.trace', 'go1.22-manyg.trace']) {
  describe(`extension/model/timelineService: ${name}, during the pass`, function () {
    this.timeout(120_000);
    let model: TraceModel;
    const seen: Seen[] = [];

    before(async () => {
      const source = await openFileSource(path.join(fixturesDir, name));
      model = new TraceModel(source, name, { timeline: true, passYieldEvery: 50 });
      const ask = async () => {
        const layout = model.timeline.layout();
        const s: Seen = { layout, answers: [] };
        seen.push(s);
        if (layout.generations.length === 0) return;
        const end = layout.durationNs;
        const procs = layout.lanes.filter((l) => l.kind === 'proc' || l.kind === 'gc').map((l) => l.id);
        const lanes = [...procs, ...(await firstGoroutines(model, layout))];
        // Nearly all the passed range, coarse, and a part, fine (it may take a few asks to be exact).
        for (const q of [{ lanes, fromNs: 0, toNs: end * 0.99, nsPerPx: end / 800 }, { lanes, fromNs: end / 3, toNs: end / 2, nsPerPx: 1 }] as SliceQuery[]) {
          for (let i = 0; i < 10; i++) {
            const a = await model.timeline.slices(q);
            if (a.exact) {
              s.answers.push(a);
              break;
            }
          }
        }
        s.beyond = await model.timeline.slices({ lanes, fromNs: 0, toNs: end * 2 + 1e6, nsPerPx: end / 800 });
      };
      await model.readAll(ask, ask);
    });
    after(async () => model.source.close?.());

    it('draws generations before the pass ends, as a growing prefix of the final layout', () => {
      const final = model.timeline.layout();
      assert.equal(final.complete, true);
      const partial = seen.filter((s) => !s.layout.complete && s.layout.generations.length > 0);
      assert.ok(partial.length >= 1, `${partial.length} partial layouts`);
      assert.ok(partial[0].layout.generations.length < final.generations.length);
      let before = 0;
      for (const { layout } of partial) {
        assert.ok(layout.generations.length >= before);
        before = layout.generations.length;
        assert.deepEqual(layout.generations, final.generations.slice(0, layout.generations.length));
        assert.equal(layout.durationNs, layout.generations[layout.generations.length - 1].endNs);
        assert.ok(layout.durationNs <= final.durationNs);
        const lanes = new Set(final.lanes.map((l) => l.id));
        for (const l of layout.lanes) assert.ok(lanes.has(l.id), `lane ${l.id} not in the final layout`);
        for (const g of layout.groups) {
          const f = final.groups[g.index];
          assert.equal(f?.name, g.name, 'a group keeps its index');
          assert.ok(g.goroutines <= f.goroutines);
        }
      }
    });

    it('every answer called exact during the pass is the final answer', async () => {
      let compared = 0;
      for (const s of seen) {
        for (const a of s.answers) {
          let last: SliceAnswer | undefined;
          for (let i = 0; i < 10 && !last?.exact; i++) last = await model.timeline.slices(a.query);
          assert.equal(last?.exact, true);
          assert.deepEqual(readable(a), readable(last!), `query ${JSON.stringify({ ...a.query, lanes: a.query.lanes.length })}`);
          compared++;
        }
      }
      assert.ok(compared >= 2, `${compared} answers compared`);
    });

    it('past the generations passed, answers are not exact, and GC periods end by then', () => {
      const partial = seen.filter((s) => !s.layout.complete && s.beyond);
      assert.ok(partial.length > 0);
      for (const s of partial) {
        assert.equal(s.beyond!.exact, false);
        const gc = s.beyond!.lanes.find((l) => l.lane === 'gc');
        for (let i = 0; i < (gc?.start.length ?? 0); i++) {
          assert.ok(Number.isFinite(gc!.end[i]) && gc!.end[i] <= s.layout.durationNs, `GC period ends at ${gc!.end[i]}`);
        }
      }
    });
  });
}

/** A few goroutine lanes of the layout's first group. */
async function firstGoroutines(model: TraceModel, layout: TimelineLayout): Promise<string[]> {
  const g = layout.groups.find((x) => x.goroutines > 0);
  return g ? model.timeline.groupLanes(g.index, 0, 3).map((l) => l.id) : [];
}
