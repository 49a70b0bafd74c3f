/** Number, size and time formatting for the summary and the filter bar. Pure. */

export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}

const BYTE_UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];

/** "1.5 MiB (1,572,864 bytes)" style sizes, short form without the exact count. */
export function formatBytes(n: number): string {
  let v = n;
  let u = 0;
  while (v >= 1024 && u < BYTE_UNITS.length - 1) {
    v /= 1024;
    u++;
  }
  return u === 0 ? `${n} B` : `${v.toFixed(v < 10 ? 2 : v < 100 ? 1 : 0)} ${BYTE_UNITS[u]}`;
}

/** A duration in ns with a readable unit: "850 ns", "12.5 µs", "3.25 ms", "1.204 s", "2m03.5s". */
export function formatDuration(ns: number): string {
  const abs = Math.abs(ns);
  if (abs < 1e3) return `${ns} ns`;
  if (abs < 1e6) return `${trim(ns / 1e3)} µs`;
  if (abs < 1e9) return `${trim(ns / 1e6)} ms`;
  if (abs < 60e9) return `${trim(ns / 1e9)} s`;
  const minutes = Math.floor(abs / 60e9);
  const seconds = (abs - minutes * 60e9) / 1e9;
  return `${ns < 0 ? '-' : ''}${minutes}m${seconds.toFixed(1).padStart(4, '0')}s`;
}

/**
 * A time on the timeline (ns since the trace's first event). A span known from its generation's
 * start begins a little before that event: said so, not as a negative time.
 */
export function formatTraceTime(ns: number): string {
  return ns < 0 ? `${formatDuration(Math.round(-ns))} before the first event` : formatDuration(Math.round(ns));
}

/** Three significant decimals at most, without trailing zeros. */
function trim(v: number): string {
  return String(Number(v.toFixed(3)));
}

const UNIT_NS: Record<string, number> = { ns: 1, us: 1e3, 'µs': 1e3, ms: 1e6, s: 1e9, m: 60e9 };

/**
 * Parses a time the user typed in the filter bar: a number with an optional unit
 * (ns, us/µs, ms, s, m; default ns), e.g. "1500", "2.5ms", "3 s". Returns undefined for
 * empty input and NaN for input that is not a time.
 */
export function parseDurationNs(text: string): number | undefined {
  const t = text.trim();
  if (t === '') return undefined;
  const m = /^(\d+(?:\.\d*)?|\.\d+)\s*(ns|us|µs|ms|s|m)?$/i.exec(t);
  if (!m) return NaN;
  const unit = (m[2] ?? 'ns').toLowerCase();
  return Math.round(Number(m[1]) * UNIT_NS[unit]);
}

/** Parses a non-negative integer ID (goroutine, proc, thread); undefined if empty, NaN if invalid. */
export function parseId(text: string): number | undefined {
  const t = text.trim();
  if (t === '') return undefined;
  return /^\d{1,15}$/.test(t) ? Number(t) : NaN;
}
