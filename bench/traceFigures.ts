/**
 * The figures of a trace that bench/README.md records: bytes, generations, events of the ordered
 * stream, goroutines, procs, threads, tasks, regions. One pass of the summarizer (what the viewer
 * computes), printed as one JSON line.
 *   npx esbuild bench/traceFigures.ts --bundle --platform=node --outfile=out/bench/traceFigures.js
 *   node out/bench/traceFigures.js FILE
 */
import { statSync } from 'node:fs';
import { openFileSource } from '../src/node/fileSource.js';
import { summarizeTrace } from '../src/parser/index.js';

async function main(): Promise<void> {
  const file = process.argv[2] ?? 'bench/traces/big.trace';
  const start = Date.now();
  const s = await summarizeTrace(await openFileSource(file));
  let mostEvents = { id: -1, events: 0 };
  for (const [id, g] of s.goroutines) {
    if (g.events > mostEvents.events) mostEvents = { id, events: g.events };
  }
  console.log(
    JSON.stringify({
      file,
      bytes: statSync(file).size,
      generations: s.generations,
      events: s.events,
      goroutines: s.goroutines.size,
      procs: s.procs.size,
      threads: s.threads.size,
      tasks: s.tasks.length + s.droppedTasks,
      regions: s.regions.length + s.droppedRegions,
      busiestGoroutine: mostEvents,
      failure: s.failure ? String(s.failure.message) : undefined,
      seconds: (Date.now() - start) / 1000,
    }),
  );
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
