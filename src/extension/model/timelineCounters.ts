/**
 * The timeline's counter lanes, from the pass's counters (src/analysis/counters.ts): which lanes
 * the trace has data for, and a query's points: the buckets over the range merged until a point
 * is at least the resolution wide, each point with every series' value at its end and the min and
 * max within it (CPU samples: their sum).
 */
import { Series, type CounterChunk, type Counters } from '../../analysis/index.js';
import type { TimelineLane } from '../../shared/timeline.js';
import type { CounterAnswer, CounterLaneData, CounterLaneId, CounterQuery, CounterUnit } from '../../shared/timelineCounters.js';

interface LaneSpec {
  id: CounterLaneId;
  label: string;
  tooltip: string;
  unit: CounterUnit;
  style: CounterLaneData['style'];
  series: { name: string; s: number }[];
  has: keyof Counters['has'];
}

const SPECS: readonly LaneSpec[] = [
  {
    id: 'c:heap', label: 'Heap', tooltip: 'Heap in use and the heap goal (bytes)', unit: 'bytes', style: 'lines', has: 'heap',
    series: [{ name: 'Heap in use', s: Series.Heap }, { name: 'Heap goal', s: Series.Goal }],
  },
  {
    id: 'c:goroutines', label: 'Goroutines', tooltip: 'Goroutines running, runnable, waiting and in a system call', unit: 'goroutines', style: 'lines', has: 'goroutines',
    series: [{ name: 'Running', s: Series.Running }, { name: 'Runnable', s: Series.Runnable }, { name: 'Waiting', s: Series.Waiting }, { name: 'In syscall', s: Series.Syscall }],
  },
  {
    id: 'c:threads', label: 'Threads', tooltip: 'Threads running (holding a P) and in a system call', unit: 'threads', style: 'lines', has: 'threads',
    series: [{ name: 'Running', s: Series.ProcsRunning }, { name: 'In syscall', s: Series.Syscall }],
  },
  {
    id: 'c:cpu', label: 'CPU samples', tooltip: 'CPU profile samples taken', unit: 'samples', style: 'bars', has: 'cpu',
    series: [{ name: 'Samples', s: Series.Cpu }],
  },
];

/** The counter lanes the trace has data for, in drawing order. */
export function counterLanes(c: Counters): TimelineLane[] {
  return SPECS.filter((s) => c.has[s.has] && c.chunks.length > 0).map((s) => ({ id: s.id, kind: 'counter', label: s.label, tooltip: s.tooltip }));
}

const nanMax = (a: number, b: number) => (Number.isNaN(a) || b > a ? b : a);
const nanMin = (a: number, b: number) => (Number.isNaN(a) || b < a ? b : a);
const out = (x: number) => (Number.isNaN(x) ? -1 : x);

/** A point being merged: per series, its value at the end, min, max. */
class Point {
  start = 0;
  end = 0;
  open = false;
  readonly v: Float64Array;
  readonly lo: Float64Array;
  readonly hi: Float64Array;
  constructor(n: number) {
    this.v = new Float64Array(n);
    this.lo = new Float64Array(n);
    this.hi = new Float64Array(n);
  }
}

/** The points of the lanes asked for (unknown lanes are left out), times from `originNs`. */
export function counterPoints(c: Counters, originNs: number, q: CounterQuery): CounterAnswer {
  const lanes: CounterLaneData[] = [];
  for (const id of q.lanes) {
    const spec = SPECS.find((s) => s.id === id);
    if (spec && c.has[spec.has]) lanes.push(lanePoints(c.chunks, spec, originNs, q));
  }
  return { query: q, lanes };
}

function lanePoints(chunks: readonly CounterChunk[], spec: LaneSpec, originNs: number, q: CounterQuery): CounterLaneData {
  const from = originNs + Math.min(q.fromNs, q.toNs);
  const to = originNs + Math.max(q.fromNs, q.toNs);
  const res = Math.max(1e-9, q.nsPerPx);
  const n = spec.series.length;
  const cpu = spec.style === 'bars';
  const d: CounterLaneData = { lane: spec.id, unit: spec.unit, style: spec.style, start: [], end: [], series: spec.series.map((s) => ({ name: s.name, value: [], min: [], max: [] })) };
  const p = new Point(n);
  const emit = () => {
    if (!p.open) return;
    p.open = false;
    d.start.push(p.start - originNs);
    d.end.push(p.end - originNs);
    for (let k = 0; k < n; k++) {
      d.series[k].value.push(out(p.v[k]));
      d.series[k].min.push(out(p.lo[k]));
      d.series[k].max.push(out(p.hi[k]));
    }
  };
  for (const c of chunks) {
    if (c.count === 0 || c.endNs <= from || c.startNs >= to) continue;
    const first = Math.max(0, Math.floor((from - c.startNs) / c.widthNs));
    for (let i = first; i < c.count; i++) {
      const b0 = c.startNs + i * c.widthNs;
      if (b0 >= to) break;
      const b1 = c.bucketEndNs(i);
      if (b1 <= b0) continue;
      // A gap between chunks is not bridged.
      if (p.open && b0 > p.end) emit();
      if (!p.open) {
        p.open = true;
        p.start = b0;
        for (let k = 0; k < n; k++) {
          const s = spec.series[k].s;
          p.v[k] = c.end(s, i);
          p.lo[k] = c.min(s, i);
          p.hi[k] = c.max(s, i);
        }
      } else {
        for (let k = 0; k < n; k++) {
          const s = spec.series[k].s;
          if (cpu) {
            p.v[k] = p.lo[k] = p.hi[k] = p.v[k] + c.end(s, i);
            continue;
          }
          p.v[k] = c.end(s, i);
          p.lo[k] = nanMin(p.lo[k], c.min(s, i));
          p.hi[k] = nanMax(p.hi[k], c.max(s, i));
        }
      }
      p.end = b1;
      if (p.end - p.start >= res) emit();
    }
  }
  emit();
  return d;
}
