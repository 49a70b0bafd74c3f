/**
 * What bench:timeline observes inside the viewer's webview, from outside the timeline's code
 * (an init script; stamps are Date.now() in the page, so playwright's polling lag is not in them):
 *   firstLanes      the end of the first animation frame after which the lanes canvas shows
 *                   slices: pixels of the slice area (right of the lane names) in a slice
 *                   state's colour (the --vscode-charts-* variables the timeline's theme reads),
 *                   at least MIN_PIXELS of them; checked after each of the page's frames until seen;
 *   firstMessage    the first message the page gets from the host (it is up and listening);
 *   showMessage     the host's showTimeline message (the command's) reached the page;
 *   paneShown       the end of the page's first animation frame with the timeline pane shown;
 *   layoutAnswer    the first timelineLayout answer, even an empty one (the pane asked);
 *   layoutFirst     the first timelineLayout answer with lanes (the host's RPC responses, seen by
 *                   a message listener); layoutComplete the first with complete: true;
 *   overviewFirst   the first answer to the overview's query (the gc and proc lanes over the
 *                   whole trace from 0), overviewExact the first such answer marked exact;
 *   done            the summary says the parse is done (#summary[aria-busy=false]).
 * And, while `recording` is on, for the frame figures:
 *   intervals       [performance.now(), delta] of a requestAnimationFrame loop of our own: the
 *                   time between frames as the page lives it (60 Hz is 16.7 ms);
 *   work            [frame timestamp, ms] of every other rAF callback (the timeline's frame: its
 *                   drawing and its requests), through a wrapper of window.requestAnimationFrame;
 *   answers         [performance.now(), exact] of each slice answer.
 *
 * Handed to addInitScript as source text: it uses nothing outside itself. The init script runs
 * in the inner frame's about:blank document, which VS Code then rewrites with document.open(): the
 * window and its properties stay (the rAF wrapper, __benchTimeline), its listeners do not, so a
 * 10 ms timer attaches the message listener again.
 */
export interface TimelineMarksArg {
  /** The lanes canvas's header column, CSS px (laneDrawing.ts HEADER_WIDTH). */
  headerWidth: number;
  /** CSS variables and fallbacks of the slice states' fills (theme.ts). */
  stateColours: [string, string][];
}

export interface LayoutFacts {
  durationNs: number; generations: number; lanes: number; procs: number; threads: number;
  groups: number; goroutines: number; complete: boolean;
}

export interface TimelineMarks {
  firstLanes?: number;
  firstLanesPixels?: number;
  firstMessage?: number;
  /** The host's showTimeline message (the command's) reached the page. */
  showMessage?: number;
  /** The first of the page's animation frames with the timeline pane shown. */
  paneShown?: number;
  layoutAnswer?: number;
  layoutFirst?: number;
  layoutComplete?: number;
  layout?: LayoutFacts;
  overviewFirst?: number;
  overviewExact?: number;
  /** Overview answers seen, and how many of them were exact. */
  overviewAnswers: number;
  overviewExactAnswers: number;
  done?: number;
  /** Frames of the page (not ours) and slice answers seen, over the whole run. */
  frames: number;
  sliceAnswers: number;
  inexactAnswers: number;
  recording: boolean;
  intervals: [number, number][];
  work: [number, number][];
  answers: [number, number][];
  /** The lanes check could not read the canvas (why). */
  checkError?: string;
}

export function timelineMarks(arg: TimelineMarksArg): void {
  if (window === window.top) return; // webviews only, not the workbench
  const MIN_PIXELS = 30;
  const MAX_RECORDS = 200_000;
  const w = window as unknown as { __benchTimeline?: TimelineMarks; __benchRaf?: typeof requestAnimationFrame };
  const m: TimelineMarks = (w.__benchTimeline = { frames: 0, sliceAnswers: 0, inexactAnswers: 0, overviewAnswers: 0, overviewExactAnswers: 0, recording: false, intervals: [], work: [], answers: [] });
  let durationNs = -1;

  const onMessage = (ev: MessageEvent) => {
    const d = ev.data as { type?: string; result?: Record<string, unknown> } | null;
    const now = Date.now();
    if (d && typeof d === 'object' && typeof d.type === 'string') m.firstMessage ??= now;
    if (d?.type === 'showTimeline') m.showMessage ??= now;
    if (!d || typeof d !== 'object' || d.type !== 'response' || !d.result || typeof d.result !== 'object') return;
    const r = d.result;
    if (typeof r.durationNs === 'number' && Array.isArray(r.lanes) && Array.isArray(r.groups) && Array.isArray(r.generations)) {
      const lanes = r.lanes as { kind?: string }[];
      const groups = r.groups as { goroutines?: number }[];
      durationNs = r.durationNs;
      m.layout = {
        durationNs, generations: r.generations.length, lanes: lanes.length,
        procs: lanes.filter((l) => l.kind === 'proc').length, threads: lanes.filter((l) => l.kind === 'thread').length,
        groups: groups.length, goroutines: groups.reduce((s, g) => s + (Number(g.goroutines) || 0), 0), complete: r.complete === true,
      };
      m.layoutAnswer ??= now;
      if (lanes.length > 0 && m.layoutFirst === undefined) m.layoutFirst = now;
      if (r.complete === true && m.layoutComplete === undefined) m.layoutComplete = now;
      return;
    }
    const q = r.query as { lanes?: unknown; fromNs?: number; toNs?: number } | undefined;
    if (q && typeof q === 'object' && Array.isArray(r.lanes) && typeof r.exact === 'boolean') {
      m.sliceAnswers++;
      if (!r.exact) m.inexactAnswers++;
      if (m.recording && m.answers.length < MAX_RECORDS) m.answers.push([performance.now(), r.exact ? 1 : 0]);
      const ids = Array.isArray(q.lanes) ? (q.lanes as string[]) : [];
      const overview = q.fromNs === 0 && q.toNs === durationNs && ids.length > 0 && ids.every((id) => id === 'gc' || /^p\d+$/.test(id));
      if (overview) {
        m.overviewAnswers++;
        if (r.exact) m.overviewExactAnswers++;
        if (m.overviewFirst === undefined) m.overviewFirst = now;
        if (r.exact && m.overviewExact === undefined) m.overviewExact = now;
      }
    }
  };

  // The slice states' colours as RGB, resolved by painting them on a scratch canvas.
  let colours: number[][] | undefined;
  const resolveColours = (): number[][] => {
    const cs = getComputedStyle(document.body);
    const c = document.createElement('canvas');
    c.width = c.height = 1;
    const ctx = c.getContext('2d', { willReadFrequently: true })!;
    return arg.stateColours.map(([name, fallback]) => {
      ctx.clearRect(0, 0, 1, 1);
      ctx.fillStyle = cs.getPropertyValue(name).trim() || fallback;
      ctx.fillRect(0, 0, 1, 1);
      return [...ctx.getImageData(0, 0, 1, 1).data.slice(0, 3)];
    });
  };
  /** Pixels of the slice area in a state's colour (0 when the canvas is not there or not sized). */
  const slicePixels = (): number => {
    const c = document.querySelector('#timeline-pane canvas.timeline-lanes') as HTMLCanvasElement | null;
    const cssWidth = c ? parseFloat(c.style.width) : 0;
    if (!c || !(cssWidth > arg.headerWidth) || c.height <= 1 || c.offsetParent === null) return 0;
    const x0 = Math.ceil((arg.headerWidth * c.width) / cssWidth) + 1;
    const ctx = c.getContext('2d');
    if (!ctx || c.width - x0 <= 0) return 0;
    colours ??= resolveColours();
    const px = ctx.getImageData(x0, 0, c.width - x0, c.height).data;
    let n = 0;
    for (let i = 0; i < px.length; i += 4) {
      for (const [r, g, b] of colours) {
        if (Math.abs(px[i] - r) + Math.abs(px[i + 1] - g) + Math.abs(px[i + 2] - b) <= 24) {
          n++;
          break;
        }
      }
    }
    return n;
  };

  const raf = window.requestAnimationFrame.bind(window);
  w.__benchRaf = raf;
  window.requestAnimationFrame = (cb: FrameRequestCallback): number =>
    raf((ts) => {
      const start = performance.now();
      try {
        cb(ts);
      } finally {
        m.frames++;
        if (m.recording && m.work.length < MAX_RECORDS) m.work.push([ts, performance.now() - start]);
        if (m.paneShown === undefined && document.getElementById('timeline-pane')?.hidden === false) m.paneShown = Date.now();
        if (m.firstLanes === undefined && m.checkError === undefined) {
          try {
            const n = slicePixels();
            if (n >= MIN_PIXELS) {
              m.firstLanes = Date.now();
              m.firstLanesPixels = n;
            }
          } catch (e) {
            m.checkError = String(e);
          }
        }
      }
    });

  // Our own frame loop, started and stopped by the bench through m.recording.
  let last = -1;
  const loop = () => {
    if (!m.recording) {
      last = -1;
      return;
    }
    const now = performance.now();
    if (last >= 0 && m.intervals.length < MAX_RECORDS) m.intervals.push([now, now - last]);
    last = now;
    raf(loop);
  };
  (w as unknown as { __benchRecord?: (on: boolean) => void }).__benchRecord = (on: boolean) => {
    const was = m.recording;
    m.recording = on;
    if (on && !was) raf(loop);
  };

  const started = Date.now();
  const timer = setInterval(() => {
    // a no-op while it is attached (same listener); attaches it again after document.open()
    window.addEventListener('message', onMessage);
    if (m.done === undefined && document.querySelector('#summary[aria-busy=false]')) m.done = Date.now();
    if (Date.now() - started > 3_600_000) clearInterval(timer);
  }, 10);
}
