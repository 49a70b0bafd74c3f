/**
 * Opening a trace in a real VS Code for a benchmark (bench:viewer, bench:timeline): start
 * code-server through the e2e harness with the trace symlinked into the workspace as
 * bench/<name>, install the benches' init scripts, open and close a small trace first (so that
 * the extension's activation is not in the figures), then open the trace with quick open and
 * return the moment of the Enter, from which every figure counts.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { BrowserContext, Frame } from 'playwright-core';
import { VSCode } from '../../test/e2e/harness';

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Installs a bench's init script, e.g. `(c) => c.addInitScript(webviewMarks)`. */
export type InitScript = (context: BrowserContext) => Promise<unknown>;

/** A fresh code-server with the trace in its workspace and the extension already active. */
export async function startWithTrace(trace: string, scripts: InitScript[]): Promise<VSCode> {
  const name = path.basename(trace);
  const vs = await VSCode.start({
    prepare: (ws) => {
      fs.mkdirSync(path.join(ws, 'bench'), { recursive: true });
      fs.symlinkSync(trace, path.join(ws, 'bench', name));
    },
  });
  try {
    for (const add of scripts) await add(vs.page.context());
    // the extension activates with its first editor: open and close a small trace first, so
    // that the figures are the viewer's, not the activation's (the host exists already)
    await vs.quickOpen('traces/app.trace');
    await vs.traceWebview('app.trace');
    await vs.closeAllEditors();
    await sleep(1000);
    return vs;
  } catch (e) {
    await vs.stop(true);
    throw e;
  }
}

/** Types bench/<name> into quick open and presses Enter: returns Date.now() just before the Enter. */
export async function openFromQuickOpen(vs: VSCode, name: string): Promise<number> {
  await vs.focusWorkbench();
  await vs.page.keyboard.press('Control+P');
  const input = vs.page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 10_000 });
  await input.fill(`bench/${name}`);
  await vs.page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor({ timeout: 15_000 });
  const t0 = Date.now();
  await vs.page.keyboard.press('Enter');
  return t0;
}

/** The viewer's webview frame for the file `name` (its summary title says so), polled every 20 ms. */
export function findViewer(vs: VSCode, name: string, timeout: number): Promise<Frame> {
  return vs.traceWebview(name, timeout, { pollMs: 20, visible: false });
}
