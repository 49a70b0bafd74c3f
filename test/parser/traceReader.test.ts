/**
 * The streaming reader on traces built byte by byte: Go's generation boundaries for every
 * version, every framing and structural problem with its code, severity and offset, and that
 * what comes before (and, where the bytes allow, after) a problem stays readable.
 */
import * as assert from 'node:assert/strict';
import { memorySource } from '../../src/parser/bytes/byteSource.js';
import { checkTrace } from '../../src/parser/check.js';
import { EventColumns } from '../../src/parser/generation/eventColumns.js';
import type { Generation } from '../../src/parser/generation/generation.js';
import type { Problem } from '../../src/parser/problems.js';
import { TraceReader, TraceReaderOptions } from '../../src/parser/traceReader.js';
import { GoStatus, ProcStatus, TraceWriter } from '../support/traceWriter.js';

interface Read {
  generations: Generation[];
  events: number;
  problems: Problem[];
}

async function read(bytes: Uint8Array, options: TraceReaderOptions = {}): Promise<Read> {
  const reader = await TraceReader.open(memorySource(bytes), options);
  const generations: Generation[] = [];
  const columns = new EventColumns();
  let events = 0;
  for (let g; (g = await reader.nextGeneration()); ) {
    generations.push(g);
    events += await reader.decodeEvents(g, columns);
  }
  return { generations, events, problems: reader.problems.items };
}

const codes = (r: Read) => r.problems.map((p) => `${p.severity} ${p.code}`);

/** A complete generation with one thread running one goroutine for a few events. */
function fill(w: TraceWriter, gen: number, m = 1): void {
  const g = w.generation(gen);
  g.batch(m, gen * 1000)
    .event('ProcStatus', { p: 0, pstatus: ProcStatus.Running })
    .event('GoStatus', { g: 1, m, gstatus: GoStatus.Running })
    .event('GoBlock', { reason_string: 'chan receive', stack: [{ pc: 0x1000, func: 'main.main', file: '/src/main.go', line: 12 }] });
  g.end();
}

describe('TraceReader', () => {
  for (const version of [22, 23, 25, 26]) {
    it(`go 1.${version}: reads generations, batches at their offsets, events and tables`, async () => {
      const w = new TraceWriter(version);
      fill(w, 1);
      fill(w, 2);
      const written = w.build();
      const r = await read(written.bytes);
      assert.deepEqual(codes(r), []);
      assert.deepEqual(r.generations.map((g) => g.gen), [1, 2]);
      assert.deepEqual(r.generations.map((g) => g.ending), version >= 26 ? ['end-marker', 'end-marker'] : ['next-generation', 'end-of-file']);
      const offsets = r.generations.flatMap((g) => g.batches.map((b) => b.offset));
      assert.deepEqual(offsets, written.batches.map((b) => b.offset));
      assert.equal(r.events, 6);
      const g1 = r.generations[0];
      assert.equal(g1.tables.frames.get(0x1000)?.line, 12);
      assert.equal(g1.tables.strings.get(g1.tables.frames.get(0x1000)!.funcId), 'main.main');
      assert.equal(r.generations[1].offset, g1.end, 'generations are contiguous');
    });
  }

  it('gives the same result whatever the read chunk size', async () => {
    const w = new TraceWriter(26);
    for (let gen = 1; gen <= 3; gen++) fill(w, gen);
    const bytes = w.bytes();
    const whole = await read(bytes);
    for (const chunkSize of [1, 7, 64, 1000]) {
      const r = await read(bytes, { chunkSize });
      assert.deepEqual(r.generations.map((g) => [g.gen, g.offset, g.end, g.batches.length]), whole.generations.map((g) => [g.gen, g.offset, g.end, g.batches.length]));
      assert.equal(r.events, whole.events);
    }
  });

  it('converts timestamps per delta with truncation, as Go does', async () => {
    const w = new TraceWriter(26);
    const g = w.generation(1);
    g.sync(3_000_000_000, { time: 1 }); // 1/3 ns per tick
    g.batch(1, 10).event('ProcStatus', { dt: 2, p: 0, pstatus: ProcStatus.Running }).event('ProcStop', { dt: 2 }).event('ProcStart', { dt: 5, p: 0, p_seq: 1 });
    const reader = await TraceReader.open(memorySource(w.bytes()));
    const gen = (await reader.nextGeneration())!;
    const columns = new EventColumns();
    await reader.decodeEvents(gen, columns);
    // trunc(10/3)=3; +trunc(2/3)=0 -> 3; +0 -> 3; +trunc(5/3)=1 -> 4 (summing ticks first would give 5).
    assert.deepEqual([...columns.time.subarray(0, 3)], [3, 3, 4]);
  });

  describe('Go 1.26: EndOfGeneration tells truncated from broken', () => {
    it('a file cut inside a batch is truncated: a warning, the complete generations intact', async () => {
      const w = new TraceWriter(26);
      fill(w, 1);
      fill(w, 2);
      const written = w.build();
      const cut = written.batches.find((b) => b.generation === 2n && b.role === 'events')!;
      const r = await read(written.bytes.subarray(0, cut.payloadOffset + 2));
      assert.deepEqual(codes(r), ['warning batch-truncated']);
      assert.equal(r.problems[0].offset, cut.offset);
      assert.equal(r.problems[0].generation, 2);
      assert.match(r.problems[0].message, /^failed to read full batch: read 2 but wanted \d+/);
      assert.deepEqual(r.generations.map((g) => [g.gen, g.ending]), [[1, 'end-marker'], [2, 'cut-short']]);
      assert.equal(r.events, 3);
    });

    it('a file that ends after event batches but before EndOfGeneration is truncated', async () => {
      const w = new TraceWriter(26);
      fill(w, 1);
      const g2 = w.generation(2, { tables: false, endOfGeneration: false });
      g2.batch(1, 5000).event('ProcStatus', { p: 0, pstatus: ProcStatus.Running });
      const r = await read(w.bytes());
      assert.deepEqual(codes(r), ['warning truncated-generation']);
      assert.match(r.problems[0].message, /^incomplete generation found; trace likely truncated/);
      assert.equal(r.generations.length, 2);
    });

    it('a missing EndOfGeneration is an error; the next generation is still read', async () => {
      const w = new TraceWriter(26);
      const g1 = w.generation(1, { endOfGeneration: false });
      g1.batch(1, 100).event('ProcStatus', { p: 0, pstatus: ProcStatus.Running });
      fill(w, 2);
      const written = w.build();
      const r = await read(written.bytes);
      assert.deepEqual(codes(r), ['error missing-end-of-generation']);
      const firstOf2 = written.batches.find((b) => b.generation === 2n)!;
      assert.equal(r.problems[0].offset, firstOf2.offset);
      assert.match(r.problems[0].message, /^broken trace: missing end-of-generation event, or generations are interleaved/);
      assert.deepEqual(r.generations.map((g) => [g.gen, g.ending]), [[1, 'missing-end-marker'], [2, 'end-marker']]);
      assert.equal(r.events, 4);
    });

    it('a batch of an earlier generation after a later one started is interleaving', async () => {
      const w = new TraceWriter(26);
      const g1 = w.generation(1, { endOfGeneration: false });
      g1.batch(1, 100).event('ProcStatus', { p: 0, pstatus: ProcStatus.Running });
      const g2 = w.generation(2, { keepOthersOpen: true, endOfGeneration: false });
      g2.batch(1, 200).event('ProcStatus', { p: 0, pstatus: ProcStatus.Running });
      g1.batch(2, 300).event('ProcStatus', { p: 1, pstatus: ProcStatus.Idle });
      const r = await read(w.bytes());
      assert.deepEqual(codes(r).slice(0, 2), ['error missing-end-of-generation', 'error interleaved-generations']);
    });

    it('garbage after the last EndOfGeneration is trailing garbage', async () => {
      const w = new TraceWriter(26);
      fill(w, 1);
      const end = w.bytes().length;
      w.raw([0xd7, 0x01, 0x02, 0x03]);
      const r = await read(w.bytes());
      assert.deepEqual(codes(r), ['error trailing-garbage']);
      assert.equal(r.problems[0].offset, end);
      assert.match(r.problems[0].message, /^expected batch event, got event 215/);
      assert.equal(r.generations.length, 1);
    });

    it('an EndOfGeneration with nothing before it is an empty generation without frequency (as in Go)', async () => {
      const w = new TraceWriter(26);
      fill(w, 1);
      w.endOfGeneration();
      const r = await read(w.bytes());
      assert.deepEqual(codes(r), ['error missing-frequency', 'error missing-clock-snapshot']);
    });
  });

  describe('before Go 1.26: the first batch of the next generation ends one', () => {
    it('a file cut inside a batch cannot be told from a broken one: an error that says so', async () => {
      const w = new TraceWriter(25);
      fill(w, 1);
      fill(w, 2);
      const written = w.build();
      const last = written.batches[written.batches.length - 1];
      const r = await read(written.bytes.subarray(0, last.payloadOffset + 1));
      const p = r.problems.find((x) => x.code === 'batch-truncated')!;
      assert.equal(p.severity, 'error');
      assert.match(p.message, /cannot be told from a broken one/);
      assert.deepEqual(r.generations.map((g) => g.gen), [1, 2]);
    });

    it('a last generation without its tables was likely truncated', async () => {
      const w = new TraceWriter(23);
      fill(w, 1);
      const g2 = w.generation(2, { tables: false });
      g2.batch(1, 5000).event('ProcStatus', { p: 0, pstatus: ProcStatus.Running });
      const r = await read(w.bytes());
      assert.deepEqual(codes(r), ['warning possibly-truncated']);
    });

    it('a generation that is neither the current nor the next is out of order', async () => {
      const w = new TraceWriter(22);
      fill(w, 1);
      fill(w, 3);
      const r = await read(w.bytes());
      assert.deepEqual(codes(r), ['error generations-out-of-order']);
      assert.equal(r.generations.length, 1);
    });

    it('a 0x34 byte where a batch should start is not an EndOfGeneration before 1.26', async () => {
      const w = new TraceWriter(25);
      fill(w, 1);
      w.endOfGeneration();
      const r = await read(w.bytes());
      assert.deepEqual(codes(r), ['error unexpected-end-of-generation']);
      assert.match(r.problems[0].message, /^invalid generation number 0/);
    });

    it('garbage after the last generation is trailing garbage when no batch follows', async () => {
      const w = new TraceWriter(25);
      fill(w, 1);
      w.raw([0x74, 0x99, 0x42]);
      const r = await read(w.bytes());
      assert.deepEqual(codes(r), ['error trailing-garbage']);
      assert.equal(r.generations.length, 1);
    });

    it('a bad byte followed by more batches is an invalid batch type, not garbage', async () => {
      const w = new TraceWriter(25);
      fill(w, 1);
      w.raw([0x74]);
      fill(w, 2);
      const r = await read(w.bytes());
      assert.deepEqual(codes(r), ['error invalid-batch-type']);
    });
  });

  describe('batch headers', () => {
    it('generation number 0 is invalid', async () => {
      const w = new TraceWriter(26);
      w.generation(0).batch(1, 1).event('ProcStatus', { p: 0, pstatus: ProcStatus.Running });
      const r = await read(w.bytes());
      assert.deepEqual(codes(r), ['error invalid-generation-number']);
      assert.equal(r.problems[0].message, 'invalid generation number 0');
    });

    it('a size over 64 KiB is rejected before anything is allocated', async () => {
      const w = new TraceWriter(26);
      fill(w, 1);
      w.generation(2).batch(1, 1, { size: 2n ** 40n });
      const r = await read(w.bytes());
      assert.ok(codes(r).includes('error oversized-batch'));
      assert.match(r.problems.find((p) => p.code === 'oversized-batch')!.message, /^invalid batch size 1099511627776, maximum is 65536$/);
      // Generation 2's sync batch came before the bad one: it is handed out, cut short.
      assert.deepEqual(r.generations.map((g) => g.ending), ['end-marker', 'cut-short']);
    });

    it('a header cut short names the field, and a header varint overflow is its own problem', async () => {
      const w = new TraceWriter(26);
      fill(w, 1);
      w.raw([0x01, 0x02, 0x80]);
      const r = await read(w.bytes());
      assert.deepEqual(codes(r), ['warning batch-truncated']);
      assert.match(r.problems[0].message, /^error reading batch M ID: unexpected EOF/);
      const w2 = new TraceWriter(26);
      fill(w2, 1);
      w2.raw([0x01, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f, 0, 0, 0]);
      const r2 = await read(w2.bytes());
      assert.deepEqual(codes(r2), ['error varint-overflow']);
    });
  });

  describe('structural batches and tables', () => {
    it('a generation without frequency, or (1.25+) without clock snapshot, is reported', async () => {
      const w = new TraceWriter(25);
      const g = w.generation(1, { sync: false });
      g.batch(1, 1).event('ProcStatus', { p: 0, pstatus: ProcStatus.Running });
      const r = await read(w.bytes());
      assert.deepEqual(codes(r), ['error missing-frequency', 'error missing-clock-snapshot']);
    });

    it('stack and string IDs that point nowhere are dangling references, at the event', async () => {
      const w = new TraceWriter(26);
      const g = w.generation(1);
      const b = g.batch(1, 1).event('ProcStatus', { p: 0, pstatus: ProcStatus.Running }).event('GoStatus', { g: 1, m: 1, gstatus: GoStatus.Running });
      b.event('GoBlock', { reason_string: 77n, stack: 55n });
      const written = w.build();
      const r = await read(written.bytes);
      assert.deepEqual(codes(r), ['error dangling-stack-ref', 'error dangling-string-ref']);
      const ev = written.events.find((e) => e.name === 'GoBlock')!;
      assert.deepEqual(r.problems.map((p) => [p.offset, p.batch, p.event]), [[ev.offset, 1, 2], [ev.offset, 1, 2]]);
      assert.deepEqual(r.problems.map((p) => p.message), ['found invalid stack ID 55 for event GoBlock', 'found invalid string ID 77 for event GoBlock']);
    });

    it('a stack whose PC has no frame, or whose frame names a missing string, is reported', async () => {
      const w = new TraceWriter(26);
      const g = w.generation(1);
      g.batch(1, 1).event('ProcStatus', { p: 0, pstatus: ProcStatus.Running });
      g.stacks([{ id: 1, frames: [{ pc: 0x10, func: 90n, file: 91n, line: 1 }] }, { id: 2, frames: [], nframes: 1 }]);
      const r = await read(w.bytes());
      assert.ok(codes(r).includes('error dangling-string-in-stack'), codes(r).join());
      assert.ok(r.problems.some((p) => p.message === 'found invalid func string ID 90 for stack 1'));
    });

    it('duplicate IDs and oversized strings are reported with Go\'s wording', async () => {
      const w = new TraceWriter(26);
      const g = w.generation(1);
      g.batch(1, 1).event('ProcStatus', { p: 0, pstatus: ProcStatus.Running });
      g.strings([[1, 'a'], [1, 'b']]);
      const r = await read(w.bytes());
      assert.deepEqual(codes(r), ['error duplicate-id']);
      assert.equal(r.problems[0].message, 'multiple strings with the same ID: id=1, new="b", existing="a"');
      const w2 = new TraceWriter(26);
      const g2 = w2.generation(1);
      g2.batch(1, 1).event('ProcStatus', { p: 0, pstatus: ProcStatus.Running });
      g2.strings([[1, 'x'.repeat(1025)]]);
      const r2 = await read(w2.bytes());
      assert.deepEqual(codes(r2), ['error oversized-string']);
      assert.equal(r2.problems[0].message, 'invalid string size 1025, maximum is 1024');
    });
  });

  describe('events', () => {
    it('an unknown event type ends its batch, the rest of the trace is read', async () => {
      const w = new TraceWriter(26);
      const g = w.generation(1);
      g.batch(1, 1).event('ProcStatus', { p: 0, pstatus: ProcStatus.Running }).rawEvent(200, [1]).event('ProcStop');
      g.batch(2, 1).event('ProcStatus', { p: 1, pstatus: ProcStatus.Idle });
      const written = w.build();
      const r = await read(written.bytes);
      assert.deepEqual(codes(r), ['error unknown-event-type']);
      assert.equal(r.problems[0].message, 'found invalid event type: 200');
      assert.equal(r.problems[0].offset, written.events.find((e) => e.type === 200)!.offset);
      assert.equal(r.events, 2);
    });

    it('a structural event inside an event batch has no timestamp', async () => {
      const w = new TraceWriter(26);
      w.generation(1).batch(1, 1).event('ProcStatus', { p: 0, pstatus: ProcStatus.Running }).rawEvent(4);
      const r = await read(w.bytes());
      assert.deepEqual(codes(r), ['error event-without-timestamp']);
      assert.equal(r.problems[0].message, 'found event without a timestamp: type=4');
    });

    it('an event cut by the end of its batch, and a varint overflow, are reported', async () => {
      const w = new TraceWriter(26);
      w.generation(1).batch(1, 1).event('ProcStatus', { p: 0, pstatus: ProcStatus.Running }).raw([13, 1, 0x80]);
      const r = await read(w.bytes());
      assert.deepEqual(codes(r), ['error event-truncated']);
      const w2 = new TraceWriter(26);
      w2.generation(1).batch(1, 1).raw([13, 1, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f, 1]);
      const r2 = await read(w2.bytes());
      assert.deepEqual(codes(r2), ['error varint-overflow']);
    });

    it('keeps the problem list bounded on a hostile trace', async () => {
      const w = new TraceWriter(26);
      const b = w.generation(1).batch(1, 1);
      for (let i = 0; i < 5000; i++) b.event('GoBlock', { reason_string: 1000n + BigInt(i), stack: 0 });
      const result = await checkTrace(memorySource(w.bytes()));
      assert.ok(result.problems.length <= 25, String(result.problems.length));
      const last = result.problems[result.problems.length - 1];
      assert.equal(last.code, 'too-many-problems');
      assert.match(last.message, /^4980 more problems not listed \(4980 dangling-string-ref\)$/);
    });
  });

  it("checks a v1 trace as Go's v1 parser reads it, and says a non-trace is not a trace", async () => {
    const v1 = await checkTrace(memorySource(new TextEncoder().encode('go 1.19 trace\0\0\0\x01\x02')));
    assert.deepEqual(v1.problems.map((p) => `${p.severity} ${p.code} ${p.message}`), ['error malformed-event EvBatch has wrong number of arguments: got 1, want 2']);
    assert.equal(v1.header?.v1, true);
    const png = await checkTrace(memorySource(Uint8Array.from([0x89, 0x50, 0x4e, 0x47])));
    assert.deepEqual(png.problems.map((p) => p.code), ['not-a-trace']);
  });
});
