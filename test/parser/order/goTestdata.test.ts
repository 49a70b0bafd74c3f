/**
 * Go's own parser test cases (../shared/go-testdata/tests) read through the ordered stream: each
 * ends as Go's test expects, SUCCESS (no error, a Sync first and last) or FAILURE with an error
 * matching the pattern.
 */
import * as assert from 'node:assert/strict';
import { memorySource } from '../../../src/parser/bytes/byteSource.js';
import { OrderedReader } from '../../../src/parser/order/orderedReader.js';
import type { OrderedEvent } from '../../../src/parser/order/orderedEvent.js';
import { listGoTestFiles, loadGoTestCase } from '../../support/goTestCase.js';

async function readAll(bytes: Uint8Array): Promise<{ events: OrderedEvent[]; failure?: string }> {
  const r = await OrderedReader.open(memorySource(bytes));
  const events: OrderedEvent[] = [];
  for (;;) {
    const e = r.next();
    if (e) {
      events.push(e);
      continue;
    }
    if (r.needsGeneration) {
      await r.loadGeneration();
      continue;
    }
    break;
  }
  return { events, failure: r.failure?.message };
}

describe("Go's parser test cases, ordered", () => {
  const files = listGoTestFiles();
  if (files.length === 0) {
    it.skip('../shared/go-testdata is not beside the repository');
    return;
  }
  for (const file of files) {
    const c = loadGoTestCase(file);
    it(`${c.name}: ${c.expect.success ? 'SUCCESS' : `FAILURE ${c.expect.goPattern}`}`, async () => {
      const { events, failure } = await readAll(c.bytes);
      if (c.expect.success) {
        assert.equal(failure, undefined);
        assert.equal(events[0]?.kind, 'Sync');
        assert.equal(events[events.length - 1]?.kind, 'Sync');
        for (let i = 1; i < events.length; i++) assert.ok(events[i].time > events[i - 1].time, 'times strictly increase');
        return;
      }
      assert.ok(failure !== undefined, 'expected a failure');
      assert.match(failure, c.expect.pattern);
    });
  }
});
