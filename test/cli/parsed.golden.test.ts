/**
 * `go-trace parsed` against Go's own output: for every v2 trace with a recorded
 * `go tool trace -d=parsed` output (test/fixtures/traces, and ../shared/traces when present),
 * stdout must be byte-identical, and the exit code and first stderr line must match the verdict.
 * v1 traces (Go 1.11-1.21 formats) are not ordered yet and are skipped.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { parsedCommand } from '../../src/cli/commands/parsed.js';
import { firstDifference, goOutput, isV1Trace, runCommand } from '../support/golden.js';
import { fixturesDir, sharedTracesDir, traceFiles } from '../support/paths.js';
import { readVerdict } from '../support/verdict.js';

/** Traces known not to match yet, with the reason (kept honest: the comparison is never loosened). */
const KNOWN_FAILING: Record<string, string> = {};

for (const [label, dir] of [['test/fixtures/traces', fixturesDir], ['../shared/traces', sharedTracesDir]] as const) {
  describe(`go-trace parsed matches go tool trace -d=parsed (${label})`, function () {
    this.timeout(300_000);
    const traces = traceFiles(dir);
    if (traces.length === 0) {
      it.skip(`${label} is absent`);
      return;
    }
    for (const trace of traces) {
      const name = path.basename(trace, '.trace');
      const verdict = readVerdict(trace);
      const expected = goOutput(trace, 'parsed');
      if (!verdict || isV1Trace(trace)) continue;
      if (KNOWN_FAILING[name]) {
        it.skip(`${name}: ${KNOWN_FAILING[name]}`);
        continue;
      }
      it(name, async () => {
        const got = await runCommand(parsedCommand, [trace]);
        if (expected) assert.ok(got.out.equals(expected), firstDifference(got.out, expected));
        assert.equal(got.code, verdict.exitCode, `exit code (stderr: ${got.err})`);
        if (verdict.exitCode !== 0) assert.equal(got.err.split('\n')[0], verdict.error);
        else assert.equal(got.err, '');
      });
    }
  });
}
