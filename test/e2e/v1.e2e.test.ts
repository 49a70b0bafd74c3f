// The viewer on v1 (Go 1.11–1.21) traces: test/fixtures/traces/go1.21-annot.trace (the annot
// workload of test/fixtures/go/annot, recorded with Go 1.21) as one generation read whole, its
// Ps, batches and raw events with their stacks, a frame opening the workload's source, and the
// summary roots from the ordered stream; go1.19-cgocb.trace, which Go cannot order: its error in
// the Problems panel and the viewer, its raw events still browsable.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Frame } from 'playwright-core';
import { E2E_ENABLED } from './fixtures';
import { activateRow, expandRow, REPO, rowInfo, treeRows, VSCode, waitTreeIdle } from './harness';
import { filterEvents, frameRows, openTrace, selectEvent } from './viewer.e2e.test';

const fixture = (f: string) => path.join(REPO, 'test/fixtures', f);

/** The row of `tree` at `level` labelled `label`. */
const rowAt = (wv: Frame, level: number, label: RegExp) =>
  treeRows(wv, 'generation-tree', label).and(wv.locator(`[aria-level="${level}"]`)).first();

if (E2E_ENABLED) describe('e2e viewer: a v1 trace', function () {
  let vs: VSCode | undefined;
  let wv: Frame;

  before(async function () {
    vs = await VSCode.start({
      prepare: (ws) => {
        fs.mkdirSync(path.join(ws, 'v1'), { recursive: true });
        for (const f of ['go1.21-annot.trace', 'go1.19-cgocb.trace']) fs.copyFileSync(fixture(`traces/${f}`), path.join(ws, 'v1', f));
        // the workload's source (module example.com/tracefixtures/annot): its frames open there
        fs.mkdirSync(path.join(ws, 'v1', 'annot'), { recursive: true });
        for (const f of ['go.mod', 'main.go']) fs.copyFileSync(fixture(`go/annot/${f}`), path.join(ws, 'v1', 'annot', f));
      },
    });
  });
  after(async function () {
    await vs?.stop();
  });
  afterEach(async function () {
    if (vs && this.currentTest?.state === 'failed') {
      await vs.screenshot(`fail-v1-${this.currentTest.title}`).catch(() => undefined);
      vs.saveLogs(`fail-v1-${this.currentTest.title}`);
    }
  });

  it('go1.21-annot.trace: one generation read whole → P → batch → raw event, its stack, a frame opening main.go', async function () {
    wv = await openTrace(vs!, 'v1/go1.21-annot.trace');
    const field = async (k: string) => (await wv.locator(`#summary [data-field=${k}]`).innerText()).trim();
    await wv.locator('#summary [data-field=events]').filter({ hasText: /\d/ }).waitFor({ timeout: 20_000 });
    assert.equal(await field('formatVersion'), 'go 1.21 trace');
    assert.match(await field('generations'), /^1\b/);
    assert.equal(await wv.locator('#banner').count(), 0, 'Go reads this trace: no banner');
    const gen = rowAt(wv, 1, /^generation 1 \(v1 trace: read whole\)$/);
    await gen.waitFor({ timeout: 20_000 });
    assert.equal(await gen.getAttribute('data-kind'), 'generation');
    // the generation, P 0, its first batch, down to the raw events
    await expandRow(wv, 'generation-tree', /^generation 1 \(v1 trace/);
    await rowAt(wv, 2, /^P 0$/).waitFor({ timeout: 20_000 });
    assert.ok(await rowAt(wv, 2, /^P 1$/).count() > 0, 'P 1');
    assert.ok(await rowAt(wv, 2, /^strings$/).count() > 0, 'the strings table');
    await expandRow(wv, 'generation-tree', /^P 0$/);
    await rowAt(wv, 3, /^batch 0$/).waitFor({ timeout: 20_000 });
    await expandRow(wv, 'generation-tree', /^batch 0$/);
    await wv.locator('#generation-tree [role=treeitem][aria-level="4"][data-kind=event]').first().waitFor({ timeout: 20_000 });
    await waitTreeIdle(wv, 'generation-tree');
    const first = await rowInfo(rowAt(wv, 4, /^GoCreate$/));
    assert.equal(first.id, 'g0/b0/e0');
    assert.equal(first.description, '+0 ns  g=1  stack=2  stk=1');
    // the first raw event, selected: where and when, its v1 arguments, the new goroutine's stack and its own
    await selectEvent(wv, /^GoCreate$/);
    const info = async () => wv.locator('#event-tree [role=treeitem][data-kind=info]').filter({ visible: true }).evaluateAll((rows) =>
      rows.map((r) => `${r.querySelector('.label')?.textContent}=${r.querySelector('.description')?.textContent}`));
    const infos = await info();
    for (const want of [/^event=GoCreate$/, /^offset=@24 \(0x18\)$/, /^proc=P 0$/, /^time=\+0 ns \(0 ns, \d+ ticks\)$/]) {
      assert.ok(infos.some((i) => want.test(i)), `${want} in ${infos.join(', ')}`);
    }
    // In the order shown: the virtual tree recycles row elements, so DOM order is not screen order.
    const argText = async () => wv.locator('#event-tree [role=treeitem][data-kind=arg]').filter({ visible: true }).evaluateAll((rows) =>
      rows.map((r) => ({ top: r.getBoundingClientRect().top, text: `${r.querySelector('.label')?.textContent}=${r.querySelector('.description')?.textContent}` }))
        .sort((a, b) => a.top - b.top).map((r) => r.text));
    assert.deepEqual(await argText(), ['dt=6', 'g=1', 'stack=2', 'stk=1']);
    const stacks = await wv.locator('#event-tree [role=treeitem][data-kind=stack]').filter({ visible: true }).locator('.label').allInnerTexts();
    assert.deepEqual(stacks.map((l) => l.trim()).sort(), ['new goroutine stack', 'stack']);
    const frames = await frameRows(wv);
    assert.deepEqual(frames, [['runtime.main', 'runtime/proc.go:144'], ['main.main', 'example.com/tracefixtures/annot/main.go:38']]);
    await vs!.screenshot('v1-event-stack');
    // its frame opens the workload's main.go at the line (go.mod module rule)
    await activateRow(wv, 'event-tree', /^main\.main$/);
    await vs!.waitForActiveTab('main.go');
    await vs!.waitForCursorLine(38);
    assert.match(await vs!.currentLineText(), /trace\.Start\(f\)/);
    await vs!.runCommand('View: Close Editor');
    await vs!.page.locator('.tabs-container .tab', { hasText: 'main.go' }).first().waitFor({ state: 'detached', timeout: 10_000 });
    // the filter bar on raw events: the root task's UserTaskCreate, its name (markup) as text
    await filterEvents(wv, 'root task');
    const matches = await wv.locator('#generation-tree [role=treeitem][data-kind=event]').filter({ visible: true }).locator('.label').allInnerTexts();
    assert.deepEqual(matches.map((l) => l.trim()).sort(), ['String', 'UserTaskCreate']);
    await selectEvent(wv, /^UserTaskCreate$/);
    assert.ok((await info()).includes('goroutine=G 1'));
    assert.ok((await argText()).includes('typeid="root task <img src=x onerror=alert(1)>"'));
    assert.equal(await wv.locator('#event-tree img, #generation-tree img').count(), 0, 'trace strings are text');
    await wv.locator('#filter-clear').click();
    await rowAt(wv, 1, /^generation 1 \(v1 trace/).waitFor({ timeout: 20_000 });
    // collapse again: the next test starts from the roots
    const gen1 = rowAt(wv, 1, /^generation 1 \(v1 trace/);
    if ((await gen1.getAttribute('aria-expanded')) === 'true') await gen1.locator('.twistie').click();
    await wv.locator('#generation-tree [role=treeitem][data-kind=generation][aria-expanded=false]').first().waitFor({ timeout: 10_000 });
  });

  it('go1.21-annot.trace: the Goroutines root lists main.main, whose events are found among the raw ones', async function () {
    const root = rowAt(wv, 1, /^Goroutines$/).and(wv.locator('[data-kind=summaryRoot]'));
    await root.waitFor({ timeout: 30_000 });
    for (const label of [/^Procs$/, /^Threads$/, /^Tasks$/, /^Regions$/, /^Event counts$/]) assert.ok(await rowAt(wv, 1, label).count() > 0, `${label} root`);
    await expandRow(wv, 'generation-tree', /^Goroutines$/);
    const main = treeRows(wv, 'generation-tree', /\bmain\.main$/).and(wv.locator('[data-kind=goroutine][aria-level="2"]')).first();
    await main.waitFor({ timeout: 20_000 });
    assert.match((await rowInfo(main)).label, /^G 1 {2}main\.main$/);
    await wv.locator('#summary [data-field=goroutines]').filter({ hasText: /^\s*11\s*$/ }).waitFor({ timeout: 20_000 });
    await expandRow(wv, 'generation-tree', /\bmain\.main$/);
    await wv.locator('#generation-tree [role=treeitem][aria-level="3"][data-kind=event]').first().waitFor({ timeout: 20_000 });
    await waitTreeIdle(wv, 'generation-tree');
    await selectEvent(wv, /^UserTaskBegin$/);
    const offset = wv.locator('#event-tree [role=treeitem][data-kind=info]').filter({ visible: true }).filter({ has: wv.locator('.label', { hasText: /^offset$/ }) });
    assert.match(await offset.locator('.description').innerText(), /^@\d+ \(0x[0-9a-f]+\)$/);
    assert.deepEqual((await frameRows(wv)).map(([f]) => f), ['main.main']);
    await vs!.screenshot('v1-goroutines');
    await rowAt(wv, 1, /^Goroutines$/).locator('.twistie').click();
  });

  it("go1.19-cgocb.trace: Go's ordering error in the Problems panel and the viewer; the raw events stay browsable", async function () {
    await vs!.closeAllEditors();
    const cgo = await openTrace(vs!, 'v1/go1.19-cgocb.trace');
    await cgo.locator('#banner').filter({ hasText: /Go cannot read this v1 trace, at byte 46: no consistent ordering of events possible/ }).waitFor({ timeout: 30_000 });
    await cgo.locator('#problems .problem-row[data-code="ordering-failed"]').first().waitFor({ state: 'attached', timeout: 30_000 });
    const rows = await vs!.problems({ waitFor: /no consistent ordering of events possible/ });
    const row = rows.find((r) => /no consistent ordering of events possible/.test(r.text))!;
    assert.equal(row.severity, 'error');
    assert.match(row.text, /generation 1, batch 0, byte offset 46/);
    // the problem's link reveals the raw event Go could not get past
    const prow = vs!.page.locator('.markers-panel .monaco-list-row', { hasText: /no consistent ordering/ }).first();
    const link = prow.locator('a', { hasText: 'ordering-failed' }).first();
    if ((await link.count()) > 0) await link.click();
    else await prow.dblclick();
    // (the reveal expands the row's ancestors first, then selects it)
    const selected = cgo.locator('#generation-tree [role=treeitem][aria-selected=true][data-node-id="g0/b0/e6"]');
    await selected.waitFor({ timeout: 20_000 });
    assert.equal((await rowInfo(selected)).label, 'GoStart');
    await cgo.locator('#event-tree [role=treeitem][data-kind=info]').filter({ hasText: /offset\s*@46 \(0x2e\)/ }).first().waitFor({ timeout: 20_000 });
    await waitTreeIdle(cgo, 'generation-tree');
    assert.ok(await cgo.locator('#generation-tree [role=treeitem][aria-level="4"][data-kind=event]').filter({ visible: true }).count() > 10, 'the batch\'s raw events');
    await vs!.screenshot('v1-cgocb-problem');
    // Show Wire Dump: the v1 dump, at the selected raw event's line
    await cgo.locator('button[aria-label^="Show the wire dump"]').click();
    await vs!.waitForActiveTab('go1.19-cgocb.trace.wire.txt');
    await vs!.waitForCursorLine(9);
    assert.equal((await vs!.currentLineText()).trim(), 'GoStart dt=6 g=17 seq=1');
    await vs!.runCommand('View: Close Editor');
  });
});
