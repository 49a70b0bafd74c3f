// The filter bar on app.trace in the real VS Code: a goroutine filter lists that goroutine's
// events as under Goroutines (its own blocking included), each row naming G, P and M, the
// field's tooltip says what it means; a type filter's rows are in time order.
import * as assert from 'node:assert/strict';
import { Frame } from 'playwright-core';
import { E2E_ENABLED } from './fixtures';
import { VSCode, waitTreeIdle } from './harness';
import { openTrace } from './viewer.e2e.test';

/** The visible event rows of the generation tree, top to bottom. */
async function eventRows(wv: Frame): Promise<{ label: string; description: string }[]> {
  // One snapshot of the rendered rows (the virtual tree may re-render between per-row reads), in row order.
  const rows = await wv.locator('#generation-tree [role=treeitem][data-kind=event]').evaluateAll((els) =>
    els.filter((e) => (e as HTMLElement).getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden')
      .map((e) => [Number(e.getAttribute('data-row')), e.querySelector('.label')?.textContent ?? '', e.querySelector('.description')?.textContent ?? ''] as [number, string, string]));
  return rows.sort((a, b) => a[0] - b[0]).map(([, label, description]) => ({ label, description }));
}

/** Fills a field, presses Enter, waits for the final count ("so far" gone) and the rows. */
async function filterBy(wv: Frame, field: string, value: string): Promise<string> {
  await wv.locator(`#filter-${field}`).fill(value);
  await wv.locator(`#filter-${field}`).press('Enter');
  const status = wv.locator('#filter-status').filter({ hasText: /\d+ events? match(es)?$/ });
  await status.waitFor({ timeout: 30_000 });
  await waitTreeIdle(wv, 'generation-tree');
  await wv.locator('#generation-tree [role=treeitem][data-kind=event]').first().waitFor({ timeout: 20_000 });
  return (await status.innerText()).trim();
}

if (E2E_ENABLED) describe('e2e filter: app.trace', function () {
  let vs: VSCode | undefined;
  let wv: Frame;

  before(async function () {
    vs = await VSCode.start();
    wv = await openTrace(vs, 'traces/app.trace');
    // Goroutine filters use the summaries' index: wait for them.
    await wv.locator('#summary [data-field=goroutines]').filter({ hasText: /^\s*\d+\s*$/ }).waitFor({ timeout: 30_000 });
  });
  after(async function () {
    await vs?.stop();
  });
  afterEach(async function () {
    if (vs && this.currentTest?.state === 'failed') {
      await vs.screenshot(`fail-filter-${this.currentTest.title}`).catch(() => undefined);
      vs.saveLogs(`fail-filter-${this.currentTest.title}`);
    }
  });

  it('goroutine 1: its events as Go gives them, each row naming G, P and M', async function () {
    const title = await wv.locator('#filter-goroutine').getAttribute('title');
    assert.match(title ?? '', /events as Go gives them/);
    const status = await filterBy(wv, 'goroutine', '1');
    assert.match(status, /^\d[\d,]* events? match/);
    const rows = await eventRows(wv);
    assert.ok(rows.length > 0);
    for (const r of rows) assert.match(r.description, /^\+.*? {2}(G \d+|no G) {2}(P \d+|no P) {2}(M \d+|no M)/, r.label);
    assert.ok(rows.some((r) => /^\+.*? {2}G 1 {2}/.test(r.description)), 'events running on G 1');
    await vs!.screenshot('filter-goroutine');
    await wv.locator('#filter-goroutine').fill('');
  });

  it('a type: its events in time order', async function () {
    await wv.locator('#filter-goroutine').fill('');
    await wv.locator('#filter-type').selectOption('GoStart');
    // The status may still show the previous filter's count for a moment: wait for the new rows.
    let rows: Awaited<ReturnType<typeof eventRows>> = [];
    for (const end = Date.now() + 30_000; Date.now() < end; await new Promise((r) => setTimeout(r, 200))) {
      await wv.locator('#filter-status').filter({ hasText: /\d+ events? match(es)?$/ }).waitFor({ timeout: 30_000 });
      await waitTreeIdle(wv, 'generation-tree');
      rows = await eventRows(wv);
      if (rows.length > 1 && rows.every((r) => r.label === 'GoStart')) break;
    }
    assert.ok(rows.length > 1 && rows.every((r) => r.label === 'GoStart'), JSON.stringify(rows.slice(0, 5).map((r) => r.label)));
    const us = (d: string): number => {
      const m = /^\+([\d.]+) (ns|µs|ms|s)\b/.exec(d)!;
      return Number(m[1]) * { ns: 1e-3, µs: 1, ms: 1e3, s: 1e6 }[m[2] as 'ns']!;
    };
    for (let i = 1; i < rows.length; i++) assert.ok(us(rows[i].description) >= us(rows[i - 1].description), `${rows[i - 1].description} then ${rows[i].description}`);
  });
});
