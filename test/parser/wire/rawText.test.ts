/**
 * The text trace reader (Go's raw TextReader semantics) and its encoding (Go's raw Writer).
 * Error messages below are Go 1.27's own for the same texts (checked in a differential run over
 * 160,000 mutated texts, which agreed on every byte and every message).
 */
import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { encodeUvarint } from '../../../src/parser/bytes/uvarint.js';
import { headerBytes } from '../../../src/parser/format/version.js';
import {
  MAX_LINE_BYTES,
  RawTextError,
  RawTextReader,
  encodeRawEvents,
  isGoSpace,
  rawTextToBinary,
  readRawText,
} from '../../../src/parser/wire/rawText.js';
import { listGoTestFiles, loadGoTestCase } from '../../support/goTestCase.js';
import { repoRoot } from '../../support/paths.js';

/** Header for a version followed by the given bytes (numbers, or [value] for a minimal uvarint). */
function trace(version: number, ...parts: (number | [number | bigint] | string)[]): number[] {
  const out = [...headerBytes(version)];
  for (const p of parts) {
    if (typeof p === 'number') out.push(p);
    else if (typeof p === 'string') out.push(...new TextEncoder().encode(p));
    else out.push(...encodeUvarint(p[0]));
  }
  return out;
}

const bin = (text: string | Uint8Array) => [...rawTextToBinary(text)];

describe('raw text reader', () => {
  it('converts batches, timed events and bare structural names', () => {
    const text = [
      'Trace Go1.22',
      'EventBatch gen=1 m=18446744073709551615 time=300 size=6',
      'Frequency freq=15625000',
      'EventBatch gen=1 m=7 time=1000 size=5',
      'GoStart dt=1 g=200 g_seq=1',
      'EventBatch gen=1 m=18446744073709551615 time=0 size=1',
      'Stacks',
      '',
    ].join('\n');
    assert.deepEqual(
      bin(text),
      trace(22, 1, [1], [2n ** 64n - 1n], [300], [6], 8, [15625000], 1, [1], [7], [1000], [5], 16, [1], [200], [1], 1, [1], [2n ** 64n - 1n], [0], [1], 2),
    );
  });

  it('reads Stack frames on the following lines, in pc func file line order', () => {
    const text = 'Trace Go1.23\nStack id=2 nframes=2\n\tpc=4198400 func=1 file=2 line=128\n  pc=5 func=3 file=2 line=9\n';
    assert.deepEqual(bin(text), trace(23, 3, [2], [2], [4198400], [1], [2], [128], [5], [3], [2], [9]));
    const { events } = readRawText(text);
    assert.deepEqual(events[0].args, [2n, 2n, 4198400n, 1n, 2n, 128n, 5n, 3n, 2n, 9n]);
  });

  it('reads data lines as Go-quoted strings, length-prefixed', () => {
    const text = 'Trace Go1.26\nString id=1\n\tdata="main\\x00\\u00e9"\nString id=2\n  data = `raw\\n`  \n';
    assert.deepEqual(bin(text), trace(26, 5, [1], [7], 'main', 0, 0xc3, 0xa9, 5, [2], [5], 'raw\\n'));
  });

  it('keeps bytes that are not UTF-8 in data (\\xff)', () => {
    assert.deepEqual(bin('Trace Go1.22\nString id=3\ndata="\\xff\\xfe"'), trace(22, 5, [3], [2], 0xff, 0xfe));
  });

  it('writes the ExperimentalBatch experiment as a uvarint and its data with a length', () => {
    const text = 'Trace Go1.23\nExperimentalBatch exp=1 gen=2 m=3 time=4\ndata="\\x01\\x02\\x03"\n';
    assert.deepEqual(bin(text), trace(23, 0x31, [1], [2], [3], [4], [3], 1, 2, 3));
    // Go's raw Writer encodes exp as a uvarint: 200 takes two bytes (the runtime writes one raw byte).
    assert.deepEqual(bin('Trace Go1.23\nExperimentalBatch exp=200 gen=1 m=1 time=1\ndata=""'), trace(23, 0x31, [200], [1], [1], [1], [0]));
  });

  it('accepts EndOfGeneration and experimental events only where the version defines them', () => {
    assert.deepEqual(bin('Trace Go1.26\nEndOfGeneration\nSpan dt=1 id=2 npages_value=3 kindclass=4\n'), trace(26, 52, 128, [1], [2], [3], [4]));
    assert.throws(() => bin('Trace Go1.25\nEndOfGeneration\n'), /unidentified event: EndOfGeneration/);
    assert.throws(() => bin('Trace Go1.25\nSpan dt=1 id=2 npages_value=3 kindclass=4\n'), /unidentified event: Span/);
    assert.deepEqual(bin('Trace Go1.25\nClockSnapshot dt=1 mono=2 sec=3 nsec=4'), trace(25, 51, [1], [2], [3], [4]));
    assert.throws(() => bin('Trace Go1.23\nSync\n'), /unidentified event: Sync/);
    assert.deepEqual(bin('Trace Go1.23\nGoStatusStack dt=1 g=1 m=2 gstatus=3 stack=4'), trace(23, 48, [1], [1], [2], [3], [4]));
  });

  it('skips blank and comment lines, takes any Unicode space and CRLF line ends', () => {
    const text = '# leading comment\r\n\r\n\u3000Trace\u00a0Go1.22\t\r\n   # indented comment\n#\nGoStart\u2003dt=1  g=5\u0085g_seq=6\r\n\n';
    assert.deepEqual(bin(text), trace(22, 16, [1], [5], [6]));
  });

  it('writes non-minimal-looking values minimally (leading zeros, uint64 max)', () => {
    assert.deepEqual(bin('Trace Go1.22\nHeapAlloc dt=0001 heapalloc_value=18446744073709551615'), trace(22, 37, [1], [2n ** 64n - 1n]));
  });

  it('writes sizes as given, without checking them', () => {
    assert.deepEqual(bin('Trace Go1.22\nEventBatch gen=0 m=0 time=0 size=99999\n'), trace(22, 1, [0], [0], [0], [99999]));
  });

  it('reads a v1 header (valid in Go) as a header with no events', () => {
    assert.deepEqual(bin('Trace Go1.11\n'), [...headerBytes(11)]);
    assert.throws(() => bin('Trace Go1.21\nEventBatch gen=1 m=0 time=0 size=0'), /line 2: unidentified event: EventBatch/);
  });

  it('stores the version in 32 bits, as Go does', () => {
    assert.deepEqual(bin(`Trace Go1.${2 ** 32 + 22}`), [...headerBytes(22)]);
  });

  it('reads no frame lines for a frame count of 2^63 or more (Go converts it to a negative int)', () => {
    assert.deepEqual(bin('Trace Go1.22\nStack id=1 nframes=9223372036854775808\n'), trace(22, 3, [1], [2n ** 63n]));
  });

  it('rejects a line of 64 KiB or more, as bufio.Scanner does', () => {
    const data = (n: number) => 'Trace Go1.22\nString id=1\ndata="' + 'a'.repeat(n) + '"\n';
    const longest = MAX_LINE_BYTES - 1 - 'data=""'.length;
    assert.equal(rawTextToBinary(data(longest)).length, 16 + 1 + 1 + 3 + longest);
    assert.throws(
      () => rawTextToBinary(data(longest + 1)),
      (e: unknown) => e instanceof RawTextError && e.line === 3 && e.goMessage === 'bufio.Scanner: token too long',
    );
  });

  it('reports the line of each event and the version', () => {
    const reader = new RawTextReader('\nTrace Go1.25\n\nSync\n# c\nFrequency freq=7\nString id=1\n\n data="x"\n');
    assert.equal(reader.version, 25);
    const lines: [string, number][] = [];
    for (let ev = reader.next(); ev; ev = reader.next()) lines.push([ev.name, ev.line]);
    assert.deepEqual(lines, [['Sync', 4], ['Frequency', 6], ['String', 7]]);
  });

  it('encodeRawEvents returns the offset of each event', () => {
    const { events } = readRawText('Trace Go1.22\nEventBatch gen=1 m=0 time=0 size=4\nGoStart dt=1 g=1 g_seq=1\nGoStop dt=1 reason_string=0 stack=0');
    const { bytes, offsets } = encodeRawEvents(22, events);
    assert.deepEqual(offsets, [16, 21, 25]);
    assert.equal(bytes.length, 29);
  });

  it("isGoSpace matches Go's unicode.IsSpace", () => {
    const spaces = [9, 10, 11, 12, 13, 32, 0x85, 0xa0, 0x1680, 0x2000, 0x200a, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000];
    for (const c of spaces) assert.equal(isGoSpace(c), true, c.toString(16));
    for (const c of [0, 8, 14, 31, 33, 0x84, 0x180e, 0x200b, 0xfeff, 0xfffd]) assert.equal(isGoSpace(c), false, c.toString(16));
  });
});

describe('raw text reader errors (Go 1.27 wording)', () => {
  /** [text, line reported, Go's error text]. */
  const CASES: [string, number, string][] = [
  ["", 0, "EOF"],
  ["\n  \n# only a comment\n", 0, "EOF"],
  ["Trace\n", 1, "failed to parse header Go version"],
  ["Trace Go1.x\n", 1, "failed to parse header Go version: strconv.ParseUint: parsing \"x\": invalid syntax"],
  ["Trace Go1.\n", 1, "failed to parse header Go version: strconv.ParseUint: parsing \"\": invalid syntax"],
  ["Trace Go1.99999999999999999999\n", 1, "failed to parse header Go version: strconv.ParseUint: parsing \"99999999999999999999\": value out of range"],
  ["Trace Go1.24\n", 1, "unknown or unsupported Go version 1.24"],
  ["Trace Go1.27\n", 1, "unknown or unsupported Go version 1.27"],
  ["Trace go1.22\n", 1, "failed to parse header Go version"],
  ["trace Go1.22\n", 1, "failed to parse header"],
  ["Trace Go1.22 extra\n", 1, "encountered unexpected non-space at the end of the header: \" extra\""],
  ["Trace Go1.22 # comment\n", 1, "encountered unexpected non-space at the end of the header: \" # comment\""],
  ["Trace Go1.22\nGoStart dt=1 p=1 g_seq=1\n", 2, "reading args for GoStart: expected argument \"g\", but got \"p\""],
  ["Trace Go1.22\nGoStart dt=1 g=1\n", 2, "reading args for GoStart: no argument"],
  ["Trace Go1.22\nGoStart dt=1 g=1 g_seq=1 extra=2\n", 2, "reading args for GoStart: encountered unexpected non-space at the end of an event: \" extra=2\""],
  ["Trace Go1.22\nGoStart dt=1 g=1 g_seq=1 # trailing comment\n", 2, "reading args for GoStart: encountered unexpected non-space at the end of an event: \" # trailing comment\""],
  ["Trace Go1.22\nGoStart dt=1 g g_seq=1\n", 2, "reading args for GoStart: malformed argument: \"g\""],
  ["Trace Go1.22\nGoStart dt=1 g=-1 g_seq=1\n", 2, "reading args for GoStart: failed to parse argument value \"-1\" for arg \"g\""],
  ["Trace Go1.22\nGoStart dt=1 g=18446744073709551616 g_seq=1\n", 2, "reading args for GoStart: failed to parse argument value \"18446744073709551616\" for arg \"g\""],
  ["Trace Go1.22\nGoStart dt=1 g= g_seq=1\n", 2, "reading args for GoStart: failed to parse argument value \"\" for arg \"g\""],
  ["Trace Go1.22\nGoStart dt=1 g=0x10 g_seq=1\n", 2, "reading args for GoStart: failed to parse argument value \"0x10\" for arg \"g\""],
  ["Trace Go1.22\nGoSwitch dt=1 g=1 g_seq=1\n", 2, "unidentified event: GoSwitch"],
  ["Trace Go1.25\nEndOfGeneration\n", 2, "unidentified event: EndOfGeneration"],
  ["Trace Go1.22\nNone\n", 2, "unidentified event: None"],
  ["Trace Go1.22\nStack id=1 nframes=2\npc=1 func=2 file=3 line=4\n", 2, "unexpected EOF while reading stack: args=[1 2 1 2 3 4]"],
  ["Trace Go1.22\nStack id=1 nframes=1\npc=1 file=2 func=3 line=4\n", 3, "expected argument \"func\", but got \"file\""],
  ["Trace Go1.22\nString id=1\n", 2, "unexpected EOF while reading data for String: args=[1]"],
  ["Trace Go1.22\nString id=1\nGoStart dt=1 g=1 g_seq=1\n", 3, "malformed data: \"GoStart dt=1 g=1 g_seq=1\""],
  ["Trace Go1.22\nString id=1\ndata=\"abc\n", 3, "failed to parse data: \"data=\\\"abc\": invalid syntax"],
  ["Trace Go1.22\nString id=1\ndata=\"a\" # c\n", 3, "failed to parse data: \"data=\\\"a\\\" # c\": invalid syntax"],
  ["Trace Go1.22\nString id=1\ndata=\"\\q\"\n", 3, "failed to parse data: \"data=\\\"\\\\q\\\"\": invalid syntax"],
  ["Trace Go1.23\nExperimentalBatch exp=1 gen=1 m=1 time=1\n", 2, "unexpected EOF while reading data for ExperimentalBatch: args=[1 1 1 1]"],
  ["Trace Go1.22\nStrings extra\n", 2, "reading args for Strings: encountered unexpected non-space at the end of an event: \" extra\""],
  ["Trace Go1.22\nEventBatch gen=1 m=0 time=0 size=5\nGoStart dt=1 g=1 g_seq=1\n\n\nGoStop dt=1 reason_string=1\n", 6, "reading args for GoStop: no argument"],
  ];
  for (const [text, line, message] of CASES) {
    it(`${JSON.stringify(text).slice(0, 70)}: ${message}`, () => {
      assert.throws(
        () => rawTextToBinary(text),
        (e: unknown) => {
          assert.ok(e instanceof RawTextError, String(e));
          assert.equal(e.goMessage, message);
          assert.equal(e.line, line);
          assert.ok(e.message.startsWith(line > 0 ? `line ${line}: ${message}` : message), e.message);
          return true;
        },
      );
    });
  }
});

describe("Go's parser test files as text", () => {
  const files = listGoTestFiles();
  if (files.length === 0) {
    it.skip('../shared/go-testdata/tests is absent');
    return;
  }
  const digests = JSON.parse(fs.readFileSync(path.join(repoRoot, 'test/parser/text/goTestdataDigests.json'), 'utf8')) as {
    files: Record<string, { length: number; sha256: string }>;
  };

  it('has a digest of Go\'s bytes for every test file', () => {
    assert.deepEqual(files.map((f) => path.basename(f)).sort(), Object.keys(digests.files).sort());
  });

  for (const file of files) {
    const name = path.basename(file);
    it(`${name} converts to the same bytes as Go's raw TextReader and Writer`, () => {
      const tc = loadGoTestCase(file);
      const expected = digests.files[name];
      assert.ok(expected, `no digest for ${name}`);
      assert.equal(tc.bytes.length, expected.length);
      assert.equal(createHash('sha256').update(tc.bytes).digest('hex'), expected.sha256);
    });
  }
});
