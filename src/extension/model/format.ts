/** Text for numbers in labels: durations, times, byte sizes. */

/** A duration or time in ns, in the largest unit that keeps it readable: "1.234567 ms". */
export function formatNs(ns: number): string {
  if (!Number.isFinite(ns)) return '?';
  const abs = Math.abs(ns);
  if (abs < 1e3) return `${ns} ns`;
  if (abs < 1e6) return `${(ns / 1e3).toFixed(3)} µs`;
  if (abs < 1e9) return `${(ns / 1e6).toFixed(6)} ms`;
  return `${(ns / 1e9).toFixed(9)} s`;
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KiB`;
  if (n < 1024 * 1024 * 1024) return `${(n / 1024 / 1024).toFixed(1)} MiB`;
  return `${(n / 1024 / 1024 / 1024).toFixed(2)} GiB`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** Hex offset and decimal, as the wire dump and Go's errors name offsets. */
export function formatOffset(offset: number): string {
  return `@${offset} (0x${offset.toString(16)})`;
}
