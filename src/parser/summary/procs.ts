/**
 * Procs (P) and threads (M): per ID, how many events ran in their context, when they were first
 * and last seen, and time running. A proc runs from a transition to Running until one out of it
 * (from the last Sync when it was already running at a generation's start); a thread is counted
 * as running while it holds a running proc (the thread of the event that started the proc).
 */
import type { OrderedEvent } from '../order/orderedEvent.js';
import type { SummaryHandler } from './handler.js';

export interface ProcSummary {
  id: number;
  events: number;
  firstNs: number;
  lastNs: number;
  runningNs: number;
  /** Number of times it started running. */
  starts: number;
}

export interface ThreadSummary {
  id: number;
  events: number;
  firstNs: number;
  lastNs: number;
  /** Time holding a running proc. */
  runningNs: number;
}

export interface ProcsAndThreads {
  procs: Map<number, ProcSummary>;
  threads: Map<number, ThreadSummary>;
}

interface LiveProc {
  s: ProcSummary;
  since: number;
  thread: number;
}

export class ProcSummarizer implements SummaryHandler<ProcsAndThreads> {
  private procs = new Map<number, LiveProc>();
  private threads = new Map<number, ThreadSummary>();
  private syncNs = 0;
  private lastNs = 0;
  private finalized = false;

  reset(): void {
    this.procs = new Map();
    this.threads = new Map();
    this.syncNs = 0;
    this.lastNs = 0;
    this.finalized = false;
  }

  handleEvent(e: OrderedEvent): void {
    this.lastNs = e.time;
    if (e.kind === 'Sync') {
      this.syncNs = e.time;
      return;
    }
    if (e.m >= 0) {
      const t = this.thread(e.m, e.time);
      t.events++;
      t.lastNs = e.time;
    }
    if (e.p >= 0) {
      const p = this.proc(e.p, e.time);
      p.s.events++;
      p.s.lastNs = e.time;
    }
    const st = e.transition;
    if (!st || st.resource.kind !== 'Proc' || st.from === st.to) return;
    const p = this.proc(st.resource.id, e.time);
    if (st.resource.id !== e.p) {
      p.s.events++;
      p.s.lastNs = e.time;
    }
    if (st.from === 'Running') this.stop(p, e.time);
    else if (st.from === 'Undetermined' && st.to !== 'Running') {
      // nothing was running since the Sync
    }
    if (st.to === 'Running') {
      p.since = st.from === 'Undetermined' ? this.syncNs : e.time;
      p.thread = e.m;
      p.s.starts++;
    }
  }

  finalize(): void {
    if (this.finalized) return;
    this.finalized = true;
    for (const p of this.procs.values()) this.stop(p, this.lastNs);
  }

  data(): ProcsAndThreads {
    const procs = new Map<number, ProcSummary>();
    for (const [id, p] of this.procs) procs.set(id, p.s);
    return { procs, threads: this.threads };
  }

  private stop(p: LiveProc, ns: number): void {
    if (p.since < 0) return;
    const dt = ns - p.since;
    p.s.runningNs += dt;
    if (p.thread >= 0) this.thread(p.thread, p.since).runningNs += dt;
    p.since = -1;
    p.thread = -1;
  }

  private proc(id: number, ns: number): LiveProc {
    let p = this.procs.get(id);
    if (!p) this.procs.set(id, (p = { s: { id, events: 0, firstNs: ns, lastNs: ns, runningNs: 0, starts: 0 }, since: -1, thread: -1 }));
    return p;
  }

  private thread(id: number, ns: number): ThreadSummary {
    let t = this.threads.get(id);
    if (!t) this.threads.set(id, (t = { id, events: 0, firstNs: ns, lastNs: ns, runningNs: 0 }));
    return t;
  }
}
