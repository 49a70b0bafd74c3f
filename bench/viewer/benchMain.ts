/**
 * What bench:viewer and bench:timeline share around their runs: the trace argument (default
 * bench/traces/big.trace), BENCH_RUNS fresh runs each reported as it ends, and the report's
 * units and table.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPO } from '../../test/e2e/harness';

export const MB = (b: number) => `${(b / 1e6).toFixed(0)} MB`;
export const S = (ms: number | null | undefined) => (ms === null || ms === undefined ? '—' : `${(ms / 1000).toFixed(2)} s`);

/** Prints label/value rows as an aligned table. */
export function printTable(rows: [string, string][]): void {
  const w = Math.max(...rows.map(([k]) => k.length));
  for (const [k, v] of rows) console.log(`  ${k.padEnd(w)}  ${v}`);
}

export type Report<R> = (r: R, trace: string, size: number, run: number, runs: number, loadBefore: number[]) => void;

/** Runs the bench BENCH_RUNS times on the trace of argv[2], reporting each run; exits non-zero on failure. */
export function benchMain<R>(runOnce: (trace: string) => Promise<R>, report: Report<R>): void {
  const main = async () => {
    const trace = path.resolve(process.argv[2] ?? path.join(REPO, 'bench/traces/big.trace'));
    if (!fs.existsSync(trace)) {
      console.error(`no trace at ${trace}: make one with scripts/make-bench-trace.sh (see bench/README.md)`);
      process.exit(2);
    }
    const runs = Number(process.env.BENCH_RUNS ?? 1);
    const size = fs.statSync(trace).size;
    for (let i = 0; i < runs; i++) {
      const loadBefore = os.loadavg();
      const r = await runOnce(trace);
      report(r, trace, size, i + 1, runs, loadBefore);
    }
  };
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
