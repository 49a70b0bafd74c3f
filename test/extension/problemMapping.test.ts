import * as assert from 'node:assert/strict';
import { parseRevealArgument, parseRevealQuery, problemToDiagnostic, revealQuery } from '../../src/extension/problemMapping.js';

describe('problem mapping', () => {
  const problem = { code: 'batch-truncated', severity: 'warning' as const, message: 'failed to read full batch', offset: 58012, generation: 1, batch: 7, nodeId: 'g0/b7', wireLine: 13105 };

  it('spells the location out in the message (a binary file has no useful range)', () => {
    const d = problemToDiagnostic(problem, 'file:///t/x.trace');
    assert.equal(d.message, 'failed to read full batch [generation 1, batch 7, byte offset 58012 (0xe29c)]');
    assert.equal(d.code, 'batch-truncated');
    assert.equal(d.severity, 'warning');
    assert.equal(d.wireLine, 13105);
    assert.deepEqual(d.reveal, { file: 'file:///t/x.trace', offset: 58012, node: 'g0/b7' });
  });

  it('leaves out what a problem does not know', () => {
    const d = problemToDiagnostic({ code: 'not-a-trace', severity: 'error', message: 'bad', offset: 0 }, 'f');
    assert.equal(d.message, 'bad [byte offset 0 (0x0)]');
    assert.equal(d.reveal.node, undefined);
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
