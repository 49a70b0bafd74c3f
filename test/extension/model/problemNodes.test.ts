/**
 * The viewer's problems grouped: a Go 1.25 trace cut before its string table gives one cause,
 * its consequences after it pointing back at it, one error in the summary, and a banner that
 * names the cause and counts what follows from it.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { memorySource } from '../../../src/parser/bytes/byteSource.js';
import { openFileSource } from '../../../src/node/fileSource.js';
import { TraceModel } from '../../../src/extension/model/traceModel.js';
import { problemsToDiagnostics } from '../../../src/extension/problemMapping.js';
import { sharedTracesDir, traceFiles } from '../../support/paths.js';
import { GoStatus, ProcStatus, TraceWriter } from '../../support/traceWriter.js';

/** Go 1.25: ten goroutines block with their own stacks; the file ends inside the strings batch's header. */
function cutBeforeStrings(): { bytes: Uint8Array; cut: number } {
  const w = new TraceWriter(25);
  const g = w.generation(1);
  const b = g.batch(1, 100).event('ProcStatus', { p: 0, pstatus: ProcStatus.Running });
  for (let i = 1; i <= 10; i++) {
    b.event('GoStatus', { g: i, m: 1, gstatus: GoStatus.Running }).event('GoBlock', { reason_string: `r${i}`, stack: [{ pc: 0x100 + i, func: `main.f${i}`, file: 'f.go', line: i }] });
  }
  g.end();
  const built = w.build();
  const strings = built.batches.find((x) => x.role === 'strings')!;
  return { bytes: built.bytes.subarray(0, strings.offset + 3), cut: strings.offset };
}

describe('problems in the viewer, grouped', () => {
  it('lists the cause first, its consequences after it pointing back, and counts one error', async () => {
    const { bytes, cut } = cutBeforeStrings();
    const model = new TraceModel(memorySource(bytes), 'cut.trace');
    await model.readAll();
    await model.summarize();
    const items = model.problemItems();
    assert.equal(items[0].code, 'batch-truncated');
    assert.equal(items[0].offset, cut);
    assert.deepEqual(items[0].consequences?.map((c) => `${c.count} ${c.code}`), ['20 dangling-string-in-stack', '10 dangling-string-ref']);
    assert.ok(items.slice(1).every((p) => p.cause === 0), JSON.stringify(items.map((p) => [p.code, p.cause])));
    // Two strings per frame (func, and the file they share), ten reasons.
    assert.equal(items.length, 1 + 20 + 10);

    const s = model.summary();
    assert.deepEqual(s.problems, { errors: 1, warnings: 0, infos: 0 });
    assert.match(s.banner!.text, new RegExp(`^The trace is broken at byte ${cut}: error reading batch`));
    assert.match(s.banner!.text, /It accounts for 20 references from stack frames into the string table that the truncation removed, and 10 references from events into the string table that the truncation removed\./);

    // The Problems panel: one entry, the consequences as its related information.
    const diagnostics = problemsToDiagnostics(items, 'file:///cut.trace');
    assert.equal(diagnostics.length, 1);
    assert.equal(diagnostics[0].code, 'batch-truncated');
    const related = diagnostics[0].related.map((r) => r.message);
    assert.equal(related[0], '20 references from stack frames into the string table that the truncation removed (dangling-string-in-stack):');
    assert.equal(related.length, 2 + 30);
    assert.match(related[1], /^ {2}found invalid func string ID \d+ for stack 1 \[generation 1, byte offset 16 \(0x10\)\]$/);
  });

  it('broken-go1.25-flight-trunc-midbatch: one entry in the Problems panel', async function () {
    const file = path.join(sharedTracesDir, 'broken-go1.25-flight-trunc-midbatch.trace');
    if (!traceFiles(sharedTracesDir).includes(file)) this.skip();
    const source = await openFileSource(file);
    try {
      const model = new TraceModel(source, path.basename(file));
      await model.readAll();
      const diagnostics = problemsToDiagnostics(model.problemItems(), 'file:///t.trace');
      // The truncation alone: its 40 references (20 of each kind kept) and Go's ordering error are inside.
      assert.deepEqual(diagnostics.map((d) => d.code), ['batch-truncated']);
      assert.equal(model.summary().problems.errors, 1);
      assert.match(model.summary().banner!.text, /^The trace is broken at byte 654821: failed to read full batch/);
    } finally {
      await source.close?.();
    }
  });
});
