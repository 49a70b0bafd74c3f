import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { memorySource } from '../../../src/parser/index.js';
import { buildWireDump, v1WireLineCount } from '../../../src/extension/model/wireDumpText.js';
import { newRawEvent, V1Scanner } from '../../../src/parser/v1/v1Scanner.js';
import { formatV1RawEvent } from '../../../src/parser/v1/v1WireDump.js';
import { fixture } from './modelTestSupport.js';

describe('wire dump document', () => {
  const bytes = readFileSync(fixture('go1.26-annot.trace'));

  it("is Go's wire dump after one header line", async () => {
    const dump = await buildWireDump(memorySource(bytes), { withText: true, fileName: 'x.trace' });
    const expected = readFileSync(fixture('go1.26-annot.wire.txt'), 'utf8');
    assert.match(dump.text, /^# go-trace wire x\.trace/);
    assert.equal(dump.text.slice(dump.text.indexOf('\n') + 1), expected);
  });

  it('maps byte offsets to the line of their raw event, with or without the text', async () => {
    const withText = await buildWireDump(memorySource(bytes), { withText: true, fileName: 'x' });
    const countOnly = await buildWireDump(memorySource(bytes), { withText: false, fileName: 'x' });
    const lines = withText.text.split('\n');
    assert.equal(withText.map.lineOf(0), 0);
    assert.match(lines[withText.map.lineOf(16)], /^EventBatch /);
    for (const offset of [16, 100, 5000, 20000, bytes.length - 1]) {
      assert.equal(countOnly.map.lineOf(offset), withText.map.lineOf(offset));
      assert.match(lines[withText.map.lineOf(offset)], /^[A-Z]/, `offset ${offset} lands on an event line`);
    }
  });

  it('says in its first line where it was cut', async () => {
    const dump = await buildWireDump(memorySource(bytes), { withText: true, fileName: 'x', maxLines: 10 });
    assert.match(dump.text.split('\n')[0], /CUT after 10 lines, at byte \d+/);
    assert.ok(dump.text.split('\n').length <= 13);
  });

  it("reports the raw reader's error at the end", async () => {
    const dump = await buildWireDump(memorySource(new TextEncoder().encode('not a trace at all')), { withText: true, fileName: 'x' });
    assert.ok(dump.error);
    assert.match(dump.text, /# error: /);
  });

  it("dumps a v1 trace's raw events as go-trace wire does, each offset on its event's line", async () => {
    const v1 = readFileSync(fixture('go1.21-annot.trace'));
    const withText = await buildWireDump(memorySource(v1), { withText: true, fileName: 'old.trace' });
    const countOnly = await buildWireDump(memorySource(v1), { withText: false, fileName: 'old.trace' });
    const lines = withText.text.split('\n');
    assert.match(lines[0], /^# go-trace wire old\.trace \(4971 bytes\): a go 1\.21 \(v1\) trace/);
    assert.equal(lines[1], 'Batch p=0 ticks=92427040218');
    assert.equal(lines[2], 'GoCreate dt=6 g=1 stack=2 stk=1');
    assert.equal(withText.error, undefined);
    // every raw event's offset lands on its line, counted with or without the text
    const scanner = new V1Scanner(new Uint8Array(v1), 16, 21, null);
    const ev = newRawEvent();
    let events = 0;
    while (scanner.read(0, ev)) {
      const line = withText.map.lineOf(ev.offset);
      assert.equal(countOnly.map.lineOf(ev.offset), line);
      assert.equal(lines.slice(line, line + v1WireLineCount(ev)).join('\n'), formatV1RawEvent(ev));
      events++;
    }
    assert.equal(events, 227);
    assert.equal(lines.length, 1 + 390 + 1);
  });

  it("ends a broken v1 trace's dump with the v1 reader's error, at its line", async () => {
    const v1 = new Uint8Array(readFileSync(fixture('go1.21-annot.trace')));
    v1[24] = 0x3f;
    const dump = await buildWireDump(memorySource(v1), { withText: true, fileName: 'bad.trace' });
    assert.equal(dump.error, 'unknown event type 63 (at byte 24)');
    const lines = dump.text.split('\n');
    assert.equal(lines[dump.map.lineOf(24)], '# error: unknown event type 63 (at byte 24)');
    assert.match(lines[0], /the v1 reader stopped: unknown event type 63/);
  });
});
