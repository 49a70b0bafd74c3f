/**
 * The ordered stream's reuse mode hands out recycled event objects, each valid until the next
 * call: what a caller reads of each event right away must be what the default mode gives.
 */
import * as assert from 'node:assert/strict';
import { openFileSource } from '../../../src/node/fileSource.js';
import { formatEvent } from '../../../src/parser/order/formatEvent.js';
import { OrderedReader } from '../../../src/parser/order/orderedReader.js';
import type { OrderedEvent } from '../../../src/parser/order/orderedEvent.js';
import * as path from 'node:path';
import { fixturesDir } from '../../support/paths.js';

async function lines(file: string, reuseEvents: boolean): Promise<{ text: string[]; objects: Set<OrderedEvent> }> {
  const source = await openFileSource(file);
  const r = await OrderedReader.open(source, { reuseEvents });
  const text: string[] = [];
  const objects = new Set<OrderedEvent>();
  for (;;) {
    const e = r.next();
    if (e) {
      text.push(formatEvent(e));
      objects.add(e);
      continue;
    }
    if (r.needsGeneration) {
      await r.loadGeneration();
      continue;
    }
    break;
  }
  await source.close?.();
  return { text, objects };
}

describe('OrderedReader reuseEvents', () => {
  it('gives the same events as fresh objects do, with far fewer objects', async () => {
    const file = path.join(fixturesDir, 'go1.26-manyg.trace');
    const fresh = await lines(file, false);
    const reused = await lines(file, true);
    assert.ok(fresh.text.length > 300);
    assert.deepEqual(reused.text, fresh.text);
    assert.equal(fresh.objects.size, fresh.text.length);
    assert.ok(reused.objects.size < fresh.text.length / 10, `${reused.objects.size} objects for ${reused.text.length} events`);
  });
});
