import * as assert from 'node:assert/strict';
import { memorySource, type ByteSource } from '../../../src/parser/bytes/byteSource.js';
import { encodeUvarint, U64_MAX } from '../../../src/parser/bytes/uvarint.js';
import { cloneRawEvent, RawReader, WireError, type RawEvent, type RawReaderOptions } from '../../../src/parser/wire/rawReader.js';
import { dumpWire, formatRawEvent } from '../../../src/parser/wire/wireDump.js';
import { HEADER_CASES, WIRE_CASES } from './rawReaderCases.js';

const fromHex = (h: string): Uint8Array => Uint8Array.from(h.match(/../g) ?? [], (x) => parseInt(x, 16));
const header = (v: number): number[] => [...new TextEncoder().encode(`go 1.${v} trace\0\0\0`)];
const uv = (v: number | bigint, width = 0): number[] => encodeUvarint(v, width);
const bytesOf = (s: string): number[] => [...new TextEncoder().encode(s)];

async function dump(bytes: Uint8Array, options: RawReaderOptions = {}): Promise<{ out: string; err: string | undefined }> {
  let out = '';
  const err = await dumpWire(memorySource(bytes), (t) => {
    out += t;
  }, options);
  return { out, err };
}

async function readAll(bytes: Uint8Array | number[], options: RawReaderOptions = {}): Promise<{ events: RawEvent[]; reader: RawReader }> {
  const reader = await RawReader.open(memorySource(Uint8Array.from(bytes)), options);
  const events: RawEvent[] = [];
  for (;;) {
    const ev = await reader.next();
    if (!ev) break;
    events.push(cloneRawEvent(ev));
  }
  return { events, reader };
}

/** A source that records where each read started. */
function recordingSource(bytes: Uint8Array, reads: number[]): ByteSource {
  const inner = memorySource(bytes);
  return {
    size: inner.size,
    read(offset, length) {
      reads.push(offset);
      return inner.read(offset, length);
    },
  };
}

/** Window sizes and inline limits to run every case through. */
const SETTINGS: RawReaderOptions[] = [
  {},
  { chunkSize: 16 },
  { chunkSize: 17, maxInline: 64 },
  { chunkSize: 23, maxInline: 100 },
  { chunkSize: 64, maxInline: 64 },
];

describe('raw reader: header', () => {
  it("scans the header as Go's fmt.Fscanf does (spaces, leading zeros, overflow, bad runes)", async () => {
    for (const c of HEADER_CASES) {
      const known = [11, 19, 21, 22, 23, 25, 26].includes(c.version);
      const label = JSON.stringify(Buffer.from(c.hex, 'hex').toString('latin1'));
      for (const chunkSize of [16, 1 << 20]) {
        try {
          const r = await RawReader.open(memorySource(fromHex(c.hex)), { chunkSize });
          assert.ok(c.ok && known, `${label} opened`);
          assert.equal(r.version, c.version, label);
          assert.equal(r.headerSize, c.consumed, label);
        } catch (e) {
          assert.ok(e instanceof WireError, String(e));
          const want = !c.ok ? 'bad file format: not a Go execution trace?' : `unknown or unsupported trace version go 1.${c.version}`;
          assert.equal(e.message, want, label);
        }
      }
    }
  });

  it('gives v1 versions an empty table, so their first event byte is invalid, as in Go', async () => {
    const r = await RawReader.open(memorySource(Uint8Array.from([...header(21), 0x41])));
    assert.equal(r.version, 21);
    assert.equal(r.specs.length, 0);
    await assert.rejects(r.next(), { message: 'invalid event type: 65' });
  });
});

describe('raw reader: events', () => {
  for (const [name, c] of Object.entries(WIRE_CASES)) {
    it(`prints what go tool trace -d=wire prints: ${name}`, async () => {
      for (const options of SETTINGS) {
        const { out, err } = await dump(fromHex(c.hex), options);
        assert.equal(out, c.out, `stdout, ${JSON.stringify(options)}`);
        assert.equal(err ?? '', c.err, `error, ${JSON.stringify(options)}`);
        assert.equal(err === undefined ? 0 : 1, c.code);
      }
    });
  }

  it('decodes arguments, exact values above 2^53, data and frames', async () => {
    const { events, reader } = await readAll([
      ...header(26),
      1, ...uv(1), ...uv(U64_MAX), ...uv(2 ** 40), ...uv(9, 10), // EventBatch, padded size
      5, 3, ...uv(4), ...bytesOf('main'), // String
      3, 1, 1, ...uv(2n ** 60n), 2, 3, 4, // Stack with one frame
      0x10, 0, 0, 0,
    ]);
    assert.equal(reader.version, 26);
    assert.equal(reader.truncated, false);
    assert.deepEqual(events.map((e) => [e.spec.name, e.offset]), [['EventBatch', 16], ['String', 44], ['Stack', 51], ['GoStart', 66]]);
    const [batch, str, stack] = events;
    assert.deepEqual(batch.args.slice(0, 1), [1]);
    assert.equal(batch.big?.[1], U64_MAX);
    assert.equal(batch.args[2], 2 ** 40);
    assert.equal(batch.args[3], 9);
    assert.deepEqual([...str.data!], bytesOf('main'));
    assert.equal(stack.args.length, 6);
    assert.equal(stack.big?.[2], 2n ** 60n);
    assert.equal(formatRawEvent(stack), 'Stack id=1 nframes=1\n\tpc=1152921504606846976 func=2 file=3 line=4');
    assert.equal(formatRawEvent(str), 'String id=3\n\tdata="main"');
    assert.equal(formatRawEvent(batch), 'EventBatch gen=1 m=18446744073709551615 time=1099511627776 size=9');
  });

  it('keeps data nil for a zero length, and for a length that wraps Go int negative', async () => {
    const { events } = await readAll([...header(26), 5, 1, 0, 5, 2, ...uv(2n ** 64n - 1n), 0x10, 1, 2, 3]);
    assert.equal(events[0].data, null);
    assert.equal(events[1].data, null);
    assert.equal(events[2].spec.name, 'GoStart');
  });

  it('ends quietly where Go gets io.EOF, and marks the stream as truncated', async () => {
    const cases: number[][] = [
      [...header(26), 0x10, 1], // before an argument
      [...header(26), 5, 1, 10, 0x61], // inside data
      [...header(26), 5, 1, ...uv(2 ** 50), 0x61], // a data length far beyond the file
      [...header(26), 3, 1, ...uv(2 ** 50), 1, 2, 3], // a frame count far beyond the file
    ];
    for (const bytes of cases) {
      for (const options of SETTINGS) {
        const { events, reader } = await readAll(bytes, options);
        assert.equal(events.length, 0);
        assert.equal(reader.truncated, true);
      }
    }
    const { reader } = await readAll(header(26));
    assert.equal(reader.truncated, false);
  });

  it('reports errors with their file offset', async () => {
    const r = await RawReader.open(memorySource(Uint8Array.from([...header(26), 0x10, 1, 2, 3, 200])));
    await r.next();
    await assert.rejects(r.next(), (e: unknown) => e instanceof WireError && e.message === 'invalid event type: 200' && e.offset === 20);
  });

  it('answers nextSync from the window and asks for next() when it needs input', async () => {
    // Longer than the header scan's first read (HEADER_SCAN_LIMIT), so later windows are needed.
    const bytes = Uint8Array.from([...header(26), ...Array.from({ length: 2000 }, () => [0x10, 1, 2, 3]).flat()]);
    const reader = await RawReader.open(memorySource(bytes), { chunkSize: 16 });
    let sync = 0;
    let async = 0;
    for (;;) {
      let ev = reader.nextSync();
      if (ev === undefined) {
        async++;
        ev = await reader.next();
      } else if (ev !== null) sync++;
      if (ev === null) break;
    }
    assert.equal(sync + async, 2000);
    assert.ok(sync > 0 && async > 0, `sync ${sync}, async ${async}`);
  });
});

describe('raw reader: windows', () => {
  /** A trace with long uvarints, multi-byte UTF-8 in long strings, and stacks. */
  function busyTrace(): { bytes: Uint8Array; insideVarint: Set<number>; insideData: Set<number> } {
    const out: number[] = [...header(26)];
    const insideVarint = new Set<number>();
    const insideData = new Set<number>();
    const varint = (v: number | bigint, width = 0) => {
      const b = uv(v, width);
      for (let k = 1; k < b.length; k++) insideVarint.add(out.length + k);
      out.push(...b);
    };
    for (let i = 0; i < 30; i++) {
      out.push(1);
      varint(i + 1);
      varint(U64_MAX);
      varint(1e12 + i);
      varint(50 + i, 10);
      out.push(0x10);
      varint(i * 1000);
      varint(2 ** 33 + i);
      varint(i);
      const data = bytesOf(`é€😀 runtime.main ${'x'.repeat(i * 7)} \u0378\u00a0`);
      out.push(5);
      varint(i);
      varint(data.length);
      for (let k = 1; k < data.length; k++) insideData.add(out.length + k);
      out.push(...data);
      out.push(3);
      varint(i);
      varint(i % 6);
      for (let f = 0; f < i % 6; f++) {
        varint(0x401000 + f * 0x10000);
        varint(f);
        varint(f + 1);
        varint(2 ** 20 + f);
      }
    }
    out.push(0x34);
    return { bytes: Uint8Array.from(out), insideVarint, insideData };
  }

  it('gives the same dump for every window size, with boundaries inside uvarints and inside data', async () => {
    const { bytes, insideVarint, insideData } = busyTrace();
    const whole = await dump(bytes);
    assert.equal(whole.err, undefined);
    assert.ok(whole.out.split('\n').length > 120);
    let splitVarint = 0;
    let splitData = 0;
    for (let chunkSize = 16; chunkSize <= 90; chunkSize++) {
      for (const maxInline of [64, 1 << 20]) {
        const reads: number[] = [];
        let out = '';
        const err = await dumpWire(recordingSource(bytes, reads), (t) => {
          out += t;
        }, { chunkSize, maxInline, batchBytes: 1024 });
        assert.equal(err, undefined, `chunk ${chunkSize}`);
        assert.equal(out, whole.out, `chunk ${chunkSize}, maxInline ${maxInline}`);
        splitVarint += reads.filter((o) => insideVarint.has(o)).length;
        splitData += reads.filter((o) => insideData.has(o)).length;
      }
    }
    assert.ok(splitVarint > 10, `reads starting inside a uvarint: ${splitVarint}`);
    assert.ok(splitData > 10, `reads starting inside string data: ${splitData}`);
  });

  it('defers bodies larger than maxInline and streams them back unchanged', async () => {
    const data = bytesOf('ü'.repeat(3000) + '\x00');
    const frames = Array.from({ length: 200 }, (_, f) => [...uv(0x400000 + f), ...uv(f), ...uv(f + 1), ...uv(f + 2)]).flat();
    const bytes = Uint8Array.from([...header(26), 5, 1, ...uv(data.length), ...data, 3, 2, ...uv(200), ...frames, 0x34]);
    const inline = await dump(bytes);
    const deferred = await dump(bytes, { chunkSize: 100, maxInline: 64 });
    assert.equal(deferred.out, inline.out);
    assert.ok(inline.out.startsWith('String id=1\n\tdata="' + 'ü'.repeat(3000) + '\\x00"\nStack id=2 nframes=200\n\tpc=4194304 func=0 file=1 line=2\n'));

    const reader = await RawReader.open(memorySource(bytes), { chunkSize: 100, maxInline: 64 });
    const str = await reader.next();
    assert.deepEqual(str?.deferred, { kind: 'data', offset: 20, count: data.length });
    const got: number[] = [];
    await reader.readDeferred(str!.deferred!, { onData: (b) => got.push(...b) });
    assert.deepEqual(got, data);
    const stack = await reader.next();
    assert.equal(stack?.deferred?.kind, 'frames');
    assert.equal(stack?.deferred?.count, 200);
    let values = 0;
    await reader.readDeferred(stack!.deferred!, { onFrames: (v) => (values += v.length) });
    assert.equal(values, 800);
    assert.equal((await reader.next())?.spec.name, 'EndOfGeneration');
    assert.equal(await reader.next(), null);
  });
});
