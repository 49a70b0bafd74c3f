/**
 * The one pass's owner index and the events re-derived from it, against the whole ordered stream
 * filtered by owner (what the viewer did before: run the stream again per owner). On real traces
 * of several versions, v1 and v2, with many generations: every owner's count, and windows of its
 * events (first page, pages that cross generations, the last one) with the same text and offsets.
 */
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { AnalysisPass, isOwnedBy, OWNER_KINDS, visitOwnerEvents, type OwnerKind } from '../../src/analysis/index.js';
import { formatEvent, memorySource, openEventStream, type OrderedEvent } from '../../src/parser/index.js';
import { fixturesDir, sharedTracesDir } from '../support/paths.js';

const line = (e: OrderedEvent): string => `${e.time} @${e.srcOffset ?? -1} ${formatEvent(e)}`;

/** Every event of the whole stream, as text, with its generation index (v1: 0). */
async function wholeStream(bytes: Uint8Array): Promise<{ e: OrderedEvent; text: string }[]> {
  const r = await openEventStream(memorySource(bytes));
  const out: { e: OrderedEvent; text: string }[] = [];
  for (;;) {
    const e = r.next();
    if (e) {
      out.push({ e, text: line(e) });
      continue;
    }
    if (r.needsGeneration) {
      await r.loadGeneration();
      continue;
    }
    return out;
  }
}

const TRACES = [
  path.join(fixturesDir, 'go1.26-manyg.trace'),
  path.join(fixturesDir, 'go1.22-syscalls.trace'),
  path.join(fixturesDir, 'go1.21-annot.trace'),
  path.join(sharedTracesDir, 'go1.26-manyg-long.trace'),
  path.join(sharedTracesDir, 'go1.25-flight.trace'),
  path.join(sharedTracesDir, 'go1.19-httpload.trace'),
].filter((f) => existsSync(f));

describe('analysis: owner index and re-derived owner events', () => {
  for (const file of TRACES) {
    it(`${path.basename(file)}: counts and windows match the whole stream`, async () => {
      const bytes = new Uint8Array(readFileSync(file));
      const pass = await AnalysisPass.open(memorySource(bytes), { yieldEvery: 1 << 30 });
      const data = await pass.run();
      const all = await wholeStream(bytes);
      const view = { source: memorySource(bytes), owners: data.owners, generations: pass.generations };
      for (const kind of OWNER_KINDS) {
        const ids = kind === 'goroutine' ? [...data.summaries.goroutines.keys()] : kind === 'proc' ? [...data.summaries.procs.keys()] : [...data.summaries.threads.keys()];
        assert.ok(ids.length > 0, `some ${kind}s`);
        const lists = new Map<number, string[]>();
        for (const { e, text } of all) {
          for (const id of ids) if (isOwnedBy(e, kind, id)) (lists.get(id) ?? lists.set(id, []).get(id)!).push(text);
        }
        for (const id of ids) assert.equal(data.owners.of(kind, id)?.total ?? 0, lists.get(id)?.length ?? 0, `${kind} ${id}: count`);
        // The busiest few, in windows of 37 (so they straddle generations), and one window past the end.
        const busiest = ids.sort((a, b) => (lists.get(b)?.length ?? 0) - (lists.get(a)?.length ?? 0)).slice(0, 3);
        for (const id of busiest) {
          const want = lists.get(id) ?? [];
          const windows = [0, 37, Math.max(0, want.length - 20), Math.floor(want.length / 2)];
          for (const from of windows) {
            const got: string[] = [];
            const n = await visitOwnerEvents(view, { kind: kind as OwnerKind, id, from, count: 37 }, (e) => got.push(line(e)));
            assert.equal(n, got.length);
            assert.deepEqual(got, want.slice(from, from + 37), `${kind} ${id} from ${from}`);
          }
        }
      }
    });
  }
});
