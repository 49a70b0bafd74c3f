/**
 * Frame figures of bench:timeline: count, mean, percentiles and max of a list of durations, and
 * the split of timed records ([time, value]) into the drive's phases. Pure.
 */

export interface Stats { count: number; mean: number; p50: number; p95: number; p99: number; max: number }

/** A phase of the drive: records with start <= time < end belong to it. */
export interface Phase { name: string; start: number; end: number }

/** Nearest-rank percentile of sorted values (p in 0..100). */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

export function stats(values: readonly number[]): Stats {
  const s = [...values].sort((a, b) => a - b);
  const sum = s.reduce((a, b) => a + b, 0);
  return {
    count: s.length,
    mean: s.length ? sum / s.length : NaN,
    p50: percentile(s, 50),
    p95: percentile(s, 95),
    p99: percentile(s, 99),
    max: s.length ? s[s.length - 1] : NaN,
  };
}

/** Values of the records falling in [start, end). */
export function within(records: readonly [number, number][], start: number, end: number): number[] {
  return records.filter(([t]) => t >= start && t < end).map(([, v]) => v);
}

/** The records of each phase name (phases of one name are joined), in order of first appearance. */
export function byPhase(records: readonly [number, number][], phases: readonly Phase[]): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const p of phases) {
    const list = out.get(p.name) ?? [];
    list.push(...within(records, p.start, p.end));
    out.set(p.name, list);
  }
  return out;
}

/**
 * One record per frame: the rAF callbacks of one frame share its timestamp, so their durations
 * are summed (the work the page did in that frame's callbacks).
 */
export function perFrame(callbacks: readonly [number, number][]): [number, number][] {
  const frames = new Map<number, number>();
  for (const [ts, ms] of callbacks) frames.set(ts, (frames.get(ts) ?? 0) + ms);
  return [...frames.entries()].sort((a, b) => a[0] - b[0]);
}

/** Consecutive marks [name, time] as phases: each lasts until the next mark; the last until `end`. */
export function phasesOf(marks: readonly [string, number][], end: number): Phase[] {
  return marks.map(([name, start], i) => ({ name, start, end: i + 1 < marks.length ? marks[i + 1][1] : end }));
}
