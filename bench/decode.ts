/**
 * One benchmark measurement in its own process (so peak memory is its own): reads a trace from
 * a file through the streaming reader and prints one JSON line.
 *   node dist/bench-decode.js MODE FILE
 * MODE: "framing" (batch headers and structural tables only), "decode" (framing, tables, every
 * event decoded and checked: what `go-trace check` does), "wire" (the `go-trace wire` dump into
 * a counter, no I/O; for a v1 trace, our dump of its raw events), "decode-parallel" (the same decode as `go-trace check` runs it: generations
 * decoded in worker threads by checkTraceParallel; needs dist/decodeWorker.js beside this bundle).
 * "ordered" (the ordered event stream, Go's Reader: every event through the ordering state
 * machines, counted, not formatted; what Go's full reader does; v1 traces too, read whole and
 * converted as Go does).
 * WORKERS in the environment overrides the worker count.
 */
import { openFileSource } from '../src/node/fileSource.js';
import { checkTraceParallel } from '../src/node/parallelCheck.js';
import { dumpV1Wire, dumpWire, EventColumns, HEADER_SCAN_LIMIT, isV1, openEventStream, readHeader, TraceReader } from '../src/parser/index.js';

async function main(): Promise<void> {
  const [mode, file] = process.argv.slice(2);
  const source = await openFileSource(file);
  const start = process.hrtime.bigint();
  let events = 0;
  let generations = 0;
  let batches = 0;
  let problems = 0;
  if (mode === 'wire') {
    let chars = 0;
    const count = (text: string) => {
      chars += text.length;
    };
    // A v1 trace: our dump of its raw events (Go's raw reader refuses them).
    if (isV1(readHeader(await source.read(0, HEADER_SCAN_LIMIT)).version ?? 0)) await dumpV1Wire(source, count);
    else await dumpWire(source, count);
    events = chars;
  } else if (mode === 'ordered') {
    // Events looked at once each, as Go's Reader hands them out by value.
    const reader = await openEventStream(source, { reuseEvents: true });
    for (;;) {
      const e = reader.next();
      if (e) {
        // Every event, Syncs too, as Go's bench counts what ReadEvent returned.
        events++;
        if (e.kind === 'Sync') generations++;
        continue;
      }
      if (reader.needsGeneration) {
        await reader.loadGeneration();
        continue;
      }
      break;
    }
    problems = reader.problems.length + (reader.failure ? 1 : 0);
  } else if (mode === 'decode-parallel') {
    const workers = process.env.WORKERS === undefined ? undefined : Number(process.env.WORKERS);
    const mainThreadDecodes = process.env.MAIN_DECODES === undefined ? undefined : process.env.MAIN_DECODES !== '0';
    const r = await checkTraceParallel(source, { workers, mainThreadDecodes });
    events = r.events;
    generations = r.generations;
    batches = r.batches;
    problems = r.problems.length;
  } else {
    const reader = await TraceReader.open(source);
    const columns = new EventColumns(1 << 16);
    for (let g; (g = await reader.nextGeneration()); ) {
      generations++;
      batches += g.batches.length;
      if (mode === 'decode') {
        // Batch by batch, as go-trace check does: the columns stay small and warm in cache.
        for (let i = 0; i < g.batches.length; i++) {
          columns.clear();
          events += await reader.decodeBatch(g, i, columns);
        }
      }
    }
    problems = reader.problems.items.length;
  }
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  await source.close?.();
  const peakRssBytes = process.resourceUsage().maxRSS * 1024;
  process.stdout.write(
    JSON.stringify({ mode, bytes: source.size, seconds, mbPerSec: source.size / 1e6 / seconds, events, eventsPerSec: events / seconds, generations, batches, problems, peakRssBytes }) + '\n',
  );
}

main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? e.stack : e}\n`);
  process.exitCode = 2;
});
