/**
 * go-trace check prints a cause first and what follows from it indented below; its exit status
 * is unchanged (every problem counts).
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { checkCommand } from '../../src/cli/commands/check.js';
import { runCommand } from '../support/golden.js';
import { sharedTracesDir, traceFiles } from '../support/paths.js';

describe('go-trace check: grouping', () => {
  it('broken-go1.25-flight-trunc-midbatch: the truncation first, its 41 references under it', async function () {
    const file = path.join(sharedTracesDir, 'broken-go1.25-flight-trunc-midbatch.trace');
    if (!traceFiles(sharedTracesDir).includes(file)) this.skip();
    const run = await runCommand(checkCommand, [file]);
    assert.equal(run.code, 1);
    const lines = run.out.toString().trimEnd().split('\n');
    const top = lines.filter((l) => !l.startsWith(' '));
    assert.equal(top.length, 2, top.join('\n'));
    assert.match(top[0], /^ERROR batch-truncated offset=654821 gen=3: failed to read full batch: read 32725 but wanted 65451/);
    assert.match(top[1], /^INFO too-many-problems /);
    assert.deepEqual(
      lines.filter((l) => /^ {2}\S/.test(l)),
      ['  21 references into the stack table that the truncation removed:', '  20 references from events into the string table that the truncation removed:'],
    );
    assert.equal(lines.filter((l) => /^ {4}ERROR dangling-(stack|string)-ref /.test(l)).length, 41);
    assert.equal(lines[0], top[0]);
  });
});
