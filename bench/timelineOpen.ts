// npm run bench:timeline [-- FILE] : the Timeline pane's speed and memory on a large trace in a
// real VS Code (code-server through the e2e harness, test/e2e/harness.ts, as bench:viewer).
// Not a test: it prints figures (a table and one JSON line per run), it asserts nothing.
//
// It opens the trace with quick open (bench/viewer/open.ts) and runs "Go Trace: Show Timeline"
// from the command palette right away; from the Enter (stamps inside the webview,
// bench/timeline/timelineMarks.ts):
//   first lanes      the first frame whose lanes canvas shows slices (pixels in a state colour);
//   layout           the first timelineLayout answer with lanes, and the first that is complete;
//   overview         the overview strip's answer (gc and proc lanes over the whole trace), first
//                    and first exact;
//   parse done       #summary[aria-busy=false].
// Then (bench/timeline/drive.ts) it opens every goroutine group with the keyboard and drives the
// timeline: zoom from the whole trace to 1 µs with W and the wheel, pan with A/D at several zoom
// levels, zoom out with S and the wheel; meanwhile frame intervals (our own rAF loop) and the
// page's frame work (its rAF callbacks, timed through a wrapper) are recorded in the page, per
// phase (bench/timeline/frameStats.ts). Memory: the webview's JS heap by CDP and the Chromium
// renderers by /proc (bench/timeline/pageMemory.ts), the extension host and the parse worker
// process by /proc (bench/viewer/procMemory.ts), sampled over the whole run.
//
// The trace: bench/traces/big.trace by default. Env: BENCH_RUNS (default 1, a fresh code-server
// each); E2E_VSIX, E2E_DIR, E2E_QUIET=1 (the harness's); BENCH_READY_TIMEOUT (ms, default 900000:
// the wait for the first lanes, the complete layout and parse done); BENCH_KEY_MS (default 33:
// the pace of keys and wheel notches, a key repeat's); BENCH_PAN_EVERY (default 12 zoom steps
// between pan bursts); BENCH_EXPAND=0 leaves the groups closed.
import * as os from 'node:os';
import * as path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { Frame } from 'playwright-core';
import type { VSCode } from '../test/e2e/harness';
import { HEADER_WIDTH } from '../webview/timeline/laneDrawing.js';
import { HEADER_HEIGHT, LANE_HEIGHT } from '../webview/timeline/laneLayout.js';
import { drive, expandAllGroups, markPhase, type DriveResult, type ExpandResult } from './timeline/drive';
import { byPhase, perFrame, phasesOf, stats, type Stats } from './timeline/frameStats';
import { PageMemorySampler, type PageMem } from './timeline/pageMemory';
import { timelineMarks, type LayoutFacts, type TimelineMarks, type TimelineMarksArg } from './timeline/timelineMarks';
import { benchMain, MB, printTable, S } from './viewer/benchMain';
import { findViewer, openFromQuickOpen, startWithTrace } from './viewer/open';
import { extensionHost, kbField, readProc, Sampler, type Mem } from './viewer/procMemory';

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
const env = (k: string, d: number) => (process.env[k] ? Number(process.env[k]) : d);
const READY_TIMEOUT = env('BENCH_READY_TIMEOUT', 900_000);
const KEY_MS = env('BENCH_KEY_MS', 33);
const PAN_EVERY = env('BENCH_PAN_EVERY', 12);

/** The slice states' fill variables and fallbacks (webview/timeline/theme.ts). */
const MARKS_ARG: TimelineMarksArg = {
  headerWidth: HEADER_WIDTH,
  stateColours: [
    ['--vscode-charts-green', '#89d185'], ['--vscode-charts-yellow', '#cca700'], ['--vscode-charts-red', '#f14c4c'],
    ['--vscode-charts-orange', '#d18616'], ['--vscode-charts-purple', '#b180d7'], ['--vscode-charts-blue', '#3794ff'],
  ],
};

type Records = Pick<TimelineMarks, 'intervals' | 'work' | 'answers'> & { phases: [string, number][]; now: number };
const readMarks = (wv: Frame) => wv.evaluate(() => {
  const m = (window as unknown as { __benchTimeline?: TimelineMarks }).__benchTimeline;
  if (!m) return undefined;
  const { intervals: _i, work: _w, answers: _a, ...rest } = m;
  return rest;
});
const readRecords = (wv: Frame): Promise<Records> => wv.evaluate(() => {
  const w = window as unknown as { __benchTimeline: TimelineMarks; __benchPhases?: [string, number][] };
  const m = w.__benchTimeline;
  return { intervals: m.intervals, work: m.work, answers: m.answers, phases: w.__benchPhases ?? [], now: performance.now() };
});
const record = (wv: Frame, on: boolean) => wv.evaluate((o) => (window as unknown as { __benchRecord(on: boolean): void }).__benchRecord(o), on);

interface FrameFigures { intervals: Record<string, Stats>; work: Record<string, Stats>; answers: Record<string, { count: number; inexact: number }> }

interface Result {
  /** From the Enter; null: not reached in time. */
  commandMs: number | null; paneShownMs: number | null; commandRetried: boolean;
  firstLanesMs: number | null; firstLanesPixels?: number; firstMessageMs: number | null; commandDoneMs: number | null; showMessageMs: number | null; paneMarkMs: number | null; layoutAnswerMs: number | null; layoutFirstMs: number | null; layoutCompleteMs: number | null;
  overviewFirstMs: number | null; overviewExactMs: number | null; doneMs: number | null;
  layout?: LayoutFacts;
  expand?: ExpandResult; drive?: DriveResult; driveError?: string;
  frames?: FrameFigures;
  pageFrames: number; sliceAnswers: number; inexactAnswers: number; overviewAnswers: number; overviewExactAnswers: number; checkError?: string;
  extHostBaselineRss: number; atReady: Mem; atEnd: Mem;
  /** The bench process's own event-loop delay during the drive (playwright's client runs in it), ms. */
  benchLoopDelay?: { p50: number; p99: number; max: number };
  page: PageMem;
  events: string; goroutines: string;
}

/** Runs the command from the palette; true once the pane is visible. */
async function showTimeline(vs: VSCode, wv: Frame | undefined, timeout: number): Promise<boolean> {
  await vs.runCommand('Go Trace: Show Timeline');
  if (!wv) return false;
  return wv.locator('#timeline-pane').waitFor({ state: 'visible', timeout }).then(() => true, () => false);
}

function frameFigures(r: Records, end: number): FrameFigures {
  const phases = phasesOf(r.phases, end);
  const whole = phases.length ? [{ name: 'whole drive', start: phases[0].start, end }] : [];
  const table = <T>(records: [number, number][], f: (v: number[]) => T): Record<string, T> =>
    Object.fromEntries([...byPhase(records, [...whole, ...phases])].map(([name, v]) => [name, f(v)]));
  return {
    intervals: table(r.intervals, stats),
    work: table(perFrame(r.work), stats),
    // the answers' values are their exact flags
    answers: table(r.answers, (v) => ({ count: v.length, inexact: v.filter((x) => x === 0).length })),
  };
}

async function runOnce(trace: string): Promise<Result> {
  const name = path.basename(trace);
  const vs = await startWithTrace(trace, [(c) => c.addInitScript(timelineMarks, MARKS_ARG)]);
  try {
    const host = extensionHost(vs);
    const sampler = new Sampler(vs, host);
    const base = sampler.sample();
    sampler.start();
    const pageMem = await PageMemorySampler.start(vs);
    const loopDelay = monitorEventLoopDelay({ resolution: 10 });

    const t0 = await openFromQuickOpen(vs, name);
    const since = (t: number | undefined | null) => (t === undefined || t === null ? null : t - t0);
    // The command needs the viewer to be the active editor and its page to be there: a palette
    // typed while the editor opens is closed under the typing (it cost up to 30 s of retries).
    await vs.waitForActiveTab(name, 60_000);
    const wv = await findViewer(vs, name, 120_000);
    await pageMem.retarget(wv);
    const tCommand = Date.now();
    await showTimeline(vs, undefined, 0).catch(async () => {
      await vs.page.keyboard.press('Escape');
      await showTimeline(vs, undefined, 0).catch(() => undefined);
    });
    const tCommandDone = Date.now();
    let paneShown: number | null = null;
    let retried = false;
    if (await wv.locator('#timeline-pane').waitFor({ state: 'visible', timeout: 10_000 }).then(() => true, () => false)) paneShown = Date.now();
    else {
      retried = true; // the first command came before the page listened
      if (await showTimeline(vs, wv, 10_000)) paneShown = Date.now();
    }

    const end = t0 + READY_TIMEOUT;
    let m = await readMarks(wv);
    // ready: the first lanes, the complete layout and parse done; then the exact overview, a minute at most
    let readyAt: number | undefined;
    while (Date.now() < end && !(m?.overviewExact && readyAt !== undefined) && !(readyAt !== undefined && Date.now() > readyAt + 60_000)) {
      await sleep(250);
      m = await readMarks(wv);
      if (readyAt === undefined && m?.firstLanes && m.layoutComplete && m.done) readyAt = Date.now();
    }
    if (!(m?.firstLanes && m.layoutComplete && m.done)) console.log('      [bench] not ready: first lanes, complete layout or parse done missing');
    sampler.tick();
    const atReady = { ...sampler.peak };

    let expand: ExpandResult | undefined;
    let driveResult: DriveResult | undefined;
    let driveError: string | undefined;
    let frames: FrameFigures | undefined;
    const L = m?.layout;
    if (L && L.lanes > 0 && paneShown !== null) {
      try {
        if (process.env.BENCH_EXPAND !== '0') {
          const other = L.lanes - L.procs - L.threads;
          const rowsClosed = other + (L.procs ? 1 + L.procs : 0) + (L.threads ? 1 + L.threads : 0) + L.groups;
          const expected = (other + L.procs + L.threads + L.goroutines) * LANE_HEIGHT + ((L.procs ? 1 : 0) + (L.threads ? 1 : 0) + L.groups) * HEADER_HEIGHT;
          expand = await expandAllGroups(vs, wv, L.groups, rowsClosed, expected);
          await sleep(2000); // the first pages of goroutine lanes and their slices
        }
        await record(wv, true);
        loopDelay.enable();
        driveResult = await drive(vs, wv, { durationNs: L.durationNs, keyMs: KEY_MS, panEvery: PAN_EVERY });
        await markPhase(wv, 'settle');
        await sleep(2000);
        await record(wv, false);
        loopDelay.disable();
        const r = await readRecords(wv);
        frames = frameFigures(r, r.now);
      } catch (e) {
        driveError = e instanceof Error ? e.message.split('\n')[0] : String(e);
      }
    }
    await sleep(300);
    sampler.stop();
    sampler.tick();
    pageMem.stop();
    await pageMem.tick();
    const atEnd = { ...sampler.peak, hwm: Math.max(sampler.peak.hwm, kbField(readProc(host, 'status'), 'VmHWM')) };
    m = await readMarks(wv);
    const field = async (k: string) => (await wv.locator(`#summary [data-field=${k}]`).innerText().catch(() => '?')).trim();
    return {
      commandMs: since(tCommand), paneShownMs: since(paneShown), commandRetried: retried,
      firstLanesMs: since(m?.firstLanes), firstLanesPixels: m?.firstLanesPixels,
      firstMessageMs: since(m?.firstMessage), commandDoneMs: since(tCommandDone), showMessageMs: since(m?.showMessage), paneMarkMs: since(m?.paneShown), layoutAnswerMs: since(m?.layoutAnswer), layoutFirstMs: since(m?.layoutFirst), layoutCompleteMs: since(m?.layoutComplete),
      overviewFirstMs: since(m?.overviewFirst), overviewExactMs: since(m?.overviewExact), doneMs: since(m?.done),
      layout: m?.layout, expand, drive: driveResult, driveError, frames,
      pageFrames: m?.frames ?? 0, sliceAnswers: m?.sliceAnswers ?? 0, inexactAnswers: m?.inexactAnswers ?? 0,
      overviewAnswers: m?.overviewAnswers ?? 0, overviewExactAnswers: m?.overviewExactAnswers ?? 0, checkError: m?.checkError,
      extHostBaselineRss: base.rss, atReady, atEnd, page: pageMem.mem,
      benchLoopDelay: loopDelay.count ? { p50: loopDelay.percentile(50) / 1e6, p99: loopDelay.percentile(99) / 1e6, max: loopDelay.max / 1e6 } : undefined,
      events: await field('events'), goroutines: await field('goroutines'),
    };
  } finally {
    await vs.stop();
  }
}

const F = (v: number) => (Number.isFinite(v) ? v.toFixed(1) : '—');
const statLine = (s: Stats) => `n ${s.count}, mean ${F(s.mean)}, p50 ${F(s.p50)}, p95 ${F(s.p95)}, p99 ${F(s.p99)}, max ${F(s.max)}`;

function report(r: Result, trace: string, size: number, run: number, runs: number, loadBefore: number[]): void {
  const load = os.loadavg().map((l) => l.toFixed(2)).join(' ');
  const L = r.layout;
  console.log(`\n${path.basename(trace)}: ${MB(size)}, ${r.events} events, ${r.goroutines} goroutines; run ${run}/${runs}, load average ${loadBefore.map((l) => l.toFixed(2)).join(' ')} before, ${load} after, ${os.cpus().length} CPUs`);
  const rows: [string, string][] = [
    ['open → Show Timeline run (palette)', S(r.commandMs)],
    ['open → timeline pane visible (polled)', `${S(r.paneShownMs)}${r.commandRetried ? ' (command run twice)' : ''}`],
    ['open → the page\'s first message from the host', S(r.firstMessageMs)],
    ['open → palette command entered / its message in the page', `${S(r.commandDoneMs)} / ${S(r.showMessageMs)}`],
    ['open → timeline pane shown (in the page)', S(r.paneMarkMs)],
    ['open → first layout answer (even empty)', S(r.layoutAnswerMs)],
    ['open → layout with lanes', S(r.layoutFirstMs)],
    ['open → first lanes drawn', `${S(r.firstLanesMs)}${r.firstLanesPixels ? ` (${r.firstLanesPixels} slice pixels)` : ''}${r.checkError ? ` check failed: ${r.checkError}` : ''}`],
    ['open → overview: first / exact', `${S(r.overviewFirstMs)} / ${S(r.overviewExactMs)} (${r.overviewAnswers} overview answers over the run, ${r.overviewExactAnswers} exact)`],
    ['open → layout complete', S(r.layoutCompleteMs)],
    ['open → parse done', S(r.doneMs)],
    ['layout', L ? `${(L.durationNs / 1e9).toFixed(2)} s, ${L.generations} generations, ${L.procs} procs, ${L.threads} threads, ${L.groups} groups, ${L.goroutines.toLocaleString('en-US')} goroutines` : '—'],
    ['expand all groups (keys)', r.expand ? `${r.expand.groups} groups in ${S(r.expand.ms)}; rows ${r.expand.spacerPx.toLocaleString('en-US')} px high (all open: ${r.expand.expectedPx.toLocaleString('en-US')} px)` : '—'],
    ['drive', r.drive ? `${S(r.drive.ms)}: ${r.drive.zoomSteps} zoom steps (${r.drive.wheelEvents} wheel), ${r.drive.panKeys} pan keys; narrowest ${r.drive.narrowest}; end ${r.drive.end}` : (r.driveError ?? '—')],
    ['drive: ranges at the pan bursts', r.drive ? r.drive.ranges.join(' | ') : '—'],
    ['drive: input delivery (playwright, ms)', r.drive ? statLine(stats(r.drive.inputMs)) : '—'],
    ['bench process event-loop delay (ms)', r.benchLoopDelay ? `p50 ${F(r.benchLoopDelay.p50)}, p99 ${F(r.benchLoopDelay.p99)}, max ${F(r.benchLoopDelay.max)}` : '—'],
  ];
  if (r.frames) {
    for (const [what, table] of [['frame interval', r.frames.intervals], ['frame work', r.frames.work]] as const) {
      for (const [phase, s] of Object.entries(table)) {
        rows.push([`${what}, ${phase} (ms)`, statLine(s)]);
      }
    }
    rows.push(['slice answers: all / inexact, per phase', Object.entries(r.frames.answers).map(([p, a]) => `${p} ${a.count}/${a.inexact}`).join('; ')]);
  }
  rows.push(
    ['page frames, slice answers (whole run)', `${r.pageFrames} frames; ${r.sliceAnswers} answers, ${r.inexactAnswers} inexact`],
    [`JS heap (${r.page.scope}): before / peak / end`, `${MB(r.page.heapBaseline)} / ${MB(r.page.heapPeak)} / ${MB(r.page.heapLast)} (peak − before ${MB(r.page.heapPeak - r.page.heapBaseline)})`],
    ['Chromium renderers: peak VmHWM / peak RSS sum', `${MB(r.page.rendererHwm)} / ${MB(r.page.rendererRssPeak)} (${r.page.renderers} renderers)`],
    ['extension host RSS before', MB(r.extHostBaselineRss)],
    ['ext. host VmHWM: to ready / to end', `${MB(r.atReady.hwm)} / ${MB(r.atEnd.hwm)}`],
    ['parse worker VmHWM: to ready / to end', `${MB(r.atReady.workerHwm)} / ${MB(r.atEnd.workerHwm)}`],
  );
  printTable(rows);
  console.log(JSON.stringify({ bench: 'timelineOpen', file: path.basename(trace), bytes: size, run, loadavgBefore: loadBefore, loadavg: os.loadavg(), cpus: os.cpus().length, keyMs: KEY_MS, ...r, drive: r.drive && { ...r.drive, inputMs: stats(r.drive.inputMs) } }));
}

benchMain(runOnce, report);
