/**
 * `go-trace wire` against Go's own output: for every trace with a recorded `go tool trace -d=wire`
 * output (the shared corpus beside the repository, and test/fixtures/traces), stdout must be
 * byte-identical, and the stderr line and exit code must match the verdict file.
 */
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { wireCommand } from '../../src/cli/commands/wire.js';
import { firstDifference, goOutput, isV1Trace, runCommand } from '../support/golden.js';
import { fixturesDir, repoRoot, sharedTracesDir } from '../support/paths.js';

const FOLDERS = [sharedTracesDir, fixturesDir];

interface Golden {
  trace: string;
  /** Go's stdout, or undefined when not recorded. */
  expected: Buffer | undefined;
  verdict: { code: number; error: string | undefined } | undefined;
  v1: boolean;
}

function verdict(base: string): Golden['verdict'] {
  if (!existsSync(base + '.verdict.txt')) return undefined;
  const text = readFileSync(base + '.verdict.txt', 'utf8');
  const code = /^wire_exit_code: (\d+)$/m.exec(text);
  if (!code) return undefined;
  const error = /^wire_error: (.*)$/m.exec(text);
  return { code: Number(code[1]), error: error?.[1] };
}

function goldens(dir: string): Golden[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.trace'))
    .sort()
    .map((f) => {
      const trace = path.join(dir, f);
      const base = trace.slice(0, -'.trace'.length);
      return { trace, expected: goOutput(trace, 'wire'), verdict: verdict(base), v1: isV1Trace(trace) };
    })
    .filter((g) => g.expected !== undefined || g.verdict !== undefined);
}

describe('go-trace wire: byte-identical to go tool trace -d=wire', function () {
  this.timeout(60_000);

  for (const dir of FOLDERS) {
    const cases = goldens(dir);
    describe(path.relative(repoRoot, dir) || dir, () => {
      if (cases.length === 0) {
        it('has no traces with a recorded wire dump here (skipped)', function () {
          this.skip();
        });
        return;
      }
      for (const g of cases) {
        it(path.basename(g.trace), async () => {
          const r = await runCommand(wireCommand, [g.trace]);
          if (g.v1) {
            // Go fails on v1 traces ("invalid event type: 65"); we say they are not supported yet.
            assert.notEqual(r.code, 0, 'exit code');
            assert.equal(r.out.length, 0, 'stdout must be empty');
            assert.match(r.err, /v1 trace/);
            return;
          }
          if (g.expected) assert.ok(r.out.equals(g.expected), firstDifference(r.out, g.expected));
          if (g.verdict) {
            assert.equal(r.code, g.verdict.code, 'exit code');
            assert.equal(r.err, g.verdict.error === undefined ? '' : g.verdict.error + '\n', 'stderr');
          }
        });
      }
    });
  }
});
