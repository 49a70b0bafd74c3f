/**
 * Dev page only: a generated trace for the timeline, so it can be seen and profiled in a plain
 * browser. Open the dev page with ?view=timeline: the timeline is mounted over the page with
 * this source. The trace: 2 s, a GC lane, 8 procs, 16 threads and 3 groups of 1,000 goroutines
 * (one group's name looks like markup and must show as text). Slices are generated on demand,
 * deterministically per lane and millisecond, and merged per bucket at coarse resolutions, as
 * the real model answers. window.devTimeline records selections and ranges.
 */
import type { LaneSlices, SliceAnswer, SliceQuery, TimelineLane, TimelineLayout } from '../../src/shared/timeline.js';
import { SLICE_STATES, type SliceState } from '../../src/shared/timeline.js';
import { mountTimeline } from '../timeline/timelineView.js';
import type { SelectedSlice, TimelineSource } from '../timeline/timelineSource.js';
import { parseTimelineState } from '../timeline/timelineState.js';

const DURATION = 2_000_000_000;
const CHUNK = 1_000_000;
const GC_CHUNK = 100_000_000;
const PROCS = 8;
const THREADS = 16;
const PER_GROUP = 1000;
const GROUPS = ['main.worker', 'net/http.(*conn).serve', '<img src=x onerror=alert(1)>'];
const REASONS = ['chan receive', 'select', 'sync.Mutex.Lock', 'network', 'sleep', '</script><b>GC assist</b>'];
const LATENCY_MS = Number(new URLSearchParams(location.search).get('latency') ?? 40);
const ST = (s: SliceState) => SLICE_STATES.indexOf(s);

/** A small deterministic PRNG (mulberry32). */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

interface Span {
  start: number;
  end: number;
  state: number;
  label: string | undefined;
  goroutine: number;
  proc: number;
}

/** One lane's spans in one chunk (GC: one 100 ms chunk), staying inside it. */
function chunkSpans(lane: string, chunk: number): Span[] {
  const r = rng(hash(lane) ^ Math.imul(chunk + 1, 0x9e3779b1));
  const out: Span[] = [];
  if (lane === 'gc') {
    const from = chunk * GC_CHUNK + r() * GC_CHUNK * 0.6;
    const len = 5e6 + r() * 15e6;
    const stw = 50e3 + r() * 250e3;
    out.push({ start: from, end: from + stw, state: ST('stw'), label: 'GC sweep termination', goroutine: -1, proc: -1 });
    out.push({ start: from + stw, end: from + len, state: ST('gc'), label: `GC ${chunk + 1}`, goroutine: -1, proc: -1 });
    out.push({ start: from + len, end: from + len + stw / 2, state: ST('stw'), label: 'GC mark termination', goroutine: -1, proc: -1 });
    return out;
  }
  const start = chunk * CHUNK;
  let t = start + r() * 20e3;
  const kind = lane[0];
  const id = Number(lane.slice(1));
  while (t < start + CHUNK) {
    const len = Math.min(start + CHUNK - t, 2e3 + r() * r() * 150e3);
    let s: Span;
    if (kind === 'p') {
      const g = 1 + Math.floor(r() * PER_GROUP * GROUPS.length);
      s = { start: t, end: t + len, state: ST('running'), label: `G${g} ${GROUPS[Math.floor((g - 1) / PER_GROUP)]}`, goroutine: g, proc: id };
      t += len + r() * 30e3;
    } else if (kind === 'm') {
      const sys = r() < 0.3;
      const p = Math.floor(r() * PROCS);
      s = { start: t, end: t + len, state: sys ? ST('syscall') : ST('proc'), label: sys ? 'read' : `P${p}`, goroutine: -1, proc: sys ? -1 : p };
      t += len + r() * 20e3;
    } else {
      const x = r();
      const state = x < 0.35 ? 'running' : x < 0.5 ? 'runnable' : x < 0.9 ? 'waiting' : 'syscall';
      const label = state === 'waiting' ? REASONS[Math.floor(r() * REASONS.length)] : state === 'syscall' ? 'write' : undefined;
      const proc = state === 'running' ? Math.floor(r() * PROCS) : -1;
      s = { start: t, end: t + len, state: ST(state), label, goroutine: id, proc };
      t += len;
    }
    out.push(s);
  }
  return out;
}

/** The spans of a lane over [from, to) at a resolution: exact when fine, one per bucket when coarse. */
function laneSpans(lane: string, from: number, to: number, nsPerPx: number): { spans: Span[]; merged: number[] } {
  const size = lane === 'gc' ? GC_CHUNK : CHUNK;
  const first = Math.max(0, Math.floor(from / size));
  const last = Math.min(Math.ceil(DURATION / size) - 1, Math.floor(to / size));
  const spans: Span[] = [];
  const merged: number[] = [];
  if (lane === 'gc' || nsPerPx * 8 < CHUNK) {
    for (let c = first; c <= last; c++) {
      for (const s of chunkSpans(lane, c)) {
        if (s.end <= from || s.start >= to) continue;
        spans.push(s);
        merged.push(0);
      }
    }
    return { spans, merged };
  }
  // Coarse: one span per bucket of whole chunks, shown as the bucket's first state.
  const step = Math.max(1, Math.floor(nsPerPx / CHUNK));
  for (let c = first - (first % step); c <= last; c += step) {
    // Cheap on purpose (this runs on the page's own thread): one draw per bucket, not its spans.
    const r = rng(hash(lane) ^ Math.imul(c + 7, 0x85ebca6b));
    const x = r();
    const kind = lane[0];
    const state = kind === 'p' ? 'running' : kind === 'm' ? (x < 0.3 ? 'syscall' : 'proc') : x < 0.35 ? 'running' : x < 0.5 ? 'runnable' : x < 0.9 ? 'waiting' : 'syscall';
    spans.push({ start: c * CHUNK, end: Math.min(DURATION, (c + step) * CHUNK), state: ST(state), label: undefined, goroutine: -1, proc: -1 });
    merged.push(20 * step);
  }
  return { spans, merged };
}

function answer(q: SliceQuery): SliceAnswer {
  const strings: string[] = [];
  const index = new Map<string, number>();
  const intern = (s: string | undefined) => {
    if (s === undefined) return -1;
    let i = index.get(s);
    if (i === undefined) index.set(s, (i = strings.push(s) - 1));
    return i;
  };
  const lanes: LaneSlices[] = q.lanes.map((lane) => {
    const { spans, merged } = laneSpans(lane, Math.max(0, q.fromNs), Math.min(DURATION, q.toNs), q.nsPerPx);
    return {
      lane,
      start: spans.map((s) => s.start),
      end: spans.map((s) => s.end),
      state: spans.map((s) => s.state),
      label: spans.map((s) => intern(s.label)),
      merged,
      offset: spans.map((s) => Math.floor(s.start / 100)),
      goroutine: spans.map((s) => (lane[0] === 'g' ? -1 : s.goroutine)),
      proc: spans.map((s) => s.proc),
    };
  });
  return { query: q, strings, lanes, exact: true };
}

function layout(): TimelineLayout {
  const lanes: TimelineLane[] = [{ id: 'gc', kind: 'gc', label: 'GC' }];
  for (let p = 0; p < PROCS; p++) lanes.push({ id: `p${p}`, kind: 'proc', label: `P${p}` });
  for (let m = 0; m < THREADS; m++) lanes.push({ id: `m${m}`, kind: 'thread', label: `M${m}` });
  const generations = [0, 1, 2, 3].map((i) => ({ number: i + 1, startNs: (i * DURATION) / 4, endNs: ((i + 1) * DURATION) / 4 }));
  return {
    durationNs: DURATION,
    generations,
    lanes,
    groups: GROUPS.map((name, index) => ({ index, name, goroutines: PER_GROUP, runningNs: (3 - index) * 1e9, blockedNs: (index + 1) * 2e9, firstNs: index * 1e6 })),
    window: { startNs: DURATION / 2, endNs: DURATION, text: 'last 1 s' },
    complete: true,
  };
}

const later = <T>(f: () => T) => new Promise<T>((resolve) => setTimeout(() => resolve(f()), LATENCY_MS));

interface DevTimeline {
  selected: { lane: string; slice: SelectedSlice }[];
  ranges: ({ fromNs: number; toNs: number } | undefined)[];
  requests: number;
}
const devTimeline: DevTimeline = { selected: [], ranges: [], requests: 0 };

export const fakeTimelineSource: TimelineSource = {
  layout: () => later(layout),
  slices: (q) => (devTimeline.requests++, later(() => answer(q))),
  groupLanes: (group, offset, limit) =>
    later(() => {
      const lanes: TimelineLane[] = [];
      for (let i = offset; i < Math.min(PER_GROUP, offset + limit); i++) {
        const id = group * PER_GROUP + i + 1;
        lanes.push({ id: `g${id}`, kind: 'goroutine', label: `G${id}`, tooltip: `G${id} ${GROUPS[group]}` });
      }
      return lanes;
    }),
  select: (lane, slice) => void devTimeline.selected.push({ lane, slice }),
};

const STATE_KEY = 'go-trace-viewer-dev-timeline';
if (new URLSearchParams(location.search).get('view') === 'timeline') {
  (window as unknown as { devTimeline: DevTimeline }).devTimeline = devTimeline;
  const mount = () => {
    const host = document.createElement('div');
    host.className = 'timeline-dev-host';
    document.body.appendChild(host);
    const saved = sessionStorage.getItem(STATE_KEY);
    mountTimeline(host, fakeTimelineSource, parseTimelineState(saved === null ? undefined : JSON.parse(saved)), {
      onStateChange: (s) => sessionStorage.setItem(STATE_KEY, JSON.stringify(s)),
      onRangeSelected: (r) => void devTimeline.ranges.push(r),
    });
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', mount);
  else mount();
}
