/**
 * The timeline's counters on real traces (v2 of several versions, a flight-recorder snapshot, v1),
 * against a brute-force count over the ordered stream: every goroutine's and proc's state kept in
 * a map (its previous state from the map, not from the transition), the heap values of the last
 * Metric events, the CPU samples counted. For every bucket of every chunk: the value at its end,
 * and the min and max within it (the value it started with and the value after each of its
 * events), exactly.
 */
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { AnalysisPass, GOAL_METRIC, HEAP_METRIC, Series, SERIES_COUNT, V1_COUNTER_BUCKETS, V2_COUNTER_BUCKETS, type CounterChunk, type Counters } from '../../src/analysis/index.js';
import { GoState, memorySource, newTransitionCodes, openEventStream, ProcState, readTransition, TransitionResource } from '../../src/parser/index.js';
import { fixturesDir, sharedTracesDir } from '../support/paths.js';
import { forEachEvent } from '../support/orderedEvents.js';

const TRACES = [
  path.join(fixturesDir, 'go1.26-manyg.trace'),
  path.join(fixturesDir, 'go1.22-syscalls.trace'),
  path.join(fixturesDir, 'go1.27-cpuprof.trace'),
  path.join(fixturesDir, 'go1.21-annot.trace'),
  path.join(fixturesDir, 'go1.19-annot.trace'),
  path.join(sharedTracesDir, 'go1.26-manyg-long.trace'),
  path.join(sharedTracesDir, 'go1.25-flight.trace'),
  path.join(sharedTracesDir, 'go1.25-cpuprof.trace'),
  path.join(sharedTracesDir, 'go1.19-httpload.trace'),
].filter((f) => existsSync(f));

const GO_SERIES: Record<number, number> = {
  [GoState.Running]: Series.Running,
  [GoState.Runnable]: Series.Runnable,
  [GoState.Waiting]: Series.Waiting,
  [GoState.Syscall]: Series.Syscall,
};

async function countersOf(bytes: Uint8Array): Promise<Counters> {
  const pass = await AnalysisPass.open(memorySource(bytes), { yieldEvery: 1 << 30, timeline: true });
  return (await pass.run()).counters;
}

/** A bucket's expected values, built event by event. */
class Expected {
  lo = new Float64Array(SERIES_COUNT);
  hi = new Float64Array(SERIES_COUNT);
  cpu = 0;
  constructor(v: Float64Array) {
    this.lo.set(v);
    this.hi.set(v);
  }
  see(v: Float64Array): void {
    for (let s = 0; s < SERIES_COUNT; s++) {
      if (Number.isNaN(v[s])) continue;
      if (Number.isNaN(this.hi[s]) || v[s] > this.hi[s]) this.hi[s] = v[s];
      if (Number.isNaN(this.lo[s]) || v[s] < this.lo[s]) this.lo[s] = v[s];
    }
  }
}

function assertBucket(c: CounterChunk, k: number, i: number, v: Float64Array, x: Expected, file: string): void {
  const at = `${path.basename(file)} chunk ${k} bucket ${i}`;
  for (let s = 0; s < SERIES_COUNT; s++) {
    if (s === Series.Cpu) {
      assert.equal(c.end(s, i), x.cpu, `${at}: CPU samples`);
      continue;
    }
    assert.equal(c.end(s, i), v[s], `${at}: series ${s} at the end`);
    assert.equal(c.min(s, i), x.lo[s], `${at}: series ${s} min`);
    assert.equal(c.max(s, i), x.hi[s], `${at}: series ${s} max`);
  }
}

/** Runs the stream again, naively, and checks each bucket of each chunk as it ends. */
async function checkAgainstStream(bytes: Uint8Array, counters: Counters, file: string): Promise<{ buckets: number; samples: number; metrics: number }> {
  const stream = await openEventStream(memorySource(bytes));
  const goroutines = new Map<number, number>();
  const procs = new Map<number, number>();
  const v = new Float64Array(SERIES_COUNT);
  v[Series.Heap] = v[Series.Goal] = Number.NaN;
  const st = newTransitionCodes();
  let k = -1;
  let c: CounterChunk | undefined;
  let i = 0;
  let x = new Expected(v);
  let checked = 0;
  let samples = 0;
  let metrics = 0;
  const hiOf = (ch: CounterChunk, b: number) => (b === ch.count - 1 ? Infinity : ch.startNs + (b + 1) * ch.widthNs);
  const closeUpTo = (t: number) => {
    // Every bucket ending at or before t is complete.
    while (c && i < c.count && hiOf(c, i) <= t) {
      assertBucket(c, k, i, v, x, file);
      checked++;
      i++;
      x = new Expected(v);
    }
  };
  const endChunk = () => {
    if (!c) return;
    closeUpTo(Infinity);
    assert.equal(i, c.count, `${path.basename(file)} chunk ${k}: every bucket checked`);
    c = undefined;
  };
  await forEachEvent(stream, (e) => {
    if (e.kind === 'Sync') {
      endChunk();
      k++;
      c = counters.chunks[k];
      i = 0;
      x = new Expected(v);
      if (c) assert.equal(c.startNs, e.time, `chunk ${k} starts at its Sync`);
      return;
    }
    closeUpTo(e.time);
    if (readTransition(e, st)) {
      if (st.resource === TransitionResource.Goroutine) {
        const was = goroutines.get(st.id);
        if (was !== undefined && GO_SERIES[was] !== undefined) v[GO_SERIES[was]]--;
        if (GO_SERIES[st.to] !== undefined) v[GO_SERIES[st.to]]++;
        goroutines.set(st.id, st.to);
      } else if (st.resource === TransitionResource.Proc) {
        if (procs.get(st.id) === ProcState.Running) v[Series.ProcsRunning]--;
        if (st.to === ProcState.Running) v[Series.ProcsRunning]++;
        procs.set(st.id, st.to);
      }
    } else if (e.kind === 'StackSample') {
      x.cpu++;
      samples++;
    } else if (e.kind === 'Metric' && (e.metric?.name === HEAP_METRIC || e.metric?.name === GOAL_METRIC)) {
      v[e.metric.name === HEAP_METRIC ? Series.Heap : Series.Goal] = Number(e.metric.value);
      metrics++;
    }
    x.see(v);
  });
  endChunk();
  return { buckets: checked, samples, metrics };
}

describe('analysis/counters', function () {
  this.timeout(120_000);

  for (const file of TRACES) {
    const name = path.basename(file);
    it(`${name}: every bucket equals a brute-force count over the ordered stream`, async () => {
      const bytes = new Uint8Array(readFileSync(file));
      const counters = await countersOf(bytes);
      assert.ok(counters.chunks.length > 0);
      const seen = await checkAgainstStream(bytes, counters, file);
      assert.ok(seen.buckets > 0);
      assert.equal(counters.has.cpu, seen.samples > 0, 'has CPU samples');
      assert.equal(counters.has.heap, seen.metrics > 0, 'has heap metrics');
      assert.ok(counters.has.goroutines);
    });
  }

  it('a v1 trace is one chunk of V1 buckets; a v2 generation one of V2 buckets, at least half used', async () => {
    const v1 = await countersOf(new Uint8Array(readFileSync(path.join(fixturesDir, 'go1.21-annot.trace'))));
    assert.equal(v1.chunks.length, 1);
    assert.equal(v1.chunks[0].capacity, V1_COUNTER_BUCKETS);
    const v2 = await countersOf(new Uint8Array(readFileSync(path.join(fixturesDir, 'go1.26-manyg.trace'))));
    assert.ok(v2.chunks.length > 1);
    for (const c of [...v1.chunks, ...v2.chunks]) {
      if (c.endNs - c.startNs > 2 * c.capacity * 1024) assert.ok(c.count > c.capacity / 2, `used ${c.count} of ${c.capacity}`);
      assert.ok(c.count <= c.capacity);
      assert.ok(c.startNs + c.count * c.widthNs >= c.endNs, 'the buckets reach the chunk end');
    }
    assert.ok(v2.chunks.every((c) => c.capacity === V2_COUNTER_BUCKETS));
  });

  it('max >= the end value >= min; counts are never negative', async () => {
    const counters = await countersOf(new Uint8Array(readFileSync(path.join(fixturesDir, 'go1.27-cpuprof.trace'))));
    for (const c of counters.chunks) {
      for (let i = 0; i < c.count; i++) {
        for (let s = 0; s < SERIES_COUNT; s++) {
          const end = c.end(s, i);
          if (Number.isNaN(end)) continue;
          assert.ok(c.max(s, i) >= end && end >= c.min(s, i));
          if (s !== Series.Heap && s !== Series.Goal) assert.ok(c.min(s, i) >= 0);
        }
      }
    }
  });

  it('holds a fixed number of bytes per chunk, whatever the events', async () => {
    const small = await countersOf(new Uint8Array(readFileSync(path.join(fixturesDir, 'go1.22-syscalls.trace'))));
    const big = await countersOf(new Uint8Array(readFileSync(path.join(fixturesDir, 'go1.26-manyg.trace'))));
    const perChunk = (c: Counters) => c.bytes / c.chunks.length;
    assert.equal(perChunk(small), perChunk(big));
    assert.equal(perChunk(big), V2_COUNTER_BUCKETS * 120);
  });

  it('is off when the pass is not asked for the timeline', async () => {
    const pass = await AnalysisPass.open(memorySource(new Uint8Array(readFileSync(path.join(fixturesDir, 'go1.26-manyg.trace')))));
    const data = await pass.run();
    assert.equal(data.counters.chunks.length, 0);
    assert.equal(data.counters.bytes, 0);
  });
});
