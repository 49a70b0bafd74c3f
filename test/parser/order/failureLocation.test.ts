/**
 * The error that ends the ordered stream names the event concerned: its byte offset, generation,
 * batch and event index (what the Problems panel and `go-trace check` show).
 */
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { memorySource } from '../../../src/parser/bytes/byteSource.js';
import { Ev } from '../../../src/parser/format/v2Events.js';
import { OrderedReader } from '../../../src/parser/order/orderedReader.js';
import type { Problem } from '../../../src/parser/problems.js';
import { fixturesDir, sharedTracesDir } from '../../support/paths.js';

async function failureOf(bytes: Uint8Array): Promise<Problem | undefined> {
  const r = await OrderedReader.open(memorySource(bytes), { reuseEvents: true });
  for (;;) {
    if (r.next()) continue;
    if (r.needsGeneration) {
      await r.loadGeneration();
      continue;
    }
    return r.failure;
  }
}

describe('ordered stream: where the failure is', () => {
  it('a dangling stack ID: at the event that names it', async function () {
    const file = path.join(sharedTracesDir, 'broken-go1.25-flight-trunc-midbatch.trace');
    if (!existsSync(file)) this.skip();
    const bytes = readFileSync(file);
    const f = await failureOf(bytes);
    assert.equal(f?.message, 'found invalid stack ID 2 for event GoBlock');
    assert.equal(f?.code, 'dangling-stack-ref');
    assert.equal(bytes[f!.offset], Ev.GoBlock, 'the offset is the GoBlock event');
    assert.equal(f?.generation, 3);
    assert.equal(f?.batch, 3);
    assert.equal(f?.event, 5);
  });

  it('a truncated batch: at the batch, as the trace reader found it', async () => {
    const bytes = readFileSync(path.join(fixturesDir, 'broken-go1.26-manyg-trunc-midbatch.trace'));
    const f = await failureOf(bytes);
    assert.equal(f?.code, 'batch-truncated');
    assert.match(f!.message, /^failed to read full batch: read \d+ but wanted \d+$/);
    assert.ok(f!.offset > 0 && f!.offset < bytes.length);
  });
});
