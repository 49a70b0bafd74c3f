/**
 * The test trace writer. Its output was also checked, outside these tests, with Go 1.27's
 * `go tool trace -d=wire` and `-d=parsed` (every version parses cleanly; each breakage tool gives
 * the Go error it is meant to provoke); these tests need no Go.
 */
import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readUvarintBig } from '../../src/parser/bytes/uvarint.js';
import { headerBytes } from '../../src/parser/format/version.js';
import { rawTextToBinary } from '../../src/parser/wire/rawText.js';
import { listGoTestFiles, loadGoTestCase } from './goTestCase.js';
import { repoRoot } from './paths.js';
import { GoStatus, ProcStatus, TraceWriter, WrittenTrace, pad } from './traceWriter.js';

const NO_M = 2n ** 64n - 1n;

interface DecodedBatch {
  offset: number;
  kind: number;
  exp?: number;
  gen: bigint;
  m: bigint;
  time: bigint;
  size: bigint;
  sizeWidth: number;
  payload: Uint8Array;
}

/** An independent reader of the batch framing, for checking what the writer produced. */
function decode(bytes: Uint8Array, headerSize = 16): { batches: DecodedBatch[]; eog: number[] } {
  const batches: DecodedBatch[] = [];
  const eog: number[] = [];
  let pos = headerSize;
  const uv = () => {
    const r = readUvarintBig(bytes, pos, bytes.length);
    if (!r) throw new Error(`bad uvarint at ${pos}`);
    const start = pos;
    pos = r.pos;
    return { value: r.value, width: r.pos - start };
  };
  while (pos < bytes.length) {
    const offset = pos;
    const kind = bytes[pos++];
    if (kind === 52) {
      eog.push(offset);
      continue;
    }
    const exp = kind === 49 ? bytes[pos++] : undefined;
    const gen = uv().value;
    const m = uv().value;
    const time = uv().value;
    const size = uv();
    const payload = bytes.subarray(pos, pos + Number(size.value));
    pos += Number(size.value);
    batches.push({ offset, kind, exp, gen, m, time, size: size.value, sizeWidth: size.width, payload });
  }
  return { batches, eog };
}

/** Checks that every recorded offset points at what it claims. */
function checkRecords(t: WrittenTrace): void {
  for (const b of t.batches) {
    assert.equal(t.bytes[b.offset], b.kind, `batch ${b.index} header byte`);
    assert.equal(b.end - b.payloadOffset, b.payloadLength);
    for (const e of b.events) {
      assert.equal(t.bytes[e.offset], e.type, `${e.name} at ${e.offset}`);
      assert.ok(e.offset >= b.payloadOffset && e.end <= b.end);
    }
  }
  for (const x of t.endOfGenerations) assert.equal(t.bytes[x.offset], 52);
  assert.deepEqual(
    t.events.map((e) => e.offset),
    t.batches.flatMap((b) => b.events.map((e) => e.offset)),
  );
}

function small(version: number, options = {}): TraceWriter {
  const w = new TraceWriter(version, options);
  const g = w.generation(1);
  g.batch(1, 15)
    .event('ProcStatus', { p: 0, pstatus: ProcStatus.Running })
    .event('GoStatus', [1, 1, GoStatus.Running])
    .event('GoStop', { reason_string: 'yield', stack: [{ pc: 0x401000, func: 'main.main', file: '/src/main.go', line: 20 }] });
  return w;
}

describe('TraceWriter', () => {
  describe('default layout per version', () => {
    const roles: Record<number, string[]> = {
      22: ['events', 'frequency', 'stacks', 'strings'],
      23: ['events', 'frequency', 'stacks', 'strings'],
      25: ['sync', 'events', 'stacks', 'strings'],
      26: ['sync', 'events', 'stacks', 'strings'],
    };
    for (const version of [22, 23, 25, 26]) {
      it(`go 1.${version}: header, batches in testgen's order, EndOfGeneration only for 26`, () => {
        const t = small(version).build();
        assert.deepEqual([...t.bytes.subarray(0, 16)], [...headerBytes(version)]);
        assert.equal(t.headerSize, 16);
        assert.deepEqual(t.batches.map((b) => b.role), roles[version]);
        const d = decode(t.bytes);
        assert.deepEqual(d.batches.map((b) => b.offset), t.batches.map((b) => b.offset));
        assert.deepEqual(d.eog, version >= 26 ? [t.bytes.length - 1] : []);
        assert.deepEqual(t.endOfGenerations.map((x) => x.offset), d.eog);
        for (const b of d.batches) {
          assert.equal(b.sizeWidth, 10, 'sizes are padded like the runtime');
          assert.equal(b.size, BigInt(b.payload.length));
          assert.equal(b.gen, 1n);
        }
        checkRecords(t);
      });
    }

    it('fills the tables from the strings and stacks the events used', () => {
      const t = small(26).build();
      const stacks = t.batches.find((b) => b.role === 'stacks')!;
      const strings = t.batches.find((b) => b.role === 'strings')!;
      assert.deepEqual(stacks.events.map((e) => [e.name, e.args]), [['Stacks', []], ['Stack', [1n, 1n, 0x401000n, 2n, 3n, 20n]]]);
      assert.deepEqual(
        strings.events.map((e) => [e.name, e.args, e.data && new TextDecoder().decode(e.data)]),
        [['Strings', [], undefined], ['String', [1n], 'yield'], ['String', [2n], 'main.main'], ['String', [3n], '/src/main.go']],
      );
      const sync = t.batches[0];
      assert.deepEqual(sync.events.map((e) => [e.name, e.args]), [['Sync', []], ['Frequency', [15625000n]], ['ClockSnapshot', [1n, 0n, 0n, 0n]]]);
      assert.equal(sync.m, NO_M);
    });

    it('gives structural batches one tick after the latest time written', () => {
      const t = small(22).build();
      // Event batch at 15 with three events of dt 1: the clock is at 18.
      assert.deepEqual(t.batches.map((b) => b.time), [15n, 19n, 20n, 21n]);
    });

    it('writes minimal sizes on request', () => {
      const t = small(26, { paddedSizes: false }).build();
      for (const b of decode(t.bytes).batches) assert.equal(b.sizeWidth, 1);
      checkRecords(t);
    });

    it('build() is repeatable and leaves open generations open', () => {
      const w = small(26);
      const a = w.build().bytes;
      assert.deepEqual(w.build().bytes, a);
      // Still open: a later batch goes before the generation's tables.
      w.generation(1, { keepOthersOpen: true, sync: false });
      const t = w.build();
      assert.deepEqual(t.batches.map((b) => b.role), ['sync', 'events', 'stacks', 'strings', 'stacks', 'strings']);
    });
  });

  describe('equivalence with the text form', () => {
    it('writes the same bytes as raw2bin for the same trace (minimal sizes)', () => {
      const w = new TraceWriter(25, { paddedSizes: false });
      const g = w.generation(1);
      g.sync(1000000000, { time: 10, mono: 99, sec: 1740755049, nsec: 123 });
      g.batch(1, 15).event('ProcStatus', { p: 0, pstatus: 1 }).event('GoStatus', { dt: 2, g: 7, m: 1, gstatus: 2 });
      g.stacks([[{ pc: 4198400, func: 'main.main', file: 'main.go', line: 12 }]], { time: 20 });
      g.strings(['main.main', 'main.go'], { time: 21 });
      g.end();
      w.generation(2).sync(500000000, { time: 30, mono: 199 });
      const text = `Trace Go1.25
EventBatch gen=1 m=18446744073709551615 time=9 size=16
Sync
Frequency freq=1000000000
ClockSnapshot dt=1 mono=99 sec=1740755049 nsec=123
EventBatch gen=1 m=1 time=15 size=9
ProcStatus dt=1 p=0 pstatus=1
GoStatus dt=2 g=7 m=1 gstatus=2
EventBatch gen=1 m=18446744073709551615 time=20 size=11
Stacks
Stack id=1 nframes=1
	pc=4198400 func=1 file=2 line=12
EventBatch gen=1 m=18446744073709551615 time=21 size=23
Strings
String id=1
	data="main.main"
String id=2
	data="main.go"
EventBatch gen=2 m=18446744073709551615 time=29 size=13
Sync
Frequency freq=500000000
ClockSnapshot dt=1 mono=199 sec=0 nsec=0
EventBatch gen=2 m=18446744073709551615 time=31 size=1
Stacks
EventBatch gen=2 m=18446744073709551615 time=32 size=1
Strings
`;
      assert.deepEqual([...w.bytes()], [...rawTextToBinary(text)]);
    });

    it("matches Go's bytes for go123-sync.test and go125-sync.test (when ../shared is present)", function () {
      const files = listGoTestFiles();
      if (files.length === 0) this.skip();
      const digests = JSON.parse(fs.readFileSync(path.join(repoRoot, 'test/parser/text/goTestdataDigests.json'), 'utf8')).files;
      const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

      // What Go's generators/go123-sync.go and go125-sync.go describe.
      const w23 = new TraceWriter(23, { paddedSizes: false });
      const syncs23: [number, number, number, number | undefined][] = [[1, 1000000000, 10, 15], [2, 500000000, 20, undefined], [3, 500000000, 40, 30]];
      for (const [n, freq, time, batchTime] of syncs23) {
        const g = w23.generation(n);
        if (batchTime !== undefined) g.batch(1, batchTime).event('ProcStatus', { p: 0, pstatus: 1 });
        g.sync(freq, { time });
        g.stacks([], { time: time + 1 });
        g.strings([], { time: time + 2 });
      }
      const w25 = new TraceWriter(25, { paddedSizes: false });
      const syncs25: [number, number, number, number, number | undefined][] = [[1, 1000000000, 10, 99, 15], [2, 500000000, 20, 199, undefined], [3, 500000000, 30, 299, 40]];
      for (const [n, freq, time, mono, batchTime] of syncs25) {
        const g = w25.generation(n);
        g.sync(freq, { time, mono, sec: 1740755049 + n - 1, nsec: 123 });
        if (batchTime !== undefined) g.batch(1, batchTime).event('ProcStatus', { p: 0, pstatus: 1 });
        g.stacks([], { time: time + 1 });
        g.strings([], { time: time + 2 });
      }
      assert.equal(sha(w23.bytes()), digests['go123-sync.test'].sha256);
      assert.equal(sha(w25.bytes()), digests['go125-sync.test'].sha256);
      const tc = loadGoTestCase(files.find((f) => f.endsWith('go125-sync.test'))!);
      assert.deepEqual([...w25.bytes()], [...tc.bytes]);
    });
  });

  describe('events', () => {
    it('takes named or positional arguments, dt defaulting to 1', () => {
      const named = new TraceWriter(22);
      named.generation(1).batch(1, 1).event('GoUnblock', { g: 5, g_seq: 2, stack: 0 });
      const positional = new TraceWriter(22);
      positional.generation(1).batch(1, 1).event('GoUnblock', [5, 2, 0]);
      const withDt = new TraceWriter(22);
      withDt.generation(1).batch(1, 1).event('GoUnblock', [1, 5, 2, 0]);
      assert.deepEqual(named.bytes(), positional.bytes());
      assert.deepEqual(named.bytes(), withDt.bytes());
      assert.deepEqual(named.build().events[0].args, [1n, 5n, 2n, 0n]);
    });

    it('writes dt 0 when timestamps are off, and explicit dt values', () => {
      const w = new TraceWriter(22, { timestamps: false });
      w.generation(1).batch(1, 1).event('GoStart', [5, 1]).event('GoStart', { dt: 300, g: 6, g_seq: 1 });
      assert.deepEqual(w.build().events.filter((e) => e.name === 'GoStart').map((e) => e.args[0]), [0n, 300n]);
    });

    it('registers strings and stacks once per generation; "" and [] are 0', () => {
      const w = new TraceWriter(26);
      const g = w.generation(1);
      const frames = [{ pc: 1, func: 'f', file: 'x.go', line: 2 }];
      g.batch(1, 1).event('GoBlock', { reason_string: 'chan', stack: frames }).event('GoBlock', ['chan', frames]).event('GoBlock', ['', []]);
      assert.equal(g.string('chan'), 1n);
      assert.equal(g.stack(frames), 1n);
      assert.equal(g.string(''), 0n);
      assert.equal(g.stack([]), 0n);
      const ev = w.build().events.filter((e) => e.name === 'GoBlock');
      assert.deepEqual(ev.map((e) => e.args.slice(1)), [[1n, 1n], [1n, 1n], [0n, 0n]]);
      // The second generation has its own tables.
      const g2 = w.generation(2);
      assert.equal(g2.string('other'), 1n);
    });

    it('writes Stack and String events by name, with frames and data', () => {
      const w = new TraceWriter(22, { paddedSizes: false });
      const b = w.generation(1, { tables: false, sync: false }).batch(-1, 0);
      b.event('Stacks').event('Stack', { id: 3, frames: [{ pc: 10, func: 4, file: 5, line: 6 }] }).event('Stack', { id: 4, nframes: 2, frames: [] });
      b.event('String', { id: 9, data: 'ab' }).event('String', [10, 'c']);
      const t = w.build();
      assert.deepEqual([...t.bytes.subarray(t.batches[0].payloadOffset)], [2, 3, 3, 1, 10, 4, 5, 6, 3, 4, 2, 5, 9, 2, 0x61, 0x62, 5, 10, 1, 0x63]);
    });

    it('writes events of any version and undefined types on request', () => {
      const w = new TraceWriter(22, { paddedSizes: false });
      w.generation(1, { tables: false, sync: false }).batch(1, 0).event('GoSwitch', [2, 1]).rawEvent(200, [1, 2]).raw([0xff]);
      const t = w.build();
      assert.deepEqual([...t.bytes.subarray(t.batches[0].payloadOffset)], [45, 1, 2, 1, 200, 1, 2, 0xff]);
      assert.deepEqual(t.events.map((e) => e.name), ['GoSwitch', 'Invalid(200)']);
      assert.equal(t.batches[0].payloadLength, 8);
    });

    it('pads any value with pad()', () => {
      const w = new TraceWriter(22, { paddedSizes: false });
      w.generation(pad(1, 3), { tables: false, sync: false }).batch(pad(2, 2), pad(3, 4)).event('GoStart', { dt: pad(1, 2), g: pad(0, 10), g_seq: 1 });
      const t = w.build();
      assert.deepEqual([...t.bytes.subarray(16)], [1, 0x81, 0x80, 0, 0x82, 0, 0x83, 0x80, 0x80, 0, 14, 16, 0x81, 0, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0, 1]);
      assert.equal(t.batches[0].gen, 1n);
      assert.equal(t.batches[0].time, 3n);
    });

    it('rejects unknown events and badly shaped arguments', () => {
      const b = new TraceWriter(26).generation(1).batch(1, 1);
      assert.throws(() => b.event('NoSuchEvent'), /unknown event/);
      assert.throws(() => b.event('GoStart', [1]), /expected 2 arguments \(g, g_seq\), got 1/);
      assert.throws(() => b.event('GoStart', { g: 1 }), /missing argument g_seq/);
      assert.throws(() => b.event('GoStart', { g: 1, g_seq: 1, gg: 2 }), /unknown argument gg/);
      assert.throws(() => b.event('GoStart', { g: 'x', g_seq: 1 }), /not a string ID/);
      assert.throws(() => b.event('GoStart', { g: [], g_seq: 1 }), /not a stack ID/);
    });

    it('turns negative numbers into their uint64 form (-1 = no thread)', () => {
      const w = new TraceWriter(26);
      w.generation(1).batch(-1, 0).event('GoStatus', { g: 1, m: -1, gstatus: 1 });
      assert.equal(w.build().events.find((e) => e.name === 'GoStatus')!.args[2], NO_M);
    });
  });

  describe('structural batches', () => {
    it('sync() for 25+: Sync, Frequency, ClockSnapshot one tick after the batch; wall time from a Date', () => {
      const w = new TraceWriter(25);
      const g = w.generation(4);
      g.sync(1000, { time: 50, mono: 7, wall: new Date(Date.UTC(2025, 0, 1, 0, 0, 1, 250)) });
      const t = w.build();
      assert.equal(t.batches.filter((b) => b.role === 'sync').length, 1, 'the automatic sync batch is dropped');
      const s = t.batches[0];
      assert.equal(s.time, 49n);
      assert.equal(s.gen, 4n);
      assert.deepEqual(s.events.map((e) => [e.name, e.args]), [['Sync', []], ['Frequency', [1000n]], ['ClockSnapshot', [1n, 7n, 1735689601n, 250000000n]]]);
    });

    it('sync() before 25: a lone Frequency batch where it is called', () => {
      const w = new TraceWriter(23);
      const g = w.generation(1);
      g.sync(77, { time: 5 });
      g.batch(1, 9).event('ProcStatus', [0, 1]);
      const t = w.build();
      assert.deepEqual(t.batches.map((b) => b.role), ['frequency', 'events', 'stacks', 'strings']);
      assert.deepEqual(t.batches[0].events.map((e) => [e.name, e.args]), [['Frequency', [77n]]]);
      assert.equal(t.batches[0].time, 5n);
    });

    it('explicit tables: exactly the given entries; the automatic batch only for the rest', () => {
      const w = new TraceWriter(26);
      const g = w.generation(1);
      g.strings(['a', [7, 'raw'], [7, 'dup']]);
      g.stacks([{ id: 5, nframes: 3, frames: [{ pc: 1, func: 'a', file: 'b', line: 2 }] }]);
      g.batch(1, 10).event('GoLabel', ['later']);
      const t = w.build();
      const strings = t.batches.filter((b) => b.role === 'strings');
      assert.equal(strings.length, 2);
      assert.deepEqual(strings[0].events.slice(1).map((e) => [e.args[0], new TextDecoder().decode(e.data)]), [[1n, 'a'], [7n, 'raw'], [7n, 'dup']]);
      assert.deepEqual(strings[1].events.slice(1).map((e) => [e.args[0], new TextDecoder().decode(e.data)]), [[2n, 'b'], [3n, 'later']]);
      const stacks = t.batches.filter((b) => b.role === 'stacks');
      assert.equal(stacks.length, 1, 'no automatic stacks batch: nothing left to write');
      assert.deepEqual(stacks[0].events[1].args, [5n, 3n, 1n, 1n, 2n, 2n]);
    });

    it('cpuSamples() and experimentalBatch()', () => {
      const w = new TraceWriter(26, { paddedSizes: false });
      const g = w.generation(1, { tables: false, sync: false, endOfGeneration: false });
      g.cpuSamples([{ time: 100, m: 2, p: 1, g: 3, stack: 0 }, { time: 101 }]);
      g.experimentalBatch(1, 5, 6, [9, 8, 7]);
      const t = w.build();
      assert.deepEqual(t.batches[0].events.map((e) => [e.name, e.args]), [['CPUSamples', []], ['CPUSample', [100n, 2n, 1n, 3n, 0n]], ['CPUSample', [101n, NO_M, NO_M, 0n, 0n]]]);
      const x = t.batches[1];
      assert.equal(x.kind, 49);
      assert.deepEqual([...t.bytes.subarray(x.offset)], [49, 1, 1, 5, 6, 3, 9, 8, 7]);
    });

    it('splits large automatic tables like testgen (over 32 KiB)', () => {
      const w = new TraceWriter(26);
      const g = w.generation(1);
      for (let i = 0; i < 100; i++) g.string(`${i}`.padStart(1000, 'x'));
      const t = w.build();
      const strings = t.batches.filter((b) => b.role === 'strings');
      assert.equal(strings.length, 4);
      assert.equal(strings.reduce((n, b) => n + b.events.length - 1, 0), 100);
      checkRecords(t);
    });
  });

  describe('breakage', () => {
    it('raw bytes between batches, and a lone EndOfGeneration anywhere', () => {
      const w = new TraceWriter(25, { paddedSizes: false });
      w.raw([7, 7]).endOfGeneration();
      w.generation(1, { sync: false, tables: false }).batch(1, 1);
      w.uvarint(300, 3);
      const t = w.build();
      assert.deepEqual([...t.bytes.subarray(16)], [7, 7, 52, 1, 1, 1, 1, 0, 0xac, 0x82, 0]);
      assert.deepEqual(t.raws, [{ offset: 16, length: 2 }, { offset: 24, length: 3 }]);
      assert.deepEqual(t.endOfGenerations, [{ offset: 18 }]);
    });

    it('overrides the size, gen and kind fields', () => {
      const w = new TraceWriter(26);
      const g = w.generation(1, { sync: false, tables: false, endOfGeneration: false });
      g.batch(1, 1, { size: 70000 }).event('ProcStop');
      g.batch(1, 2, { size: 3, sizeWidth: 1, gen: 0, kind: 7 });
      const t = w.build();
      const d = decode(t.bytes.subarray(0, t.batches[0].end - 2));
      assert.equal(d.batches[0].size, 70000n);
      assert.equal(t.batches[0].size, 70000n);
      assert.equal(t.batches[0].payloadLength, 2);
      assert.deepEqual([...t.bytes.subarray(t.batches[1].offset)], [7, 0, 1, 2, 3]);
      assert.equal(t.batches[1].gen, 0n);
      assert.equal(t.batches[1].generation, 1n);
    });

    it('writes generation 0', () => {
      const w = new TraceWriter(26);
      w.generation(0).batch(1, 1);
      assert.ok(w.build().batches.every((b) => b.gen === 0n));
    });

    it('interleaves generations: keepOthersOpen, or a batch of an ended generation', () => {
      const w = new TraceWriter(26, { paddedSizes: false });
      const g1 = w.generation(1, { sync: false });
      const g2 = w.generation(2, { sync: false, keepOthersOpen: true });
      g1.batch(1, 1);
      g2.batch(1, 2);
      g1.batch(1, 3);
      const t = w.build();
      assert.deepEqual(t.batches.map((b) => [b.gen, b.role]), [[1n, 'events'], [2n, 'events'], [1n, 'events'], [1n, 'stacks'], [1n, 'strings'], [2n, 'stacks'], [2n, 'strings']]);
      assert.deepEqual(t.endOfGenerations.map((x) => x.generation), [1n, 2n]);

      const w2 = new TraceWriter(25);
      const a = w2.generation(1, { sync: false });
      w2.generation(2, { sync: false });
      a.batch(1, 9);
      // Ending generation 1 placed its tables before the late batch.
      assert.deepEqual(w2.build().batches.map((b) => [b.gen, b.role]), [[1n, 'stacks'], [1n, 'strings'], [1n, 'events'], [2n, 'stacks'], [2n, 'strings']]);
    });

    it('EndOfGeneration can be turned off (or on for older versions)', () => {
      assert.deepEqual(small(26, { endOfGeneration: false }).build().endOfGenerations, []);
      assert.equal(small(25, { endOfGeneration: true }).build().endOfGenerations.length, 1);
    });

    it('no header, or any header bytes', () => {
      assert.equal(small(26, { header: false }).build().headerSize, 0);
      const t = small(26, { header: new TextEncoder().encode('go 1.27 trace\0\0\0') }).build();
      assert.equal(new TextDecoder().decode(t.bytes.subarray(0, 7)), 'go 1.27');
    });

    it('truncates the output', () => {
      const w = small(26);
      const full = w.build();
      w.truncateAt(full.batches[1].payloadOffset + 1);
      const t = w.build();
      assert.equal(t.bytes.length, full.batches[1].payloadOffset + 1);
      assert.deepEqual(t.bytes, full.bytes.subarray(0, t.bytes.length));
      assert.equal(t.batches[1].offset, full.batches[1].offset, 'offsets still describe what was written');
    });

    it('drops bytes and moves the offsets after them', () => {
      const w = small(26);
      const full = w.build();
      const at = full.batches[1].events[1].offset;
      w.dropBytes(at, 2);
      const t = w.build();
      assert.equal(t.bytes.length, full.bytes.length - 2);
      assert.deepEqual(t.bytes.subarray(0, at), full.bytes.subarray(0, at));
      assert.deepEqual(t.bytes.subarray(at), full.bytes.subarray(at + 2));
      assert.equal(t.batches[2].offset, full.batches[2].offset - 2);
      assert.equal(t.events[0].offset, full.events[0].offset);
      assert.equal(t.endOfGenerations[0].offset, t.bytes.length - 1);
    });

    it('duplicates bytes and moves the offsets after them', () => {
      const w = small(26);
      const full = w.build();
      const b = full.batches[1];
      w.duplicateBytes(b.offset, b.end - b.offset);
      const t = w.build();
      assert.equal(t.bytes.length, full.bytes.length + (b.end - b.offset));
      assert.deepEqual(t.bytes.subarray(b.end, 2 * b.end - b.offset), full.bytes.subarray(b.offset, b.end));
      assert.equal(t.batches[2].offset, full.batches[2].offset + (b.end - b.offset));
      checkRecords(t);
    });

    it('patches bytes in place', () => {
      const w = small(26);
      const full = w.build();
      w.patchBytes(full.batches[1].offset, [49]);
      const t = w.build();
      assert.equal(t.bytes[full.batches[1].offset], 49);
      assert.equal(t.bytes.length, full.bytes.length);
    });
  });
});
