/**
 * openTrace: the header read once, looked up in the one versions table, and each family's entry
 * points, on every header version, real traces of each version, and files that are not traces.
 */
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { memorySource, type ByteSource } from '../../src/parser/bytes/byteSource.js';
import { checkTrace } from '../../src/parser/check.js';
import { FORMAT_VERSIONS, formatVersion, HEADER_SCAN_LIMIT, headerBytes } from '../../src/parser/format/version.js';
import { openTrace, type TraceFormat } from '../../src/parser/openTrace.js';
import type { EventStream } from '../../src/parser/stream/openEventStream.js';
import { OrderedReader } from '../../src/parser/order/orderedReader.js';
import { V1OrderedReader } from '../../src/parser/v1/v1OrderedReader.js';
import { MAX_V1_BYTES } from '../../src/parser/v1/v1Trace.js';
import { fixturesDir, sharedTracev1Dir } from '../support/paths.js';

const enc = (s: string) => new TextEncoder().encode(s);
const NOT_A_TRACE = 'bad file format: not a Go execution trace?';

/** A source that counts the reads starting at byte 0 (the header's). */
function countingSource(inner: ByteSource): ByteSource & { headerReads: number } {
  const s = {
    size: inner.size,
    headerReads: 0,
    read(offset: number, length: number) {
      if (offset === 0) s.headerReads++;
      return inner.read(offset, length);
    },
  };
  return s;
}

async function drain(stream: EventStream): Promise<number> {
  let n = 0;
  for (;;) {
    if (stream.next()) n++;
    else if (stream.needsGeneration) await stream.loadGeneration();
    else return n;
  }
}

async function wireText(trace: TraceFormat): Promise<{ text: string; error: string | undefined }> {
  let text = '';
  const error = await trace.dumpWire((t) => void (text += t));
  return { text, error };
}

/** A real trace of each format version (Go 1.27 still writes 26); 11 only beside the repository. */
const REAL: Record<number, string> = {
  11: path.join(sharedTracev1Dir, 'stress_1_11_good'),
  19: path.join(fixturesDir, 'go1.19-annot.trace'),
  21: path.join(fixturesDir, 'go1.21-annot.trace'),
  22: path.join(fixturesDir, 'go1.22-annot.trace'),
  23: path.join(fixturesDir, 'go1.23-annot.trace'),
  25: path.join(fixturesDir, 'go1.25-annot.trace'),
  26: path.join(fixturesDir, 'go1.27-annot.trace'),
};

describe('the versions table', () => {
  it('holds every version Go has written, once, with its family and features', () => {
    assert.deepEqual(FORMAT_VERSIONS.map((f) => f.version), [11, 19, 21, 22, 23, 25, 26]);
    assert.deepEqual(FORMAT_VERSIONS.filter((f) => f.family === 'v1').map((f) => f.version), [11, 19, 21]);
    assert.deepEqual(FORMAT_VERSIONS.filter((f) => f.endOfGeneration).map((f) => f.version), [26]);
    assert.deepEqual(FORMAT_VERSIONS.filter((f) => f.syncBatch).map((f) => f.version), [25, 26]);
    assert.equal(formatVersion(23)?.goReleases, 'Go 1.23 or 1.24');
    assert.equal(formatVersion(23)?.lastGo, 24);
    assert.equal(formatVersion(26)?.lastGo, undefined, 'still written');
    assert.equal(formatVersion(24), undefined, 'Go 1.24 writes 23');
  });
});

describe('openTrace', () => {
  for (const f of FORMAT_VERSIONS) {
    it(`go 1.${f.version} trace: a ${f.family} trace, the header read once`, async () => {
      const bytes = new Uint8Array(64);
      bytes.set(headerBytes(f.version));
      const source = countingSource(memorySource(bytes));
      const trace = await openTrace(source);
      assert.equal(trace.kind, f.family);
      assert.equal(trace.version, f.version);
      assert.equal(trace.headerSize, 16);
      assert.equal(trace.goReleases, f.goReleases);
      assert.equal(trace.format, f);
      assert.equal(trace.problem, undefined);
      assert.deepEqual(trace.header, { version: f.version, goReleases: f.goReleases, v1: f.family === 'v1', headerSize: 16, fileSize: 64 });
      assert.equal(source.headerReads, 1);

      const stream = await trace.openEventStream();
      assert.ok(f.family === 'v1' ? stream instanceof V1OrderedReader : stream instanceof OrderedReader);
      const reader = await trace.openTraceReader();
      assert.deepEqual(reader.header, trace.header);
      // A v1 trace gets a generation reader with nothing to read and the info saying so.
      assert.deepEqual(reader.problems.items.map((p) => p.code), f.family === 'v1' ? ['v1-not-decoded'] : []);
      assert.equal(source.headerReads, 1, 'opening the stream and the reader does not read the header again');
    });
  }

  for (const [version, file] of Object.entries(REAL)) {
    it(`a real go 1.${version} trace: the handle's check, stream and dump are the readers' own, the header read once`, async function () {
      if (!existsSync(file)) this.skip();
      const bytes = readFileSync(file);
      const source = countingSource(memorySource(bytes));
      const trace = await openTrace(source);
      const family = Number(version) < 22 ? 'v1' : 'v2';
      assert.equal(trace.kind, family);
      assert.equal(trace.version, Number(version));

      const checked = await trace.check();
      assert.deepEqual(checked, await checkTrace(memorySource(bytes)));
      assert.ok(checked.events > 0);
      const events = await drain(await trace.openEventStream({ reuseEvents: true }));
      const other = family === 'v1' ? await V1OrderedReader.open(memorySource(bytes)) : await OrderedReader.open(memorySource(bytes));
      assert.equal(events, await drain(other));
      // v2: every other read starts after the header; v1: the check and the stream read the file
      // whole from byte 0 (once each), never for its header alone.
      assert.equal(source.headerReads, family === 'v1' ? 1 + 2 : 1);
      const dump = await wireText(trace);
      assert.equal(dump.error, undefined);
      assert.ok(dump.text.length > 0);
      // The dump reads the file again from byte 0: whole (v1), or as Go's raw reader, its header first (v2).
      assert.equal(source.headerReads, family === 'v1' ? 1 + 3 : 2);
    });
  }

  it('a file that is not a trace: its problem, and entry points that report it', async () => {
    const trace = await openTrace(memorySource(enc('\x89PNG\r\n\x1a\n and more bytes of an image')));
    assert.equal(trace.kind, 'not-a-trace');
    assert.equal(trace.version, 0);
    assert.equal(trace.headerSize, 0);
    assert.equal(trace.format, undefined);
    assert.equal(trace.goReleases, undefined);
    assert.equal(trace.header, undefined);
    assert.deepEqual(trace.problem, { code: 'not-a-trace', severity: 'error', message: NOT_A_TRACE, offset: 0 });

    const checked = await trace.check();
    assert.equal(checked.header, undefined);
    assert.deepEqual(checked.problems.map((p) => [p.code, p.message]), [['not-a-trace', NOT_A_TRACE]]);
    const reader = await trace.openTraceReader();
    assert.equal(await reader.nextGeneration(), undefined);
    assert.deepEqual(reader.problems.items.map((p) => p.code), ['not-a-trace']);
    const stream = await trace.openEventStream();
    assert.equal(await drain(stream), 0);
    assert.deepEqual(stream.problems.map((p) => p.code), ['not-a-trace']);
    assert.deepEqual(await wireText(trace), { text: '', error: NOT_A_TRACE });
    // The handle's problem is not shared with the readers' lists.
    assert.notEqual(checked.problems[0], trace.problem);
  });

  it('an unsupported version: the version, and Go\'s text', async () => {
    for (const v of [10, 24, 27, 99]) {
      const trace = await openTrace(memorySource(new Uint8Array([...headerBytes(v), 1, 2, 3])));
      const message = `unknown or unsupported trace version go 1.${v}`;
      assert.equal(trace.kind, 'unsupported');
      assert.equal(trace.version, v);
      assert.equal(trace.headerSize, 0);
      assert.equal(trace.header, undefined);
      assert.deepEqual(trace.problem, { code: 'unsupported-version', severity: 'error', message, offset: 0 });
      assert.deepEqual((await trace.check()).problems.map((p) => p.message), [message]);
      assert.deepEqual(await wireText(trace), { text: '', error: message });
    }
  });

  it('a truncated header is not a trace (Go\'s text)', async () => {
    const full = headerBytes(26);
    for (let n = 1; n < full.length; n++) {
      const trace = await openTrace(memorySource(full.subarray(0, n)));
      assert.equal(trace.kind, 'not-a-trace', `${n} bytes`);
      assert.equal(trace.problem?.message, NOT_A_TRACE);
    }
  });

  it('an empty file is not a trace', async () => {
    const trace = await openTrace(memorySource(new Uint8Array(0)));
    assert.equal(trace.kind, 'not-a-trace');
    assert.equal(trace.problem?.code, 'not-a-trace');
    assert.deepEqual(await wireText(trace), { text: '', error: NOT_A_TRACE });
    assert.deepEqual((await trace.check()).problems.map((p) => p.code), ['not-a-trace']);
  });

  it('a header-only trace of each family reads as an empty trace', async () => {
    const v2 = await openTrace(memorySource(headerBytes(26)));
    assert.equal(v2.kind, 'v2');
    assert.deepEqual(await wireText(v2), { text: '', error: undefined });
    const v1 = await openTrace(memorySource(headerBytes(21)));
    assert.equal(v1.kind, 'v1');
    assert.deepEqual(await wireText(v1), { text: '', error: undefined });
  });

  it('a header longer than the scan limit is not read further', async () => {
    const spaces = ' '.repeat(HEADER_SCAN_LIMIT);
    const trace = await openTrace(memorySource(enc(`go${spaces}1.26 trace\0\0\0`)));
    assert.equal(trace.kind, 'not-a-trace');
    const spaced = await openTrace(memorySource(enc('go  1.26 trace\0\0\0')));
    assert.equal(spaced.kind, 'v2');
    assert.equal(spaced.headerSize, 17, 'Go accepts any run of spaces');
  });

  it('a v1 trace over the read-whole limit: one text from the stream, the check and the dump', async () => {
    const size = MAX_V1_BYTES + 1;
    const head = headerBytes(21);
    const huge: ByteSource = {
      size,
      read: (offset, length) => {
        if (offset > 0) throw new Error('read past the header');
        return Promise.resolve(head.subarray(0, Math.min(length, head.length)));
      },
    };
    const trace = await openTrace(huge);
    assert.equal(trace.kind, 'v1');
    const message = `v1 traces are read whole, and this one (${size} bytes) is larger than the limit of ${MAX_V1_BYTES} bytes`;
    const stream = await trace.openEventStream();
    await stream.loadGeneration();
    assert.deepEqual(stream.failure, { code: 'trace-too-large', severity: 'error', message, offset: 0 });
    assert.deepEqual((await trace.check()).problems.map((p) => p.message), [message]);
    assert.deepEqual(await wireText(trace), { text: '', error: message });
  });
});
