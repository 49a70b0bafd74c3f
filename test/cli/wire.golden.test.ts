/**
 * `go-trace wire` against Go's own output: for every trace with a recorded `go tool trace -d=wire`
 * output (the shared corpus beside the repository, and test/fixtures/traces), stdout must be
 * byte-identical, and the stderr line and exit code must match the verdict file.
 *
 * v1 traces are the exception: Go's -d=wire refuses them ("invalid event type: 65"), ours dumps
 * their raw events. There the dump must run to the end (exit 0, nothing on stderr) and every line
 * must be a v1 event with its arguments, or a frame or data line under one.
 */
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { wireCommand } from '../../src/cli/commands/wire.js';
import { V1_SPECS } from '../../src/parser/v1/v1Events.js';
import { firstDifference, goOutput, isV1Trace, runCommand } from '../support/golden.js';
import { fixturesDir, repoRoot, sharedTracesDir, tracev1Files } from '../support/paths.js';

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

const V1_NAMES = new Set(V1_SPECS.map((s) => s.name));

/** A whole, well-formed v1 dump. */
function assertV1Dump(r: { code: number; out: Buffer; err: string }): void {
  assert.equal(r.err, '', 'stderr');
  assert.equal(r.code, 0, 'exit code');
  const lines = r.out.toString('utf8').split('\n');
  assert.equal(lines.pop(), '', 'ends with a newline');
  assert.match(lines[0], /^Batch p=\d+ ticks=\d+$/);
  for (const line of lines) {
    if (line.startsWith('\t')) {
      assert.match(line, /^\t(pc=\d+ func=\d+ file=\d+ line=\d+|data=".*")$/, line);
      continue;
    }
    const m = /^(\w+)((?: \w+=\d+)*)$/.exec(line);
    assert.ok(m && V1_NAMES.has(m[1]), line);
  }
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
            assertV1Dump(r);
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

describe("go-trace wire on Go's v1 test traces (../shared/go-testdata/tracev1)", function () {
  this.timeout(60_000);
  const traces = tracev1Files();
  if (traces.length === 0) {
    it.skip('../shared/go-testdata/tracev1 is absent');
    return;
  }
  for (const trace of traces) {
    it(`${path.basename(trace)}: a whole dump of v1 raw events`, async () => assertV1Dump(await runCommand(wireCommand, [trace])));
  }
});
