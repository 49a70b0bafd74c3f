// Strings in a trace are data: app.trace's task, region and log strings are markup and script
// (test/e2e/fixtures.md). The viewer shows them as text, and nothing of them runs.
import * as assert from 'node:assert/strict';
import { E2E_ENABLED } from './fixtures';
import { VSCode } from './harness';
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
    vs = await VSCode.start();
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
});
