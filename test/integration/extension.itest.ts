/**
 * The extension in a real VS Code (see runTests.ts): the custom editor opens a trace, the same
 * file opened twice shares one document, problems reach the Problems panel and go when the
 * editor closes, the wire dump opens at a problem's line, and the commands exist.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';

const EXTENSION_ID = 'go-trace-viewer.go-trace-viewer';
const traces = path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'traces');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until<T>(get: () => T | undefined, what: string, timeout = 20_000): Promise<T> {
  const end = Date.now() + timeout;
  for (;;) {
    const v = get();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

describe('Go Trace Viewer in VS Code', function () {
  this.timeout(60_000);

  before(async () => {
    await vscode.extensions.getExtension(EXTENSION_ID)?.activate();
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('registers its commands', async () => {
    const all = await vscode.commands.getCommands(true);
    for (const c of ['goTrace.openTraceFile', 'goTrace.showWireDump', 'goTrace.copyEvent', 'goTrace.goToByteOffset', 'goTrace.revealProblem']) {
      assert.ok(all.includes(c), c);
    }
  });

  it('opens a .trace in the custom editor', async () => {
    const uri = vscode.Uri.file(path.join(traces, 'go1.26-annot.trace'));
    await vscode.commands.executeCommand('vscode.open', uri);
    const tab = await until(() => vscode.window.tabGroups.activeTabGroup.activeTab, 'a tab');
    assert.ok(tab.input instanceof vscode.TabInputCustom);
    assert.equal((tab.input as vscode.TabInputCustom).viewType, 'goTrace.viewer');
  });

  it('puts the problems of a broken trace in the Problems panel, and removes them with the editor', async () => {
    const uri = vscode.Uri.file(path.join(traces, 'broken-go1.26-manyg-trunc-midbatch.trace'));
    await vscode.commands.executeCommand('vscode.openWith', uri, 'goTrace.viewer');
    const diags = await until(() => {
      const d = vscode.languages.getDiagnostics(uri);
      return d.length > 0 && d[0].relatedInformation?.length ? d : undefined;
    }, 'diagnostics with wire dump lines');
    const d = diags[0];
    assert.equal(typeof d.code, 'object');
    const code = d.code as { value: string; target: vscode.Uri };
    assert.equal(code.value, 'batch-truncated');
    assert.equal(code.target.path, '/reveal');
    assert.match(d.message, /byte offset \d+/);
    // The related information opens the wire dump at the raw event's line.
    const loc = d.relatedInformation![0].location;
    const dump = await vscode.workspace.openTextDocument(loc.uri);
    assert.match(dump.lineAt(0).text, /^# go-trace wire/);
    assert.match(dump.lineAt(loc.range.start.line).text, /^EventBatch /);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await until(() => (vscode.languages.getDiagnostics(uri).length === 0 ? true : undefined), 'diagnostics to go');
  });

  it('reveals a problem from its link command', async () => {
    const uri = vscode.Uri.file(path.join(traces, 'broken-go1.26-manyg-eog-removed.trace'));
    await vscode.commands.executeCommand('goTrace.revealProblem', { file: uri.toString(), offset: 100 });
    const tab = await until(() => vscode.window.tabGroups.activeTabGroup.activeTab, 'the viewer');
    assert.ok(tab.input instanceof vscode.TabInputCustom);
  });
});
