// The viewer follows the color theme: light and dark both render (screenshots in
// test-artifacts/e2e/theme-*.png), with the theme's colors, not fixed ones.
import * as assert from 'node:assert/strict';
import { Frame } from 'playwright-core';
import { E2E_ENABLED } from './fixtures';
import { DARK_THEME, LIGHT_THEME, VSCode } from './harness';
import { filterEvents, openTrace, selectEvent } from './viewer.e2e.test';

/** Relative luminance of a CSS rgb()/rgba() color, 0 (black) to 1 (white). */
function luminance(css: string): number {
  const m = /rgba?\((\d+),\s*(\d+),\s*(\d+)/.exec(css);
  if (!m) throw new Error(`not an rgb color: ${css}`);
  return (0.2126 * Number(m[1]) + 0.7152 * Number(m[2]) + 0.0722 * Number(m[3])) / 255;
}

async function colors(wv: Frame): Promise<{ bodyClass: string; background: string; foreground: string }> {
  return wv.evaluate(() => {
    const cs = getComputedStyle(document.body);
    return { bodyClass: document.body.className, background: cs.backgroundColor, foreground: cs.color };
  });
}

if (E2E_ENABLED) describe('e2e themes: light and dark', function () {
  let vs: VSCode | undefined;
  let wv: Frame;

  before(async function () {
    vs = await VSCode.start({ theme: LIGHT_THEME });
    wv = await openTrace(vs, 'traces/app.trace');
    await filterEvents(wv, 'Annotate');
    await selectEvent(wv, /Log/);
  });
  after(async function () {
    await vs?.stop();
  });
  afterEach(async function () {
    if (vs && this.currentTest?.state === 'failed') {
      await vs.screenshot(`fail-themes-${this.currentTest.title}`).catch(() => undefined);
      vs.saveLogs(`fail-themes-${this.currentTest.title}`);
    }
  });

  it('renders in Default Light Modern', async function () {
    assert.equal(await vs!.themeType(), 'vs');
    await wv.waitForFunction(() => document.body.classList.contains('vscode-light'), undefined, { timeout: 10_000 });
    const c = await colors(wv);
    assert.ok(luminance(c.background) > 0.8 || c.background === 'rgba(0, 0, 0, 0)', `light background ${c.background}`);
    assert.ok(luminance(c.foreground) < 0.4, `dark text ${c.foreground}`);
    await vs!.screenshot('theme-light');
  });

  it('renders in Default Dark Modern', async function () {
    await vs!.setTheme(DARK_THEME);
    assert.equal(await vs!.themeType(), 'vs-dark');
    await wv.waitForFunction(() => document.body.classList.contains('vscode-dark'), undefined, { timeout: 10_000 });
    const c = await colors(wv);
    assert.ok(luminance(c.foreground) > 0.6, `light text ${c.foreground}`);
    const rowColor = await wv.locator('#event-tree [role=treeitem] .label').first().evaluate((e) => getComputedStyle(e).color);
    assert.ok(luminance(rowColor) > 0.5, `tree labels readable on dark: ${rowColor}`);
    await vs!.screenshot('theme-dark');
  });
});
