/**
 * Any generation ordered again on its own (openGenerationStream, from the snapshot the whole
 * stream took at its Sync) gives exactly the events the whole stream gave for it: the same
 * Event.String() text, times and source offsets. Checked on every v2 trace of the fixtures and
 * ../shared/traces, broken ones included (up to where the whole stream stopped).
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { memorySource } from '../../../src/parser/bytes/byteSource.js';
import { formatEvent } from '../../../src/parser/order/formatEvent.js';
import { openGenerationStream } from '../../../src/parser/order/generationStream.js';
import { OrderedReader, type GenerationExtent } from '../../../src/parser/order/orderedReader.js';
import type { OrderingSnapshot } from '../../../src/parser/order/orderingSnapshot.js';
import type { OrderedEvent } from '../../../src/parser/order/orderedEvent.js';
import { isV1Trace } from '../../support/golden.js';
import { fixturesDir, sharedTracesDir, traceFiles } from '../../support/paths.js';

const line = (e: OrderedEvent): string => `${e.time} @${e.srcOffset ?? -1} ${formatEvent(e)}`;

interface Section {
  at: GenerationExtent;
  snapshot: OrderingSnapshot;
  lines: string[];
}

/** The whole stream, cut at its Syncs: each generation's events with its extent and snapshot. */
async function wholeStream(bytes: Uint8Array): Promise<Section[]> {
  const r = await OrderedReader.open(memorySource(bytes), { reuseEvents: true });
  const sections: Section[] = [];
  let cur: Section | undefined;
  for (;;) {
    const e = r.next();
    if (e) {
      if (e.kind === 'Sync') {
        const at = r.generation;
        cur = at && e.sync!.n === at.index + 1 && !sections.some((s) => s.at.index === at.index) ? { at, snapshot: r.snapshot(), lines: [] } : undefined;
        if (cur) sections.push(cur);
      }
      if (cur) cur.lines.push(line(e));
      continue;
    }
    if (r.needsGeneration) {
      await r.loadGeneration();
      continue;
    }
    break;
  }
  return sections;
}

async function alone(bytes: Uint8Array, s: Section, limit: number): Promise<string[]> {
  const r = await openGenerationStream(memorySource(bytes), s.at, s.snapshot, { reuseEvents: true });
  const out: string[] = [];
  let syncs = 0;
  for (;;) {
    const e = r.next();
    if (e) {
      if (e.kind === 'Sync' && ++syncs > 1) break;
      out.push(line(e));
      if (out.length >= limit) break;
      continue;
    }
    if (r.needsGeneration) {
      await r.loadGeneration();
      continue;
    }
    break;
  }
  return out;
}

describe('openGenerationStream', () => {
  let laterGenerations = 0;
  after(() => assert.ok(files.length === 0 || laterGenerations >= 5, `generations after the first checked: ${laterGenerations}`));
  const files = [...traceFiles(fixturesDir), ...traceFiles(sharedTracesDir)].filter((f) => !isV1Trace(f));
  for (const file of files) {
    it(`${path.basename(file)}: every generation alone gives the whole stream's events`, async () => {
      const bytes = new Uint8Array(readFileSync(file));
      const sections = await wholeStream(bytes);
      for (const s of sections) {
        // The whole stream's section ends where it stopped (a failure, or the next Sync).
        const got = await alone(bytes, s, s.lines.length);
        assert.deepEqual(got, s.lines, `generation index ${s.at.index}`);
        if (s.at.index > 0) laterGenerations++;
      }
    });
  }
});
