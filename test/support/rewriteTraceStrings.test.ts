import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { encodeUvarint } from '../../src/parser/bytes/uvarint.js';
import { BatchKind, checkTrace, hasErrors, memorySource, TraceReader } from '../../src/parser/index.js';
import { headerBytes } from '../../src/parser/format/version.js';
import { filesOnly, firstOf, replacePrefix, rewriteTraceStrings, rewriteTraceStringsDetailed } from './rewriteTraceStrings.js';

/** Repository root (this file compiles to out/test/support/). */
const REPO_ROOT = path.resolve(__dirname, '../../..');
const APP_TRACE = path.join(REPO_ROOT, 'test/e2e/workspace/traces/app.trace');

interface Read {
  strings: Map<number, string>[];
  frames: { func: string; file: string; line: number }[];
  /** Every batch that is not a Strings batch, as bytes. */
  otherBatches: string[];
  errors: string[];
  events: number;
}

async function read(bytes: Uint8Array): Promise<Read> {
  const reader = await TraceReader.open(memorySource(bytes));
  const out: Read = { strings: [], frames: [], otherBatches: [], errors: [], events: 0 };
  for (let g; (g = await reader.nextGeneration());) {
    const strings = new Map<number, string>();
    for (const b of g.batches) {
      const raw = Buffer.from(bytes.subarray(b.offset, b.payloadOffset + b.size)).toString('hex');
      if (b.kind !== BatchKind.Strings) out.otherBatches.push(raw);
    }
    for (const f of g.tables.frames.values()) {
      out.frames.push({ func: g.tables.strings.get(f.funcId) ?? '?', file: g.tables.strings.get(f.fileId) ?? '?', line: f.line });
    }
    for (let id = 0; id < 100000 && strings.size < g.tables.strings.size; id++) {
      const s = g.tables.strings.get(id);
      if (s !== undefined) strings.set(id, s);
    }
    out.strings.push(strings);
  }
  const check = await checkTrace(memorySource(bytes));
  out.events = check.events;
  out.errors = check.problems.filter((p) => p.severity === 'error').map((p) => p.message);
  assert.equal(hasErrors(check.problems), out.errors.length > 0);
  return out;
}

/** A minimal go 1.26 trace: one Strings batch with the given raw strings, then EndOfGeneration. */
function tinyTrace(strings: Uint8Array[], tail: number[] = []): Uint8Array {
  const payload: number[] = [4 /* Strings */];
  strings.forEach((s, i) => payload.push(5 /* String */, ...encodeUvarint(i + 1), ...encodeUvarint(s.length), ...s));
  const batch = [1, ...encodeUvarint(1), ...encodeUvarint(7), ...encodeUvarint(1000), ...encodeUvarint(payload.length, 10), ...payload];
  return Uint8Array.from([...headerBytes(26), ...batch, 52, ...tail]);
}

describe('rewriteTraceStrings', () => {
  const original = new Uint8Array(fs.readFileSync(APP_TRACE));

  it('gives back the same bytes when no string changes', () => {
    const r = rewriteTraceStringsDetailed(original, (s) => s);
    assert.ok(r.stringBatches >= 1);
    assert.ok(r.strings > 20);
    assert.equal(r.changed, 0);
    assert.ok(Buffer.from(r.bytes).equals(Buffer.from(original)));
  });

  it('rewrites file paths, changes nothing else, and the result parses without errors', async () => {
    const before = await read(original);
    assert.deepEqual(before.errors, []);
    const rewritten = rewriteTraceStrings(original, filesOnly(replacePrefix('example.com/e2eapp/', '/home/someone/a much/longer/path/e2eapp/')));
    const after = await read(rewritten);
    assert.deepEqual(after.errors, []);
    assert.equal(after.events, before.events);
    assert.deepEqual(after.otherBatches, before.otherBatches);
    const moved = after.frames.filter((f) => f.file.startsWith('/home/someone/a much/longer/path/e2eapp/'));
    assert.ok(moved.some((f) => f.func === 'example.com/e2eapp/worker/text.Annotate' && f.file.endsWith('/e2eapp/worker/text/annotate.go') && f.line === 22),
      JSON.stringify(after.frames));
    // Function names also start with the module path: filesOnly leaves them alone.
    assert.deepEqual(after.frames.map((f) => [f.func, f.line]), before.frames.map((f) => [f.func, f.line]));
    assert.equal(moved.length, before.frames.filter((f) => f.file.startsWith('example.com/e2eapp/')).length);
  });

  it('can shorten strings', async () => {
    const rewritten = rewriteTraceStrings(original, (s) => (s.endsWith('.go') ? path.posix.basename(s) : s));
    assert.ok(rewritten.length < original.length);
    const after = await read(rewritten);
    assert.deepEqual(after.errors, []);
    assert.ok(after.frames.every((f) => !f.file.includes('/')));
  });

  it('passes string IDs and combines rewrites', () => {
    const seen = new Set<number>();
    rewriteTraceStrings(original, (s, id) => {
      seen.add(id);
      return s;
    });
    assert.ok(seen.size > 20);
    const r = firstOf(replacePrefix('a', 'A'), replacePrefix('ab', 'XX'), replacePrefix('b', 'B'));
    assert.deepEqual(['abc', 'bcd', 'cde'].map((s) => r(s, 0)), ['Abc', 'Bcd', 'cde']);
  });

  it('splits a Strings batch that grows past the batch size limit', async () => {
    const long = (s: string) => (s.length > 0 ? s + '/' + 'x'.repeat(1000 - s.length) : s);
    const r = rewriteTraceStringsDetailed(original, long);
    const before = await read(original);
    const after = await read(r.bytes);
    assert.deepEqual(after.errors, []);
    const countStrings = (x: Read) => x.strings.reduce((n, m) => n + m.size, 0);
    assert.equal(countStrings(after), countStrings(before));
    assert.ok(r.bytes.length - original.length > 64 << 10);
    for (const [id, s] of before.strings[0]) assert.equal(after.strings[0].get(id), long(s));
  });

  it('refuses strings longer than the format allows', () => {
    assert.throws(() => rewriteTraceStrings(original, (s) => s + 'y'.repeat(1024)), /allows 1024/);
  });

  it('keeps the bytes of unchanged strings that are not UTF-8, pads the size field to 10 bytes', () => {
    const bad = Uint8Array.from([0xff, 0xfe, 0x41]);
    const trace = tinyTrace([bad, new TextEncoder().encode('a/b.go')]);
    const out = rewriteTraceStrings(trace, replacePrefix('a/', 'zz/'));
    const expected = tinyTrace([bad, new TextEncoder().encode('zz/b.go')]);
    assert.deepEqual([...out], [...expected]);
  });

  it('copies a tail it cannot frame as it is', () => {
    const tail = [1, 1, 7, 100, 0x85, 0x80]; // a batch header cut inside its size
    const trace = tinyTrace([new TextEncoder().encode('a/b.go')], tail);
    const out = rewriteTraceStrings(trace, replacePrefix('a/', 'b/'));
    assert.deepEqual([...out.subarray(out.length - tail.length)], tail);
    assert.equal(out.length, trace.length);
  });

  it('rejects a file that is not a v2 trace', () => {
    assert.throws(() => rewriteTraceStrings(new TextEncoder().encode('not a trace at all'), (s) => s), /rewriteTraceStrings/);
    assert.throws(() => rewriteTraceStrings(headerBytes(21), (s) => s), /no v2 string batches/);
  });

  // Go's own parser as a second opinion, when GO_TRACE_ORACLE names a go binary (1.26 or later).
  const oracle = process.env.GO_TRACE_ORACLE;
  (oracle ? it : it.skip)('is accepted by go tool trace -d=parsed (GO_TRACE_ORACLE)', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rewrite-'));
    try {
      const variants: Record<string, Uint8Array> = {
        longer: rewriteTraceStrings(original, filesOnly(replacePrefix('example.com/e2eapp/', '/home/someone/build/e2eapp/'))),
        windows: rewriteTraceStrings(original, filesOnly(firstOf(
          replacePrefix('example.com/e2eapp/', 'C:\\Users\\ci\\e2eapp\\'),
          (s) => (/^[a-z]+\//.test(s) ? 'C:\\Program Files\\Go\\src\\' + s : s)))),
        split: rewriteTraceStrings(original, (s) => (s.length > 0 ? s + '/' + 'x'.repeat(1000 - s.length) : s)),
      };
      for (const [name, bytes] of Object.entries(variants)) {
        const file = path.join(dir, `${name}.trace`);
        fs.writeFileSync(file, bytes);
        const parsed = execFileSync(oracle!, ['tool', 'trace', '-d=parsed', file], { encoding: 'utf8', maxBuffer: 64 << 20 });
        assert.ok(parsed.includes('worker/text.Annotate'), name);
        if (name === 'longer') assert.ok(parsed.includes('/home/someone/build/e2eapp/worker/text/annotate.go:22'));
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
