// npm run bench [-- FILE] : parser throughput and peak memory on a large real trace, beside Go's
// own parser when a Go toolchain is at hand. Not a test: it prints figures, it asserts nothing.
//
// The trace: bench/traces/big.trace by default (make it with scripts/make-bench-trace.sh, see
// bench/README.md). Go: $GOROOT_BENCH, else `go env GOROOT` of a `go` on PATH, else skipped.
import * as esbuild from 'esbuild';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync, openSync, readSync, writeSync, closeSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import * as path from 'node:path';

const file = path.resolve(process.argv[2] ?? 'bench/traces/big.trace');
if (!existsSync(file)) {
  console.error(`no trace at ${file}: make one with scripts/make-bench-trace.sh (see bench/README.md)`);
  process.exit(2);
}
const runs = Number(process.env.BENCH_RUNS ?? 3);

// The decode worker beside the benchmark bundle, where checkTraceParallel looks for it.
for (const [entry, outfile] of [['bench/decode.ts', 'dist/bench-decode.js'], ['src/node/decodeWorker.ts', 'dist/decodeWorker.js']]) {
  await esbuild.build({ entryPoints: [entry], outfile, bundle: true, platform: 'node', format: 'cjs', target: 'es2022', logLevel: 'warning' });
}

/** Runs one measurement `runs` times in fresh processes; keeps the fastest, and the largest peak RSS. */
function measure(cmd, args) {
  let best;
  for (let i = 0; i < runs; i++) {
    const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 1 << 20 });
    if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${r.stderr}`);
    const m = JSON.parse(r.stdout.trim().split('\n').pop());
    if (!best || m.seconds < best.seconds) best = { ...m, peakRssBytes: Math.max(m.peakRssBytes, best?.peakRssBytes ?? 0) };
    else best.peakRssBytes = Math.max(best.peakRssBytes, m.peakRssBytes);
  }
  return best;
}

/** $GOROOT_BENCH (several GOROOTs separated by ':' compare Go releases), else the GOROOT of `go` on PATH. */
function goRoots() {
  if (process.env.GOROOT_BENCH) return process.env.GOROOT_BENCH.split(path.delimiter).filter(Boolean);
  try {
    return [execFileSync('go', ['env', 'GOROOT'], { encoding: 'utf8' }).trim()];
  } catch {
    return [];
  }
}

const mb = (n) => (n / 1e6).toFixed(1);
const size = statSync(file).size;
console.log(`trace: ${file} (${mb(size)} MB), node ${process.version}, best of ${runs} runs`);

// A v1 trace (Go 1.11–1.21) is read whole: only the ordered stream and the wire dump apply.
const head = Buffer.alloc(16);
{
  const fd = openSync(file, 'r');
  readSync(fd, head, 0, 16, 0);
  closeSync(fd);
}
const v1 = /^go 1\.(11|19|21) trace\0\0\0$/.test(head.toString('latin1'));
if (v1) console.log('a v1 trace: the ordered stream (read whole, converted) and the wire dump only');

const rows = [];
const cores = availableParallelism();
for (const mode of v1 ? ['ordered', 'wire'] : ['framing', 'decode', 'decode-parallel', 'ordered', 'wire']) {
  const m = measure(process.execPath, ['dist/bench-decode.js', mode, file]);
  rows.push({ what: mode === 'decode-parallel' ? `ours: decode, parallel (${cores} cores)` : mode === 'ordered' ? 'ours: ordered stream (Go full reader)' : `ours: ${mode}`, ...m });
}

const goroots = goRoots().filter((g) => existsSync(path.join(g, 'bin', 'go')));
for (const goroot of goroots) {
  for (const mode of ['raw', 'full']) {
    try {
      const m = measure('bash', ['scripts/go-reader.sh', goroot, file, mode]);
      rows.push({ what: `Go ${mode} reader (${path.basename(goroot)})`, goroot, goMode: mode, ...m });
    } catch (e) {
      console.log(`Go ${mode} reader (${path.basename(goroot)}): ${e.message.split('\n')[0]}`);
    }
  }
}
if (goroots.length === 0) console.log('Go reader: skipped (no toolchain; set GOROOT_BENCH or put go on PATH)');

console.log('');
console.log('what'.padEnd(40) + 'MB/s'.padStart(9) + 'events/s'.padStart(14) + 'seconds'.padStart(10) + 'peak RSS MB'.padStart(13));
for (const r of rows) {
  const ev = r.mode === 'wire' ? '(text)' : `${(r.eventsPerSec / 1e6).toFixed(2)} M`;
  console.log(r.what.padEnd(40) + mb(r.bytes / r.seconds).padStart(9) + ev.padStart(14) + r.seconds.toFixed(2).padStart(10) + mb(r.peakRssBytes).padStart(13));
}
console.log('');
for (const [label, ours] of [
  ['wire-level decode, single-threaded', rows.find((r) => r.mode === 'decode')],
  [`wire-level decode, parallel (go-trace check; ${cores} cores)`, rows.find((r) => r.mode === 'decode-parallel')],
]) {
  if (!ours) continue;
  for (const go of rows.filter((r) => r.goroot)) {
    const against = go.goMode === 'full' ? "Go's full parser" : "Go's raw (wire) reader";
    console.log(`${label} vs ${against} (${path.basename(go.goroot)}): ${(ours.mbPerSec / go.mbPerSec).toFixed(2)}x the speed`);
  }
}
// The like-for-like row: our ordered stream against Go's full reader (same events, Syncs included).
const ordered = rows.find((r) => r.mode === 'ordered');
for (const go of rows.filter((r) => r.goroot && r.goMode === 'full')) {
  console.log(
    `ordered stream vs Go's full reader (${path.basename(go.goroot)}): ${(ordered.eventsPerSec / go.eventsPerSec).toFixed(2)}x the speed, ` +
      `${(ordered.peakRssBytes / go.peakRssBytes).toFixed(2)}x the peak RSS` +
      (ordered.events === go.events ? '' : ` (event counts differ: ours ${ordered.events}, Go ${go.events})`),
  );
}

// Memory as the file grows: the same decode over the first quarter, half and all of the file.
// A prefix is a truncated trace, which the reader handles like any other. (Not for v1 traces: a
// prefix of one has no footer, so no frequency, and is not read.)
if (v1) process.exit(0);
console.log('\npeak memory as the file grows (ours: decode, single-threaded and parallel):');
const dir = mkdtempSync(path.join(tmpdir(), 'go-trace-bench-'));
try {
  for (const fraction of [0.25, 0.5, 1]) {
    let target = file;
    if (fraction < 1) {
      target = path.join(dir, `prefix-${fraction}.trace`);
      copyPrefix(file, target, Math.floor(size * fraction));
    }
    for (const mode of ['decode', 'decode-parallel']) {
      const m = measure(process.execPath, ['dist/bench-decode.js', mode, target]);
      console.log(`  ${mb(m.bytes).padStart(8)} MB file, ${mode.padEnd(15)}: ${mb(m.peakRssBytes).padStart(7)} MB peak RSS, ${mb(m.mbPerSec * 1e6)} MB/s`);
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

function copyPrefix(from, to, bytes) {
  const inFd = openSync(from, 'r');
  const outFd = openSync(to, 'w');
  const buf = Buffer.allocUnsafe(8 << 20);
  for (let done = 0; done < bytes; ) {
    const n = readSync(inFd, buf, 0, Math.min(buf.length, bytes - done), done);
    if (n === 0) break;
    writeSync(outFd, buf, 0, n);
    done += n;
  }
  closeSync(inFd);
  closeSync(outFd);
}
