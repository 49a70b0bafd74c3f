// Smoke: the extension activates in a real VS Code (code-server) and its custom editor opens a
// trace: the tab is ours and the webview with the generation tree exists.
import * as assert from 'node:assert/strict';
import { e2eTraces, E2E_ENABLED } from './fixtures';
import { VSCode } from './harness';

if (E2E_ENABLED) describe('e2e smoke: the custom editor opens a trace', function () {
  let vs: VSCode | undefined;
  const trace = e2eTraces()[0];

  before(async function () {
    if (!trace) this.skip(); // waits for test/e2e/workspace/traces/*.trace
    vs = await VSCode.start();
  });
  after(async function () {
    await vs?.stop();
  });
  afterEach(async function () {
    if (vs && this.currentTest?.state === 'failed') {
      await vs.screenshot(`fail-smoke-${this.currentTest.title}`).catch(() => undefined);
      vs.saveLogs(`fail-smoke-${this.currentTest.title}`);
    }
  });

  it('opens a .trace in the Go Trace Viewer webview', async function () {
    await vs!.quickOpen(trace!);
    // the custom editor's webview (not the text editor) holds the trees of the DOM contract
    const wv = await vs!.webviewFrame('#generation-tree', 60_000);
    assert.equal(await wv.locator('#generation-tree').getAttribute('role'), 'tree');
    assert.equal(await vs!.page.locator('.editor-group-container.active .monaco-editor').count(), 0,
      'the trace must not open in the text editor');
    await vs!.screenshot('smoke-opened');
  });
});
