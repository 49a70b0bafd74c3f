import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { openFileSource } from '../../../src/node/fileSource.js';
import { GoroutineSummarizer, goroutineLifetimeNs, MAX_DISTINCT_GOROUTINES, ProcSummarizer, startFunctionOf, summarizeTrace, type OrderedEvent, type TraceSummaries } from '../../../src/parser/index.js';
import { fixturesDir } from '../../support/paths.js';

async function summarize(name: string): Promise<TraceSummaries> {
  const source = await openFileSource(path.join(fixturesDir, name));
  try {
    return await summarizeTrace(source);
  } finally {
    await source.close?.();
  }
}

const VERSIONS = ['1.22', '1.23', '1.25', '1.26', '1.27'];
const KINDS = ['annot', 'cpuprof', 'manyg', 'syscalls'];

describe('trace summaries (src/parser/summary)', () => {
  for (const v of VERSIONS) {
    for (const k of KINDS) {
      const name = `go${v}-${k}.trace`;
      it(`${name}: every goroutine's state times fit in its lifetime`, async () => {
        const s = await summarize(name);
        assert.equal(s.failure, undefined);
        assert.ok(s.done);
        assert.ok(s.goroutines.size > 0);
        for (const g of s.goroutines.values()) {
          const sum = g.runningNs + g.runnableNs + g.blockedNs + g.syscallNs + g.syscallBlockedNs;
          const life = goroutineLifetimeNs(g, s.lastNs);
          assert.ok(life >= 0, `G ${g.id} lifetime ${life}`);
          assert.ok(sum <= life, `G ${g.id}: ${sum} ns in states > lifetime ${life} ns`);
          for (const t of [g.runningNs, g.runnableNs, g.blockedNs, g.syscallNs, g.syscallBlockedNs]) assert.ok(t >= 0);
          const byReason = Object.values(g.blockedByReason).reduce((a, b) => a + b, 0);
          assert.equal(byReason, g.blockedNs);
          if (!Number.isNaN(g.startNs)) assert.ok(g.startNs >= g.creationNs);
        }
        // the main goroutine: ID 1, started in main.main
        assert.equal(s.goroutines.get(1)?.startFunction, 'main.main');
        assert.ok(s.procs.size > 0 && s.threads.size > 0);
        const span = s.lastNs - s.firstNs;
        for (const p of s.procs.values()) {
          assert.ok(p.runningNs >= 0 && p.idleNs >= 0 && p.runningNs + p.idleNs <= span, `P ${p.id}: running ${p.runningNs} + idle ${p.idleNs} > ${span}`);
          assert.ok(p.goroutines <= p.goroutineStarts && p.firstGeneration <= p.lastGeneration && p.firstGeneration >= 0);
        }
        for (const t of s.threads.values()) {
          assert.ok(t.runningNs >= 0 && t.runningNs <= span && t.syscallNs >= 0 && t.syscallNs <= span, `M ${t.id}`);
          assert.ok(t.goroutines <= t.goroutineStarts && t.firstGeneration <= t.lastGeneration);
        }
        // event counts: every ordered event in one generation's counts, but the Syncs (one per
        // generation and the closing one) and the CPU samples, which are counted apart
        const counted = s.eventCounts.reduce((a, c) => a + c.total + c.cpuSamples, 0);
        assert.equal(counted + s.eventCounts.length + 1, s.events, 'all but the Syncs');
        for (const c of s.eventCounts) {
          assert.equal(c.byType.Sync, undefined);
          assert.equal(c.byType.CPUSample, undefined);
          assert.equal(Object.values(c.byType).reduce((a, n) => a + n, 0), c.total);
        }
      });
    }
  }

  it('manyg: the many goroutines it starts, over two generations', async () => {
    const s = await summarize('go1.26-manyg.trace');
    assert.equal(s.goroutines.size, 47);
    assert.equal(s.generations, 2);
    assert.equal(s.eventCounts.length, 2);
    const created = [...s.goroutines.values()].filter((g) => !g.preexisting);
    assert.ok(created.length >= 30, `${created.length} goroutines created in the trace`);
    assert.ok(created.every((g) => g.name !== ''), 'a created goroutine is named by its start stack');
  });

  it('syscalls: time in syscalls is counted', async () => {
    const s = await summarize('go1.26-syscalls.trace');
    const inSyscall = [...s.goroutines.values()].reduce((a, g) => a + g.syscallNs + g.syscallBlockedNs, 0);
    assert.ok(inSyscall > 0);
  });

  it('syscalls: every GoSyscallBegin is a syscall of its proc and of its thread, and threads spend time in them', async () => {
    const s = await summarize('go1.26-syscalls.trace');
    const begins = s.eventCounts.reduce((a, c) => a + (c.byType.GoSyscallBegin ?? 0), 0);
    assert.ok(begins > 0);
    const sum = (xs: Iterable<{ syscalls: number }>) => [...xs].reduce((a, x) => a + x.syscalls, 0);
    assert.equal(sum(s.procs.values()), begins);
    assert.equal(sum(s.threads.values()), begins);
    assert.ok([...s.threads.values()].some((t) => t.syscallNs > 0));
    // every goroutine start is on a proc and a thread; a proc's distinct goroutines are at most all of them
    const procStarts = [...s.procs.values()].reduce((a, p) => a + p.goroutineStarts, 0);
    const threadStarts = [...s.threads.values()].reduce((a, t) => a + t.goroutineStarts, 0);
    assert.ok(procStarts > 0);
    assert.equal(procStarts, threadStarts);
    for (const p of s.procs.values()) assert.ok(p.goroutines <= s.goroutines.size && !p.goroutinesCapped);
    // both procs idle at some point (GOMAXPROCS=2, the program sleeps in syscalls)
    assert.ok([...s.procs.values()].every((p) => p.idleNs > 0 && p.starts > 0));
  });

  it('ProcSummarizer caps the distinct goroutines per proc and thread', () => {
    const sum = new ProcSummarizer();
    sum.reset();
    const ev = (time: number, g: number) => ({
      kind: 'StateTransition', time, m: 1, p: 0, g: -1, type: 0,
      transition: { resource: { kind: 'Goroutine', id: g }, from: 'Runnable', to: 'Running', reason: '' },
    }) as unknown as OrderedEvent;
    for (let g = 0; g < MAX_DISTINCT_GOROUTINES + 5; g++) sum.handleEvent(ev(g + 1, g));
    sum.handleEvent(ev(MAX_DISTINCT_GOROUTINES + 10, 0));
    sum.finalize();
    const { procs, threads } = sum.data();
    for (const x of [procs.get(0)!, threads.get(1)!]) {
      assert.equal(x.goroutineStarts, MAX_DISTINCT_GOROUTINES + 6);
      assert.equal(x.goroutines, MAX_DISTINCT_GOROUTINES);
      assert.ok(x.goroutinesCapped);
    }
  });

  for (const v of VERSIONS) {
    it(`go${v}-annot.trace: the tasks and regions of test/fixtures/go/annot/main.go`, async () => {
      const s = await summarize(`go${v}-annot.trace`);
      const tasks = new Map(s.tasks.map((t) => [t.name, t]));
      for (const n of ['worker 0', 'worker 1', 'worker 2', 'worker 3', 'never ended']) assert.ok(tasks.has(n), `task ${n}`);
      const root = [...tasks.values()].find((t) => t.name.startsWith('root task '))!;
      assert.ok(root && root.endNs > root.startNs, 'the root task begins and ends');
      assert.ok(Number.isNaN(tasks.get('never ended')!.endNs), 'never ended');
      const handed = [...tasks.values()].find((t) => t.name.startsWith('handed-off '))!;
      assert.notEqual(handed.startGoroutine, handed.endGoroutine, 'a task ended by another goroutine');
      assert.equal(tasks.get('worker 0')!.parent, root.id);
      const regions = s.regions.map((r) => r.name);
      assert.equal(regions.filter((n) => n === 'compute').length, 4);
      assert.equal(regions.filter((n) => n === 'send').length, 4);
      assert.ok(regions.includes('nested region'));
      const nested = s.regions.find((r) => r.name === 'nested region')!;
      const setup = s.regions.find((r) => r.name.startsWith('setup '))!;
      assert.ok(setup.startNs <= nested.startNs && nested.endNs <= setup.endNs, 'nested inside setup');
      assert.ok(Number.isNaN(s.regions.find((r) => r.name === 'open at trace stop')!.endNs));
      for (const r of s.regions.filter((x) => x.name === 'compute')) {
        assert.ok(r.endNs > r.startNs);
        assert.ok(s.goroutines.has(r.goroutine));
      }
    });
  }

  it('a v1 trace is summarized from its converted stream (V1OrderedReader)', async () => {
    const s = await summarize('go1.21-annot.trace');
    assert.equal(s.failure, undefined);
    assert.ok(s.goroutines.size > 0);
    assert.ok(s.tasks.length > 0 && s.regions.length > 0);
    assert.equal(s.generations, 1);
  });

  it('GoroutineSummarizer names a goroutine by the outermost frame, and reset forgets', () => {
    const h = new GoroutineSummarizer();
    h.reset();
    const frame = (func: string) => ({ pc: 1, func, file: 'f.go', line: 1 });
    h.handleEvent({ kind: 'Sync', time: 10, m: -1, p: -1, g: -1, type: -1, sync: { n: 1 } });
    h.handleEvent({
      kind: 'StateTransition', time: 20, m: 1, p: 0, g: 1, type: 0,
      transition: { resource: { kind: 'Goroutine', id: 7 }, from: 'NotExist', to: 'Runnable', reason: '', stack: { id: 3, frames: [frame('inner'), frame('main.worker')] } },
    });
    h.handleEvent({ kind: 'StateTransition', time: 50, m: 1, p: 0, g: 7, type: 0, transition: { resource: { kind: 'Goroutine', id: 7 }, from: 'Runnable', to: 'Running', reason: '' } });
    h.handleEvent({ kind: 'StateTransition', time: 80, m: 1, p: 0, g: 7, type: 0, transition: { resource: { kind: 'Goroutine', id: 7 }, from: 'Running', to: 'Waiting', reason: 'chan receive' } });
    h.handleEvent({ kind: 'Sync', time: 100, m: -1, p: -1, g: -1, type: -1, sync: { n: 2 } });
    h.finalize();
    const g = h.data().get(7)!;
    assert.equal(g.name, 'main.worker');
    assert.equal(g.creationNs, 20);
    assert.equal(g.runnableNs, 30);
    assert.equal(g.runningNs, 30);
    assert.deepEqual(g.blockedByReason, { 'chan receive': 20 });
    assert.ok(Number.isNaN(g.endNs));
    h.reset();
    assert.equal(h.data().size, 0);
  });

  it('startFunctionOf reads the root of the stack', () => {
    assert.equal(startFunctionOf(['a', 'main.main', 'runtime.main']), 'main.main');
    assert.equal(startFunctionOf(['a', 'pkg.f', 'runtime.goexit']), 'pkg.f');
    assert.equal(startFunctionOf(['a', 'pkg.f']), 'pkg.f');
    assert.equal(startFunctionOf([]), '');
  });
});
