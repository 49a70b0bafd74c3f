/**
 * go-trace check runs Go's ordering checks beside the wire-level ones: a trace whose bytes are
 * well formed but whose events break a state machine is an error, placed at the event concerned.
 */
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { checkCommand } from '../../src/cli/commands/check.js';
import { runCommand } from '../support/golden.js';
import { goTestdataDir, loadGoTestCase } from '../support/goTestCase.js';

describe('go-trace check: ordering', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'go-trace-check-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it("reports Go's ordering error, which the wire-level check cannot see", async function () {
    const testdata = goTestdataDir();
    if (!testdata) this.skip();
    // A syscall goroutine created and then ended without a proc: well-formed bytes, a bad context.
    const c = loadGoTestCase(path.join(testdata!, 'tests', 'go122-create-syscall-with-p.test'));
    const file = path.join(dir, 'bad-context.trace');
    writeFileSync(file, c.bytes);

    const wire = await runCommand(checkCommand, ['--wire-only', file]);
    assert.equal(wire.code, 0, wire.out.toString());
    assert.equal(wire.out.toString(), '');

    const full = await runCommand(checkCommand, [file]);
    assert.equal(full.code, 1);
    const line = full.out.toString().trim();
    assert.match(line, /^ERROR bad-sched-context offset=(\d+) gen=1: expected a proc but didn't have one$/);
    const offset = Number(/offset=(\d+)/.exec(line)![1]);
    assert.ok(offset > 16 && offset < c.bytes.length, `offset ${offset} inside the trace`);
  });

  it('rejects an unknown option', async () => {
    const r = await runCommand(checkCommand, ['--bogus', 'x.trace']);
    assert.equal(r.code, 2);
  });
});
