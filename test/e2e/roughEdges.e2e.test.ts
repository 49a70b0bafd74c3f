// What a new user hits first, in a real VS Code (issue P10 §3): a cold open names the file at once,
// the filter and the tree agree after a tab switch, the parse worker thread ends with the last
// editor, rows that are not events fill the event pane, the rows' context menu, Ctrl+F, and the
// status bar item.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { Frame } from 'playwright-core';
import { E2E_ENABLED } from './fixtures';
import { clickRow, expandRow, treeRows, VSCode, waitTreeIdle } from './harness';

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Stamps, in every webview document, the first text its summary title showed (init script). */
function firstTitle(): void {
  if (window === window.top) return;
  const w = window as unknown as { __firstTitle?: string };
  const timer = setInterval(() => {
    const t = document.querySelector('#startup, #summary [data-field=fileName]')?.textContent?.trim();
    if (t) {
      w.__firstTitle = t;
      clearInterval(timer);
    }
  }, 5);
  setTimeout(() => clearInterval(timer), 120_000);
}

/** The parse worker processes of this run's extension host: its children titled like the worker. */
function parseWorkerProcesses(vs: VSCode): number {
  const procs = fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d));
  const read = (pid: string, f: string): string => {
    try { return fs.readFileSync(`/proc/${pid}/${f}`, 'utf8'); } catch { return ''; }
  };
  // this run's host (other runs may be going on): its environment points into the run dir
  const hosts = new Set(procs.filter((pid) => read(pid, 'cmdline').includes('extensionHost') && read(pid, 'environ').includes(vs.runDir)));
  const parentOf = (pid: string): string => {
    const stat = read(pid, 'stat');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1] ?? '';
  };
  return procs.filter((pid) => hosts.has(parentOf(pid)) && read(pid, 'cmdline').includes('goTraceParse')).length;
}

async function waitFor(what: string, ok: () => boolean | Promise<boolean>, timeout = 20_000): Promise<void> {
  const end = Date.now() + timeout;
  while (!(await ok())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(200);
  }
}

/**
 * Opens traces/NAME from the explorer (quick open may pick a wire dump of the same name from its
 * history) and returns its viewer once a generation row shows.
 */
async function openTrace(vs: VSCode, name: string): Promise<Frame> {
  const row = vs.page.locator('.explorer-folders-view .monaco-list-row', { hasText: new RegExp(`^\\s*${name.replace('.', '\\.')}\\s*$`) }).first();
  const folder = vs.page.locator('.explorer-folders-view .monaco-list-row', { hasText: /^\s*traces\s*$/ }).first();
  // The explorer may still be loading (a click on the folder then collapses it again): retry.
  for (let attempt = 1; ; attempt++) {
    if (!(await row.isVisible())) {
      await folder.click();
      await row.waitFor({ state: 'visible', timeout: 10_000 }).catch(() => undefined);
    }
    await row.dblclick({ timeout: 10_000 }).catch(() => undefined);
    try {
      const wv = await vs.traceWebview(name, 25_000);
      await wv.locator('#generation-tree [role=treeitem][data-kind=generation]').first().waitFor({ timeout: 30_000 });
      return wv;
    } catch (e) {
      if (attempt >= 3) throw e;
    }
  }
}

/** Switches to the open tab of NAME. */
async function switchToTab(vs: VSCode, name: string): Promise<void> {
  await vs.page.locator('.tabs-container .tab', { hasText: name }).first().click();
  await vs.page.locator('.tabs-container .tab.active', { hasText: name }).first().waitFor({ timeout: 10_000 });
}

const statusItem = (vs: VSCode) => vs.page.locator('.part.statusbar .statusbar-item', { hasText: 'Go trace' });

if (E2E_ENABLED) describe('e2e rough edges: what a new user hits first', function () {
  let vs: VSCode | undefined;
  let wv: Frame;

  before(async function () {
    vs = await VSCode.start({
      prepare: (ws) => fs.copyFileSync(`${ws}/traces/app.trace`, `${ws}/traces/second.trace`),
    });
    await vs.page.context().addInitScript(firstTitle);
  });
  after(async function () {
    await vs?.stop();
  });
  afterEach(async function () {
    if (vs && this.currentTest?.state === 'failed') {
      await vs.screenshot(`fail-rough-${this.currentTest.title}`).catch(() => undefined);
      vs.saveLogs(`fail-rough-${this.currentTest.title}`);
    }
  });

  it('a cold open (the first file of a fresh window) names the file from the first paint', async function () {
    wv = await openTrace(vs!, 'app.trace');
    const first = await wv.evaluate(() => (window as unknown as { __firstTitle?: string }).__firstTitle);
    assert.match(first ?? '', /app\.trace/, `the first thing the page said: ${first}`);
    assert.doesNotMatch(first ?? '', /Opening trace/);
    assert.equal(await wv.locator('#startup').count(), 0, 'the startup text is gone once the script runs');
  });

  it('the parse worker runs in its own process while the editor is open', async function () {
    await waitFor('a goTraceParse process', () => parseWorkerProcesses(vs!) === 1);
  });

  it('the status bar shows the trace\'s state; a click shows the Problems panel', async function () {
    await statusItem(vs!).filter({ hasText: /Go trace: 1 generation, no problems/ }).waitFor({ timeout: 30_000 });
    await statusItem(vs!).click();
    await vs!.page.locator('.part.panel .markers-panel, .part.panel [id="workbench.panel.markers"]').first().waitFor({ state: 'visible', timeout: 10_000 });
  });

  it('a row that is not an event fills the event pane with its own details', async function () {
    await expandRow(wv, 'generation-tree', /^generation 1$/);
    await clickRow(wv, 'generation-tree', /^generation 1$/);
    const info = wv.locator('#event-tree [role=treeitem][data-kind=info]').filter({ visible: true });
    await info.filter({ has: wv.locator('.label', { hasText: /^events$/ }) }).first().waitFor({ timeout: 10_000 });
    assert.match(await wv.locator('.pane[aria-label=Event] .pane-title-detail').innerText(), /generation 1/);
    const m = await expandRow(wv, 'generation-tree', /^M \d+$/);
    await waitTreeIdle(wv, 'generation-tree');
    const batch = treeRows(wv, 'generation-tree', /^batch \d+$/).first();
    await batch.locator('.label').click();
    await batch.press('ArrowRight');
    await info.filter({ has: wv.locator('.label', { hasText: /^offset$/ }) }).first().waitFor({ timeout: 10_000 });
    await info.filter({ has: wv.locator('.label', { hasText: /^size$/ }) }).first().waitFor({ timeout: 10_000 });
    assert.ok(m);
  });

  it('Ctrl+F goes to the filter bar, not to a find widget', async function () {
    await wv.locator('#generation-tree').focus();
    await wv.locator('#generation-tree').press('Control+f');
    await waitFor('the filter text focused', async () => wv.evaluate(() => document.activeElement?.id === 'filter-text'), 5_000);
    assert.equal(await vs!.page.locator('.simple-find-part-wrapper.visible, .webview-find-widget.visible').count(), 0, 'no find widget');
  });

  it('the context menu of an event row: Copy Event, Show Wire Dump at This Event, Go to Source', async function () {
    const event = treeRows(wv, 'generation-tree').and(wv.locator('[data-kind=event]')).first();
    await event.waitFor({ timeout: 10_000 });
    const context = JSON.parse((await event.getAttribute('data-vscode-context')) ?? '{}') as Record<string, unknown>;
    assert.equal(context.webviewSection, 'event');
    assert.equal(context.nodeId, await event.getAttribute('data-node-id'));
    await event.locator('.label').click({ button: 'right' });
    const menu = vs!.page.locator('.context-view .monaco-menu');
    await menu.waitFor({ timeout: 10_000 });
    const items = (await menu.locator('.action-label').allInnerTexts()).map((t) => t.trim()).filter((t) => t !== '');
    for (const want of ['Copy Event', 'Show Wire Dump at This Event', 'Go to Source']) assert.ok(items.includes(want), `${want} in ${items.join(', ')}`);
    assert.ok(!items.includes('Cut') && !items.includes('Paste'), `no Cut/Paste on a row: ${items.join(', ')}`);
    assert.equal(await event.getAttribute('aria-selected'), 'true', 'a right-click selects the row');
    // the second item (a click on the menu over the webview does not always reach it)
    await vs!.page.keyboard.press('ArrowDown');
    await vs!.page.keyboard.press('ArrowDown');
    await vs!.page.keyboard.press('Enter');
    // the dump opens beside the viewer, as a text editor
    await vs!.page.locator('.editor-group-container .monaco-editor .view-lines').first().waitFor({ timeout: 20_000 });
  });

  it('after a tab switch the tree shows the filter\'s matches (or says it is filtering), as the box says', async function () {
    await vs!.closeAllEditors();
    wv = await openTrace(vs!, 'app.trace');
    await wv.locator('#filter-text').fill('main');
    await wv.locator('#filter-text').press('Enter');
    await wv.locator('#filter-status').filter({ hasText: /match/ }).waitFor({ timeout: 20_000 });
    await openTrace(vs!, 'second.trace');
    await switchToTab(vs!, 'app.trace');
    wv = await vs!.traceWebview('app.trace');
    assert.equal(await wv.locator('#filter-text').inputValue(), 'main');
    // from the moment it is back until the matches show: never the unfiltered tree
    const end = Date.now() + 20_000;
    for (;;) {
      const generations = await treeRows(wv, 'generation-tree').and(wv.locator('[data-kind=generation]')).count();
      assert.equal(generations, 0, 'no generation rows while the box holds a filter');
      const status = (await wv.locator('#filter-status').innerText()).trim();
      const treeStatus = await wv.locator('#tree-status').isVisible() ? (await wv.locator('#tree-status').innerText()).trim() : '';
      const events = await treeRows(wv, 'generation-tree').and(wv.locator('[data-kind=event]')).count();
      if (events > 0 && /match/.test(status)) break;
      assert.ok(/Filtering/.test(status) || /Filtering/.test(treeStatus) || events > 0, `a visible status while filtering: "${status}" / "${treeStatus}"`);
      if (Date.now() > end) throw new Error('the filter\'s matches did not show');
      await sleep(50);
    }
  });

  it('closing the last editor of a trace ends its worker thread, and hides the status bar item', async function () {
    await waitFor('two parse workers', () => parseWorkerProcesses(vs!) === 2);
    await vs!.closeAllEditors();
    await waitFor('no parse worker left', () => parseWorkerProcesses(vs!) === 0);
    await statusItem(vs!).first().waitFor({ state: 'hidden', timeout: 10_000 });
    // and reopening starts one again
    await openTrace(vs!, 'app.trace');
    await waitFor('one parse worker', () => parseWorkerProcesses(vs!) === 1);
    await vs!.closeAllEditors();
    await waitFor('no parse worker left', () => parseWorkerProcesses(vs!) === 0);
  });
});
