// Takes the README's screenshots (docs/screenshots/*.png) with the e2e harness. Not a test.
//
//   npx esbuild test/e2e/readmeScreenshots.ts --bundle --platform=node --format=cjs \
//     --external:playwright-core --outfile=out/test/e2e/readmeScreenshots.js && node out/test/e2e/readmeScreenshots.js [OUTDIR]
//
// The workspace is test/e2e/workspace (copied to a temp dir, opened as a folder, so the workbench
// shows only relative names) plus two broken fixtures under broken/. OUTDIR defaults to
// docs/screenshots. Env as for the harness (E2E_VSIX...).
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { FRAMES } from '../support/sourceVariants.js';
import { activateRow, clickRow, DARK_THEME, expandRow, LIGHT_THEME, REPO, VSCode, waitTreeIdle } from './harness';
import { filterEvents, openTrace, selectEvent } from './viewer.e2e.test';

const OUT = path.resolve(process.argv[2] ?? path.join(REPO, 'docs/screenshots'));
const BROKEN = 'broken-go1.26-manyg-eog-removed.trace';
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Screenshot of the page, clipped to the union of the given workbench parts. */
async function shot(page: Page, name: string, selectors: string[]): Promise<void> {
  const boxes = [];
  for (const s of selectors) {
    const b = await page.locator(s).first().boundingBox();
    if (b) boxes.push(b);
  }
  const x = Math.min(...boxes.map((b) => b.x));
  const y = Math.min(...boxes.map((b) => b.y));
  const clip = {
    x, y,
    width: Math.max(...boxes.map((b) => b.x + b.width)) - x,
    height: Math.max(...boxes.map((b) => b.y + b.height)) - y,
  };
  fs.mkdirSync(OUT, { recursive: true });
  await page.mouse.move(0, 0); // no hover
  await sleep(300);
  await page.screenshot({ path: path.join(OUT, `${name}.png`), clip });
  console.log(`${name}.png ${Math.round(clip.width)}x${Math.round(clip.height)}`);
}

/** The generation tree opened down to events (first generation, thread, batch), an event with a stack selected. */
async function expandToEvent(wv: Frame): Promise<void> {
  for (const level of [1, 2, 3]) {
    // level 1: the first generation (the summary roots come before it)
    const kind = level === 1 ? '[data-kind=generation]' : '';
    const row = wv.locator(`#generation-tree [role=treeitem][aria-level="${level}"][aria-expanded]${kind}`).filter({ visible: true }).first();
    await row.scrollIntoViewIfNeeded();
    if ((await row.getAttribute('aria-expanded')) === 'false') await row.locator('.twistie').click();
    await wv.locator(`#generation-tree [role=treeitem][aria-level="${level + 1}"][data-kind]`).first().waitFor({ timeout: 20_000 });
    await waitTreeIdle(wv, 'generation-tree');
  }
  // the first event in the open batch whose details have a stack
  const events = wv.locator('#generation-tree [role=treeitem][data-kind=event]').filter({ visible: true });
  const n = await events.count();
  for (let i = 0; i < n; i++) {
    await events.nth(i).locator('.label').click();
    await waitTreeIdle(wv, 'event-tree');
    await sleep(300);
    if (await wv.locator('#event-tree [role=treeitem][data-kind=frame]').filter({ visible: true }).count() >= 2) return;
  }
  throw new Error('no event with a stack in the first batch');
}

/** Shows the Timeline pane and waits until its lanes are drawn (the range is known). */
async function showTimeline(wv: Frame): Promise<void> {
  await wv.locator('button[aria-label="Show or hide the timeline"]').click();
  await wv.locator('#timeline-pane canvas.timeline-lanes').waitFor({ state: 'visible', timeout: 20_000 });
  await wv.locator('#timeline-pane .timeline-range').filter({ hasText: /\d.*–.*\d/ }).waitFor({ timeout: 20_000 });
  await sleep(1000);
}

async function toggleSidebar(vs: VSCode): Promise<void> {
  await vs.focusWorkbench();
  await vs.page.keyboard.press('Control+B');
  await sleep(500);
}

async function main(): Promise<void> {
  const vs = await VSCode.start({
    theme: DARK_THEME,
    viewport: { width: 1280, height: 760 },
    prepare: (ws) => {
      fs.mkdirSync(path.join(ws, 'broken'), { recursive: true });
      fs.copyFileSync(path.join(REPO, 'test/fixtures/traces', BROKEN), path.join(ws, 'broken', BROKEN));
    },
  });
  try {
    const editor = '.part.editor';
    const sidebarAndEditor = ['.part.sidebar', '.part.editor'];

    // 1. dark: app.trace, the tree open down to an event, its arguments and stack
    let wv = await openTrace(vs, 'traces/app.trace');
    await wv.locator('#summary[aria-busy=false]').waitFor({ state: 'attached', timeout: 30_000 });
    await expandToEvent(wv);
    await shot(vs.page, 'viewer-dark', sidebarAndEditor);

    // 1b. dark: the Procs root open at P 0 (the generation closed), its UserLog event selected: the
    //     event pane shows where and when, Go's arguments (markup shown as text) and the stack
    const generation = wv.locator('#generation-tree [role=treeitem][aria-level="1"][data-kind=generation]').first();
    await generation.scrollIntoViewIfNeeded();
    await generation.locator('.twistie').click();
    await expandRow(wv, 'generation-tree', /^Procs$/);
    await expandRow(wv, 'generation-tree', /^P 0$/);
    await waitTreeIdle(wv, 'generation-tree');
    await clickRow(wv, 'generation-tree', /^UserLog$/);
    await wv.locator('#event-tree [role=treeitem][data-kind=frame]').filter({ visible: true }).nth(1).waitFor({ timeout: 20_000 });
    await waitTreeIdle(wv, 'event-tree');
    await shot(vs.page, 'procs-dark', sidebarAndEditor);

    // 1c. dark: the Timeline pane above the trees (GC, procs, threads, goroutine groups)
    await showTimeline(wv);
    await shot(vs.page, 'timeline-dark', [editor]);

    // 1d. dark: scrolled to the task lane and the goroutines (regions over G1's lane), a range
    //     dragged on the ruler and its statistics below
    await wv.locator('#timeline-pane .timeline-scroller').evaluate((e) => (e.scrollTop = 190));
    const ruler = wv.locator('#timeline-pane canvas.timeline-ruler');
    const box = (await ruler.boundingBox())!;
    await vs.page.mouse.move(box.x + box.width * 0.3, box.y + box.height / 2);
    await vs.page.mouse.down();
    await vs.page.mouse.move(box.x + box.width * 0.75, box.y + box.height / 2, { steps: 8 });
    await vs.page.mouse.up();
    await wv.locator('.range-stats table').first().waitFor({ timeout: 20_000 });
    await sleep(1000);
    await shot(vs.page, 'timeline-range-dark', [editor]);
    await wv.locator('#timeline-pane canvas.timeline-lanes').press('Escape');
    await wv.locator('button[aria-label="Show or hide the timeline"]').click();

    // 2. dark: a frame of the Log event opened beside the viewer, at its line
    await filterEvents(wv, 'Annotate');
    await selectEvent(wv, /Log/);
    await toggleSidebar(vs); // room for both groups
    await activateRow(wv, 'event-tree', FRAMES.annotate.func);
    await vs.waitForActiveTab('annotate.go');
    await vs.waitForCursorLine(22);
    await shot(vs.page, 'frame-beside-dark', [editor]);

    // 3. light: app.trace as in 1
    await vs.closeAllEditors();
    await toggleSidebar(vs);
    await vs.setTheme(LIGHT_THEME);
    wv = await openTrace(vs, 'traces/app.trace');
    await wv.locator('#summary[aria-busy=false]').waitFor({ state: 'attached', timeout: 30_000 });
    await expandToEvent(wv);
    await shot(vs.page, 'viewer-light', sidebarAndEditor);
    await showTimeline(wv);
    await shot(vs.page, 'timeline-light', [editor]);
    await wv.locator('button[aria-label="Show or hide the timeline"]').click();

    // 4. light: the broken trace, its banner and problems, and the Problems panel
    await vs.closeAllEditors();
    wv = await openTrace(vs, `broken/${BROKEN}`);
    await wv.locator('#banner').waitFor({ timeout: 30_000 });
    await wv.locator('#summary[aria-busy=false]').waitFor({ state: 'attached', timeout: 30_000 });
    await vs.problems({ waitFor: /missing end-of-generation/i });
    await sleep(500);
    await shot(vs.page, 'problems-light', [editor, '.part.panel']);
  } catch (e) {
    if (process.env.SHOTS_DEBUG) await vs.page.screenshot({ path: process.env.SHOTS_DEBUG });
    throw e;
  } finally {
    await vs.stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
