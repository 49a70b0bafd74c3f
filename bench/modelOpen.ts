// npm run bench:model [-- FILE] : the viewer's model as the parse worker runs it, without VS Code:
// open → every generation read and every summary ready (TraceModel.readAll: the framing and the
// analysis pass together), the process's peak memory, then the time to the first page of events
// of the busiest goroutine, proc and thread, and to a page deep into each. Prints one JSON line.
// Not a test: it asserts nothing. The real VS Code figures come from `npm run bench:viewer`.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TraceModel } from '../src/extension/model/traceModel';
import { goroutineNodeId, osThreadNodeId, procNodeId } from '../src/extension/model/nodeIds';
import { openFileSource } from '../src/node/fileSource';

const file = process.argv[2] ?? path.join(__dirname, '..', '..', 'bench', 'traces', 'big.trace');
const hwm = (): number => Number(/VmHWM:\s+(\d+)/.exec(fs.readFileSync('/proc/self/status', 'utf8'))![1]) * 1024;
const ms = (t0: bigint): number => Number(process.hrtime.bigint() - t0) / 1e6;

async function main(): Promise<void> {
  const source = await openFileSource(file);
  // As the parse worker opens it: with the timeline's spans (BENCH_TIMELINE=0: without).
  const model = new TraceModel(source, path.basename(file), { timeline: process.env.BENCH_TIMELINE !== '0' });
  const t0 = process.hrtime.bigint();
  let firstGeneration = 0;
  await model.readAll(() => {
    if (firstGeneration === 0) firstGeneration = ms(t0);
  });
  const ready = ms(t0);
  const s = model.summaries!;
  const busiest = (m: ReadonlyMap<number, { id: number; events: number }>): number => [...m.values()].reduce((a, b) => (b.events > a.events ? b : a)).id;
  const out: Record<string, unknown> = {
    file: path.basename(file), bytes: source.size, generations: model.generations.length, events: s.events,
    goroutines: s.goroutines.size, firstGenerationMs: Math.round(firstGeneration), readyMs: Math.round(ready),
    summaries: model.summary().summaries, timelineOverviewMB: +((model.timelineOverview?.bytes ?? 0) / 1e6).toFixed(1),
    timelineChunks: model.timelineOverview?.chunks.length ?? 0, peakRssMB: Math.round(hwm() / 1e6), heapUsedMB: Math.round(process.memoryUsage().heapUsed / 1e6),
  };
  for (const [kind, id, node] of [
    ['goroutine', busiest(s.goroutines), goroutineNodeId(busiest(s.goroutines))],
    ['proc', busiest(s.procs), procNodeId(busiest(s.procs))],
    ['thread', busiest(s.threads), osThreadNodeId(busiest(s.threads))],
  ] as const) {
    let t = process.hrtime.bigint();
    const first = await model.getChildren('v', 'generations', node, 0, 200);
    const firstMs = ms(t);
    t = process.hrtime.bigint();
    const deep = await model.getChildren('v', 'generations', node, Math.floor(first.total / 2), 200);
    out[kind] = { id, events: first.total, firstPageMs: Math.round(firstMs), middlePageMs: Math.round(ms(t)), rows: first.items.length + deep.items.length, offsets: first.items.every((n) => n.offset !== undefined || n.label === 'StackSample') };
  }
  out.peakRssAfterMB = Math.round(hwm() / 1e6);
  console.log(JSON.stringify(out));
  await source.close?.();
}

void main();
