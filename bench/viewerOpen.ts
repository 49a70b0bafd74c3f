// npm run bench:viewer [-- FILE] : how long the viewer takes to show everything of a large trace
// in a real VS Code (code-server, through the e2e harness, test/e2e/harness.ts), how much memory
// the extension host needs meanwhile, and how long the usual actions take once it is ready.
// Not a test: it prints figures, it asserts nothing.
//
// From the Enter in quick open (stamps taken inside the webview, bench/viewer/webviewMarks.ts;
// the "polled" figures are what playwright saw, later by up to seconds on a loaded machine):
//   first generation  a generation row is visible;
//   parse done        #summary[aria-busy=false];
//   roots             each summary root (Goroutines, Procs, Threads, Tasks, Regions, Event counts)
//                     has arrived; the rows are then checked on screen (data-kind=summaryRoot);
//   summaries done    the summary's `summaries` field is 'done' (no "(summarizing…)");
//   ready             all of these.
// Then, one after the other (bench/viewer/steps.ts, each bounded by BENCH_STEP_TIMEOUT):
//   expand a goroutine, P 0 and the busiest thread to their first page of events; each filter of
//   BENCH_FILTERS to its first match and its count; Show Wire Dump to its text.
// Memory (bench/viewer/procMemory.ts): the extension host's VmHWM, sampled RSS and PSS, the parse
// worker process's VmHWM, and the code-server tree's, at ready and at the end.
//
// The trace: bench/traces/big.trace by default (scripts/make-bench-trace.sh, bench/README.md);
// it is symlinked into the test workspace as bench/<name>. Env:
//   BENCH_RUNS (default 1: a fresh code-server each run); E2E_VSIX (else the harness packages
//   the extension), E2E_DIR, E2E_QUIET=1;
//   BENCH_GOROUTINE=ID  the goroutine to expand (default: the one running longest on the first
//                       screen of the Goroutines root); BENCH_PROC (default 0); BENCH_THREAD=ID
//                       (default: the thread with the most events on screen);
//   BENCH_FILTERS="type=GoBlock;goroutine=ID" (';'-separated field=value: type, goroutine, proc,
//                       thread, text, from, to; default type=GoBlock, and goroutine=BENCH_GOROUTINE
//                       if set);
//   BENCH_READY_TIMEOUT (ms, default 900000), BENCH_STEP_TIMEOUT (ms, default 180000);
//   BENCH_STEPS=0 stops at ready.
import * as os from 'node:os';
import * as path from 'node:path';
import type { Frame } from 'playwright-core';
import { benchMain, MB, printTable, S } from './viewer/benchMain';
import { findViewer, openFromQuickOpen, startWithTrace } from './viewer/open';
import { extensionHost, kbField, readProc, Sampler, type Mem } from './viewer/procMemory';
import { applyFilter, expandChild, parseFilters, rootLabelsInDom, showRoots, showWireDump, step, type StepResult } from './viewer/steps';
import { webviewMarks, type Marks } from './viewer/webviewMarks';

const GEN_ROW = '#generation-tree [role=treeitem][data-kind=generation]';
const DONE = '#summary[aria-busy=false]';
const ROOTS = ['Goroutines', 'Procs', 'Threads', 'Tasks', 'Regions', 'Event counts'];
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
const env = (k: string, d: number) => (process.env[k] ? Number(process.env[k]) : d);
const READY_TIMEOUT = env('BENCH_READY_TIMEOUT', 900_000);
const STEP_TIMEOUT = env('BENCH_STEP_TIMEOUT', 180_000);

const readMarks = (wv: Frame) => wv.evaluate(() => (window as unknown as { __benchMarks?: Marks }).__benchMarks ?? { roots: {}, messages: 0 });

/** The summary's goroutines figure without "(summarizing…)", and the Tasks figure shown: the DOM's view of 'done'. */
const summariesDoneInDom = (wv: Frame) => wv.evaluate(() => {
  const g = document.querySelector('#summary [data-field=goroutines]')?.textContent ?? '';
  const t = document.querySelector('#summary [data-field=tasks]');
  return /^\s*[\d,]+\s*$/.test(g) && !!t && !(t.parentElement as HTMLElement).hidden;
});

interface Result {
  /** From the Enter, stamped in the webview (or polled, see stampedIn). null: not reached in time. */
  firstGenerationMs: number | null; doneMs: number | null;
  rootsMs: Record<string, number | null>; allRootsMs: number | null;
  summariesDoneMs: number | null; summariesState?: string; readyMs: number | null;
  polledFirstGenerationMs: number | null; polledDoneMs: number | null; polledReadyMs: number | null;
  stampedIn: 'webview' | 'polled';
  rootsInDom: string[];
  events: string; generations: string; goroutines: string;
  extHostBaselineRss: number;
  /** Peaks from the Enter to ready, and to the end of the steps; current values at the end. */
  atReady: Mem; atEnd: Mem; extHostRssEnd: number;
  steps: Record<string, StepResult>;
  samples: number;
}

async function runOnce(trace: string): Promise<Result> {
  const name = path.basename(trace);
  const vs = await startWithTrace(trace, [(c) => c.addInitScript(webviewMarks)]);
  try {
    const host = extensionHost(vs);
    const sampler = new Sampler(vs, host);
    const base = sampler.sample();
    sampler.start();

    const t0 = await openFromQuickOpen(vs, name);
    const since = (t: number | undefined) => (t === undefined ? null : t - t0);

    const wv = await findViewer(vs, name, 120_000);
    const end = t0 + READY_TIMEOUT;
    const left = () => Math.max(1, end - Date.now());
    let polledFirst: number | null = null;
    let polledDone: number | null = null;
    let polledReady: number | null = null;
    try {
      await wv.locator(GEN_ROW).filter({ visible: true }).first().waitFor({ timeout: left() });
      polledFirst = Date.now() - t0;
      await wv.locator(DONE).waitFor({ state: 'attached', timeout: left() });
      polledDone = Date.now() - t0;
      for (;;) {
        const m = await readMarks(wv);
        const roots = ROOTS.every((r) => m.roots[r] !== undefined);
        const summaries = m.summariesDone !== undefined || (m.messages === 0 && (await summariesDoneInDom(wv)));
        if ((roots || m.messages === 0) && summaries) break;
        if (Date.now() > end) throw new Error('ready timeout');
        await sleep(250);
      }
      polledReady = Date.now() - t0;
    } catch (e) {
      console.log(`      [bench] not ready: ${e instanceof Error ? e.message.split('\n')[0] : e}`);
    }
    sampler.tick();
    const atReady = { ...sampler.peak };

    const m = await readMarks(wv);
    const rootsMs = Object.fromEntries(ROOTS.map((r) => [r, since(m.roots[r])]));
    const stamped = m.firstGeneration !== undefined && m.done !== undefined && m.messages > 0;
    const firstGenerationMs = since(m.firstGeneration) ?? polledFirst;
    const doneMs = since(m.done) ?? polledDone;
    const rootTimes = Object.values(rootsMs);
    const allRootsMs = rootTimes.every((t) => t !== null) ? Math.max(...(rootTimes as number[])) : null;
    const summariesDoneMs = since(m.summariesDone);
    const parts = [firstGenerationMs, doneMs, allRootsMs, summariesDoneMs];
    const readyMs = stamped ? (parts.every((t) => t !== null) ? Math.max(...(parts as number[])) : null) : polledReady;

    const field = async (k: string) => (await wv.locator(`#summary [data-field=${k}]`).innerText().catch(() => '?')).trim();
    const steps: Record<string, StepResult> = {};
    let rootsInDom: string[] = [];
    if (polledReady !== null) {
      await step('roots on screen', STEP_TIMEOUT, async (d) => { await showRoots(wv, d); rootsInDom = await rootLabelsInDom(wv); return { status: 'ok' }; });
    }
    if (polledReady !== null && process.env.BENCH_STEPS !== '0') {
      const g = process.env.BENCH_GOROUTINE;
      steps.expandGoroutine = await step('expand goroutine', STEP_TIMEOUT, (d) => expandChild(wv, { root: 'Goroutines', kind: 'goroutine', label: g ? `G ${g}` : undefined }, d));
      steps.expandProc = await step('expand proc', STEP_TIMEOUT, (d) => expandChild(wv, { root: 'Procs', kind: 'proc', label: `P ${process.env.BENCH_PROC ?? '0'}` }, d));
      const t = process.env.BENCH_THREAD;
      steps.expandThread = await step('expand thread', STEP_TIMEOUT, (d) => expandChild(wv, { root: 'Threads', kind: 'osThread', label: t ? `M ${t}` : undefined }, d));
      const filters = parseFilters(process.env.BENCH_FILTERS ?? `type=GoBlock${g ? `;goroutine=${g}` : ''}`);
      for (const f of filters) steps[`filter ${f.field}=${f.value}`] = await step(`filter ${f.field}=${f.value}`, STEP_TIMEOUT, (d) => applyFilter(wv, f, d));
      steps.wireDump = await step('wire dump', STEP_TIMEOUT, (d) => showWireDump(vs, name, d));
    }
    await sleep(300); // one more sample or three after the end
    sampler.stop();
    sampler.tick();
    const hostStatus = readProc(host, 'status');
    const atEnd = { ...sampler.peak, hwm: Math.max(sampler.peak.hwm, kbField(hostStatus, 'VmHWM')) };
    return {
      firstGenerationMs, doneMs, rootsMs, allRootsMs, summariesDoneMs, summariesState: m.summariesState, readyMs,
      polledFirstGenerationMs: polledFirst, polledDoneMs: polledDone, polledReadyMs: polledReady,
      stampedIn: stamped ? 'webview' : 'polled',
      rootsInDom,
      events: await field('events'), generations: await field('generations'), goroutines: await field('goroutines'),
      extHostBaselineRss: base.rss, atReady, atEnd, extHostRssEnd: sampler.last.rss, steps, samples: sampler.samples,
    };
  } finally {
    await vs.stop();
  }
}


function report(r: Result, trace: string, size: number, run: number, runs: number, loadBefore: number[]): void {
  const load = os.loadavg().map((l) => l.toFixed(2)).join(' ');
  console.log(`\n${path.basename(trace)}: ${MB(size)}, ${r.generations} generations, ${r.events} events, ${r.goroutines} goroutines; run ${run}/${runs}, load average ${loadBefore.map((l) => l.toFixed(2)).join(' ')} before, ${load} after, ${os.cpus().length} CPUs`);
  const rows: [string, string][] = [
    ['open → first generation row', `${S(r.firstGenerationMs)} (polled ${S(r.polledFirstGenerationMs)})`],
    ['open → parse done', `${S(r.doneMs)} (polled ${S(r.polledDoneMs)})`],
    ...ROOTS.map((k): [string, string] => [`open → ${k} root`, S(r.rootsMs[k])]),
    ['open → summaries done', `${S(r.summariesDoneMs)} (${r.summariesState ?? '?'})`],
    ['open → ready (all of the above)', `${S(r.readyMs)} (polled ${S(r.polledReadyMs)}; stamped in ${r.stampedIn})`],
    ['summary roots on screen', r.rootsInDom.join(', ') || '—'],
    ['extension host RSS before', MB(r.extHostBaselineRss)],
    ['ext. host to ready: VmHWM / peak RSS / peak PSS', `${MB(r.atReady.hwm)} / ${MB(r.atReady.rss)} / ${MB(r.atReady.pss)}`],
    ['ext. host to end: VmHWM / peak RSS / peak PSS', `${MB(r.atEnd.hwm)} / ${MB(r.atEnd.rss)} / ${MB(r.atEnd.pss)}`],
    ['ext. host RSS at the end', MB(r.extHostRssEnd)],
    ['parse worker process VmHWM (to ready / to end)', `${MB(r.atReady.workerHwm)} / ${MB(r.atEnd.workerHwm)}`],
    ['code-server tree peak RSS / PSS (to end)', `${MB(r.atEnd.treeRss)} / ${MB(r.atEnd.treePss)}`],
    ...Object.entries(r.steps).map(([k, s]): [string, string] => [k, s.status === 'ok' ? `first ${S(s.firstMs)}, all ${S(s.allMs)}  ${s.target ?? ''}  ${s.detail ?? ''}` : `${s.status} ${s.detail ?? ''}`]),
  ];
  printTable(rows);
  console.log(JSON.stringify({ bench: 'viewerOpen', file: path.basename(trace), bytes: size, run, loadavgBefore: loadBefore, loadavg: os.loadavg(), cpus: os.cpus().length, ...r }));
}

benchMain(runOnce, report);
