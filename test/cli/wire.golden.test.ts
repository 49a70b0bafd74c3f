/**
 * `go-trace wire` against Go's own output: for every trace with a recorded `go tool trace -d=wire`
 * output (the shared corpus beside the repository, and test/fixtures/traces), stdout must be
 * byte-identical, and the stderr line and exit code must match the verdict file.
 */
import * as assert from 'node:assert/strict';
import { existsSync, openSync, readSync, closeSync, readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { CliIO } from '../../src/cli/command.js';
import { wireCommand } from '../../src/cli/commands/wire.js';

const repoRoot = path.resolve(__dirname, '..', '..', '..');
const FOLDERS = [path.resolve(repoRoot, '../shared/traces'), path.join(repoRoot, 'test', 'fixtures', 'traces')];

interface Golden {
  trace: string;
  /** Go's stdout, or undefined when not recorded. */
  expected: Buffer | undefined;
  verdict: { code: number; error: string | undefined } | undefined;
  v1: boolean;
}

function expectedOutput(base: string): Buffer | undefined {
  if (existsSync(base + '.wire.txt')) return readFileSync(base + '.wire.txt');
  if (existsSync(base + '.wire.txt.gz')) return gunzipSync(readFileSync(base + '.wire.txt.gz'));
  return undefined;
}

function verdict(base: string): Golden['verdict'] {
  if (!existsSync(base + '.verdict.txt')) return undefined;
  const text = readFileSync(base + '.verdict.txt', 'utf8');
  const code = /^wire_exit_code: (\d+)$/m.exec(text);
  if (!code) return undefined;
  const error = /^wire_error: (.*)$/m.exec(text);
  return { code: Number(code[1]), error: error?.[1] };
}

function isV1(trace: string): boolean {
  const fd = openSync(trace, 'r');
  try {
    const head = Buffer.alloc(16);
    const n = readSync(fd, head, 0, 16, 0);
    return /^go 1\.(11|19|21) trace\0\0\0$/.test(head.subarray(0, n).toString('latin1'));
  } finally {
    closeSync(fd);
  }
}

function goldens(dir: string): Golden[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.trace'))
    .sort()
    .map((f) => {
      const trace = path.join(dir, f);
      const base = trace.slice(0, -'.trace'.length);
      return { trace, expected: expectedOutput(base), verdict: verdict(base), v1: isV1(trace) };
    })
    .filter((g) => g.expected !== undefined || g.verdict !== undefined);
}

async function runWire(trace: string): Promise<{ code: number; out: Buffer; err: string }> {
  const out: string[] = [];
  let err = '';
  const io: CliIO = {
    out: (t) => void out.push(t),
    err: (t) => void (err += t),
  };
  const code = await wireCommand.run([trace], io);
  return { code, out: Buffer.from(out.join(''), 'utf8'), err };
}

function firstDifference(a: Buffer, b: Buffer): string {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a[i] === b[i]) i++;
  const line = a.subarray(0, i).toString('utf8').split('\n').length;
  const show = (x: Buffer) => JSON.stringify(x.subarray(Math.max(0, i - 60), i + 60).toString('utf8'));
  return `first difference at byte ${i} (line ${line}): got ${show(a)}, want ${show(b)}; lengths ${a.length} vs ${b.length}`;
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
          const r = await runWire(g.trace);
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
