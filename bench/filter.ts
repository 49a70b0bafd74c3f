// node out/bench/filter.js [FILE] : the filter on the viewer's model, without VS Code. Reads the
// trace whole (TraceModel.readAll: reading and analysis pass), then for each filter measures the
// time to its first page of matches (setFilter's answer and the rows of page one) and to all of
// them (filterProgress until done), with the count. Prints one JSON line. Asserts nothing.
// Build: npx esbuild bench/filter.ts --bundle --platform=node --format=cjs --outfile=out/bench/filter.js
import * as os from 'node:os';
import * as path from 'node:path';
import { TraceModel } from '../src/extension/model/traceModel';
import { openFileSource } from '../src/node/fileSource';
import type { Filter } from '../src/shared/protocol';

const file = process.argv[2] ?? path.join(__dirname, '..', '..', 'bench', 'traces', 'big.trace');
const ms = (t0: bigint): number => Math.round(Number(process.hrtime.bigint() - t0) / 1e6);

async function main(): Promise<void> {
  const source = await openFileSource(file);
  const model = new TraceModel(source, path.basename(file));
  let t = process.hrtime.bigint();
  await model.readAll();
  const out: Record<string, unknown> = { file: path.basename(file), readyMs: ms(t), loadBefore: os.loadavg().map((x) => x.toFixed(1)).join(' ') };
  const s = model.summaries!;
  const busiest = (m: ReadonlyMap<number, { id: number; events: number }>): number => [...m.values()].reduce((a, b) => (b.events > a.events ? b : a)).id;
  const g = busiest(s.goroutines);
  const m = busiest(s.threads);
  const filters: [string, Filter][] = [
    [`goroutine=${g}`, { goroutine: g }],
    ['type GCBegin', { eventTypes: ['GCBegin'] }],
    ['type GoBlock', { eventTypes: ['GoBlock'] }],
    [`thread=${m}`, { thread: m }],
    ['text "net/http"', { text: 'net/http' }],
    ['text "main.worker"', { text: 'main.worker' }],
    [`goroutine=${g} type GoBlock`, { goroutine: g, eventTypes: ['GoBlock'] }],
  ];
  for (const [name, f] of filters) {
    t = process.hrtime.bigint();
    let r = await model.setFilter('v', f);
    if (!r || 'error' in r) {
      out[name] = r;
      continue;
    }
    // The first matches: what the webview shows once the count is above 0 (a page of rows).
    while (r && !('error' in r) && !r.done && r.matches === 0) r = await model.filterProgress('v', r.run, 250);
    if (!r || 'error' in r) continue;
    const page = await model.getChildren('v', 'generations', '', 0, 200);
    const firstPageMs = ms(t);
    const firstCount = r.matches;
    while (r && !('error' in r) && !r.done) r = await model.filterProgress('v', r.run, 250);
    const allMs = ms(t);
    out[name] = { firstPageMs, firstCount, rows: page.items.length, allMs, matches: r && 'matches' in r ? r.matches : r, firstRow: page.items[0]?.description?.slice(0, 60) };
  }
  out.loadAfter = os.loadavg().map((x) => x.toFixed(1)).join(' ');
  console.log(JSON.stringify(out));
  await source.close?.();
}

void main();
