import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { memorySource } from '../../../src/parser/index.js';
import { scanV1From } from '../../../src/parser/v1/v1ScanFrom.js';
import { newRawEvent, V1Scanner } from '../../../src/parser/v1/v1Scanner.js';
import { formatV1RawEvent } from '../../../src/parser/v1/v1WireDump.js';
import { fixture } from '../../extension/model/modelTestSupport.js';

/** Every event of the whole file, as offset and dump text. */
function whole(bytes: Uint8Array, version: number): { events: string[]; error?: string } {
  const s = new V1Scanner(bytes, 16, version, null);
  const ev = newRawEvent();
  const events: string[] = [];
  try {
    while (s.read(0, ev)) events.push(`${ev.offset} ${formatV1RawEvent(ev)}`);
  } catch (e) {
    return { events, error: `${(e as Error).message} @${(e as { offset: number }).offset}` };
  }
  return { events };
}

async function chunked(bytes: Uint8Array, version: number, start: number, chunk: number): Promise<{ events: string[]; error?: string }> {
  const events: string[] = [];
  const r = await scanV1From(memorySource(bytes), start, version, (ev) => void events.push(`${ev.offset} ${formatV1RawEvent(ev)}`), chunk);
  return r.error ? { events, error: `${r.error.message} @${r.error.offset}` } : { events };
}

describe('v1 raw events from an offset, a chunk at a time', () => {
  for (const [name, version] of [['go1.21-annot.trace', 21], ['go1.19-cgocb.trace', 19]] as const) {
    it(`${name}: the events and offsets of the whole-file scan, whatever the chunk size`, async () => {
      const bytes = new Uint8Array(readFileSync(fixture(name)));
      const expected = whole(bytes, version);
      for (const chunk of [1, 7, 100, 1 << 20]) assert.deepEqual(await chunked(bytes, version, 16, chunk), expected, `chunk ${chunk}`);
      // from an event in the middle: the rest of them
      const mid = Number(expected.events[100].split(' ')[0]);
      assert.deepEqual((await chunked(bytes, version, mid, 64)).events, expected.events.slice(100));
    });
  }

  it("stops at Go's error, with its file offset", async () => {
    const bytes = new Uint8Array(readFileSync(fixture('go1.21-annot.trace')));
    const at = Number(whole(bytes, 21).events[150].split(' ')[0]);
    bytes[at] = 0x3f;
    const expected = whole(bytes, 21);
    assert.ok(expected.error);
    assert.deepEqual(await chunked(bytes, 21, 16, 50), expected);
  });

  it('stops when visit says so', async () => {
    const bytes = new Uint8Array(readFileSync(fixture('go1.21-annot.trace')));
    let n = 0;
    await scanV1From(memorySource(bytes), 16, 21, () => ++n < 5);
    assert.equal(n, 5);
  });
});
