/**
 * The v1 ordered stream on hand-built traces, against what Go 1.27 printed for the same bytes
 * (v1CasesGo.ts): every event byte-identical through formatEvent, the same error text after the
 * same events, and our problem code and offset for it.
 */
import * as assert from 'node:assert/strict';
import { memorySource } from '../../../src/parser/bytes/byteSource.js';
import { formatEvent } from '../../../src/parser/order/formatEvent.js';
import { openEventStream, type EventStream } from '../../../src/parser/stream/openEventStream.js';
import { OrderedReader } from '../../../src/parser/order/orderedReader.js';
import { summarizeTrace } from '../../../src/parser/summary/summarize.js';
import { V1OrderedReader } from '../../../src/parser/v1/v1OrderedReader.js';
import { TraceWriter } from '../../support/traceWriter.js';
import { V1TraceWriter } from '../../support/v1TraceWriter.js';
import { CASES, caseBytes, goodTrace, minimal } from './v1Cases.js';
import { GO_PARSED } from './v1CasesGo.js';

async function drain(r: EventStream): Promise<string> {
  let out = '';
  for (;;) {
    const e = r.next();
    if (e) {
      out += formatEvent(e) + '\n';
      continue;
    }
    if (r.needsGeneration) {
      await r.loadGeneration();
      continue;
    }
    return out;
  }
}

describe('V1OrderedReader: hand-built v1 traces against Go 1.27', () => {
  for (const [name, c] of Object.entries(CASES)) {
    const go = GO_PARSED[name];
    it(`${name}: ${c.what}`, async () => {
      assert.ok(go, `no recorded Go output for ${name}`);
      const bytes = caseBytes(c);
      const r = await openEventStream(memorySource(bytes));
      assert.ok(r instanceof V1OrderedReader);
      const out = await drain(r);
      assert.equal(out, go.stdout);
      if (go.exit === 0) {
        assert.equal(r.failure, undefined);
        assert.deepEqual(r.problems, []);
        return;
      }
      assert.equal(r.failure?.message, go.stderr);
      assert.equal(r.failure?.code, c.code);
      assert.equal(r.failure?.severity, 'error');
      assert.ok(r.failure!.offset >= 0 && r.failure!.offset <= bytes.length, `offset ${r.failure!.offset}`);
      assert.deepEqual(r.problems, [r.failure]);
    });
  }

  it('places a problem at the event it is about', async () => {
    const w = minimal();
    const at = w.length;
    w.raw([0x3f]);
    const r = await V1OrderedReader.open(memorySource(w.build().bytes));
    await r.loadGeneration();
    assert.deepEqual(r.failure, { code: 'unknown-event-type', severity: 'error', message: 'unknown event type 63', offset: at });
  });

  it('reads nothing before loadGeneration, and reads once', async () => {
    const r = await V1OrderedReader.open(memorySource(minimal().build().bytes));
    assert.equal(r.next(), undefined);
    assert.equal(r.needsGeneration, true);
    await r.loadGeneration();
    assert.equal(r.needsGeneration, false);
    await r.loadGeneration();
    const kinds: string[] = [];
    for (let e; (e = r.next()); ) kinds.push(e.kind);
    assert.deepEqual(kinds, ['Sync', 'StateTransition', 'StateTransition', 'Sync']);
    assert.equal(r.next(), undefined);
    assert.equal(r.needsGeneration, false);
    assert.equal(r.trace?.batchCount, 1);
  });

  it('refuses a file over the size limit without reading it', async () => {
    const bytes = goodTrace().build().bytes;
    let reads = 0;
    const source = memorySource(bytes);
    const counting = { size: source.size, read: (o: number, n: number) => (reads++, source.read(o, n)) };
    const r = await V1OrderedReader.open(counting, { maxV1Bytes: 100 });
    await r.loadGeneration();
    assert.equal(r.failure?.code, 'trace-too-large');
    assert.equal(reads, 1, 'only the header is read');
    assert.equal(r.next(), undefined);
  });

  it('says when the file is not a v1 trace', async () => {
    for (const bytes of [new TextEncoder().encode('hello'), new TraceWriter(26).build().bytes]) {
      const r = await V1OrderedReader.open(memorySource(bytes));
      await r.loadGeneration();
      assert.equal(r.failure?.severity, 'error');
      assert.equal(r.next(), undefined);
    }
  });

  it('reads in chunks of any size', async () => {
    const bytes = goodTrace().build().bytes;
    const r = await V1OrderedReader.open(memorySource(bytes), { chunkSize: 7 });
    assert.equal(await drain(r), GO_PARSED.good19.stdout);
  });
});

describe('openEventStream', () => {
  it('opens v2 traces with OrderedReader and v1 traces with V1OrderedReader', async () => {
    assert.ok((await openEventStream(memorySource(new TraceWriter(22).build().bytes))) instanceof OrderedReader);
    assert.ok((await openEventStream(memorySource(new V1TraceWriter(11).build().bytes))) instanceof V1OrderedReader);
    assert.ok((await openEventStream(memorySource(new TextEncoder().encode('not a trace')))) instanceof OrderedReader);
  });

  it('gives summaries of v1 traces', async () => {
    const s = await summarizeTrace(memorySource(goodTrace().build().bytes));
    assert.equal(s.failure, undefined);
    assert.equal(s.done, true);
    assert.deepEqual([...s.goroutines.keys()].sort((a, b) => a - b), [1, 2, 3, 4]);
    assert.equal(s.tasks.length, 1);
    assert.equal(s.regions.length, 1);
  });
});
