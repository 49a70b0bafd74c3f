import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { memorySource } from '../../../src/parser/index.js';
import { buildWireDump } from '../../../src/extension/model/wireDumpText.js';
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
});
