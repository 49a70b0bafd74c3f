/**
 * The timeline's slices on real traces (v2 with many generations, syscalls; v1), against the
 * state spans each generation gives when derived on its own (the brute-force reference):
 * - at a resolution finer than every span, the slices are the spans, exact, nothing lost;
 * - at a coarse one, a lane has about a slice per pixel at most, every merged slice shows the
 *   state that held longest in it, and every span's time is covered;
 * - zoomed out, the overview answers alone; the GC lane lists the GC periods; layout and groups;
 * - times count from the trees' origin, and the layout's duration is the header's.
 */
import * as assert from 'node:assert/strict';
import { deriveChunkSpans, type OwnerSpans, type SpanChunk } from '../../../src/analysis/index.js';
import type { TraceModel } from '../../../src/extension/model/traceModel.js';
import { DERIVE_WAIT_MS, MAX_DERIVED, TimelineSlices } from '../../../src/extension/model/timelineSlices.js';
import { SLICE_STATES, type LaneSlices, type SliceAnswer, type SliceQuery } from '../../../src/shared/timeline.js';
import { closeModels, readModel } from './modelTestSupport.js';

interface Ref {
  model: TraceModel;
  origin: number;
  chunks: SpanChunk[];
}

async function reference(name: string): Promise<Ref> {
  const model = await readModel(name, { timeline: true });
  const view = model.analysis!;
  const chunks: SpanChunk[] = [];
  for (let k = 0; ; k++) {
    const c = await deriveChunkSpans(view, k);
    if (!c) break;
    chunks.push(c);
  }
  return { model, origin: model.traceStartNs, chunks };
}

/** Asks until the answer is exact (each ask derives a few more generations). */
async function exactly(model: TraceModel, q: SliceQuery): Promise<SliceAnswer> {
  for (let i = 0; i < 200; i++) {
    const a = await model.timeline.slices(q);
    if (a.exact) return a;
  }
  throw new Error('never exact');
}

/** An owner's spans over all chunks, in the query's frame. */
function spansOf(ref: Ref, kind: 'goroutine' | 'proc' | 'thread', id: number): { start: number; end: number; state: number }[] {
  const out: { start: number; end: number; state: number }[] = [];
  for (const c of ref.chunks) {
    const s: OwnerSpans = kind === 'goroutine' ? c.goroutines : kind === 'proc' ? c.procs : c.threads;
    const [a, b] = s.rowsOf(id);
    for (let r = a; r < b; r++) out.push({ start: s.start[r] - ref.origin, end: s.end[r] - ref.origin, state: s.state[r] });
  }
  return out.sort((x, y) => x.start - y.start);
}

const total = (xs: { start: number; end: number }[]): number => xs.reduce((t, x) => t + (x.end - x.start), 0);
const slicesOf = (l: LaneSlices) => l.start.map((start, i) => ({ start, end: l.end[i], state: l.state[i], merged: l.merged[i] }));

/** The busiest goroutines, procs and threads (most spans). */
function busiest(ref: Ref, kind: 'goroutine' | 'proc' | 'thread', n: number): number[] {
  const count = new Map<number, number>();
  for (const c of ref.chunks) {
    const s = kind === 'goroutine' ? c.goroutines : kind === 'proc' ? c.procs : c.threads;
    for (let i = 0; i < s.owners.length; i++) count.set(s.owners[i], (count.get(s.owners[i]) ?? 0) + s.first[i + 1] - s.first[i]);
  }
  return [...count].sort((a, b) => b[1] - a[1]).slice(0, n).map(([id]) => id);
}

const PREFIX = { goroutine: 'g', proc: 'p', thread: 'm' } as const;

for (const name of ['go1.26-manyg.trace', 'go1.22-syscalls.trace', 'go1.21-annot.trace']) {
  describe(`extension/model/timelineSlices: ${name}`, function () {
    this.timeout(120_000);
    let ref: Ref;
    before(async () => {
      ref = await reference(name);
    });
    after(closeModels);

    for (const kind of ['goroutine', 'proc', 'thread'] as const) {
      it(`${kind} lanes, finer than any span: the spans themselves, exact, nothing lost`, async () => {
        const ids = busiest(ref, kind, 3);
        assert.ok(ids.length > 0);
        const a = await exactly(ref.model, { lanes: ids.map((id) => `${PREFIX[kind]}${id}`), fromNs: 0, toNs: ref.model.timeline.layout().durationNs + 1, nsPerPx: 1e-6 });
        ids.forEach((id, i) => {
          const want = spansOf(ref, kind, id);
          const got = slicesOf(a.lanes[i]);
          assert.ok(got.every((s) => s.merged === 0), 'exact slices');
          // Joined at generation edges only: never more slices than spans, the same time in all.
          assert.ok(got.length <= want.length && got.length > 0, `${got.length} slices, ${want.length} spans`);
          assert.ok(Math.abs(total(got) - total(want)) < 1e-3 * Math.max(1, total(want)), `time ${total(got)} vs ${total(want)}`);
          // Every span lies inside a slice of its state (slices by start; a thread's overlap).
          for (const s of want) {
            let lo = 0;
            let hi = got.length - 1;
            while (lo < hi) {
              const mid = (lo + hi + 1) >> 1;
              if (got[mid].start <= s.start) lo = mid;
              else hi = mid - 1;
            }
            const hit = got.slice(Math.max(0, lo - 4), lo + 1).some((g) => g.state === s.state && g.start <= s.start && g.end >= s.end);
            assert.ok(hit, `span ${s.start}..${s.end} (${s.state}) of ${kind} ${id}`);
          }
        });
      });
    }

    it('a coarse resolution: about a slice per pixel, merged slices show the longest-held state', async () => {
      const duration = ref.model.timeline.layout().durationNs;
      const px = 500;
      const nsPerPx = duration / px;
      const ids = busiest(ref, 'goroutine', 4);
      const a = await exactly(ref.model, { lanes: ids.map((id) => `g${id}`), fromNs: 0, toNs: duration, nsPerPx });
      ids.forEach((id, i) => {
        const got = slicesOf(a.lanes[i]);
        const want = spansOf(ref, 'goroutine', id);
        assert.ok(got.length <= 2 * px + 2, `${got.length} slices for ${px} px`);
        for (const g of got.filter((x) => x.merged > 1)) {
          const time = new Map<number, number>();
          for (const s of want) {
            const o = Math.min(s.end, g.end) - Math.max(s.start, g.start);
            if (o > 0) time.set(s.state, (time.get(s.state) ?? 0) + o);
          }
          const best = Math.max(...time.values());
          assert.equal(time.get(g.state), best, `merged slice ${g.start}..${g.end}: state ${g.state}, times ${JSON.stringify([...time])}`);
        }
        // Covered: each span's time lies in the slices (merged slices span their gaps too).
        let covered = 0;
        for (const s of want) for (const g of got) covered += Math.max(0, Math.min(s.end, g.end) - Math.max(s.start, g.start));
        assert.ok(covered >= total(want) * (1 - 1e-6), `covered ${covered} of ${total(want)}`);
      });
    });

    it('zoomed out to the overview: answered from it at once, exact at that resolution', async () => {
      const layout = ref.model.timeline.layout();
      const g = layout.generations;
      const widest = Math.max(...g.map((x) => x.endNs - x.startNs));
      const lanes = layout.lanes.map((l) => l.id).slice(0, 20);
      const a = await ref.model.timeline.slices({ lanes, fromNs: 0, toNs: layout.durationNs, nsPerPx: widest });
      assert.ok(a.exact);
      assert.equal(a.lanes.length, lanes.length);
      for (const l of a.lanes) for (let i = 0; i < l.start.length; i++) assert.ok(l.end[i] > l.start[i] && l.state[i] >= 0 && l.state[i] < SLICE_STATES.length);
    });

    it('the GC lane: every GC cycle and stop-the-world period, labelled', async () => {
      const gc = ref.model.analysisData!.timeline.gc;
      const a = await ref.model.timeline.slices({ lanes: ['gc'], fromNs: 0, toNs: ref.model.timeline.layout().durationNs + 1, nsPerPx: 1e-6 });
      const l = a.lanes[0];
      assert.equal(l.start.length, gc.start.length);
      for (let i = 0; i < l.start.length; i++) {
        assert.ok(l.state[i] === 4 || l.state[i] === 5);
        assert.ok(l.label[i] >= 0 && a.strings[l.label[i]].length > 0);
      }
    });

    it('layout: GC, every proc and thread, groups holding every goroutine, paged lanes', () => {
      const s = ref.model.summaries!;
      const layout = ref.model.timeline.layout();
      assert.ok(layout.complete);
      assert.equal(layout.lanes[0].id, 'gc');
      assert.equal(layout.lanes.filter((l) => l.kind === 'proc').length, s.procs.size);
      assert.equal(layout.lanes.filter((l) => l.kind === 'thread').length, s.threads.size);
      assert.equal(layout.groups.reduce((n, g) => n + g.goroutines, 0), s.goroutines.size);
      assert.equal(layout.generations.length, ref.chunks.length);
      // Times count from the trees' origin, and the duration is the header's.
      const st = ref.model.stats;
      assert.equal(layout.durationNs, st.lastNs - st.firstNs);
      const g = layout.groups.reduce((a, b) => (b.goroutines > a.goroutines ? b : a));
      const page = ref.model.timeline.groupLanes(g.index, 1, 3);
      assert.equal(page.length, Math.min(3, g.goroutines - 1));
      for (const l of page) assert.match(l.id, /^g\d+$/);
      assert.deepEqual(ref.model.timeline.groupLanes(layout.groups.length + 5, 0, 10), []);
    });

    it('unknown lanes are answered empty; a query derives a few generations at most', async () => {
      const a = await ref.model.timeline.slices({ lanes: ['x1', '<img src=x>', 'g'], fromNs: 0, toNs: 1e18, nsPerPx: 1e-6 });
      assert.deepEqual(a.lanes.map((l) => l.start.length), [0, 0, 0]);
      assert.ok(MAX_DERIVED >= 1);
    });

    it('a slow derivation: answered from the overview at once, exact once it is done', async () => {
      const m = ref.model;
      const slow = new TimelineSlices({
        spans: m.analysis!,
        overview: m.timelineOverview!,
        originNs: ref.origin,
        goroutineLabel: (id) => `G${id}`,
        // A yield every 50 events that takes longer than a query waits.
        yieldNow: () => new Promise((resolve) => setTimeout(resolve, DERIVE_WAIT_MS * 2)),
        yieldEvery: 50,
      });
      const lanes = busiest(ref, 'proc', 2).map((id) => `p${id}`);
      const d = m.timeline.layout().durationNs;
      const q = { lanes, fromNs: 0, toNs: d, nsPerPx: 1e-3 };
      const first = await slow.slices(q);
      assert.equal(first.exact, false);
      assert.ok(first.lanes.some((l) => l.start.length > 0), 'the overview is drawn meanwhile');
      assert.ok(first.lanes.every((l) => l.merged.every((x) => x === 1)), 'all of it from the overview');
      let last = first;
      for (let i = 0; i < 400 && !last.exact; i++) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        last = await slow.slices(q);
      }
      assert.equal(last.exact, true);
      assert.deepEqual(last.lanes.map(slicesOf), (await exactly(m, q)).lanes.map(slicesOf));
    });
  });
}
