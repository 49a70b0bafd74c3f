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

const TRACE = 'windows/many.trace';
/** A large trace to time Show Wire Dump on (e.g. bench/traces/big.trace), when set. */
const BIG = process.env.GO_TRACE_E2E_BIG_TRACE;

/** Opens `trace` in the viewer; the webview frame once its first generation row shows. */
async function openTrace(vs: VSCode, trace: string, timeout = 60_000): Promise<Frame> {
  await vs.quickOpen(trace);
  const wv = await vs.traceWebview(path.basename(trace), timeout);
  await wv.locator('#generation-tree [role=treeitem][data-kind=generation]').first().waitFor({ timeout });
  return wv;
}

/** Clicks the viewer's Show Wire Dump button; the milliseconds until the dump's lines show. */
async function showWireDumpTimed(vs: VSCode, wv: Frame, tab: string): Promise<number> {
  const t0 = Date.now();
  await wv.locator('button[aria-label^="Show the wire dump"]').click();
  await vs.waitForActiveTab(tab, 60_000);
  await vs.page.locator('.editor-group-container.active .monaco-editor .view-line').first().waitFor({ timeout: 60_000 });
  return Date.now() - t0;
}

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
        if (BIG) fs.symlinkSync(path.resolve(BIG), path.join(ws, path.dirname(TRACE), 'big.trace'));
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

  it('the viewer\'s Show Wire Dump button: the window at the selected event, timed', async function () {
    await vs!.closeAllEditors();
    wv = await openTrace(vs!, TRACE);
    await vs!.runCommand('Go Trace: Go to Byte Offset…');
    const input = vs!.page.locator('.quick-input-widget input');
    await input.fill(String(lastGeneration.offset));
    await input.press('Enter');
    await wv.locator('#event-tree [role=treeitem][data-kind=info]').filter({ hasText: new RegExp(`@${lastGeneration.offset} \\(0x`) }).first().waitFor({ timeout: 30_000 });
    const ms = await showWireDumpTimed(vs!, wv, 'many.trace.wire@');
    assert.equal((await vs!.currentLineText()).trim(), `GoStatus dt=6 g=${lastGeneration.g} m=1 gstatus=4`);
    console.log(`      button to the window's lines: ${ms} ms (${bytes.length} bytes)`);
  });

  (BIG ? it : it.skip)('a large trace (GO_TRACE_E2E_BIG_TRACE): Show Wire Dump at byte 150000000, timed', async function () {
    this.timeout(900_000);
    await vs!.closeAllEditors();
    const big = await openTrace(vs!, path.join(path.dirname(TRACE), 'big.trace'), 120_000);
    // Go to Byte Offset needs the generation read: try until it is
    for (let tries = 0; ; tries++) {
      await vs!.runCommand('Go Trace: Go to Byte Offset…');
      const input = vs!.page.locator('.quick-input-widget input');
      await input.fill('150000000');
      await input.press('Enter');
      const ok = await big.locator('#generation-tree [role=treeitem][aria-selected=true][data-kind=event]').first().waitFor({ timeout: 10_000 }).then(() => true, () => false);
      if (ok || tries > 60) break;
    }
    const ms = await showWireDumpTimed(vs!, big, 'big.trace.wire@');
    console.log(`      ${BIG}: button to the window's lines at byte 150000000: ${ms} ms; cursor line ${(await vs!.cursor()).line}: ${(await vs!.currentLineText()).trim()}`);
  });
});
