/**
 * `go-trace parsed` against Go's own output: for every v2 trace with a recorded
 * `go tool trace -d=parsed` output (test/fixtures/traces, and ../shared/traces when present),
 * stdout must be byte-identical, and the exit code and first stderr line must match the verdict.
 * v1 traces (Go 1.11-1.21 formats) are not ordered yet and are skipped.
 */
import * as assert from 'node:assert/strict';
import { closeSync, existsSync, openSync, readFileSync, readSync } from 'node:fs';
import * as path from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { CliIO } from '../../src/cli/command.js';
import { parsedCommand } from '../../src/cli/commands/parsed.js';
import { fixturesDir, sharedTracesDir, traceFiles } from '../support/paths.js';
import { readVerdict } from '../support/verdict.js';

/** Traces known not to match yet, with the reason (kept honest: the comparison is never loosened). */
const KNOWN_FAILING: Record<string, string> = {};

function expectedOutput(trace: string): Buffer | undefined {
  const base = trace.slice(0, -'.trace'.length);
  if (existsSync(base + '.parsed.txt')) return readFileSync(base + '.parsed.txt');
  if (existsSync(base + '.parsed.txt.gz')) return gunzipSync(readFileSync(base + '.parsed.txt.gz'));
  return undefined;
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

async function runParsed(trace: string): Promise<{ code: number; out: Buffer; err: string }> {
  const out: string[] = [];
  let err = '';
  const io: CliIO = { out: (t) => void out.push(t), err: (t) => void (err += t) };
  const code = await parsedCommand.run([trace], io);
  return { code, out: Buffer.from(out.join(''), 'utf8'), err };
}

function firstDifference(a: Buffer, b: Buffer): string {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a[i] === b[i]) i++;
  const line = a.subarray(0, i).toString('utf8').split('\n').length;
  const show = (x: Buffer) => JSON.stringify(x.subarray(Math.max(0, i - 80), i + 80).toString('utf8'));
  return `first difference at byte ${i} (line ${line}): got ${show(a)}, want ${show(b)}; lengths ${a.length} vs ${b.length}`;
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
      const name = path.basename(trace, '.trace');
      const verdict = readVerdict(trace);
      const expected = expectedOutput(trace);
      if (!verdict || isV1(trace)) continue;
      if (KNOWN_FAILING[name]) {
        it.skip(`${name}: ${KNOWN_FAILING[name]}`);
        continue;
      }
      it(name, async () => {
        const got = await runParsed(trace);
        if (expected) assert.ok(got.out.equals(expected), firstDifference(got.out, expected));
        assert.equal(got.code, verdict.exitCode, `exit code (stderr: ${got.err})`);
        if (verdict.exitCode !== 0) assert.equal(got.err.split('\n')[0], verdict.error);
        else assert.equal(got.err, '');
      });
    }
  });
}
