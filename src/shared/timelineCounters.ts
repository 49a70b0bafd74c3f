/**
 * The timeline's counter lanes: what the webview asks for and gets. A counter lane ("c:heap",
 * "c:goroutines", "c:threads", "c:cpu") draws a few series over time: heap in use and the heap
 * goal, goroutines by state, threads running and in a system call, CPU samples.
 *
 * The worker keeps each series as buckets (src/analysis/counters.ts); an answer merges them into
 * points about a pixel wide, each with the value at its end and the min and max within it, so a
 * spike narrower than a pixel still shows. Times are ns since the trace's first event.
 */

export const COUNTER_LANES = ['c:heap', 'c:goroutines', 'c:threads', 'c:cpu'] as const;
export type CounterLaneId = (typeof COUNTER_LANES)[number];

export type CounterUnit = 'bytes' | 'goroutines' | 'threads' | 'samples';

export function isCounterLane(id: string): id is CounterLaneId {
  return (COUNTER_LANES as readonly string[]).includes(id);
}

export interface CounterQuery {
  lanes: string[];
  fromNs: number;
  toNs: number;
  /** The resolution: buckets narrower than this are merged into one point. */
  nsPerPx: number;
}

export interface CounterSeries {
  /** "Heap in use", "Running"...: shown in the legend and the tooltip, never by colour alone. */
  name: string;
  /** Per point: the value at its end, and the min and max within it. -1: not known yet (the heap before its first Metric event). */
  value: number[];
  min: number[];
  max: number[];
}

export interface CounterLaneData {
  lane: string;
  unit: CounterUnit;
  /**
   * 'lines': each series a step line over its min-max band; 'bars': a count per point (CPU
   * samples: `value` is the samples in the point, min and max equal it).
   */
  style: 'lines' | 'bars';
  /** Point i covers [start[i], end[i]). */
  start: number[];
  end: number[];
  series: CounterSeries[];
}

export interface CounterAnswer {
  query: CounterQuery;
  lanes: CounterLaneData[];
}
