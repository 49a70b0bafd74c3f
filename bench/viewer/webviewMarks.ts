/**
 * Stamps taken inside the viewer's webview (Date.now(), so the figures do not include
 * playwright's polling lag, which reaches seconds on a loaded machine):
 *   firstGeneration  a generation row (#generation-tree [data-kind=generation]) is visible;
 *   done             the summary says the parse is done (#summary[aria-busy=false]);
 *   roots[label]     the host sent the roots with that summary root (data-kind=summaryRoot:
 *                    Goroutines, Procs, Threads, Tasks, Regions, Event counts);
 *   summaries        the summary message's `summaries` field first became 'computing', and then
 *                    'done' or 'unavailable' (webview/summaryView.ts shows "(summarizing…)" meanwhile).
 * The roots come after 70-odd generation rows, so they are usually not rendered (the tree is
 * virtual): they are stamped from the host's 'roots' messages, and the bench checks the rows
 * in the DOM once everything is ready.
 *
 * `webviewMarks` is handed to addInitScript as source text: it must not use anything outside it.
 * A 10 ms timer, not a MutationObserver: the init script runs in the inner frame's initial
 * about:blank document, which the webview's own document then replaces (same window and Document
 * object, but document.open() erases the window's listeners), so the timer also re-attaches the
 * message listener at every tick.
 */
export interface Marks {
  firstGeneration?: number;
  done?: number;
  roots: Record<string, number>;
  summariesComputing?: number;
  summariesDone?: number;
  summariesState?: string;
  /** Host messages seen (0: the listener never saw one; stamps then come from polling). */
  messages: number;
}

export function webviewMarks(): void {
  if (window === window.top) return; // webviews only, not the workbench
  const w = window as unknown as { __benchMarks?: Marks };
  const m: Marks = (w.__benchMarks = { roots: {}, messages: 0 });
  const visible = (e: Element) => (e as HTMLElement).offsetParent !== null && !(e as HTMLElement).closest('[hidden]');
  const onMessage = (ev: MessageEvent) => {
    const d = ev.data as { type?: string; summary?: { summaries?: string }; nodes?: { kind?: string; label?: string }[] } | null;
    if (!d || typeof d !== 'object' || typeof d.type !== 'string') return;
    m.messages++;
    const now = Date.now();
    if (d.type === 'summary' && d.summary) {
      const s = d.summary.summaries;
      if (s === 'computing' && m.summariesComputing === undefined) m.summariesComputing = now;
      if ((s === 'done' || s === 'unavailable') && m.summariesDone === undefined) {
        m.summariesDone = now;
        m.summariesState = s;
      }
    }
    if (d.type === 'roots' && Array.isArray(d.nodes)) {
      for (const n of d.nodes) if (n && n.kind === 'summaryRoot' && typeof n.label === 'string' && m.roots[n.label] === undefined) m.roots[n.label] = now;
    }
  };
  const started = Date.now();
  const timer = setInterval(() => {
    // a no-op while it is attached (same listener); attaches it again after document.open()
    window.addEventListener('message', onMessage);
    if (m.firstGeneration === undefined) {
      const rows = document.querySelectorAll('#generation-tree [role=treeitem][data-kind=generation]');
      if ([...rows].some(visible)) m.firstGeneration = Date.now();
    }
    if (m.done === undefined && document.querySelector('#summary[aria-busy=false]')) m.done = Date.now();
    if (Date.now() - started > 1_800_000) clearInterval(timer);
  }, 10);
}
