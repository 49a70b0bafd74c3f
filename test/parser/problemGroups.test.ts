/**
 * One cause per broken trace: the problems that follow from a generation cut short (references
 * into the tables the cut removed, Go's ordering stuck without the lost batches) are folded under
 * the problem that cut it, on hand-built traces of each kind and on the real broken traces.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { memorySource, type ByteSource } from '../../src/parser/bytes/byteSource.js';
import { withOrderingFailure } from '../../src/parser/order/checkOrdering.js';
import { openTrace } from '../../src/parser/openTrace.js';
import { formatProblemGroups, groupProblems, type ProblemGroup } from '../../src/parser/problemGroups.js';
import type { Problem } from '../../src/parser/problems.js';
import { openFileSource } from '../../src/node/fileSource.js';
import { fixturesDir, sharedTracesDir, traceFiles } from '../support/paths.js';
import { GoStatus, ProcStatus, TraceWriter, type Frame } from '../support/traceWriter.js';

/** Every problem `go-trace check` lists: the wire-level check's, and the ordering's failure. */
async function allProblems(source: ByteSource): Promise<Problem[]> {
  const trace = await openTrace(source);
  const result = await trace.check();
  if (trace.kind !== 'v2') return result.problems;
  return withOrderingFailure(result.problems, (await trace.checkOrdering()).failure);
}

const frame = (i: number): Frame => ({ pc: 0x1000 + i, func: `main.f${i}`, file: `/src/f${i}.go`, line: i + 1 });

/** One generation: `blocks` goroutines per batch that each block with their own one-frame stack and reason. */
function blockingGeneration(w: TraceWriter, gen: number, blocks: number, batches = 2): ReturnType<TraceWriter['generation']> {
  const g = w.generation(gen);
  for (let b = 0; b < batches; b++) {
    const batch = g.batch(b + 1, gen * 1000 + b * 100).event('ProcStatus', { p: b, pstatus: ProcStatus.Running });
    for (let i = 0; i < blocks; i++) {
      const id = b * blocks + i + 1;
      batch
        .event('GoStatus', { g: id, m: b + 1, gstatus: GoStatus.Running })
        .event('GoBlock', { reason_string: `reason ${id}`, stack: [frame(id)] });
    }
  }
  return g;
}

/** The groups that are not the bookkeeping line (too-many-problems). */
const causes = (groups: readonly ProblemGroup[]) => groups.filter((g) => g.cause.code !== 'too-many-problems');
const counts = (g: ProblemGroup) => g.counts.map((c) => `${c.count} ${c.code}`);

describe('groupProblems', () => {
  it('Go 1.25 cut inside the strings batch header: the truncation, then the references into the strings it removed', async () => {
    const w = new TraceWriter(25);
    blockingGeneration(w, 1, 5).end();
    const built = w.build();
    const strings = built.batches.find((b) => b.role === 'strings')!;
    const problems = await allProblems(memorySource(built.bytes.subarray(0, strings.offset + 3)));
    // Before grouping: the dangling references lead (at the generation's start), the cause is last.
    assert.equal(problems[0].code, 'dangling-string-in-stack');
    assert.equal(problems.length, 31);
    const groups = groupProblems(problems);
    assert.equal(groups.length, 1);
    const [g] = groups;
    assert.equal(g.cause.code, 'batch-truncated');
    assert.equal(g.cause.offset, strings.offset);
    // Two strings per frame (func, file), ten stacks; ten reason strings.
    assert.deepEqual(counts(g), ['20 dangling-string-in-stack', '10 dangling-string-ref']);
    assert.equal(g.counts[0].text, '20 references from stack frames into the string table that the truncation removed');
    assert.equal(g.consequences.length, 30);
  });

  it('Go 1.25 with a bad batch type: the bad batch, then what the read never reached', async () => {
    const w = new TraceWriter(25);
    blockingGeneration(w, 1, 5, 3).end();
    const built = w.build();
    const second = built.batches.filter((b) => b.role === 'events')[1];
    const bytes = built.bytes.slice();
    bytes[second.offset] = 7;
    const groups = groupProblems(await allProblems(memorySource(bytes)));
    assert.equal(groups.length, 1);
    assert.equal(groups[0].cause.code, 'invalid-batch-type');
    assert.equal(groups[0].cause.offset, second.offset);
    // The first batch's five blocks: their stacks and reasons.
    assert.deepEqual(counts(groups[0]), ['5 dangling-stack-ref', '5 dangling-string-ref']);
    assert.match(groups[0].counts[0].text, /^5 references into the stack table that the read never reached$/);
  });

  it('Go 1.22 with a batch of generation 1 inside generation 2: that first, then what it cut off', async () => {
    const w = new TraceWriter(22);
    const g1 = blockingGeneration(w, 1, 2);
    g1.end();
    const g2 = blockingGeneration(w, 2, 3);
    g2.stacks([1, 2, 3, 4, 5, 6].map((i) => [frame(i)]));
    g1.batch(9, 5000).event('ProcStatus', { p: 5, pstatus: ProcStatus.Idle });
    const built = w.build();
    const problems = await allProblems(memorySource(built.bytes));
    assert.notEqual(problems[0].code, 'generations-out-of-order');
    const groups = groupProblems(problems);
    assert.equal(groups.length, 1);
    const [g] = groups;
    assert.equal(g.cause.code, 'generations-out-of-order');
    assert.equal(g.cause.message, 'generations out of order: a batch of generation 1 inside generation 2');
    assert.equal(g.cause.offset, built.batches.find((b) => b.m === 9n)!.offset);
    // Before 1.25 the frequency comes at the generation's end too: lost with the strings.
    assert.deepEqual(counts(g), ['1 missing-frequency', '12 dangling-string-in-stack', '6 dangling-string-ref']);
    assert.equal(g.counts[0].text, 'the frequency (clock data) that the read never reached');
  });

  it('keeps apart what does not follow: another generation, or a problem that cuts nothing', () => {
    const at = (code: Problem['code'], generationIndex: number, offset: number): Problem => ({ code, severity: 'error', message: code, offset, generationIndex, generation: generationIndex + 1 });
    const problems = [at('dangling-string-ref', 0, 20), at('missing-end-of-generation', 1, 40), at('dangling-string-ref', 1, 50), at('batch-truncated', 2, 90), at('dangling-stack-ref', 2, 70)];
    const groups = groupProblems(problems);
    assert.deepEqual(groups.map((g) => [g.cause.offset, g.consequences.map((c) => c.offset)]), [[20, []], [40, []], [50, []], [90, [70]]]);
    // Every problem once.
    assert.equal(groups.reduce((n, g) => n + 1 + g.consequences.length, 0), problems.length);
  });

  it("prints a cause, each kind of consequence counted under it, and the consequences (every line) under that", () => {
    const truncated: Problem = { code: 'batch-truncated', severity: 'error', message: 'cut', offset: 90, generationIndex: 0, generation: 1 };
    const stuck: Problem = { code: 'ordering-failed', severity: 'error', message: 'broken trace: failed to advance: frontier:\n[gen=1]\n\nM 1', offset: 30, generationIndex: 0, generation: 1 };
    const lines = formatProblemGroups(groupProblems([stuck, truncated]));
    assert.deepEqual(lines, [
      'ERROR batch-truncated offset=90 gen=1: cut',
      "  Go's ordering of the events, stuck without the batches that the truncation removed:",
      '    ERROR ordering-failed offset=30 gen=1: broken trace: failed to advance: frontier:\n    [gen=1]\n\n    M 1',
    ]);
  });

  describe('real broken traces', () => {
    // Those the issue counts: one cause each (a truncation, garbage, a lost EndOfGeneration...).
    const files = [...traceFiles(sharedTracesDir), ...traceFiles(fixturesDir)].filter((f) => path.basename(f).startsWith('broken-'));
    if (files.length === 0) it.skip('no broken traces');
    for (const file of files) {
      const name = path.basename(file, '.trace');
      it(`${name}: at most one cause`, async () => {
        const source = await openFileSource(file);
        const problems = await allProblems(source).finally(() => source.close?.());
        const groups = causes(groupProblems(problems));
        assert.ok(groups.length <= 1, formatProblemGroups(groups).slice(0, 5).join('\n'));
        if (name.endsWith('-trunc-genboundary')) assert.equal(groups.length, 0);
        else assert.equal(groups.length, 1);
      });
    }

    it('broken-go1.25-flight-trunc-midbatch: the truncation, then its 41 references (the ordering\'s one among them)', async function () {
      const file = path.join(sharedTracesDir, 'broken-go1.25-flight-trunc-midbatch.trace');
      if (!traceFiles(sharedTracesDir).includes(file)) this.skip();
      const source = await openFileSource(file);
      const groups = causes(groupProblems(await allProblems(source).finally(() => source.close?.())));
      assert.equal(groups.length, 1);
      assert.equal(groups[0].cause.code, 'batch-truncated');
      assert.deepEqual(counts(groups[0]), ['21 dangling-stack-ref', '20 dangling-string-ref']);
    });
  });
});
