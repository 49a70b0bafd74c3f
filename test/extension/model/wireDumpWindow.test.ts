import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { memorySource, openTrace, type ByteSource } from '../../../src/parser/index.js';
import { buildWireWindow, type WireFormat, type WireWindow } from '../../../src/extension/model/wireDumpWindow.js';
import { v1WireLineCount } from '../../../src/extension/model/wireDumpText.js';
import { newRawEvent, V1Scanner } from '../../../src/parser/v1/v1Scanner.js';
import { formatV1RawEvent } from '../../../src/parser/v1/v1WireDump.js';
import { fixture } from './modelTestSupport.js';

async function formatOf(source: ByteSource): Promise<WireFormat> {
  const t = await openTrace(source);
  return { kind: t.kind, version: t.version, headerSize: t.headerSize };
}

async function windowOf(bytes: Uint8Array, start: number, maxLines?: number, withText = true): Promise<WireWindow> {
  const source = memorySource(bytes);
  return buildWireWindow(source, await formatOf(source), { fileName: 'x.trace', start, withText, ...(maxLines !== undefined ? { maxLines } : {}) });
}

/** The event lines of a window (without line 0 and a cut line). */
function eventLines(w: WireWindow): string[] {
  const lines = w.text.split('\n').slice(1, -1);
  return w.cutAt !== undefined ? lines.slice(0, -1) : lines;
}

describe('wire dump window', () => {
  const bytes = new Uint8Array(readFileSync(fixture('go1.26-manyg.trace')));
  const golden = readFileSync(fixture('go1.26-manyg.wire.txt'), 'utf8');
  const goldenLines = golden.split('\n').slice(0, -1);

  it("holding the whole dump, is Go's wire dump after one header line", async () => {
    const w = await windowOf(bytes, 0);
    assert.match(w.text, /^# go-trace wire x\.trace \(9999 bytes\): every raw event as 'go tool trace -d=wire' prints it\n/);
    assert.equal(w.text.slice(w.text.indexOf('\n') + 1), golden);
    assert.equal(w.atStart, true);
    assert.equal(w.cutAt, undefined);
    assert.equal(w.lineCount, goldenLines.length + 1);
  });

  it("maps byte offsets to the line of their raw event, with or without the text", async () => {
    const withText = await windowOf(bytes, 0);
    const countOnly = await windowOf(bytes, 0, undefined, false);
    const lines = withText.text.split('\n');
    assert.equal(withText.map.lineOf(0), 0);
    assert.match(lines[withText.map.lineOf(16)], /^EventBatch gen=1 /);
    for (const offset of [16, 100, 5000, 9000, bytes.length - 1]) {
      assert.equal(countOnly.map.lineOf(offset), withText.map.lineOf(offset));
      assert.match(lines[withText.map.lineOf(offset)], /^[A-Z]/, `offset ${offset} lands on an event line`);
    }
  });

  it('cut into windows, each starting where the one before was cut: together the whole of Go\'s dump', async () => {
    const all: string[] = [];
    let start = 0;
    let windows = 0;
    for (;;) {
      const w = await windowOf(bytes, start, 100);
      windows++;
      assert.equal(w.atStart, windows === 1);
      const lines = w.text.split('\n');
      assert.match(lines[0], /one window of the dump: the raw events from byte \d+ to byte \d+/);
      if (windows > 1) assert.match(lines[0], /earlier events are in the window before/);
      all.push(...eventLines(w));
      if (w.cutAt === undefined) {
        assert.match(lines[0], /the dump ends here/);
        break;
      }
      // the last line says where the dump was cut, and what follows
      assert.equal(lines[lines.length - 2], `# CUT here, at byte ${w.cutAt}: the dump goes on from this byte in the next window ("Show later events" above this line)`);
      assert.match(lines[0], new RegExp(`to byte ${w.cutAt} .*later ones in the window after`));
      assert.ok(w.lineCount <= 100 + 20, 'a window holds about maxLines lines');
      assert.ok(w.cutAt > start);
      start = w.cutAt;
    }
    assert.ok(windows > 10);
    assert.deepEqual(all, goldenLines);
  });

  it("says from which generation a window's bytes are", async () => {
    const source = memorySource(bytes);
    const gens = { generationAt: (o: number) => (o >= 5000 ? 2 : 1) };
    const one = await buildWireWindow(source, await formatOf(source), { fileName: 'x', start: 6000, withText: true, maxLines: 50, ...gens });
    assert.match(one.text.split('\n')[0], /to byte \d+ \(generation 2\) as/);
    const two = await buildWireWindow(source, await formatOf(source), { fileName: 'x', start: 0, withText: true, maxLines: 1000, ...gens });
    assert.match(two.text.split('\n')[0], /to byte \d+ \(generations 1 to 2\) as/);
  });

  it("ends with the raw reader's error, at its line, and says so on line 0", async () => {
    const w = await windowOf(new TextEncoder().encode('not a trace at all'), 0);
    assert.ok(w.error);
    const lines = w.text.split('\n');
    assert.match(lines[0], /the raw reader stopped: bad file format: not a Go execution trace\? \(at byte 0\)/);
    assert.equal(lines[w.map.lineOf(0)], '# error: bad file format: not a Go execution trace? (at byte 0)');
  });

  it("dumps a v1 trace's raw events as go-trace wire does, each offset on its event's line", async () => {
    const v1 = new Uint8Array(readFileSync(fixture('go1.21-annot.trace')));
    const w = await windowOf(v1, 0);
    const countOnly = await windowOf(v1, 0, undefined, false);
    const lines = w.text.split('\n');
    assert.match(lines[0], /^# go-trace wire x\.trace \(4971 bytes\): a go 1\.21 \(v1\) trace/);
    assert.equal(lines[1], 'Batch p=0 ticks=92427040218');
    assert.equal(lines[2], 'GoCreate dt=6 g=1 stack=2 stk=1');
    assert.equal(w.error, undefined);
    const scanner = new V1Scanner(v1, 16, 21, null);
    const ev = newRawEvent();
    let events = 0;
    while (scanner.read(0, ev)) {
      const line = w.map.lineOf(ev.offset);
      assert.equal(countOnly.map.lineOf(ev.offset), line);
      assert.equal(lines.slice(line, line + v1WireLineCount(ev)).join('\n'), formatV1RawEvent(ev));
      events++;
    }
    assert.equal(events, 227);
    assert.equal(lines.length, 1 + 390 + 1);
    // and in windows of 50 lines, the same lines
    const all: string[] = [];
    for (let start = 0, more = true; more; ) {
      const part = await windowOf(v1, start, 50);
      all.push(...eventLines(part));
      more = part.cutAt !== undefined;
      start = part.cutAt ?? 0;
    }
    assert.deepEqual(all, lines.slice(1, -1));
  });

  it("ends a broken v1 trace's window with the v1 reader's error, at its line", async () => {
    const v1 = new Uint8Array(readFileSync(fixture('go1.21-annot.trace')));
    v1[24] = 0x3f;
    const w = await windowOf(v1, 0);
    assert.equal(w.error, 'unknown event type 63 (at byte 24)');
    const lines = w.text.split('\n');
    assert.equal(lines[w.map.lineOf(24)], '# error: unknown event type 63 (at byte 24)');
    assert.match(lines[0], /the v1 reader stopped: unknown event type 63/);
  });
});
