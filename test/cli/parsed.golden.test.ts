/**
 * `go-trace parsed` against Go's own output: for every trace with a recorded
 * `go tool trace -d=parsed` output (test/fixtures/traces, ../shared/traces and Go's own v1 test
 * traces in ../shared/go-testdata/tracev1, when present), stdout must be byte-identical, and the
 * exit code and first stderr line must match the verdict (Go's v1 test traces all parse).
 *
 * One allowance, for v1 traces only: Go's order of tied events there comes from map iteration and
 * differs from run to run (see canonicalTieOrder), so when the bytes differ, the outputs must be
 * identical once tied events are put in a canonical order.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { parsedCommand } from '../../src/cli/commands/parsed.js';
import { canonicalTieOrder, firstDifference, goOutput, isV1Trace, runCommand } from '../support/golden.js';
import { fixturesDir, sharedTracesDir, traceFiles, tracev1Files } from '../support/paths.js';
import { readVerdict, type Verdict } from '../support/verdict.js';

/** Traces known not to match yet, with the reason (kept honest: the comparison is never loosened). */
const KNOWN_FAILING: Record<string, string> = {};

/** Go's v1 test traces have no verdict file: Go parses every one of them. */
const PARSES: Verdict = { ok: true, exitCode: 0, wireExitCode: 1 };

function goldenCase(name: string, trace: string, verdict: Verdict, expected: Buffer | undefined, v1: boolean): void {
  if (KNOWN_FAILING[name]) {
    it.skip(`${name}: ${KNOWN_FAILING[name]}`);
    return;
  }
  it(name, async () => {
    const got = await runCommand(parsedCommand, [trace]);
    if (expected && !got.out.equals(expected)) {
      assert.ok(v1, firstDifference(got.out, expected));
      const [a, b] = [canonicalTieOrder(got.out), canonicalTieOrder(expected)];
      assert.ok(a === b, `v1, tied events in canonical order: ${firstDifference(Buffer.from(a), Buffer.from(b))}`);
    }
    assert.equal(got.code, verdict.exitCode, `exit code (stderr: ${got.err})`);
    if (verdict.exitCode !== 0) assert.equal(got.err.split('\n')[0], verdict.error);
    else assert.equal(got.err, '');
  });
}

for (const [label, dir] of [['test/fixtures/traces', fixturesDir], ['../shared/traces', sharedTracesDir]] as const) {
  describe(`go-trace parsed matches go tool trace -d=parsed (${label})`, function () {
    this.timeout(300_000);
    const traces = traceFiles(dir);
    if (traces.length === 0) {
      it.skip(`${label} is absent`);
      return;
    }
    for (const trace of traces) {
      const verdict = readVerdict(trace);
      if (!verdict) continue;
      goldenCase(path.basename(trace, '.trace'), trace, verdict, goOutput(trace, 'parsed'), isV1Trace(trace));
    }
  });
}

describe("go-trace parsed matches go tool trace -d=parsed (Go's v1 test traces, ../shared/go-testdata/tracev1)", function () {
  this.timeout(300_000);
  const traces = tracev1Files();
  if (traces.length === 0) {
    it.skip('../shared/go-testdata/tracev1 is absent');
    return;
  }
  for (const trace of traces) goldenCase(path.basename(trace), trace, PARSES, goOutput(trace, 'parsed'), true);
});
