/**
 * A generation's decode job gives exactly what TraceReader.decodeBatch gives for the generation:
 * the same event count and the same problems (code, severity, message, offset, generation,
 * batch, event), in the same order; bounded like a ProblemList, with what is left out counted.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { ByteSource, memorySource } from '../../../src/parser/bytes/byteSource.js';
import { checkTrace } from '../../../src/parser/check.js';
import { makeDecodeJob, ProblemRun, runDecodeJob } from '../../../src/parser/generation/decodeJob.js';
import { EventColumns } from '../../../src/parser/generation/eventColumns.js';
import { IdTable } from '../../../src/parser/generation/idTable.js';
import type { Problem, ProblemCode } from '../../../src/parser/problems.js';
import { ProblemList } from '../../../src/parser/problemList.js';
import { TraceReader, TraceReaderOptions } from '../../../src/parser/traceReader.js';
import { fixturesDir, sharedTracesDir, traceFiles } from '../../support/paths.js';
import { GoStatus, ProcStatus, TraceWriter } from '../../support/traceWriter.js';

const UNLIMITED = { total: Infinity, perCodeAndGeneration: Infinity };

interface PerGeneration {
  index: number;
  /** What decodeBatch gave. */
  events: number;
  problems: Problem[];
  /** What the job gave. */
  jobEvents: number;
  jobProblems: Problem[];
  truncated: boolean;
}

/** Every generation decoded both ways: by the reader, batch by batch, and as a job. */
async function both(source: ByteSource, options: TraceReaderOptions = {}): Promise<PerGeneration[]> {
  const reader = await TraceReader.open(source, { ...options, problemLimits: UNLIMITED });
  const columns = new EventColumns(64);
  const out: PerGeneration[] = [];
  for (let g; (g = await reader.nextGeneration()); ) {
    const before = reader.problems.items.length;
    let events = 0;
    for (let i = 0; i < g.batches.length; i++) {
      columns.clear();
      events += await reader.decodeBatch(g, i, columns);
    }
    const problems = reader.problems.items.slice(before);
    const job = await makeDecodeJob(g, { source, problemLimit: Infinity });
    const r = runDecodeJob(job);
    assert.deepEqual(r.omitted, []);
    out.push({ index: g.index, events, problems, jobEvents: r.events, jobProblems: r.problems, truncated: g.truncated });
  }
  return out;
}

function assertSame(gens: PerGeneration[], label: string): void {
  for (const g of gens) {
    assert.equal(g.jobEvents, g.events, `${label}: generation ${g.index}: events`);
    assert.deepStrictEqual(g.jobProblems, g.problems, `${label}: generation ${g.index}: problems`);
  }
}

const stackOf = (line: number) => [{ pc: 0x1000 + line, func: 'main.main', file: '/src/main.go', line }];

describe('decodeJob', () => {
  describe('on real traces, the same events and problems as TraceReader.decodeBatch', () => {
    const files = [...traceFiles(fixturesDir), ...traceFiles(sharedTracesDir)];
    for (const file of files) {
      it(path.basename(file), async () => {
        const bytes = new Uint8Array(readFileSync(file));
        assertSame(await both(memorySource(bytes)), path.basename(file));
        // Payloads not retained: the job reads them from the source.
        assertSame(await both(memorySource(bytes), { maxRetainedBytes: 0 }), `${path.basename(file)} (not retained)`);
      });
    }
  });

  it('dangling stack and string IDs, over several batches and generations', async () => {
    const w = new TraceWriter(26);
    for (let gen = 1; gen <= 3; gen++) {
      const g = w.generation(gen);
      const b = g.batch(1, gen * 100).event('ProcStatus', { p: 0, pstatus: ProcStatus.Running }).event('GoStatus', { g: 1, m: 1, gstatus: GoStatus.Running });
      b.event('GoBlock', { reason_string: 77n + BigInt(gen), stack: 55n });
      b.event('GoBlock', { reason_string: 'chan receive', stack: stackOf(gen) });
      g.batch(2, gen * 100 + 1).event('ProcStatus', { p: 1, pstatus: ProcStatus.Running }).event('GoBlock', { reason_string: 'select', stack: 99n });
    }
    const gens = await both(memorySource(w.bytes()));
    assertSame(gens, 'dangling');
    assert.deepEqual(gens.map((g) => g.problems.map((p) => `${p.code} e${p.event}`)),
      [0, 1, 2].map(() => ['dangling-stack-ref e2', 'dangling-string-ref e2', 'dangling-stack-ref e1']));
    assert.deepEqual(gens.map((g) => g.problems.map((p) => p.generation)), [[1, 1, 1], [2, 2, 2], [3, 3, 3]]);
  });

  it('an unknown event type, a structural event, a cut event and a varint overflow end their batches', async () => {
    const w = new TraceWriter(26);
    const g = w.generation(1);
    g.batch(1, 1).event('ProcStatus', { p: 0, pstatus: ProcStatus.Running }).rawEvent(200, [1]).event('ProcStop');
    g.batch(2, 1).event('ProcStatus', { p: 1, pstatus: ProcStatus.Idle }).rawEvent(4);
    g.batch(3, 1).event('ProcStatus', { p: 2, pstatus: ProcStatus.Running }).raw([13, 1, 0x80]);
    g.batch(4, 1).raw([13, 1, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f, 1]);
    g.batch(5, 1).event('ProcStatus', { p: 3, pstatus: ProcStatus.Idle });
    const gens = await both(memorySource(w.bytes()));
    assertSame(gens, 'bad events');
    assert.deepEqual(gens[0].problems.map((p) => p.code), ['unknown-event-type', 'event-without-timestamp', 'event-truncated', 'varint-overflow']);
    assert.equal(gens[0].events, 4);
  });

  it('sparse ID tables (IDs too scattered for a presence map) are sent as their IDs', async () => {
    const w = new TraceWriter(26);
    const g = w.generation(1);
    g.strings([[2 ** 40, 'far'], [3, 'near']]);
    g.batch(1, 1).event('ProcStatus', { p: 0, pstatus: ProcStatus.Running }).event('GoStatus', { g: 1, m: 1, gstatus: GoStatus.Running })
      .event('GoBlock', { reason_string: BigInt(2 ** 40), stack: 0 })
      .event('GoBlock', { reason_string: 3n, stack: 0 })
      .event('GoBlock', { reason_string: BigInt(2 ** 40 + 1), stack: 0 });
    const source = memorySource(w.bytes());
    const reader = await TraceReader.open(source);
    const gen = (await reader.nextGeneration())!;
    assert.equal(gen.tables.strings.presence, undefined);
    const job = await makeDecodeJob(gen);
    assert.deepEqual(job.strings.ids?.includes(2 ** 40), true);
    const gens = await both(source);
    assertSame(gens, 'sparse');
    assert.deepEqual(gens[0].problems.map((p) => p.message), [`found invalid string ID ${2 ** 40 + 1} for event GoBlock`]);
  });

  it('a truncated generation reports no dangling IDs, as the reader does not', async () => {
    const w = new TraceWriter(26);
    const g = w.generation(1);
    g.batch(1, 1).event('ProcStatus', { p: 0, pstatus: ProcStatus.Running }).event('GoStatus', { g: 1, m: 1, gstatus: GoStatus.Running })
      .event('GoBlock', { reason_string: 'chan receive', stack: stackOf(1) });
    g.end();
    const written = w.build();
    // Cut before the stack and string tables: every reference dangles.
    const cut = written.batches.find((b) => b.role === 'stacks' || b.role === 'strings')!.offset;
    const gens = await both(memorySource(written.bytes.subarray(0, cut)));
    assert.equal(gens[0].truncated, true);
    assertSame(gens, 'truncated');
    assert.deepEqual(gens[0].problems, []);
    assert.equal(gens[0].events, 3);
  });

  it('needs the source for payloads the generation did not keep', async () => {
    const w = new TraceWriter(26);
    w.generation(1).batch(1, 1).event('ProcStatus', { p: 0, pstatus: ProcStatus.Running });
    const reader = await TraceReader.open(memorySource(w.bytes()), { maxRetainedBytes: 0 });
    const g = (await reader.nextGeneration())!;
    await assert.rejects(makeDecodeJob(g), /no retained payload/);
  });

  it('bounds its problems per code, counting the rest, so replaying them gives checkTrace\'s list', async () => {
    const w = new TraceWriter(26);
    const b = w.generation(1).batch(1, 1);
    for (let i = 0; i < 5000; i++) b.event('GoBlock', { reason_string: 1000n + BigInt(i), stack: i % 3 === 0 ? 7000n + BigInt(i) : 0 });
    const source = memorySource(w.bytes());
    const reader = await TraceReader.open(source);
    const g = (await reader.nextGeneration())!;
    const r = runDecodeJob(await makeDecodeJob(g, { problemLimit: 20 }), new EventColumns(16));
    assert.equal(r.events, 5000);
    assert.equal(r.problems.length, 40);
    assert.deepEqual(r.omitted.map((o) => [o.code, o.count]), [['dangling-string-ref', 4980], ['dangling-stack-ref', 1667 - 20]]);

    const list = new ProblemList();
    for (const p of reader.problems.items) list.add(p);
    ProblemRun.replayInto(list, r);
    const expected = await checkTrace(source);
    const problems = [...list.items].sort((a, b) => a.offset - b.offset);
    assert.deepStrictEqual(problems, expected.problems.slice(0, -1));
    assert.deepEqual([...list.omitted], [['dangling-string-ref', 4980], ['dangling-stack-ref', 1647]]);
    assert.match(expected.problems[expected.problems.length - 1].message, /\(4980 dangling-string-ref, 1647 dangling-stack-ref\)$/);
  });

  it('ProblemRun.replayInto gives the list, omitted counts and their order of adding each problem directly', () => {
    let seed = 12345;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const codes: ProblemCode[] = ['dangling-stack-ref', 'dangling-string-ref', 'varint-overflow', 'unknown-pc'];
    for (let round = 0; round < 200; round++) {
      const limits = { total: 1 + rand(40), perCodeAndGeneration: 1 + rand(6) };
      const direct = new ProblemList(limits);
      const replayed = new ProblemList(limits);
      // Several runs (generations), each a random stream of problems.
      for (let gen = 0; gen < 1 + rand(5); gen++) {
        const run = new ProblemRun(limits.perCodeAndGeneration);
        for (let i = 0; i < rand(30); i++) {
          const p: Problem = { code: codes[rand(codes.length)], severity: 'error', message: `m${i}`, offset: rand(1000), generationIndex: gen };
          direct.add(p);
          run.add(p);
        }
        ProblemRun.replayInto(replayed, run);
      }
      assert.deepStrictEqual(replayed.items, direct.items);
      assert.deepStrictEqual([...replayed.omitted], [...direct.omitted]);
    }
  });

  it('IdTable.fromPresence and fromIds answer has() as the tables they come from', () => {
    const dense = new IdTable<string>('');
    for (let i = 1; i <= 40; i += 3) dense.insert(i, `s${i}`);
    dense.compact();
    const sparse = new IdTable<string>('');
    for (const id of [5, 2 ** 33, 2 ** 50]) sparse.insert(id, 'x');
    sparse.compact();
    assert.equal(sparse.presence, undefined);
    const fromPresence = IdTable.fromPresence(dense.presence!, '?');
    const fromIds = IdTable.fromIds(sparse.ids(), '?');
    for (const id of [0, 1, 2, 4, 40, 41, 1000]) assert.equal(fromPresence.has(id), dense.has(id), String(id));
    for (const id of [0, 1, 5, 6, 2 ** 33, 2 ** 50, 2 ** 50 + 2]) assert.equal(fromIds.has(id), sparse.has(id), String(id));
    assert.equal(fromPresence.size, dense.size);
    assert.deepEqual(fromIds.ids(), sparse.ids());
    assert.equal(fromIds.presence, undefined);
  });
});
