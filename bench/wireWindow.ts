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
import { Worker } from 'node:worker_threads';
import type { WirePlace } from '../src/extension/model/wireDumpService.js';
import type { WorkerInit, WorkerToHost } from '../src/extension/workerProtocol.js';

async function main(): Promise<void> {
  const [file, ...rest] = process.argv.slice(2);
  if (!file) throw new Error('usage: wireWindow.js TRACE [offset ...]');
  const init: WorkerInit = { path: path.resolve(file), fileName: path.basename(file), maxProblems: 500 };
  const worker = new Worker(path.resolve('dist/parseWorker.js'), { workerData: init });
  const pending = new Map<number, (m: WorkerToHost) => void>();
  let size = 0;
  const t0 = Date.now();
  let firstGeneration = 0;
  const done = new Promise<void>((resolve, reject) => {
    worker.on('message', (m: WorkerToHost) => {
      if (m.kind === 'response') pending.get(m.id)?.(m);
      if (m.kind === 'progress' && !firstGeneration && m.generations > 0) firstGeneration = Date.now() - t0;
      if (m.kind === 'progress' || m.kind === 'done') size = m.summary.fileSize ?? size;
      if (m.kind === 'done') resolve();
      if (m.kind === 'failed') reject(new Error(m.message));
    });
  });
  let id = 0;
  const ask = (place: WirePlace): Promise<{ ms: number; start: number; line: number; chars: number }> => {
    const n = ++id;
    const sent = Date.now();
    return new Promise((resolve, reject) => {
      pending.set(n, (m) => {
        if (m.kind !== 'response') return;
        if ('error' in m) return reject(new Error(m.error));
        const r = m.result as { start: number; line: number; text: string };
        resolve({ ms: Date.now() - sent, start: r.start, line: r.line, chars: r.text.length });
      });
      worker.postMessage({ kind: 'request', id: n, name: 'wireWindow', view: '', args: { place } });
    });
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
  await worker.terminate();
}

void main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
