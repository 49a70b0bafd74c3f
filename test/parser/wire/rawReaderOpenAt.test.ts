import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { memorySource, RawReader, WireError, type RawEvent } from '../../../src/parser/index.js';
import { formatRawEvent } from '../../../src/parser/wire/wireDump.js';
import { fixture } from '../../extension/model/modelTestSupport.js';

async function all(reader: RawReader): Promise<string[]> {
  const out: string[] = [];
  for (let ev: RawEvent | null; (ev = await reader.next()) !== null; ) out.push(`${ev.offset} ${formatRawEvent(ev)}`);
  return out;
}

describe('raw reader opened at an event', () => {
  const bytes = new Uint8Array(readFileSync(fixture('go1.26-manyg.trace')));

  it('yields from there what reading from the start yields, whatever the chunk size', async () => {
    const whole = await all(await RawReader.open(memorySource(bytes)));
    for (const i of [0, 1, 300, whole.length - 1]) {
      const at = Number(whole[i].split(' ')[0]);
      for (const chunkSize of [16, 100, 1 << 18]) {
        assert.deepEqual(await all(await RawReader.openAt(memorySource(bytes), at, { chunkSize })), whole.slice(i), `event ${i}, chunk ${chunkSize}`);
      }
    }
    // at or before the header's end: the whole stream
    assert.deepEqual(await all(await RawReader.openAt(memorySource(bytes), 0)), whole);
    // at the end: nothing
    assert.deepEqual(await all(await RawReader.openAt(memorySource(bytes), bytes.length)), []);
  });

  it("still refuses a file that is not a trace, with Go's text", async () => {
    await assert.rejects(RawReader.openAt(memorySource(new TextEncoder().encode('hello, not a trace')), 5), (e: unknown) => e instanceof WireError && /not a Go execution trace/.test(e.message));
  });
});
