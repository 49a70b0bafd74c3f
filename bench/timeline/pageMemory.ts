/**
 * Memory on the page's side while bench:timeline runs, sampled every 250 ms:
 *   heap      the JS heap (CDP Runtime.getHeapUsage, usedSize) of the V8 isolate that runs the
 *             viewer's webview. In code-server a webview is an iframe of the workbench's own
 *             origin, so it normally shares the renderer process and isolate with the workbench:
 *             then the figure is the workbench's and the webview's together, and `scope` says so
 *             (`webview` when the webview's frame, or the iframe holding it, has a CDP session of
 *             its own: an out-of-process frame).
 *             The baseline is taken before the trace is opened (the workbench alone, after the
 *             warm-up trace was closed), so peak - baseline is about the webview's part.
 *   renderers the Chromium renderer processes of this run (children of the browser started on
 *             the run's profile), from /proc: the highest VmHWM and the peak sum of VmRSS.
 * performance.memory is not used: without --enable-precise-memory-info Chromium buckets it and
 * refreshes it only every 20 minutes.
 */
import type { CDPSession, Frame } from 'playwright-core';
import type { VSCode } from '../../test/e2e/harness';
import { cmdline, kbField, pids, ppid, readProc } from '../viewer/procMemory';

export interface PageMem {
  scope: 'webview' | 'workbench+webview';
  heapBaseline: number;
  heapPeak: number;
  heapLast: number;
  rendererHwm: number;
  rendererRssPeak: number;
  renderers: number;
  samples: number;
}

/** The renderer processes under the Chromium browser whose profile is in this run's directory. */
function renderers(vs: VSCode): number[] {
  const all = pids();
  const browser = all.find((p) => { const c = cmdline(p); return c.includes(vs.runDir) && c.includes('chromium-profile') && !c.includes('--type='); });
  if (browser === undefined) return [];
  const parent = new Map(all.map((p) => [p, ppid(p)]));
  const tree = new Set([browser]);
  for (let grew = true; grew;) {
    grew = false;
    for (const [p, pp] of parent) if (!tree.has(p) && tree.has(pp)) { tree.add(p); grew = true; }
  }
  return [...tree].filter((p) => cmdline(p).includes('--type=renderer'));
}

export class PageMemorySampler {
  readonly mem: PageMem;
  private timer?: NodeJS.Timeout;
  private busy = false;

  private constructor(private readonly vs: VSCode, private session: CDPSession, scope: PageMem['scope'], baseline: number) {
    this.mem = { scope, heapBaseline: baseline, heapPeak: 0, heapLast: 0, rendererHwm: 0, rendererRssPeak: 0, renderers: 0, samples: 0 };
  }

  /** A sampler on the workbench page's isolate; baseline now. retarget() moves it to the webview's frame if that has a session of its own. */
  static async start(vs: VSCode): Promise<PageMemorySampler> {
    const session = await vs.page.context().newCDPSession(vs.page);
    const s = new PageMemorySampler(vs, session, 'workbench+webview', await heap(session));
    s.timer = setInterval(() => void s.tick(), 250);
    return s;
  }

  /**
   * Samples the webview's own isolate instead when Chromium runs it out of process: the first
   * frame from the webview's up (not the workbench's) that has a CDP session of its own.
   */
  async retarget(wv: Frame): Promise<void> {
    for (let f: Frame | null = wv; f && f !== this.vs.page.mainFrame(); f = f.parentFrame()) {
      try {
        this.session = await this.vs.page.context().newCDPSession(f);
        this.mem.scope = 'webview';
        this.mem.heapBaseline = 0;
        return;
      } catch { /* part of its parent's session: same process */ }
    }
  }

  async tick(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    try {
      const h = await heap(this.session);
      this.mem.heapLast = h;
      this.mem.heapPeak = Math.max(this.mem.heapPeak, h);
      const rs = renderers(this.vs);
      let rss = 0;
      for (const p of rs) {
        const st = readProc(p, 'status');
        rss += kbField(st, 'VmRSS');
        this.mem.rendererHwm = Math.max(this.mem.rendererHwm, kbField(st, 'VmHWM'));
      }
      this.mem.renderers = Math.max(this.mem.renderers, rs.length);
      this.mem.rendererRssPeak = Math.max(this.mem.rendererRssPeak, rss);
      this.mem.samples++;
    } catch { /* the page is going away */ } finally {
      this.busy = false;
    }
  }

  stop(): void { clearInterval(this.timer); }
}

async function heap(session: CDPSession): Promise<number> {
  const r = (await session.send('Runtime.getHeapUsage')) as { usedSize: number };
  return r.usedSize;
}
