/**
 * The timeline's range statistics on real traces (v2 with many goroutines, v2 with syscalls, a
 * longer v2 run, v1) against brute force over the ordered stream: each goroutine's state from
 * transition to transition (a GoStatus that opens the trace counts from its generation's start),
 * summed per group (the groups' own lane pages say who is in which) and clipped to the range;
 * events counted by time. The whole trace's running time per group is the summaries'; its events
 * are the summaries' totals; a range cut inside a generation counts only the events in it.
 */
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { GoState, memorySource, newTransitionCodes, openEventStream, readTransition, TransitionResource, V2_SPECS, type OrderedEvent } from '../../../src/parser/index.js';
import { MAX_RANGE_DERIVED } from '../../../src/extension/model/timelineRangeStats.js';
import type { RangeStats } from '../../../src/shared/timelineRangeStats.js';
import { forEachEvent } from '../../support/orderedEvents.js';
import { fixturesDir, sharedTracesDir } from '../../support/paths.js';
import { closeModels, fixture, readModel } from './modelTestSupport.js';
import { manyGenerationsTrace } from '../../support/manyGenerationsTrace.js';
import { TraceModel as Model } from '../../../src/extension/model/traceModel.js';
import { openFileSource } from '../../../src/node/fileSource.js';

const SPAN_STATE = new Map<number, number>([
  [GoState.Running, 0],
  [GoState.Runnable, 1],
  [GoState.Waiting, 2],
  [GoState.Syscall, 3],
]);

/** The ordered stream read once, kept as the few fields the checks need. */
interface Walk {
  /** Goroutine state intervals (absolute ns). */
  spans: { g: number; state: number; start: number; end: number; reason: string }[];
  events: { time: number; name: string; cpu: boolean }[];
}

async function walk(trace: string | Uint8Array, endNs: number): Promise<Walk> {
  const s = await openEventStream(memorySource(typeof trace === 'string' ? new Uint8Array(readFileSync(fixture(trace))) : trace));
  const codes = newTransitionCodes();
  const open = new Map<number, { state: number; since: number; reason: string }>();
  const out: Walk = { spans: [], events: [] };
  let syncNs = 0;
  await forEachEvent(s, (e: OrderedEvent) => {
    if (e.kind === 'Sync') {
      syncNs = e.time;
      return;
    }
    out.events.push({ time: e.time, name: V2_SPECS[e.type]?.name ?? `type ${e.type}`, cpu: e.kind === 'StackSample' });
    if (!readTransition(e, codes) || codes.resource !== TransitionResource.Goroutine || codes.from === codes.to) return;
    const g = codes.id;
    const prev = open.get(g);
    if (prev) out.spans.push({ g, state: prev.state, start: prev.since, end: e.time, reason: prev.reason });
    else if (SPAN_STATE.has(codes.from)) out.spans.push({ g, state: SPAN_STATE.get(codes.from)!, start: syncNs, end: e.time, reason: '' });
    open.delete(g);
    const to = SPAN_STATE.get(codes.to);
    if (to !== undefined) open.set(g, { state: to, since: codes.from === GoState.Undetermined ? syncNs : e.time, reason: to === 2 ? codes.reason : '' });
  });
  for (const [g, o] of open) out.spans.push({ g, state: o.state, start: o.since, end: endNs, reason: o.reason });
  return out;
}

/** Per group index, ns per state over [from, to] (absolute ns). */
function expectedGroups(w: Walk, groupOf: Map<number, number>, from: number, to: number): Map<number, number[]> {
  const out = new Map<number, number[]>();
  for (const s of w.spans) {
    const ns = Math.min(s.end, to) - Math.max(s.start, from);
    const g = groupOf.get(s.g);
    if (ns <= 0 || g === undefined) continue;
    let row = out.get(g);
    if (!row) out.set(g, (row = [0, 0, 0, 0]));
    row[s.state] += ns;
  }
  return out;
}

function expectedEvents(w: Walk, from: number, to: number): { byType: Map<string, number>; cpu: number } {
  const byType = new Map<string, number>();
  let cpu = 0;
  for (const e of w.events) {
    if (e.time < from || e.time > to) continue;
    if (e.cpu) cpu++;
    else byType.set(e.name, (byType.get(e.name) ?? 0) + 1);
  }
  return { byType, cpu };
}

/** Goroutine ID -> group index, from the groups' own lane pages. */
function groupMap(model: Model): Map<number, number> {
  const out = new Map<number, number>();
  for (const g of model.timeline.layout().groups) for (const l of model.timeline.groupLanes(g.index, 0, g.goroutines)) out.set(Number(l.id.slice(1)), g.index);
  return out;
}

function close(actual: number, expected: number, what: string): void {
  assert.ok(Math.abs(actual - expected) <= Math.max(2, Math.abs(expected) * 1e-9), `${what}: ${actual} against ${expected}`);
}

function checkGroups(stats: RangeStats, want: Map<number, number[]>, what: string): void {
  const got = new Map(stats.groups.map((g) => [g.group, [g.runningNs, g.runnableNs, g.waitingNs, g.syscallNs]]));
  for (const [g, row] of want) {
    if (row.every((x) => x === 0)) continue;
    const a = got.get(g);
    assert.ok(a, `${what}: group ${g} missing`);
    for (let st = 0; st < 4; st++) close(a[st], row[st], `${what}: group ${g} state ${st}`);
  }
  for (const [g, a] of got) if (!want.has(g)) assert.ok(a.every((x) => x === 0), `${what}: group ${g} has time the stream does not`);
}

function checkEvents(stats: RangeStats, want: { byType: Map<string, number>; cpu: number }, what: string): void {
  assert.deepEqual(new Map(stats.events.map((e) => [e.type, e.count])), want.byType, `${what}: events by type`);
  assert.equal(stats.cpuSamples, want.cpu, `${what}: CPU samples`);
  assert.equal(stats.totalEvents, [...want.byType.values()].reduce((a, b) => a + b, 0), `${what}: total`);
}

const shared = path.join(sharedTracesDir, 'go1.26-httpload.trace');
const traces = ['go1.26-manyg.trace', 'go1.22-syscalls.trace', 'go1.21-annot.trace', ...(existsSync(shared) ? [path.relative(fixturesDir, shared)] : [])];

for (const name of traces) {
  describe(`extension/model/timelineRangeStats: ${path.basename(name)}`, function () {
    this.timeout(180_000);
    let model: Model;
    let w: Walk;
    let origin: number;
    let groupOf: Map<number, number>;
    let chunks: { startNs: number; endNs: number }[];
    before(async () => {
      model = await readModel(name, { timeline: true });
      chunks = [...model.timelineOverview!.chunks];
      origin = model.traceStartNs;
      w = await walk(name, chunks[chunks.length - 1].endNs);
      groupOf = groupMap(model);
    });
    after(closeModels);

    it('the whole trace: running time per group is the summaries\', events are the summaries\' totals', async () => {
      const s = await model.timeline.rangeStats({ fromNs: 0, toNs: 1e15 });
      assert.equal(s.generations, chunks.length);
      const running = new Map(s.groups.map((g) => [g.group, g.runningNs]));
      const exact = chunks.length <= MAX_RANGE_DERIVED;
      assert.equal(s.exact, exact, s.approximate.join(' '));
      if (exact) for (const g of model.timeline.layout().groups) close(running.get(g.index) ?? 0, g.runningNs, `group ${g.name} running`);
      const counts = model.analysisData!.summaries.eventCounts;
      assert.equal(s.totalEvents, counts.reduce((a, c) => a + c.total, 0));
      assert.equal(s.cpuSamples, counts.reduce((a, c) => a + c.cpuSamples, 0));
      checkEvents(s, expectedEvents(w, -Infinity, Infinity), 'whole');
      if (exact) checkGroups(s, expectedGroups(w, groupOf, -Infinity, Infinity), 'whole');
    });

    it('ranges inside and across generations: per group state sums and events as the stream says', async () => {
      const first = chunks[0].startNs;
      const last = chunks[chunks.length - 1].endNs;
      const span = last - first;
      const ranges: [number, number][] = [
        [first + span * 0.1, first + span * 0.13],
        [first + span * 0.4, first + span * 0.75],
        [first + span * 0.9, last],
      ];
      // A range inside one generation, when there are several.
      const mid = chunks[Math.floor(chunks.length / 2)];
      ranges.push([mid.startNs + (mid.endNs - mid.startNs) * 0.25, mid.startNs + (mid.endNs - mid.startNs) * 0.5]);
      for (const [a, b] of ranges) {
        const from = Math.round(a);
        const to = Math.round(b);
        const what = `[${from - origin}, ${to - origin}]`;
        const s = await model.timeline.rangeStats({ fromNs: from - origin, toNs: to - origin });
        checkEvents(s, expectedEvents(w, from, to), what);
        assert.equal(s.exact, s.generations <= MAX_RANGE_DERIVED, `${what}: exact up to ${MAX_RANGE_DERIVED} generations`);
        if (!s.exact) continue;
        checkGroups(s, expectedGroups(w, groupOf, from, to), what);
        const whole = expectedEvents(w, -Infinity, Infinity);
        if (s.totalEvents > 0) assert.ok(s.totalEvents < [...whole.byType.values()].reduce((x, y) => x + y, 0), `${what}: fewer events than the whole trace`);
      }
    });

    it('the top waiting reasons are the stream\'s, most first', async () => {
      if (chunks.length > MAX_RANGE_DERIVED) return;
      const s = await model.timeline.rangeStats({ fromNs: 0, toNs: 1e15 });
      const want = new Map<string, number>();
      for (const x of w.spans) if (x.state === 2) want.set(x.reason, (want.get(x.reason) ?? 0) + x.end - x.start);
      const top = [...want].sort((a, b) => b[1] - a[1]);
      assert.ok(s.waitingReasons.length > 0 && s.waitingReasons.length <= 10);
      for (let i = 1; i < s.waitingReasons.length; i++) assert.ok(s.waitingReasons[i - 1].ns >= s.waitingReasons[i].ns);
      // The most waited-for reason has the stream's time (a reason the stream left empty is "(no reason)").
      const [reason, ns] = top[0];
      const got = s.waitingReasons.find((r) => r.reason === (reason || '(no reason)'));
      assert.ok(got, `reason ${reason} listed`);
      close(got.ns, ns, `reason ${reason}`);
    });

    it('GC and stop-the-world time: the overview\'s periods clipped to the range', async () => {
      const gc = model.timelineOverview!.gc;
      const s = await model.timeline.rangeStats({ fromNs: 0, toNs: 1e15 });
      assert.equal(s.gc.count + s.stw.count, gc.start.length);
      if (s.stw.reasons.length < 10) assert.equal(s.stw.reasons.reduce((a, r) => a + r.count, 0), s.stw.count, 'every stop-the-world has its reason');
      if (gc.start.length === 0) return;
      // A range ending in the middle of the first period counts half of it.
      const a = gc.start[0];
      const b = gc.end[0];
      const half = await model.timeline.rangeStats({ fromNs: Math.max(0, a - origin - 1), toNs: (a + b) / 2 - origin });
      const p = gc.kind[0] === 1 ? half.stw : half.gc;
      assert.ok(p.count >= 1);
      assert.ok(p.ns >= (b - a) / 2 - 1 && p.ns < b - a + 1, `${p.ns} of ${b - a}`);
    });
  });
}

describe('extension/model/timelineRangeStats: more generations than one request derives', function () {
  this.timeout(60_000);
  const GENERATIONS = MAX_RANGE_DERIVED + 4;
  const PER_GENERATION = 40;
  let model: Model;
  before(async () => {
    // Each generation: a GoStatus (waiting) of the same 40 goroutines; after the first, none of
    // them has a transition: their time comes from the state carried from the generation before.
    const trace = manyGenerationsTrace({ generations: GENERATIONS, batchesPerGeneration: 1, eventsPerBatch: PER_GENERATION });
    model = new Model(memorySource(trace.bytes), 'many.trace', { timeline: true });
    await model.readAll();
    const chunks = model.timelineOverview!.chunks;
    w = await walk(trace.bytes, chunks[chunks.length - 1].endNs);
  });
  let w: Walk;

  it('a range cut inside its first and last generations: its edges and 6 inside derived, events exact', async () => {
    const chunks = model.timelineOverview!.chunks;
    const origin = model.traceStartNs;
    const from = Math.round((chunks[1].startNs + chunks[1].endNs) / 2);
    const to = Math.round((chunks[GENERATIONS - 1].startNs + chunks[GENERATIONS - 1].endNs) / 2);
    const s = await model.timeline.rangeStats({ fromNs: from - origin, toNs: to - origin });
    assert.equal(s.generations, GENERATIONS - 1);
    assert.equal(s.derived, MAX_RANGE_DERIVED);
    assert.equal(s.exact, false);
    checkEvents(s, expectedEvents(w, from, to), 'cut range');
    assert.ok(s.totalEvents < (GENERATIONS - 1) * PER_GENERATION, `${s.totalEvents} events: not the edges' whole`);
    close(s.groups.reduce((a, g) => a + g.waitingNs, 0), PER_GENERATION * (to - from), 'waiting');
  });

  it('the whole trace: not exact past the bound, says so, and the carried waiting time is whole', async () => {
    const chunks = model.timelineOverview!.chunks;
    assert.equal(chunks.length, GENERATIONS);
    const s = await model.timeline.rangeStats({ fromNs: 0, toNs: 1e15 });
    assert.equal(s.generations, GENERATIONS);
    assert.equal(s.derived, MAX_RANGE_DERIVED);
    assert.equal(s.exact, false);
    assert.match(s.approximate.join(' '), new RegExp(`${GENERATIONS - MAX_RANGE_DERIVED} of ${GENERATIONS} generations`));
    const waiting = s.groups.reduce((a, g) => a + g.waitingNs, 0);
    close(waiting, PER_GENERATION * (chunks[chunks.length - 1].endNs - chunks[0].startNs), 'waiting');
    assert.equal(s.groups.reduce((a, g) => a + g.goroutines, 0), PER_GENERATION);
    assert.equal(s.totalEvents, GENERATIONS * PER_GENERATION);
    assert.deepEqual(s.events, [{ type: 'GoStatus', count: GENERATIONS * PER_GENERATION }]);
  });

  it('a range inside a late generation: exact, its time only, its events only', async () => {
    const c = model.timelineOverview!.chunks[GENERATIONS - 2];
    const origin = model.traceStartNs;
    const s = await model.timeline.rangeStats({ fromNs: c.startNs - origin, toNs: c.endNs - origin });
    assert.equal(s.exact, true, s.approximate.join(' '));
    assert.equal(s.generations, 1);
    close(s.groups.reduce((a, g) => a + g.waitingNs, 0), PER_GENERATION * (c.endNs - c.startNs), 'waiting');
    assert.equal(s.totalEvents, PER_GENERATION);
  });
});

describe('extension/model/timelineRangeStats: during the pass', function () {
  this.timeout(120_000);
  const name = 'go1.26-manyg.trace';
  let model: Model;
  const seen: { range: { fromNs: number; toNs: number }; stats: RangeStats }[] = [];
  before(async () => {
    model = new Model(await openFileSource(fixture(name)), name, { timeline: true, passYieldEvery: 50 });
    const ask = async () => {
      const layout = model.timeline.layout();
      if (layout.complete || layout.generations.length === 0) return;
      const range = { fromNs: 0, toNs: layout.generations[0].endNs };
      seen.push({ range, stats: await model.timeline.rangeStats(range) });
    };
    await model.readAll(ask, ask);
  });
  after(async () => model.source.close?.());

  it('answers over the generations passed, not exact, and as the final answer there', async () => {
    assert.ok(seen.length > 0, 'asked while the pass ran');
    for (const { range, stats } of seen) {
      assert.equal(stats.exact, false);
      assert.match(stats.approximate.join(' '), /still being summarized/);
      assert.equal(stats.reading, true, 'asking again later counts more');
      const final = await model.timeline.rangeStats(range);
      assert.equal(final.exact, true);
      assert.equal(final.reading, undefined);
      assert.deepEqual(stats.events, final.events);
      const byGroup = new Map(final.groups.map((g) => [g.name, g]));
      for (const g of stats.groups) {
        const f = byGroup.get(g.name);
        assert.ok(f, g.name);
        for (const k of ['runningNs', 'runnableNs', 'waitingNs', 'syscallNs'] as const) close(g[k], f[k], `${g.name} ${k}`);
      }
    }
  });
});
