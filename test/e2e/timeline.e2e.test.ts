// The Timeline pane in the real VS Code, on the workspace's app.trace: the header button and the
// command show it, its lanes are drawn from the worker's layout (GC, the counter lanes, whose
// hover shows their values, procs, threads, goroutine groups: their count is announced), W zooms and D pans (the visible range changes to match),
// and Enter on a slice selects the event that began it in the trees (the event pane shows it);
// "Show in Timeline" on a goroutine's event row selects the slice that event began; ] steps along the
// goroutine, U jumps to the goroutine that unblocked a waiting slice and C to a goroutine's creator.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { Frame } from 'playwright-core';
import { E2E_ENABLED } from './fixtures';
import { expandRow, treeRows, VSCode, waitTreeIdle } from './harness';

async function openTrace(vs: VSCode, trace: string): Promise<Frame> {
  await vs.quickOpen(trace);
  const wv = await vs.traceWebview(path.basename(trace));
  await wv.locator('#generation-tree [role=treeitem][data-kind=generation]').first().waitFor({ timeout: 30_000 });
  return wv;
}

async function rangeText(wv: Frame): Promise<string> {
  return (await wv.locator('#timeline-pane .timeline-range').innerText()).trim();
}

async function waitForChange(wv: Frame, before: string, what: string): Promise<string> {
  const end = Date.now() + 10_000;
  for (;;) {
    const now = await rangeText(wv);
    if (now !== before && now !== '') return now;
    if (Date.now() > end) throw new Error(`${what}: the range stayed ${before}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

if (E2E_ENABLED) describe('e2e timeline: lanes, zoom and pan, a slice selects its event', function () {
  let vs: VSCode | undefined;
  let wv: Frame;

  before(async function () {
    vs = await VSCode.start();
    wv = await openTrace(vs, 'traces/app.trace');
    // The timeline reads the pass's data: wait until the summaries are done.
    await wv.locator('#generation-tree [role=treeitem][data-kind=summaryRoot]').filter({ hasText: /^Goroutines/ }).first().waitFor({ timeout: 60_000 });
  });
  after(async function () {
    await vs?.stop();
  });
  afterEach(async function () {
    if (vs && this.currentTest?.state === 'failed') await vs.screenshot(`fail-timeline-${this.currentTest.title}`).catch(() => undefined);
  });

  it('the header button shows the Timeline pane with its lanes; the range fits the trace', async function () {
    assert.equal(await wv.locator('#timeline-pane').isVisible(), false, 'hidden until asked for');
    await wv.locator('button[aria-label="Show or hide the timeline"]').click();
    await wv.locator('#timeline-pane canvas.timeline-lanes').waitFor({ state: 'visible', timeout: 20_000 });
    const box = await wv.locator('#timeline-pane canvas.timeline-lanes').boundingBox();
    assert.ok(box && box.width > 200 && box.height > 50, `the lanes canvas is drawn at ${JSON.stringify(box)}`);
    const end = Date.now() + 20_000;
    let range = '';
    while (Date.now() < end && !/\d.*–.*\d/.test(range)) range = await rangeText(wv).catch(() => '');
    assert.match(range, /^0\s*\S*\s*–\s*[\d.]+\s*(ns|µs|ms|s)$/, `the whole trace from 0: ${range}`);
    await vs!.screenshot('timeline-app');
  });

  it('the counter lanes follow GC: hovering one shows its values at the cursor as text', async function () {
    const canvas = wv.locator('#timeline-pane canvas.timeline-lanes');
    const tooltip = wv.locator('#timeline-pane .timeline-tooltip');
    // GC is one lane (18 px), then the counter lanes (54 px each): the middle of the first.
    const end = Date.now() + 20_000;
    let text = '';
    while (Date.now() < end && !/Time/.test(text)) {
      await canvas.hover({ position: { x: 420 + (Date.now() % 7), y: 18 + 27 } });
      text = (await tooltip.isVisible()) ? await tooltip.innerText() : '';
      if (!/Time/.test(text)) await new Promise((r) => setTimeout(r, 250));
    }
    assert.match(text, /^(Heap|Goroutines|Threads)/, `a counter lane's tooltip: ${text}`);
    assert.match(text, /Heap in use|Running/);
    await vs!.screenshot('timeline-counters');
    await canvas.hover({ position: { x: 5, y: 5 } });
  });

  it('W zooms in and D pans: the visible range changes to match', async function () {
    const canvas = wv.locator('#timeline-pane canvas.timeline-lanes');
    await canvas.focus();
    const before = await rangeText(wv);
    await canvas.press('w');
    const zoomed = await waitForChange(wv, before, 'W');
    await canvas.press('d');
    const panned = await waitForChange(wv, zoomed, 'D');
    assert.notEqual(panned, before);
    await canvas.press('0');
    await waitForChange(wv, panned, 'zoom to fit');
  });

  it('the keyboard reads a counter lane: Right steps along its points and announces their values', async function () {
    const canvas = wv.locator('#timeline-pane canvas.timeline-lanes');
    await canvas.focus();
    // To the top (GC), then down to the first counter lane.
    for (let i = 0; i < 12; i++) await canvas.press('ArrowUp');
    await canvas.press('ArrowDown');
    const live = wv.locator('#timeline-pane .timeline-live');
    await canvas.press('ArrowRight');
    await live.filter({ hasText: /^Heap: Time / }).waitFor({ timeout: 10_000 }).catch(() => undefined);
    const first = (await live.innerText()).trim();
    assert.match(first, /^Heap: Time .+ – .+, Heap in use \S/);
    await canvas.press('ArrowRight');
    let second = first;
    for (const end = Date.now() + 10_000; second === first && Date.now() < end; ) {
      await new Promise((r) => setTimeout(r, 100));
      second = (await live.innerText()).trim();
    }
    assert.match(second, /^Heap: Time /);
    assert.notEqual(second, first, 'the next point is announced');
    for (let i = 0; i < 12; i++) await canvas.press('ArrowUp');
  });

  it('Enter on a slice of a goroutine lane selects the event that began it: the event pane shows it', async function () {
    const canvas = wv.locator('#timeline-pane canvas.timeline-lanes');
    await canvas.focus();
    const live = wv.locator('#timeline-pane .timeline-live');
    // Down the lanes to a goroutine's (past GC, procs and threads), then along it to a slice.
    let said = '';
    for (let i = 0; i < 60 && !/^G\d+/.test(said); i++) {
      await canvas.press('ArrowDown');
      await canvas.press('ArrowRight');
      said = (await live.innerText().catch(() => '')).trim();
    }
    assert.match(said, /G\d+/, `the focused slice is announced: ${said}`);
    await canvas.press('Enter');
    await wv.locator('.pane[aria-label=Event] .pane-title-detail').filter({ hasText: /\S/ }).waitFor({ timeout: 20_000 });
    await wv.locator('#event-tree [role=treeitem]').first().waitFor({ timeout: 20_000 });
    // The reveal in the generation tree lands after the event pane: wait for it, so the next
    // test does not see it expand the tree again.
    await wv.locator('#generation-tree [role=treeitem][aria-selected=true][data-kind=event]').first().waitFor({ timeout: 20_000 });
    await waitTreeIdle(wv, 'generation-tree');
  });

  it('"Show in Timeline" on an event row of a goroutine selects the slice it began on that lane', async function () {
    // The last test revealed an event in the generation: collapse it to see the roots again, until
    // no generation event row is left (the tree is virtualized: Home first brings the top back).
    const generation = wv.locator('#generation-tree [role=treeitem][aria-level="1"][data-kind=generation]').first();
    for (let i = 0; i < 5 && (await generation.getAttribute('aria-expanded').catch(() => 'true')) !== 'false'; i++) {
      await wv.locator('#generation-tree [role=treeitem]').first().click();
      await wv.locator('#generation-tree [role=treeitem]').first().press('Home');
      await generation.waitFor({ timeout: 5_000 }).catch(() => undefined);
      if ((await generation.getAttribute('aria-expanded').catch(() => null)) === 'true') {
        // The tree acts on its active row: make the generation that row, then close it.
        await generation.click();
        await generation.press('ArrowLeft');
      }
      await waitTreeIdle(wv, 'generation-tree');
    }
    assert.equal(await generation.getAttribute('aria-expanded'), 'false', 'the generation is collapsed');
    await expandRow(wv, 'generation-tree', /^Goroutines$/);
    const main = treeRows(wv, 'generation-tree', /\bmain\.main$/).and(wv.locator('[data-kind=goroutine][aria-level="2"]'));
    await main.first().waitFor({ timeout: 20_000 });
    await expandRow(wv, 'generation-tree', /\bmain\.main$/);
    const event = wv.locator('#generation-tree [role=treeitem][aria-level="3"][data-kind=event]').nth(1);
    await event.waitFor({ timeout: 20_000 });
    await waitTreeIdle(wv, 'generation-tree');
    await event.click();
    await wv.locator('#event-tree [role=treeitem]').first().waitFor({ timeout: 20_000 });
    const before = await rangeText(wv);
    await vs!.runCommand('Go Trace: Show in Timeline');
    const live = wv.locator('#timeline-pane .timeline-live');
    await live.filter({ hasText: /^Selected G1: \w+, from .* \(event \w+\)$/ }).waitFor({ timeout: 20_000 });
    // Zoomed to the event: a 50 µs window.
    const range = await rangeText(wv);
    assert.notEqual(range, before);
    await vs!.screenshot('timeline-show-in-timeline');
  });

  it('cause and effect: ] steps along G1, U jumps to the goroutine that unblocked it, C to a creator', async function () {
    // Follows the last test: G1's slice at the revealed event is selected.
    const canvas = wv.locator('#timeline-pane canvas.timeline-lanes');
    const live = wv.locator('#timeline-pane .timeline-live');
    const unblocked = wv.locator('#timeline-pane button', { hasText: 'Unblocked by' });
    const created = wv.locator('#timeline-pane button', { hasText: 'Created by' });
    await canvas.focus();
    await canvas.press(']');
    await live.filter({ hasText: /^Selected G1's next slice$/ }).waitFor({ timeout: 10_000 });
    // Along G1 until a waiting slice another goroutine ended (the button turns on with the answer).
    for (let i = 0; i < 60 && !(await unblocked.isEnabled()); i++) {
      await canvas.press(']');
      await new Promise((r) => setTimeout(r, 150));
    }
    assert.ok(await unblocked.isEnabled(), 'G1 has a slice another goroutine unblocked');
    const title = (await unblocked.getAttribute('title')) ?? '';
    const by = /G(\d+)/.exec(title);
    assert.ok(by && by[1] !== '1', `the button names the unblocker: ${title}`);
    await canvas.press('u');
    // Shown, then its slice at that instant selected.
    await live.filter({ hasText: new RegExp(`^Selected G${by[1]}: \\w+, from .* \\(the unblocker, G${by[1]}\\)$`) }).waitFor({ timeout: 10_000 });
    await vs!.screenshot('timeline-unblocker');
    // The unblocker is a goroutine the program started: its creator is known.
    await created.waitFor({ state: 'attached' });
    const end = Date.now() + 10_000;
    while (!(await created.isEnabled()) && Date.now() < end) await new Promise((r) => setTimeout(r, 100));
    assert.ok(await created.isEnabled(), `G${by[1]} has a creator: ${await created.getAttribute('title')}`);
    await canvas.press('c');
    await live.filter({ hasText: /^Selected G\d+: \w+, from .* \(the creator, G\d+\)$/ }).waitFor({ timeout: 10_000 });
  });

  it('the Table button lists the visible slices as text; Enter on a row selects that slice', async function () {
    await wv.locator('#timeline-pane button', { hasText: /^Table$/ }).click();
    const table = wv.locator('#timeline-pane .timeline-table');
    await table.waitFor({ state: 'visible', timeout: 10_000 });
    await table.locator('.timeline-table-caption').filter({ hasText: /^Visible: \d+ slices?/ }).waitFor({ timeout: 10_000 });
    // The view is at the last test's creator: its goroutine's lane is in view.
    const row = table.locator('tbody tr', { hasText: /^G\d+/ }).filter({ hasText: /Running|Waiting|Runnable/ }).filter({ hasNotText: /merged/ }).first();
    await row.waitFor({ timeout: 10_000 });
    const cells = await row.locator('td').allInnerTexts();
    assert.match(cells[0], /^G\d+/, `a goroutine lane's row: ${cells.join(' | ')}`);
    await row.focus();
    await row.press('Enter');
    const live = wv.locator('#timeline-pane .timeline-live');
    const lane = /^G(\d+)/.exec(cells[0])![1];
    await live.filter({ hasText: new RegExp(`^Selected G${lane}: \\w+, from ${cells[3].replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} .*\\(from the table\\)$`) }).waitFor({ timeout: 10_000 });
    await vs!.screenshot('timeline-table');
    await wv.locator('#timeline-pane button', { hasText: /^Table$/ }).click();
    await table.waitFor({ state: 'hidden', timeout: 5_000 });
  });

  it('the command hides nothing and shows the pane again after the button hid it', async function () {
    await wv.locator('button[aria-label="Show or hide the timeline"]').click();
    assert.equal(await wv.locator('#timeline-pane').isVisible(), false);
    await vs!.runCommand('Go Trace: Show Timeline');
    await wv.locator('#timeline-pane').waitFor({ state: 'visible', timeout: 10_000 });
  });

  it('a goroutine in the filter bar: the timeline counts and announces the slices that match', async function () {
    const canvas = wv.locator('#timeline-pane canvas.timeline-lanes');
    const live = wv.locator('#timeline-pane .timeline-live');
    const status = wv.locator('#timeline-pane .timeline-filter');
    await canvas.focus();
    await canvas.press('0');
    await wv.locator('#filter-goroutine').fill('1');
    await wv.locator('#filter-goroutine').press('Enter');
    const said = /^Filter: ([\d,]+) of ([\d,]+) visible slices? match(es)?$/;
    await status.filter({ hasText: said }).waitFor({ timeout: 10_000 });
    await live.filter({ hasText: said }).waitFor({ timeout: 10_000 });
    const [, matched, visible] = said.exec((await status.innerText()).trim())!.map((n) => Number(n?.replace(/,/g, '')));
    assert.ok(visible > 0 && matched <= visible, `${matched} of ${visible}`);
    assert.match((await status.getAttribute('title')) ?? '', /outlined, the others dimmed/);
    await vs!.screenshot('timeline-filter');
    await wv.locator('#filter-clear').click();
    await live.filter({ hasText: /^Timeline filter cleared$/ }).waitFor({ timeout: 10_000 });
    assert.equal(await status.isVisible(), false);
  });

  it('a drag on the ruler shows the range\'s statistics: a known group\'s row; Escape hides them', async function () {
    const canvas = wv.locator('#timeline-pane canvas.timeline-lanes');
    await canvas.focus();
    await canvas.press('0');
    const box = (await wv.locator('#timeline-pane canvas.timeline-ruler').boundingBox())!;
    const y = box.y + box.height / 2;
    // Past the lane names (200 px), from near the start to well past the middle.
    await vs!.page.mouse.move(box.x + 210, y);
    await vs!.page.mouse.down();
    await vs!.page.mouse.move(box.x + box.width * 0.5, y, { steps: 5 });
    await vs!.page.mouse.move(box.x + box.width - 10, y, { steps: 5 });
    await vs!.page.mouse.up();
    const panel = wv.locator('#timeline-pane .range-stats');
    await panel.waitFor({ state: 'visible', timeout: 10_000 });
    assert.equal(await panel.getAttribute('aria-label'), 'Statistics of the selected range');
    const row = panel.locator('[data-table=groups] tbody tr', { hasText: 'example.com/e2eapp/worker.Run.func1' });
    await row.waitFor({ timeout: 20_000 });
    const cells = await row.locator('td').allInnerTexts();
    assert.equal(cells[1], '4', `its four goroutines: ${cells.join(' | ')}`);
    assert.match(cells[6], /^[\d.]+ (ns|µs|ms|s)$/, 'its total time');
    assert.match(await panel.locator('.range-stats-heading').innerText(), /generation.*events$/);
    assert.ok((await panel.locator('[data-table=events] tbody tr').count()) > 1, 'events by type');
    // The column headers sort: Group (text) A to Z.
    await panel.locator('[data-table=groups] th button', { hasText: /^Group$/ }).click();
    assert.equal(await panel.locator('[data-table=groups] th').first().getAttribute('aria-sort'), 'ascending');
    await vs!.screenshot('timeline-range-stats');
    await canvas.focus();
    await canvas.press('Escape');
    await panel.waitFor({ state: 'hidden', timeout: 5_000 });
  });
});
