/**
 * State spans and the timeline's overview, on real traces of several versions (v1 and v2, many
 * generations, a flight-recorder snapshot):
 * - each chunk re-derived on its own (deriveChunkSpans) equals the chunk the pass built;
 * - the spans agree with a plain state tracker run over the whole ordered stream, at every
 *   transition of every goroutine;
 * - each overview bucket is the state a brute-force sum over the spans finds longest in it.
 */
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { AnalysisPass, deriveChunkSpans, NO_STATE, SpanFlag, SpanState, type OwnerSpans, type SpanChunk, type ChunkSummary } from '../../src/analysis/index.js';
import type { OwnerOverview } from '../../src/analysis/chunkOverview.js';
import { memorySource, openEventStream } from '../../src/parser/index.js';
import { fixturesDir, sharedTracesDir } from '../support/paths.js';

const TRACES = [
  path.join(fixturesDir, 'go1.26-manyg.trace'),
  path.join(fixturesDir, 'go1.22-syscalls.trace'),
  path.join(fixturesDir, 'go1.21-annot.trace'),
  path.join(sharedTracesDir, 'go1.26-manyg-long.trace'),
  path.join(sharedTracesDir, 'go1.25-flight.trace'),
  path.join(sharedTracesDir, 'go1.19-httpload.trace'),
].filter((f) => existsSync(f));

const GO: Record<string, number> = { Running: SpanState.Running, Runnable: SpanState.Runnable, Waiting: SpanState.Waiting, Syscall: SpanState.Syscall };

type PassResult = Awaited<ReturnType<typeof runPass>>;
const passes = new Map<string, Promise<PassResult>>();

/** The pass over a file, run once for the tests of that file. */
function passChunks(file: string): Promise<PassResult> {
  let p = passes.get(file);
  if (!p) passes.set(file, (p = runPass(new Uint8Array(readFileSync(file)))));
  return p;
}

async function runPass(bytes: Uint8Array) {
  const pass = await AnalysisPass.open(memorySource(bytes), { yieldEvery: 1 << 30, timeline: true });
  const chunks: SpanChunk[] = [];
  pass.handlers.timeline.onChunk = (i, c) => (chunks[i] = c);
  const data = await pass.run();
  return { pass, chunks, overview: data.timeline };
}

function assertSameSpans(a: OwnerSpans, b: OwnerSpans, what: string): void {
  for (const col of ['owners', 'first', 'start', 'end', 'state', 'flags', 'reason', 'offset', 'other', 'by'] as const) {
    assert.deepEqual(Array.from(a[col]), Array.from(b[col]), `${what}: ${col}`);
  }
}

/** The state of a goroutine at time t from its spans in the chunk (-1 none). */
function stateAt(s: OwnerSpans, g: number, t: number): number {
  const [from, to] = s.rowsOf(g);
  // Goroutine spans do not overlap: the last one starting at or before t.
  let lo = from;
  let hi = to - 1;
  let at = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (s.start[mid] <= t) [at, lo] = [mid, mid + 1];
    else hi = mid - 1;
  }
  return at >= 0 && t < s.end[at] ? s.state[at] : -1;
}

function bruteBucket(s: OwnerSpans, row: number, c: ChunkSummary, buckets: number, b: number): number {
  const w = (c.endNs - c.startNs) / buckets;
  const lo = c.startNs + b * w;
  const hi = lo + w;
  const time = new Map<number, number>();
  let covered = 0;
  for (let r = s.first[row]; r < s.first[row + 1]; r++) {
    const overlap = Math.min(s.end[r], hi) - Math.max(s.start[r], lo);
    if (overlap <= 0) continue;
    time.set(s.state[r], (time.get(s.state[r]) ?? 0) + overlap);
    covered += overlap;
  }
  let best = NO_STATE;
  let bestTime = w - covered;
  for (const [st, t] of [...time].sort((x, y) => x[0] - y[0])) if (t > bestTime) [best, bestTime] = [st + 1, t];
  return best;
}

function assertOverview(s: OwnerSpans, o: OwnerOverview, c: ChunkSummary, what: string): void {
  assert.deepEqual(Array.from(o.ids), Array.from(s.owners), `${what}: owners`);
  for (let i = 0; i < o.ids.length; i++) {
    for (let b = 0; b < o.buckets; b++) {
      const want = bruteBucket(s, i, c, o.buckets, b);
      const got = o.bucket(i, b);
      // Float sums may tie differently at the last ulp: only exact ties are allowed to differ.
      if (got !== want) assert.fail(`${what}: owner ${o.ids[i]} bucket ${b}: ${got} != ${want}`);
    }
    let trailing = NO_STATE;
    let since = -Infinity;
    for (let r = s.first[i]; r < s.first[i + 1]; r++) if (s.flags[r] & SpanFlag.Trailing && s.start[r] >= since) [trailing, since] = [s.state[r] + 1, s.start[r]];
    assert.equal(o.endState[i], trailing, `${what}: owner ${o.ids[i]} end state`);
  }
}

describe('analysis: state spans and the timeline overview', () => {
  after(() => passes.clear());

  for (const file of TRACES) {
    it(`${path.basename(file)}: chunks re-derived alone equal the pass's`, async () => {
      const bytes = new Uint8Array(readFileSync(file));
      const { pass, chunks, overview } = await passChunks(file);
      assert.ok(chunks.length > 0);
      assert.equal(overview.chunks.length, chunks.length);
      const view = { source: memorySource(bytes), generations: pass.generations };
      for (let k = 0; k < chunks.length; k++) {
        const d = await deriveChunkSpans(view, k);
        assert.ok(d, `chunk ${k}`);
        assert.equal(d.startNs, chunks[k].startNs);
        assert.equal(d.endNs, chunks[k].endNs);
        assert.deepEqual(d.strings, chunks[k].strings);
        for (const kind of ['goroutines', 'procs', 'threads'] as const) assertSameSpans(d[kind], chunks[k][kind], `chunk ${k} ${kind}`);
      }
      assert.equal(await deriveChunkSpans(view, chunks.length), undefined);
    });

    it(`${path.basename(file)}: spans match the ordered stream's transitions`, async () => {
      const bytes = new Uint8Array(readFileSync(file));
      const { chunks } = await passChunks(file);
      const r = await openEventStream(memorySource(bytes));
      let k = -1;
      let checked = 0;
      for (;;) {
        const e = r.next();
        if (!e) {
          if (r.needsGeneration) {
            await r.loadGeneration();
            continue;
          }
          break;
        }
        if (e.kind === 'Sync') {
          k++;
          continue;
        }
        const st = e.transition;
        if (!st || st.resource.kind !== 'Goroutine' || st.from === st.to) continue;
        const c = chunks[k];
        const g = st.resource.id;
        // Just before: the state it leaves (when the chunk knows it); at the event: the state it enters.
        if (GO[st.from] !== undefined && e.time > c.startNs) {
          const before = stateAt(c.goroutines, g, e.time - 1);
          if (before !== -1) assert.equal(before, GO[st.from], `G${g} before ${e.time}`);
        }
        if (e.time < c.endNs) assert.equal(stateAt(c.goroutines, g, e.time), GO[st.to] ?? -1, `G${g} at ${e.time} (${st.from}->${st.to})`);
        checked++;
      }
      assert.ok(checked > 10, `${checked} transitions checked`);
    });

    it(`${path.basename(file)}: overview buckets are the longest-held state`, async () => {
      const { chunks, overview } = await passChunks(file);
      for (let k = 0; k < chunks.length; k++) {
        const c = overview.chunks[k];
        assertOverview(chunks[k].goroutines, c.goroutines, c, `chunk ${k} goroutines`);
        assertOverview(chunks[k].procs, c.procs, c, `chunk ${k} procs`);
        assertOverview(chunks[k].threads, c.threads, c, `chunk ${k} threads`);
      }
    });
  }

  it('goroutine spans do not overlap and proc spans do not overlap', async () => {
    const { chunks } = await passChunks(TRACES[0]);
    for (const c of chunks) {
      for (const s of [c.goroutines, c.procs]) {
        for (let i = 0; i < s.owners.length; i++) {
          for (let r = s.first[i] + 1; r < s.first[i + 1]; r++) assert.ok(s.start[r] >= s.end[r - 1], `owner ${s.owners[i]} row ${r}`);
        }
      }
    }
  });

  it('GC periods: cycles and stop-the-world, each ending after it starts', async () => {
    const { overview } = await passChunks(TRACES[0]);
    const { gc } = overview;
    assert.ok(gc.start.length > 0, 'some GC periods');
    assert.ok(gc.kind.includes(0) && gc.kind.includes(1), 'cycles and stop-the-world');
    for (let i = 0; i < gc.start.length; i++) assert.ok(gc.end[i] >= gc.start[i], `period ${i}`);
    assert.ok(gc.reason.some((r) => r >= 0 && overview.reasons[r].length > 0), 'a stop-the-world reason');
  });
});
