// The viewer on a real trace (test/e2e/workspace/traces/app.trace, see test/e2e/fixtures.md):
// summary, trees expanded down to an event and its stack, a frame opening its source line,
// and the source-resolution rules (one trace variant per rule, test/support/sourceVariants.ts).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Frame } from 'playwright-core';
import { FRAMES, sourceVariants, writeFakeGoroot } from '../support/sourceVariants.js';
import { E2E_ENABLED } from './fixtures';
import { activateRow, expandRow, rowInfo, treeRows, VSCode, waitTreeIdle } from './harness';

/** Opens `trace` and returns the webview frame once the summary says the parse is done. */
export async function openTrace(vs: VSCode, trace: string): Promise<Frame> {
  await vs.quickOpen(trace);
  const wv = await vs.traceWebview(path.basename(trace));
  await wv.locator('#generation-tree [role=treeitem][data-kind=generation]').first().waitFor({ timeout: 30_000 });
  return wv;
}

/** Filters the events by text: the generation tree becomes the flat list of matching events. */
export async function filterEvents(wv: Frame, text: string): Promise<void> {
  await wv.locator('#filter-text').fill(text);
  await wv.locator('#filter-text').press('Enter');
  await wv.locator('#filter-status').filter({ hasText: /\d/ }).waitFor({ timeout: 20_000 });
  await waitTreeIdle(wv, 'generation-tree');
  await wv.locator('#generation-tree [role=treeitem][data-kind=event]').first().waitFor({ timeout: 20_000 });
}

/** Shows the details of the first event labelled `label` (a click selects it). */
export async function selectEvent(wv: Frame, label: string | RegExp, withStack = true): Promise<void> {
  const row = treeRows(wv, 'generation-tree', label).and(wv.locator('[data-kind=event]')).first();
  await row.waitFor({ timeout: 20_000 });
  await row.scrollIntoViewIfNeeded();
  await row.locator('.label').click();
  const id = await row.getAttribute('data-node-id');
  // the event tree's first row names the event (label "event", the event's name as description):
  // wait for this event's details, not those of the event selected before
  const name = (await row.locator('.label').innerText()).trim();
  await wv.locator('#event-tree [role=treeitem][data-kind]').filter({ visible: true }).first()
    .filter({ has: wv.locator('.description', { hasText: new RegExp(`^\\s*${name}\\b`) }) })
    .waitFor({ timeout: 20_000 });
  if (withStack) await wv.locator('#event-tree [role=treeitem][data-kind=frame]').first().waitFor({ timeout: 20_000 });
  assert.equal(await row.getAttribute('aria-selected'), 'true', `event ${id} is selected`);
  await waitTreeIdle(wv, 'event-tree');
}

/**
 * The frame rows of the event tree, top to bottom: [label, description]. Row elements are
 * recycled and placed with transforms, so their DOM order is not the tree's: sort by data-row.
 */
export async function frameRows(wv: Frame): Promise<[string, string][]> {
  const rows = wv.locator('#event-tree [role=treeitem][data-kind=frame]').filter({ visible: true });
  const out: [number, string, string][] = [];
  for (const r of await rows.all()) {
    const info = await rowInfo(r);
    out.push([Number(await r.getAttribute('data-row')), info.label, info.description]);
  }
  return out.sort((a, b) => a[0] - b[0]).map(([, label, description]) => [label, description]);
}

if (E2E_ENABLED) describe('e2e viewer: app.trace', function () {
  let vs: VSCode | undefined;
  let wv: Frame;
  const goroot = { dir: '' };

  before(async function () {
    vs = await VSCode.start({
      prepare: (ws, run) => {
        // the resolver's GOROOT: a fake one outside the workspace (fixtures.md)
        goroot.dir = path.join(run, 'fake-goroot');
        writeFakeGoroot(goroot.dir);
        // every variant's trace and settings, before the server starts (code-server may not
        // notice a settings file written behind its back); the settings do not overlap: each
        // variant's frame needs its own rule
        const settings: Record<string, unknown> = { 'goTrace.goroot': goroot.dir };
        const mappings: Record<string, string> = {};
        for (const v of sourceVariants({ workspace: ws, goroot: goroot.dir })) {
          fs.mkdirSync(path.dirname(path.join(ws, v.traceFile)), { recursive: true });
          fs.writeFileSync(path.join(ws, v.traceFile), v.trace);
          Object.assign(mappings, v.settings.pathMappings ?? {});
        }
        settings['goTrace.pathMappings'] = mappings;
        fs.mkdirSync(path.join(ws, '.vscode'), { recursive: true });
        fs.writeFileSync(path.join(ws, '.vscode', 'settings.json'), JSON.stringify(settings, null, 2));
      },
    });
  });
  after(async function () {
    await vs?.stop();
  });
  afterEach(async function () {
    if (vs && this.currentTest?.state === 'failed') {
      await vs.screenshot(`fail-viewer-${this.currentTest.title}`).catch(() => undefined);
      vs.saveLogs(`fail-viewer-${this.currentTest.title}`);
    }
  });

  it('opens app.trace: summary, one generation, no banner', async function () {
    wv = await openTrace(vs!, 'traces/app.trace');
    await wv.locator('#summary [data-field=events]').filter({ hasText: /\d/ }).waitFor({ timeout: 20_000 });
    const field = async (k: string) => (await wv.locator(`#summary [data-field=${k}]`).innerText()).trim();
    assert.match(await field('generations'), /^1\b/);
    assert.match(await field('events'), /^\d+/);
    assert.equal(await wv.locator('#banner').count(), 0, 'a good trace has no banner');
    assert.equal(await vs!.page.locator('.editor-group-container.active .tab.active').getAttribute('data-resource-name'), 'app.trace');
  });

  it('the Goroutines root (from the summaries) lists main.main\'s goroutine, which expands to its events', async function () {
    // the summaries come after the framing pass: the root appears beside the generation
    const root = treeRows(wv, 'generation-tree', /^Goroutines$/).and(wv.locator('[data-kind=summaryRoot][aria-level="1"]'));
    await root.first().waitFor({ timeout: 30_000 });
    assert.ok(await treeRows(wv, 'generation-tree', /^Tasks$/).count() > 0, 'a Tasks root');
    assert.ok(await treeRows(wv, 'generation-tree', /^Regions$/).count() > 0, 'a Regions root');
    await expandRow(wv, 'generation-tree', /^Goroutines$/);
    const main = treeRows(wv, 'generation-tree', /\bmain\.main$/).and(wv.locator('[data-kind=goroutine][aria-level="2"]'));
    await main.first().waitFor({ timeout: 20_000 });
    await waitTreeIdle(wv, 'generation-tree');
    const info = await rowInfo(main.first());
    assert.match(info.label, /^G 1\b/);
    assert.match(info.description, /^running .*, runnable .*, blocked .*, syscall /);
    // the header's count is the summaries' once they are done
    await wv.locator('#summary [data-field=goroutines]').filter({ hasText: /^\s*\d+\s*$/ }).waitFor({ timeout: 20_000 });
    // its events, in the ordered stream
    await expandRow(wv, 'generation-tree', /\bmain\.main$/);
    await wv.locator('#generation-tree [role=treeitem][aria-level="3"][data-kind=event]').first().waitFor({ timeout: 20_000 });
    await waitTreeIdle(wv, 'generation-tree');
    await vs!.screenshot('viewer-goroutines');
    // collapse again: the next tests start from the generations
    await treeRows(wv, 'generation-tree', /^Goroutines$/).first().locator('.twistie').click();
    await wv.locator('#generation-tree [role=treeitem][data-kind=summaryRoot][aria-expanded=false]').first().waitFor({ timeout: 10_000 });
  });

  it('Procs and Threads list each P and M with their times; a goroutine event shows its stack, whose frame opens the source', async function () {
    const root = (label: RegExp) => treeRows(wv, 'generation-tree', label).and(wv.locator('[data-kind=summaryRoot][aria-level="1"]'));
    for (const label of [/^Procs$/, /^Threads$/, /^Event counts$/]) await root(label).first().waitFor({ timeout: 30_000 });
    // the procs (GOMAXPROCS=2): time running and idle, goroutines run, syscalls
    await expandRow(wv, 'generation-tree', /^Procs$/);
    const procs = wv.locator('#generation-tree [role=treeitem][data-kind=proc][aria-level="2"]').filter({ visible: true });
    await procs.first().waitFor({ timeout: 20_000 });
    await waitTreeIdle(wv, 'generation-tree');
    assert.equal(await procs.count(), 2);
    for (const p of await procs.all()) {
      const info = await rowInfo(p);
      assert.match(info.label, /^P \d+$/);
      assert.match(info.description, /^running .*, idle .*, ran \d+ goroutines? \(\d+ starts?\), \d+ syscalls?$/);
    }
    // a proc expands to its events
    await expandRow(wv, 'generation-tree', /^P 0$/);
    await wv.locator('#generation-tree [role=treeitem][aria-level="3"][data-kind=event]').first().waitFor({ timeout: 20_000 });
    await waitTreeIdle(wv, 'generation-tree');
    await vs!.screenshot('viewer-procs');
    await root(/^Procs$/).first().locator('.twistie').click();
    // the threads
    await expandRow(wv, 'generation-tree', /^Threads$/);
    const thread = wv.locator('#generation-tree [role=treeitem][data-kind=osThread][aria-level="2"]').filter({ visible: true }).first();
    await thread.waitFor({ timeout: 20_000 });
    assert.match((await rowInfo(thread)).description, /^running .*, in syscalls .*, ran \d+ goroutines?/);
    await root(/^Threads$/).first().locator('.twistie').click();

    // main.main's goroutine: its UserTaskBegin event, selected, shows where, when, its arguments and its stack
    await expandRow(wv, 'generation-tree', /^Goroutines$/);
    await expandRow(wv, 'generation-tree', /\bmain\.main$/);
    await waitTreeIdle(wv, 'generation-tree');
    await selectEvent(wv, /^UserTaskBegin$/);
    assert.match(await wv.locator('.pane[aria-label=Event] .pane-title-detail').innerText(), /UserTaskBegin · G 1\s+main\.main/);
    const infos = await wv.locator('#event-tree [role=treeitem][data-kind=info]').filter({ visible: true }).evaluateAll((rows) =>
      rows.map((r) => `${r.querySelector('.label')?.textContent}=${r.querySelector('.description')?.textContent}`));
    for (const want of [/^offset=@\d+/, /^thread=M \d+$/, /^goroutine=G 1$/]) assert.ok(infos.some((i) => want.test(i)), `${want} in ${infos.join(', ')}`);
    assert.ok(await wv.locator('#event-tree [role=treeitem][data-kind=arg]').filter({ visible: true }).count() > 0, 'its arguments');
    const frames = await frameRows(wv);
    assert.deepEqual(frames.map(([f]) => f), [FRAMES.run.func, FRAMES.main.func]);
    assert.equal(frames[0][1], `${FRAMES.run.file}:${FRAMES.run.line}`);
    await vs!.screenshot('viewer-goroutine-event');
    // its first frame opens worker/worker.go at the line (the go.mod module rule), beside the viewer
    await activateRow(wv, 'event-tree', FRAMES.run.func);
    await vs!.waitForActiveTab('worker.go');
    await vs!.waitForCursorLine(FRAMES.run.line);
    assert.equal(await vs!.editorBreadcrumbs(), 'worker/worker.go');
    assert.match(await vs!.currentLineText(), /trace\.NewTask\(ctx, TaskName\)/);
    // back to the viewer alone, the Goroutines root collapsed: the next tests start from the generations
    await vs!.runCommand('View: Close Editor');
    await vs!.page.locator('.tabs-container .tab', { hasText: 'worker.go' }).first().waitFor({ state: 'detached', timeout: 10_000 });
    await treeRows(wv, 'generation-tree', /^Goroutines$/).first().locator('.twistie').click();
    await root(/^Goroutines$/).and(wv.locator('[aria-expanded=false]')).first().waitFor({ timeout: 10_000 });
  });

  it('expands generation → thread → batch → event, and the event tree shows its stack', async function () {
    // unfiltered: the first generation (below the summary roots), thread and batch open down to events
    for (const level of [1, 2, 3]) {
      const kind = level === 1 ? '[data-kind=generation]' : '';
      const row = wv.locator(`#generation-tree [role=treeitem][aria-level="${level}"]${kind}[aria-expanded]`).filter({ visible: true }).first();
      await row.scrollIntoViewIfNeeded();
      if ((await row.getAttribute('aria-expanded')) === 'false') await row.locator('.twistie').click();
      await wv.locator(`#generation-tree [role=treeitem][aria-level="${level + 1}"][data-kind]`).first().waitFor({ timeout: 20_000 });
      await waitTreeIdle(wv, 'generation-tree');
    }
    const kinds = await wv.locator('#generation-tree [role=treeitem]').evaluateAll((rows) =>
      rows.map((r) => `${r.getAttribute('aria-level')}:${r.getAttribute('data-kind')}`));
    for (const k of ['1:generation', '2:thread', '3:batch', '4:event']) assert.ok(kinds.includes(k), `no ${k} row in ${kinds.join(' ')}`);
    await vs!.screenshot('viewer-tree-expanded');
    // an event selected in the tree shows its arguments and stack
    await selectEvent(wv, /./, false);
    assert.ok(await wv.locator('#event-tree [role=treeitem][data-kind=arg]').count() > 0, 'the event shows its arguments');
    // the Log events, found with the filter bar
    await filterEvents(wv, 'Annotate');
    const labels = await wv.locator('#generation-tree [role=treeitem][data-kind=event]').filter({ visible: true }).locator('.label').allInnerTexts();
    assert.equal(labels.filter((l) => /Log/.test(l)).length, 4, `the 4 Log events match: ${labels.join(', ')}`);
    await selectEvent(wv, /Log/);
    assert.ok(await wv.locator('#event-tree [role=treeitem][data-kind=stack]').count() > 0, 'the event has a stack row');
    const frames = await frameRows(wv);
    // the Log stack, innermost first (fixtures.md)
    assert.deepEqual(frames.slice(0, 2).map(([f]) => f), [FRAMES.annotate.func, FRAMES.crunchFunc1.func]);
    assert.match(frames[0][1], /annotate\.go:22$/);
    await vs!.screenshot('viewer-event-stack');
  });

  it('double-clicking a frame opens worker/text/annotate.go at line 22 (not the decoy)', async function () {
    await activateRow(wv, 'event-tree', FRAMES.annotate.func);
    await vs!.waitForActiveTab('annotate.go');
    await vs!.waitForCursorLine(22);
    assert.equal(await vs!.editorBreadcrumbs(), 'worker/text/annotate.go');
    assert.match(await vs!.currentLineText(), /trace\.Log\(ctx, LogCategory, LogMessage\)/);
    await vs!.screenshot('viewer-frame-opened');
  });

  describe('source resolution: one trace variant per rule (fixtures.md)', function () {
    const variants = () => sourceVariants({ workspace: vs!.workspace, goroot: goroot.dir });
    // variant names are known without a workspace; the traces are written once the server runs
    for (const name of ['absolute', 'mapping', 'mapping-windows', 'module', 'goroot', 'goroot-foreign', 'goroot-windows', 'suffix']) {
      it(`${name}: the clicked frame opens its file at its line`, async function () {
        const v = variants().find((x) => x.name === name);
        if (!v) this.skip();
        await vs!.closeAllEditors();
        const view = await openTrace(vs!, v.traceFile);
        await filterEvents(view, v.click.func.split('/').pop()!.split('.').slice(1).join('.') || v.click.func);
        const eventLabel = v.click.func === FRAMES.gopark.func ? /./ : v.click.func === FRAMES.run.func ? /Task/ : /Log/;
        await selectEvent(view, eventLabel);
        const frames = await frameRows(view);
        assert.ok(frames.some(([f, d]) => f === v.click.func && d === `${v.click.file}:${v.click.line}`),
          `no frame ${v.click.func} ${v.click.file}:${v.click.line} in ${JSON.stringify(frames)}`);
        await activateRow(view, 'event-tree', v.click.func);
        await vs!.waitForActiveTab(path.basename(v.opens));
        await vs!.waitForCursorLine(v.click.line);
        const rel = path.relative(v.opens.startsWith(vs!.workspace) ? vs!.workspace : path.dirname(goroot.dir), v.opens);
        const crumbs = await vs!.editorBreadcrumbs();
        assert.ok(rel.endsWith(crumbs) || crumbs.endsWith(path.basename(v.opens)), `breadcrumbs ${crumbs}, want ${rel}`);
        if (v.opens.startsWith(vs!.workspace)) assert.equal(crumbs, rel.split(path.sep).join('/'));
        const line = await vs!.currentLineText();
        if (v.opens.startsWith(goroot.dir)) assert.match(line, new RegExp(`line ${v.click.line}$`));
        else assert.doesNotMatch(line, /DECOY/);
      });
    }
  });
});
