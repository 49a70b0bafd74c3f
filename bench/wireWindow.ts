/**
 * How long the wire dump document's windows take on a large trace: the parse worker
 * (dist/parseWorker.js, as the extension starts it) reads the trace, then is asked for windows
 * as Show Wire Dump, a problem link and "Show earlier events" ask for them; each request is timed
 * from sending it to the text arriving on this (the host's) side.
 *
 *   npm run build
 *   npx esbuild bench/wireWindow.ts --bundle --platform=node --format=cjs --outfile=out/bench/wireWindow.js
 *   node out/bench/wireWindow.js bench/traces/big.trace [offset ...]
 */
import * as path from 'node:path';
import type { WirePlace } from '../src/extension/model/wireDumpService.js';
import { WorkerClient } from '../src/extension/workerClient.js';

async function main(): Promise<void> {
  const [file, ...rest] = process.argv.slice(2);
  if (!file) throw new Error('usage: wireWindow.js TRACE [offset ...]');
  let size = 0;
  const t0 = Date.now();
  let firstGeneration = 0;
  let finished!: () => void;
  let failed!: (e: Error) => void;
  const done = new Promise<void>((resolve, reject) => ((finished = resolve), (failed = reject)));
  const worker = new WorkerClient(path.resolve('dist/parseWorker.js'), { path: path.resolve(file), fileName: path.basename(file), maxProblems: 500 }, {
    onProgress: (summary, generations, _problems, _types, isDone) => {
      if (!firstGeneration && generations > 0) firstGeneration = Date.now() - t0;
      size = summary.fileSize ?? size;
      if (isDone) finished();
    },
    onFailed: (message) => failed(new Error(message)),
  });
  const ask = async (place: WirePlace): Promise<{ ms: number; start: number; line: number; chars: number }> => {
    const sent = Date.now();
    const r = await worker.request('wireWindow', { place });
    return { ms: Date.now() - sent, start: r.start, line: r.line, chars: r.text.length };
  };
  // One while the trace is still being read (the first generation is on screen then).
  await new Promise((r) => setTimeout(r, 1500));
  const early = await ask({ kind: 'around', offset: 1_000_000 });
  console.log(`while reading: window around byte 1000000: ${early.ms} ms (${early.chars} chars)`);
  await done;
  console.log(`read in ${Date.now() - t0} ms (first generation after ${firstGeneration} ms), ${size} bytes`);
  const offsets = rest.length ? rest.map(Number) : [0, 150_000_000, Math.max(0, size - 100)];
  for (const offset of offsets) {
    const r = await ask({ kind: 'around', offset });
    console.log(`around byte ${offset}: ${r.ms} ms, window from byte ${r.start}, cursor line ${r.line}, ${r.chars} chars`);
    const b = await ask({ kind: 'before', offset: r.start });
    console.log(`  the window before it: ${b.ms} ms`);
  }
  await worker.stop();
}

void main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
