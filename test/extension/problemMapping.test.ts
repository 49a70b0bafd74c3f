import * as assert from 'node:assert/strict';
import { parseRevealArgument, parseRevealQuery, problemsToDiagnostics, problemToDiagnostic, revealQuery } from '../../src/extension/problemMapping.js';

describe('problem mapping', () => {
  const problem = { code: 'batch-truncated', severity: 'warning' as const, message: 'failed to read full batch', offset: 58012, generation: 1, batch: 7, nodeId: 'g0/b7', wireLine: 13105 };

  it('spells the location out in the message (a binary file has no useful range)', () => {
    const d = problemToDiagnostic(problem, 'file:///t/x.trace');
    assert.equal(d.message, 'failed to read full batch [generation 1, batch 7, byte offset 58012 (0xe29c)]');
    assert.equal(d.code, 'batch-truncated');
    assert.equal(d.severity, 'warning');
    assert.equal(d.wireLine, 13105);
    assert.deepEqual(d.related, [{ message: 'the raw event at byte 58012 in the wire dump', wireLine: 13105 }]);
    assert.deepEqual(d.reveal, { file: 'file:///t/x.trace', offset: 58012, node: 'g0/b7' });
  });

  it('leaves out what a problem does not know', () => {
    const d = problemToDiagnostic({ code: 'not-a-trace', severity: 'error', message: 'bad', offset: 0 }, 'f');
    assert.equal(d.message, 'bad [byte offset 0 (0x0)]');
    assert.equal(d.reveal.node, undefined);
  });

  it('folds the problems that follow from one into its related information, counted', () => {
    const items = [
      { ...problem, consequences: [{ code: 'dangling-stack-ref', count: 2, text: '2 references into the stack table that the truncation removed' }] },
      { code: 'dangling-stack-ref', severity: 'error' as const, message: 'found invalid stack ID 2 for event GoBlock', offset: 128, generation: 1, batch: 1, wireLine: 40, cause: 0 },
      { code: 'dangling-stack-ref', severity: 'error' as const, message: 'found invalid stack ID 3 for event GoBlock', offset: 162, generation: 1, batch: 1, cause: 0 },
      { code: 'not-a-trace', severity: 'error' as const, message: 'bad', offset: 0 },
    ];
    const ds = problemsToDiagnostics(items, 'f');
    assert.deepEqual(ds.map((d) => d.code), ['batch-truncated', 'not-a-trace']);
    assert.deepEqual(ds[0].related, [
      { message: 'the raw event at byte 58012 in the wire dump', wireLine: 13105 },
      { message: '2 references into the stack table that the truncation removed (dangling-stack-ref):', wireLine: 40 },
      { message: '  found invalid stack ID 2 for event GoBlock [generation 1, batch 1, byte offset 128 (0x80)]', wireLine: 40 },
      { message: '  found invalid stack ID 3 for event GoBlock [generation 1, batch 1, byte offset 162 (0xa2)]' },
    ]);
    assert.deepEqual(ds[1].related, []);
  });

  it('round-trips reveal links, and refuses what is not one', () => {
    const t = { file: 'file:///a b/x.trace', offset: 12, node: 'g0/b1/e2' };
    assert.deepEqual(parseRevealQuery(revealQuery(t)), t);
    assert.equal(parseRevealQuery('file=x&offset=-1'), undefined);
    assert.equal(parseRevealQuery('offset=3'), undefined);
    assert.deepEqual(parseRevealArgument({ file: 'f', offset: 3 }), { file: 'f', offset: 3 });
    assert.equal(parseRevealArgument({ file: 'f', offset: '3' }), undefined);
    assert.equal(parseRevealArgument(null), undefined);
  });
});
