// Broken traces (test/fixtures/traces/broken-go1.26-*, see their .verdict.txt): the parser's
// problems reach the Problems panel, the viewer shows a banner and its own problem rows, and a
// problem's link in the Problems panel reveals its place in the viewer; the timeline marks a problem on
// its ruler.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { E2E_ENABLED } from './fixtures';
import { REPO, VSCode } from './harness';
import { openTrace } from './viewer.e2e.test';

const BROKEN = [
  // missing EndOfGeneration: Go says "broken trace: missing end-of-generation event, ..."
  { file: 'broken-go1.26-manyg-eog-removed.trace', code: 'missing-end-of-generation', severity: 'error', text: /missing end-of-generation/i },
  // the file ends inside a batch: Go says "failed to read full batch"
  { file: 'broken-go1.26-manyg-trunc-midbatch.trace', code: 'batch-truncated', severity: 'warning', text: /truncated|full batch/i },
];
const fixture = (f: string) => path.join(REPO, 'test/fixtures/traces', f);

if (E2E_ENABLED) describe('e2e problems: broken and truncated traces', function () {
  let vs: VSCode | undefined;

  before(async function () {
    const missing = BROKEN.filter((b) => !fs.existsSync(fixture(b.file)));
    if (missing.length) this.skip(); // waits for the broken fixtures in test/fixtures/traces
    vs = await VSCode.start({
      prepare: (ws) => {
        fs.mkdirSync(path.join(ws, 'broken'), { recursive: true });
        for (const b of BROKEN) fs.copyFileSync(fixture(b.file), path.join(ws, 'broken', b.file));
      },
    });
  });
  after(async function () {
    await vs?.stop();
  });
  afterEach(async function () {
    if (vs && this.currentTest?.state === 'failed') {
      await vs.screenshot(`fail-problems-${this.currentTest.title}`).catch(() => undefined);
      vs.saveLogs(`fail-problems-${this.currentTest.title}`);
    }
  });

  it('the timeline marks a problem on its ruler: hovering shows it as text, a click announces it', async function () {
    // First: the reveal tests below open wire dumps, which quick open would then list first.
    const b = BROKEN[0];
    const wv = await openTrace(vs!, `broken/${b.file}`);
    await wv.locator(`#problems .problem-row[data-code="${b.code}"]`).first().waitFor({ state: 'attached', timeout: 30_000 });
    await vs!.runCommand('Go Trace: Show Timeline');
    const ruler = wv.locator('#timeline-pane canvas.timeline-ruler');
    await ruler.waitFor({ state: 'visible', timeout: 20_000 });
    const box = (await ruler.boundingBox())!;
    const tooltip = wv.locator('#timeline-pane .timeline-tooltip');
    // The mark is where generation 1 ends: sweep the ruler until the hover names the problem.
    let text = '';
    let at = -1;
    const end = Date.now() + 60_000;
    while (at < 0 && Date.now() < end) {
      for (let x = 205; x < box.width - 2 && at < 0; x += 4) {
        await ruler.hover({ position: { x, y: box.height / 2 } });
        text = (await tooltip.isVisible()) ? await tooltip.innerText() : '';
        if (b.text.test(text)) at = x;
      }
    }
    assert.ok(at >= 0, `no ruler hover names the problem (last: ${text})`);
    assert.match(text, new RegExp(`^Problem\\s+Error at [\\d.]+ (ns|µs|ms|s)\\s+.*\\(${b.code}\\)`, 's'));
    await vs!.screenshot('timeline-problem-mark');
    await ruler.click({ position: { x: at, y: box.height / 2 } });
    const live = wv.locator('#timeline-pane .timeline-live');
    await live.filter({ hasText: new RegExp(`^Error at .*\\(${b.code}\\)$`) }).waitFor({ timeout: 10_000 });
  });

  for (const b of BROKEN) {
    it(`${b.file}: ${b.code} in the Problems panel, the banner and the viewer's problems`, async function () {
      await vs!.closeAllEditors();
      const wv = await openTrace(vs!, `broken/${b.file}`);
      await wv.locator('#banner').waitFor({ timeout: 30_000 });
      await wv.locator(`#problems .problem-row[data-code="${b.code}"]`).first().waitFor({ state: 'attached', timeout: 30_000 });
      const rows = await vs!.problems({ waitFor: b.text });
      const row = rows.find((r) => b.text.test(r.text));
      assert.ok(row, `no problem matching ${b.text} in ${JSON.stringify(rows)}`);
      assert.equal(row.severity, b.severity, `severity of ${row.text}`);
      assert.ok(rows.some((r) => r.severity === '' && r.text.includes(b.file)), `the problems are filed under ${b.file}`);
      await vs!.screenshot(`problems-${b.code}`);
    });

    it(`${b.file}: the problem's link in the Problems panel reveals its row in the viewer`, async function () {
      await vs!.problems({ waitFor: b.text });
      const prow = vs!.page.locator('.markers-panel .monaco-list-row', { hasText: b.text }).first();
      // the diagnostic's code is a link (goTrace.revealProblem / the URI handler)
      const link = prow.locator('a', { hasText: b.code }).first();
      if ((await link.count()) > 0) await link.click();
      else await prow.dblclick();
      const wv = await vs!.traceWebview(b.file);
      // The revealed row: one of the generation tree's (g<index>...), not a row selected before the
      // reveal lands (the first row, a summary root, gets the selection when the tree takes focus).
      await wv.waitForFunction(() => [...document.querySelectorAll('#generation-tree [role=treeitem][aria-selected=true]')]
        .some((r) => /^g\d+/.test(r.getAttribute('data-node-id') ?? '')), undefined, { timeout: 20_000 }).catch(() => undefined);
      const selected = wv.locator('#generation-tree [role=treeitem][aria-selected=true]').first();
      await selected.waitFor({ timeout: 20_000 });
      const id = await selected.getAttribute('data-node-id');
      const kind = await selected.getAttribute('data-kind');
      assert.ok(id && /^g\d+/.test(id), `revealed row ${id}`);
      assert.ok(kind && ['batch', 'event', 'generation'].includes(kind), `revealed ${kind} ${id}`);
      await vs!.screenshot(`problems-${b.code}-revealed`);
    });
  }
});
