/**
 * Memory of the extension host while the viewer works, read from /proc: the host process (a node
 * child of code-server with --type=extensionHost; the decode workers are threads in it), the parse
 * worker (a process of its own, the host's child) and the whole code-server process tree (server, extension host, pty host, file
 * watcher; not Chromium). Sampled every 100 ms; VmHWM is the kernel's own peak, so nothing is
 * missed between samples.
 */
import * as fs from 'node:fs';
import type { VSCode } from '../../test/e2e/harness';

export function readProc(pid: number, file: string): string | undefined {
  try { return fs.readFileSync(`/proc/${pid}/${file}`, 'utf8'); } catch { return undefined; }
}
export const cmdline = (pid: number) => (readProc(pid, 'cmdline') ?? '').split('\0').join(' ');
export function ppid(pid: number): number {
  const stat = readProc(pid, 'stat');
  if (!stat) return -1;
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
}
export const pids = () => fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d)).map(Number);

/** A field of /proc/PID/status or smaps_rollup in bytes (the files say kB). */
export function kbField(text: string | undefined, key: string): number {
  const m = text && new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(text);
  return m ? Number(m[1]) * 1024 : 0;
}

/** The code-server of this run (its command line names the run's user-data dir) and its descendants. */
function serverTree(vs: VSCode): number[] {
  const all = pids();
  const root = all.find((p) => { const c = cmdline(p); return c.includes('entry.js') && c.includes(vs.userDataDir); });
  if (root === undefined) throw new Error('code-server process not found');
  const parent = new Map(all.map((p) => [p, ppid(p)]));
  const tree = new Set([root]);
  for (let grew = true; grew;) {
    grew = false;
    for (const [p, pp] of parent) if (!tree.has(p) && tree.has(pp)) { tree.add(p); grew = true; }
  }
  return [...tree];
}

export function extensionHost(vs: VSCode): number {
  const hosts = serverTree(vs).filter((p) => /--type=extensionHost|extensionHost/.test(cmdline(p)));
  if (hosts.length !== 1) throw new Error(`expected one extension host, found ${hosts.length}: ${hosts.map(cmdline).join(' | ')}`);
  return hosts[0];
}

/** The parse worker processes (children of the extension host titled goTraceParse). */
export function parseWorkers(host: number): number[] {
  return pids().filter((p) => ppid(p) === host && cmdline(p).includes('goTraceParse'));
}

/** workerHwm: the highest VmHWM of a parse worker process seen (the worker is its own process). */
export interface Mem { rss: number; hwm: number; pss: number; treeRss: number; treePss: number; workerHwm: number }
const ZERO: Mem = { rss: 0, hwm: 0, pss: 0, treeRss: 0, treePss: 0, workerHwm: 0 };

export class Sampler {
  /** Highest value of each field over all samples so far. */
  peak: Mem = { ...ZERO };
  last: Mem = { ...ZERO };
  samples = 0;
  private timer?: NodeJS.Timeout;
  constructor(private readonly vs: VSCode, private readonly host: number) {}

  sample(): Mem {
    const status = readProc(this.host, 'status');
    const m: Mem = {
      rss: kbField(status, 'VmRSS'), hwm: kbField(status, 'VmHWM'),
      pss: kbField(readProc(this.host, 'smaps_rollup'), 'Pss'), treeRss: 0, treePss: 0, workerHwm: 0,
    };
    for (const w of parseWorkers(this.host)) m.workerHwm = Math.max(m.workerHwm, kbField(readProc(w, 'status'), 'VmHWM'));
    try {
      for (const p of serverTree(this.vs)) {
        m.treeRss += kbField(readProc(p, 'status'), 'VmRSS');
        m.treePss += kbField(readProc(p, 'smaps_rollup'), 'Pss');
      }
    } catch { /* the server is going away */ }
    return m;
  }

  /** Takes a sample now (also between timer ticks) and folds it into the peaks. */
  tick(): Mem {
    const m = this.sample();
    this.samples++;
    this.last = m;
    for (const k of Object.keys(m) as (keyof Mem)[]) this.peak[k] = Math.max(this.peak[k], m[k]);
    return m;
  }

  start(): void { this.timer = setInterval(() => this.tick(), 100); }
  stop(): void { clearInterval(this.timer); }
}
