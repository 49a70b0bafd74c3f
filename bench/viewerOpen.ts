// npm run bench:viewer [-- FILE] : how long the viewer takes to show a large trace in a real
// VS Code (code-server, through the e2e harness, test/e2e/harness.ts), and how much memory the
// extension host needs meanwhile. Not a test: it prints figures, it asserts nothing.
//
//   open → first generation: from the Enter in quick open until the first generation row
//       (#generation-tree [role=treeitem][data-kind=generation]) is visible in the webview;
//   open → done: until the summary says the parse is done (#summary[aria-busy=false], the
//       progress bar hidden: webview/summaryView.ts);
//   both stamped inside the webview (an init script's MutationObserver, Date.now()), and also
//   as seen from here by polling (a few tens of ms later at most).
//   Memory: the extension host process (a node child of code-server with --type=extensionHost;
//   the parse worker and the decode workers are threads inside it) sampled every 100 ms:
//   VmRSS, VmHWM (/proc/PID/status) and Pss (/proc/PID/smaps_rollup); and the sum over the
//   whole code-server process tree (server, extension host, pty host, file watcher...).
//
// The trace: bench/traces/big.trace by default (scripts/make-bench-trace.sh, bench/README.md);
// it is symlinked into the test workspace as bench/<name>. Env: BENCH_RUNS (default 1: fresh
// code-server each run), E2E_VSIX (else the harness packages the extension), E2E_QUIET=1.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Frame } from 'playwright-core';
import { REPO, VSCode } from '../test/e2e/harness';

const GEN_ROW = '#generation-tree [role=treeitem][data-kind=generation]';
const DONE = '#summary[aria-busy=false]';
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

// ---- /proc --------------------------------------------------------------------------------

function readProc(pid: number, file: string): string | undefined {
  try { return fs.readFileSync(`/proc/${pid}/${file}`, 'utf8'); } catch { return undefined; }
}
const cmdline = (pid: number) => (readProc(pid, 'cmdline') ?? '').split('\0').join(' ');
function ppid(pid: number): number {
  const stat = readProc(pid, 'stat');
  if (!stat) return -1;
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
}
const pids = () => fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d)).map(Number);
/** A field of /proc/PID/status or smaps_rollup in bytes (the files say kB). */
function kbField(text: string | undefined, key: string): number {
  const m = text && new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(text);
  return m ? Number(m[1]) * 1024 : 0;
}

/** The code-server of this run (its command line names the run's user-data dir) and its descendants. */
function serverTree(vs: VSCode): { root: number; all: number[] } {
  const all = pids();
  const root = all.find((p) => { const c = cmdline(p); return c.includes('entry.js') && c.includes(vs.userDataDir); });
  if (root === undefined) throw new Error('code-server process not found');
  const parent = new Map(all.map((p) => [p, ppid(p)]));
  const tree = new Set([root]);
  for (let grew = true; grew;) {
    grew = false;
    for (const [p, pp] of parent) if (!tree.has(p) && tree.has(pp)) { tree.add(p); grew = true; }
  }
  return { root, all: [...tree] };
}

function extensionHost(vs: VSCode): number {
  const hosts = serverTree(vs).all.filter((p) => /--type=extensionHost|extensionHost/.test(cmdline(p)));
  if (hosts.length !== 1) throw new Error(`expected one extension host, found ${hosts.length}: ${hosts.map(cmdline).join(' | ')}`);
  return hosts[0];
}

interface Mem { rss: number; hwm: number; pss: number; treeRss: number; treePss: number }

class Sampler {
  peak: Mem = { rss: 0, hwm: 0, pss: 0, treeRss: 0, treePss: 0 };
  samples = 0;
  private timer?: NodeJS.Timeout;
  constructor(private readonly vs: VSCode, private readonly host: number) {}

  sample(): Mem {
    const status = readProc(this.host, 'status');
    const m: Mem = {
      rss: kbField(status, 'VmRSS'), hwm: kbField(status, 'VmHWM'),
      pss: kbField(readProc(this.host, 'smaps_rollup'), 'Pss'), treeRss: 0, treePss: 0,
    };
    for (const p of serverTree(this.vs).all) {
      m.treeRss += kbField(readProc(p, 'status'), 'VmRSS');
      m.treePss += kbField(readProc(p, 'smaps_rollup'), 'Pss');
    }
    return m;
  }
  start(): void {
    this.timer = setInterval(() => {
      const m = this.sample();
      this.samples++;
      for (const k of Object.keys(m) as (keyof Mem)[]) this.peak[k] = Math.max(this.peak[k], m[k]);
    }, 100);
  }
  stop(): void { clearInterval(this.timer); }
}

// ---- the run ----------------------------------------------------------------------------

/**
 * Stamps, inside every webview frame, when the first generation row shows and when the parse is
 * done. A 10 ms timer, not a MutationObserver: the init script runs in the inner frame's initial
 * about:blank document, which the webview's own document then replaces (same window).
 */
function marks(): void {
  if (window === window.top) return; // webviews only, not the workbench
  const w = window as unknown as { __benchMarks?: { firstGeneration?: number; done?: number } };
  const m = (w.__benchMarks = {} as { firstGeneration?: number; done?: number });
  const visible = (e: Element) => (e as HTMLElement).offsetParent !== null && !(e as HTMLElement).closest('[hidden]');
  const started = Date.now();
  const timer = setInterval(() => {
    if (m.firstGeneration === undefined) {
      const rows = document.querySelectorAll('#generation-tree [role=treeitem][data-kind=generation]');
      if ([...rows].some(visible)) m.firstGeneration = Date.now();
    }
    if (m.done === undefined && document.querySelector('#summary[aria-busy=false]')) m.done = Date.now();
    if ((m.firstGeneration !== undefined && m.done !== undefined) || Date.now() - started > 900_000) clearInterval(timer);
  }, 10);
}

async function findViewer(vs: VSCode, name: string, timeout: number): Promise<Frame> {
  const end = Date.now() + timeout;
  while (Date.now() < end) {
    for (const f of vs.page.frames()) {
      if (f === vs.page.mainFrame()) continue;
      try {
        const title = await f.$('#summary [data-field=fileName]');
        if (title && (await title.textContent())?.trim() === name) return f;
      } catch { /* detached or navigating */ }
    }
    await sleep(20);
  }
  throw new Error(`no viewer for ${name} after ${timeout} ms`);
}

interface Result {
  firstGenerationMs: number; doneMs: number;
  /** The same two as seen by polling from here. */
  polledFirstGenerationMs: number; polledDoneMs: number;
  /** 'webview': the two above were stamped inside the webview; 'polled': the init script did not run there. */
  stampedIn: 'webview' | 'polled';
  events: string; generations: string;
  extHostBaselineRss: number; extHostPeakRss: number; extHostHwm: number; extHostPeakPss: number;
  treeBaselineRss: number; treePeakRss: number; treePeakPss: number; samples: number;
}

async function runOnce(trace: string): Promise<Result> {
  const name = path.basename(trace);
  const vs = await VSCode.start({
    prepare: (ws) => {
      fs.mkdirSync(path.join(ws, 'bench'), { recursive: true });
      fs.symlinkSync(trace, path.join(ws, 'bench', name));
    },
  });
  try {
    await vs.page.context().addInitScript(marks);
    // the extension activates with its first editor: open and close a small trace first, so
    // that the figures are the viewer's, not the activation's (the host exists already)
    await vs.quickOpen('traces/app.trace');
    await vs.traceWebview('app.trace');
    await vs.closeAllEditors();
    await sleep(1000);

    const host = extensionHost(vs);
    const sampler = new Sampler(vs, host);
    const base = sampler.sample();
    sampler.start();

    await vs.focusWorkbench();
    await vs.page.keyboard.press('Control+P');
    const input = vs.page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible', timeout: 10_000 });
    await input.fill(`bench/${name}`);
    await vs.page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor({ timeout: 15_000 });
    const t0 = Date.now();
    await vs.page.keyboard.press('Enter');

    const wv = await findViewer(vs, name, 120_000);
    await wv.locator(GEN_ROW).filter({ visible: true }).first().waitFor({ timeout: 120_000 });
    const polledFirst = Date.now() - t0;
    await wv.locator(DONE).waitFor({ state: 'attached', timeout: 600_000 });
    const polledDone = Date.now() - t0;
    await sleep(300); // one more sample or three after the end
    sampler.stop();

    const stamped = await wv.evaluate(() => (window as unknown as { __benchMarks?: { firstGeneration?: number; done?: number } }).__benchMarks ?? {});
    const field = async (k: string) => (await wv.locator(`#summary [data-field=${k}]`).innerText()).trim();
    const hostStatus = readProc(host, 'status');
    return {
      firstGenerationMs: stamped.firstGeneration !== undefined ? stamped.firstGeneration - t0 : polledFirst,
      doneMs: stamped.done !== undefined ? stamped.done - t0 : polledDone,
      polledFirstGenerationMs: polledFirst,
      polledDoneMs: polledDone,
      stampedIn: stamped.firstGeneration !== undefined && stamped.done !== undefined ? 'webview' : 'polled',
      events: await field('events'),
      generations: await field('generations'),
      extHostBaselineRss: base.rss,
      extHostPeakRss: sampler.peak.rss,
      extHostHwm: Math.max(sampler.peak.hwm, kbField(hostStatus, 'VmHWM')),
      extHostPeakPss: sampler.peak.pss,
      treeBaselineRss: base.treeRss,
      treePeakRss: sampler.peak.treeRss,
      treePeakPss: sampler.peak.treePss,
      samples: sampler.samples,
    };
  } finally {
    await vs.stop();
  }
}

const MB = (b: number) => `${(b / 1e6).toFixed(0)} MB`;
const S = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

async function main(): Promise<void> {
  const trace = path.resolve(process.argv[2] ?? path.join(REPO, 'bench/traces/big.trace'));
  if (!fs.existsSync(trace)) {
    console.error(`no trace at ${trace}: make one with scripts/make-bench-trace.sh (see bench/README.md)`);
    process.exit(2);
  }
  const runs = Number(process.env.BENCH_RUNS ?? 1);
  const size = fs.statSync(trace).size;
  const results: Result[] = [];
  for (let i = 0; i < runs; i++) {
    const r = await runOnce(trace);
    results.push(r);
    const load = os.loadavg().map((l) => l.toFixed(2)).join(' ');
    console.log(`\n${path.basename(trace)}: ${MB(size)}, ${r.generations} generations, ${r.events} events; run ${i + 1}/${runs}, load average ${load}, ${os.cpus().length} CPUs`);
    const rows: [string, string][] = [
      ['open → first generation row', `${S(r.firstGenerationMs)} (polled ${S(r.polledFirstGenerationMs)})`],
      ['open → parse done', `${S(r.doneMs)} (polled ${S(r.polledDoneMs)})`],
      ['extension host RSS before', MB(r.extHostBaselineRss)],
      ['extension host peak RSS (100 ms samples)', MB(r.extHostPeakRss)],
      ['extension host VmHWM', MB(r.extHostHwm)],
      ['extension host peak PSS', MB(r.extHostPeakPss)],
      ['code-server tree RSS before', MB(r.treeBaselineRss)],
      ['code-server tree peak RSS / PSS', `${MB(r.treePeakRss)} / ${MB(r.treePeakPss)}`],
    ];
    const w = Math.max(...rows.map(([k]) => k.length));
    for (const [k, v] of rows) console.log(`  ${k.padEnd(w)}  ${v}`);
    console.log(JSON.stringify({ bench: 'viewerOpen', file: path.basename(trace), bytes: size, run: i + 1, loadavg: os.loadavg(), cpus: os.cpus().length, ...r }));
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
