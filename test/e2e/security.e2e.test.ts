// Strings in a trace are data: app.trace's task, region and log strings are markup and script
// (test/e2e/fixtures.md). The viewer shows them as text, and nothing of them runs. A trace made at
// test time (test/support/hostileTrace.ts) holds strings Go escapes (bidi controls, zero-width and
// format characters, separators, controls, bytes that are not UTF-8): they are shown as Go quotes
// them, and none reaches the page raw.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Frame } from 'playwright-core';
import { HOSTILE, LONG_MESSAGE, hostileTrace, longLogTrace } from '../support/hostileTrace';
import { E2E_ENABLED } from './fixtures';
import { expandRow, VSCode, waitTreeIdle } from './harness';
import { filterEvents, openTrace, selectEvent } from './viewer.e2e.test';

const LOG_MESSAGE = `<b onmouseover="alert(1)">bold</b> & 'single' "double" \${alert(1)} {{constructor.constructor('alert(1)')()}}`;
const LOG_CATEGORY = '</script><script>alert(1)</script>';
const TASK_NAME = '<img src=x onerror=alert(1)>';
const INJECTED = 'img[onerror], svg[onload], b[onmouseover], [onmouseover], [onload], [onerror]';

/** The viewer shows string arguments Go-quoted (strconv.Quote; the same as JSON for these). */
const shown = (text: string, s: string) => text.includes(s) || text.includes(JSON.stringify(s));

if (E2E_ENABLED) describe('e2e security: markup in trace strings is text', function () {
  let vs: VSCode | undefined;

  before(async function () {
    vs = await VSCode.start({
      prepare: (ws) => {
        fs.writeFileSync(path.join(ws, 'traces', 'hostile.trace'), hostileTrace());
        fs.writeFileSync(path.join(ws, 'traces', 'long-log.trace'), longLogTrace());
      },
    });
  });
  after(async function () {
    await vs?.stop();
  });
  afterEach(async function () {
    if (vs && this.currentTest?.state === 'failed') {
      await vs.screenshot(`fail-security-${this.currentTest.title}`).catch(() => undefined);
      vs.saveLogs(`fail-security-${this.currentTest.title}`);
    }
  });

  it('shows the log category and message as text, with no element made of them', async function () {
    const wv = await openTrace(vs!, 'traces/app.trace');
    await filterEvents(wv, 'Annotate');
    await selectEvent(wv, /Log/);
    const text = await wv.locator('#event-tree').innerText();
    assert.ok(shown(text, LOG_MESSAGE), `the log message is shown verbatim: ${text}`);
    assert.ok(shown(text, LOG_CATEGORY), 'the log category is shown verbatim');
    // hover and click the row holding the message: an onmouseover would run now
    const msgRow = wv.locator('#event-tree [role=treeitem]', { hasText: 'onmouseover' }).filter({ visible: true }).first();
    await msgRow.hover();
    await msgRow.click();
    await vs!.screenshot('security-log-message');
  });

  it('shows the task name as text (filtering by it too)', async function () {
    const wv = await vs!.traceWebview('app.trace');
    await filterEvents(wv, TASK_NAME);
    await selectEvent(wv, /Task/);
    const labels = await wv.locator('#generation-tree [role=treeitem][data-kind=event]').filter({ visible: true }).locator('.label').allInnerTexts();
    const text = await wv.locator('#event-tree').innerText();
    assert.ok(shown(text, TASK_NAME), `the task name is shown verbatim (events ${labels.join(', ')}): ${text}`);
    assert.ok((await wv.locator('#generation-tree').innerText()).includes('Task'));
    await vs!.screenshot('security-task-name');
  });

  it('no dialog opened and no injected element exists in any frame', async function () {
    await vs!.page.waitForTimeout(1000); // an img onerror would have fired by now
    assert.deepEqual(vs!.dialogs, [], 'no alert/confirm/prompt');
    for (const f of vs!.page.frames()) {
      const found = await f.$$eval(INJECTED, (els) => els.map((e) => e.outerHTML.slice(0, 120))).catch(() => [] as string[]);
      assert.deepEqual(found, [], `injected elements in ${f.url().split('?')[0]}`);
    }
    const wv = await vs!.traceWebview('app.trace');
    const scripts = await wv.$$eval('script', (els) => els.map((e) => (e as HTMLScriptElement).src || e.textContent!.slice(0, 60)));
    assert.ok(scripts.every((s) => !s.includes('alert(1)')), `scripts in the webview: ${JSON.stringify(scripts)}`);
  });

  it('hostile strings: Go\'s quoted form in task rows, their tooltips and the event pane', async function () {
    const wv = await openTrace(vs!, 'traces/hostile.trace');
    await expandRow(wv, 'generation-tree', /^Tasks$/);
    await wv.locator('#generation-tree [role=treeitem][data-kind=task]').first().waitFor({ timeout: 30_000 });
    const tasks = (await shownRows(wv, 'generation-tree')).filter((r) => r.kind === 'task');
    for (const s of HOSTILE) {
      const row = tasks.find((r) => r.label === s.quoted);
      assert.ok(row, `${s.category}: a task row labelled ${s.quoted} in ${JSON.stringify(tasks.map((r) => r.label))}`);
      assert.ok(row.title.includes(`${s.quoted}\n`), `${s.category}: tooltip ${JSON.stringify(row.title)}`);
      await wv.locator(`#generation-tree [role=treeitem][data-node-id="${row.id}"] .label`).click();
      const pane = await paneRow(wv, 'type', s.quoted);
      assert.equal(pane, s.quoted, `${s.category}: the event pane's type`);
    }
    await vs!.screenshot('security-hostile-tasks');
  });

  it('hostile strings: a task\'s log in the event pane, its frame\'s function and file', async function () {
    const wv = await vs!.traceWebview('hostile.trace');
    const s = HOSTILE[0];
    await expandRow(wv, 'generation-tree', s.quoted);
    const log = wv.locator('#generation-tree [role=treeitem][data-kind=event]').filter({ visible: true }).first();
    await log.waitFor({ timeout: 20_000 });
    assert.ok((await log.locator('.description').textContent())!.endsWith(`"k": ${s.quoted}`));
    assert.ok((await log.getAttribute('title'))!.includes(`message ${s.quoted}`));
    await log.locator('.label').click();
    assert.equal(await paneRow(wv, 'message', s.quoted), s.quoted);
    const frame = (await shownRows(wv, 'event-tree')).find((r) => r.kind === 'frame')!;
    assert.equal(frame.label, s.quoted, 'the function name');
    assert.equal(frame.description, `"/src/${s.quoted.slice(1, -1)}.go":10`, 'the file');
    await vs!.screenshot('security-hostile-log');
  });

  it('hostile strings: event rows of the generation tree and their event pane', async function () {
    const wv = await vs!.traceWebview('hostile.trace');
    await filterByType(wv, 'UserLog');
    const rows = (await shownRows(wv, 'generation-tree')).filter((r) => r.kind === 'event');
    for (const s of HOSTILE) assert.ok(rows.some((r) => r.description.includes(`value_string=${s.quoted}`)), `${s.category}: ${JSON.stringify(rows.map((r) => r.description))}`);
    await selectEvent(wv, 'UserLog');
    assert.equal(await paneRow(wv, 'value_string', HOSTILE[0].quoted), HOSTILE[0].quoted);
  });

  it('hostile strings: no raw bidi, zero-width, separator or control character in any row, tooltip or the pane', async function () {
    const wv = await vs!.traceWebview('hostile.trace');
    const found = await wv.evaluate(() => {
      const unsafe = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2028\u2029\u2066-\u2069\ufeff]/u;
      const bad: string[] = [];
      for (const el of document.querySelectorAll('#generation-tree [role=treeitem], #event-tree [role=treeitem], .pane-title-detail, #filter-status')) {
        const text = el.textContent ?? '';
        const title = (el.getAttribute('title') ?? '').replace(/[\n\t]/g, ' ');
        if (unsafe.test(text) || unsafe.test(title)) bad.push(`${el.getAttribute('data-node-id')}: ${JSON.stringify(text + ' | ' + title).slice(0, 200)}`);
      }
      return bad;
    });
    assert.deepEqual(found, []);
  });

  it('a 64 KiB log message: cut in its row, whole and Go-quoted in the event pane', async function () {
    const wv = await openTrace(vs!, 'traces/long-log.trace');
    await filterByType(wv, 'UserLog');
    await selectEvent(wv, 'UserLog', false);
    const row = (await shownRows(wv, 'generation-tree')).find((r) => r.label === 'UserLog')!;
    assert.ok(row.description.endsWith(`message="\\u202e${'m'.repeat(59)}"…`), row.description);
    const whole = `"\\u202e${LONG_MESSAGE.slice(1)}"`;
    assert.equal(await paneRow(wv, 'message', whole), whole);
    await vs!.screenshot('security-long-log');
  });
});

/** Filters the events to one type (the type list of the filter bar). */
async function filterByType(wv: Frame, type: string): Promise<void> {
  await wv.locator(`#filter-type option[value="${type}"]`).waitFor({ state: 'attached', timeout: 20_000 });
  await wv.locator('#filter-type').selectOption(type);
  await wv.locator('#filter-status').filter({ hasText: /\d+ events? match/ }).waitFor({ timeout: 20_000 });
  await waitTreeIdle(wv, 'generation-tree');
  await wv.locator('#generation-tree [role=treeitem][data-kind=event]').filter({ visible: true }).first().waitFor({ timeout: 20_000 });
}

interface ShownRow {
  id: string;
  kind: string;
  label: string;
  description: string;
  title: string;
}

/** The rows of a tree on screen (not the recycled, hidden ones), their text as set. */
async function shownRows(wv: Frame, tree: 'generation-tree' | 'event-tree'): Promise<ShownRow[]> {
  await waitTreeIdle(wv, tree);
  return wv.evaluate((id) => [...document.querySelectorAll(`#${id} [role=treeitem]:not([hidden])`)].map((e) => ({
    id: e.getAttribute('data-node-id') ?? '',
    kind: e.getAttribute('data-kind') ?? '',
    label: e.querySelector('.label')?.textContent ?? '',
    description: e.querySelector('.description')?.textContent ?? '',
    title: e.getAttribute('title') ?? '',
  })), tree);
}

/**
 * The description of the event pane's row labelled `label` once it is `expected` (the pane may
 * still show the row selected before for a moment), else the last one seen.
 */
async function paneRow(wv: Frame, label: string, expected: string): Promise<string> {
  let last = '';
  const end = Date.now() + 20_000;
  while (Date.now() < end) {
    last = await wv.evaluate((l) => {
      for (const e of document.querySelectorAll('#event-tree [role=treeitem]:not([hidden])')) {
        if (e.querySelector('.label')?.textContent === l) return e.querySelector('.description')?.textContent ?? '';
      }
      return '';
    }, label);
    if (last === expected) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  return last;
}
