// The wire dump document in the real VS Code: a trace of 6 generations whose dump has 180,000
// lines (test/support/manyGenerationsTrace.ts, written into the workspace). Go to Byte Offset
// near its end selects an event; Show Wire Dump opens the window of the dump around it, with the
// cursor on that event's line (its text checked against Go's raw reader read from the file's
// start); "Show earlier events" moves to the window before.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Frame } from 'playwright-core';
import { memorySource, RawReader, type RawEvent } from '../../src/parser/index.js';
import { formatRawEvent } from '../../src/parser/wire/wireDump.js';
import { manyGenerationsTrace } from '../support/manyGenerationsTrace.js';
import { E2E_ENABLED } from './fixtures';
import { VSCode } from './harness';
import { openTrace } from './viewer.e2e.test';

const TRACE = 'windows/many.trace';

/** The first line of the dump text of the raw event holding byte `x`, by Go's raw reader from the file's start. */
async function lineOfEventAt(bytes: Uint8Array, x: number): Promise<{ offset: number; text: string }> {
  const reader = await RawReader.open(memorySource(bytes));
  let found = { offset: -1, text: '' };
  for (let ev: RawEvent | null; (ev = await reader.next()) !== null && ev.offset <= x; ) found = { offset: ev.offset, text: formatRawEvent(ev).split('\n')[0] };
  return found;
}

if (E2E_ENABLED) describe('e2e wire dump: a window at the selected event', function () {
  let vs: VSCode | undefined;
  let wv: Frame;
  let bytes: Uint8Array;
  let lastGeneration: { offset: number; g: bigint };

  before(async function () {
    const trace = manyGenerationsTrace({ generations: 6, batchesPerGeneration: 5, eventsPerBatch: 6000 });
    bytes = trace.bytes;
    const last = trace.events.filter((e) => e.name === 'GoStatus').at(-20)!;
    lastGeneration = { offset: last.offset, g: last.args[1] };
    vs = await VSCode.start({
      prepare: (ws) => {
        fs.mkdirSync(path.join(ws, path.dirname(TRACE)), { recursive: true });
        fs.writeFileSync(path.join(ws, TRACE), trace.bytes);
      },
    });
    wv = await openTrace(vs, TRACE);
    await wv.locator('#summary [data-field=generations]').filter({ hasText: /^\s*6\s*$/ }).waitFor({ timeout: 60_000 }).catch(() => undefined);
  });
  after(async function () {
    await vs?.stop();
  });
  afterEach(async function () {
    if (vs && this.currentTest?.state === 'failed') {
      await vs.screenshot(`fail-wire-${this.currentTest.title}`).catch(() => undefined);
    }
  });

  it('Go to Byte Offset near the end, then Show Wire Dump: the cursor is on that event\'s line, in the window around it', async function () {
    // a byte inside an event of the last generation
    const x = lastGeneration.offset + 2;
    const expected = await lineOfEventAt(bytes, x);
    assert.equal(expected.offset, lastGeneration.offset);
    assert.equal(expected.text, `GoStatus dt=6 g=${lastGeneration.g} m=1 gstatus=4`);

    await vs!.runCommand('Go Trace: Go to Byte Offset…');
    const input = vs!.page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible', timeout: 10_000 });
    await input.fill(String(x));
    await input.press('Enter');
    // the viewer selects the event, and its details show its offset
    await wv.locator('#event-tree [role=treeitem][data-kind=info]').filter({ hasText: new RegExp(`@${expected.offset} \\(0x`) }).first().waitFor({ timeout: 30_000 });

    const t0 = Date.now();
    await vs!.runCommand('Go Trace: Show Wire Dump');
    await vs!.waitForActiveTab('many.trace.wire@');
    await vs!.page.locator('.editor-group-container.active .monaco-editor .view-line').first().waitFor({ timeout: 20_000 });
    const shownMs = Date.now() - t0;
    const cursor = await vs!.cursor();
    assert.ok(cursor.line > 1000 && cursor.line < 50_000, `the cursor is inside the window, a third of the way down: line ${cursor.line}`);
    assert.equal((await vs!.currentLineText()).trim(), expected.text);
    console.log(`      Show Wire Dump at byte ${x} of ${bytes.length}: the window shown after ${shownMs} ms (cursor on line ${cursor.line})`);
    await vs!.screenshot('wire-window-at-event');
  });

  it('"Show earlier events" opens the window before, its cursor on the first event of the window it came from', async function () {
    const tabBefore = await vs!.activeTab();
    const start = Number(/wire@(\d+)\.txt/.exec(tabBefore)?.[1]);
    assert.ok(start > 0, tabBefore);
    const first = await lineOfEventAt(bytes, start);
    // the code lens above line 0
    await vs!.page.keyboard.press('Control+Home');
    const lens = vs!.page.locator('.editor-group-container.active .codelens-decoration a', { hasText: 'Show earlier events' }).first();
    await lens.waitFor({ timeout: 20_000 });
    await lens.click();
    await vs!.page.locator('.editor-group-container.active .tabs-container .tab.active').filter({ hasNotText: tabBefore }).first().waitFor({ timeout: 20_000 });
    assert.match(await vs!.activeTab(), /many\.trace\.wire(@\d+)?\.txt/);
    assert.equal((await vs!.currentLineText()).trim(), first.text);
  });
});
