/** Shared pieces of the golden tests that compare our CLI's output with Go's, byte for byte. */
import { closeSync, existsSync, openSync, readFileSync, readSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import type { CliIO, Command } from '../../src/cli/command.js';
import { formatInfoOf } from '../../src/parser/format/formatInfo.js';

/** Go's stdout recorded beside a trace (`X.wire.txt` or `X.parsed.txt`, maybe gzipped; X.trace or X). */
export function goOutput(trace: string, kind: 'wire' | 'parsed'): Buffer | undefined {
  const base = `${trace.endsWith('.trace') ? trace.slice(0, -'.trace'.length) : trace}.${kind}.txt`;
  if (existsSync(base)) return readFileSync(base);
  if (existsSync(base + '.gz')) return gunzipSync(readFileSync(base + '.gz'));
  return undefined;
}

/** True for an old-format (Go 1.11–1.21) trace, read from its header. */
export function isV1Trace(trace: string): boolean {
  const fd = openSync(trace, 'r');
  try {
    const head = Buffer.alloc(64);
    const n = readSync(fd, head, 0, head.length, 0);
    return formatInfoOf(head.subarray(0, n), n).kind === 'v1';
  } finally {
    closeSync(fd);
  }
}

/** Runs a CLI command in-process; stdout as bytes (as it reaches a file), stderr as text. */
export async function runCommand(command: Command, args: string[]): Promise<{ code: number; out: Buffer; err: string }> {
  const out: string[] = [];
  let err = '';
  const io: CliIO = { out: (t) => void out.push(t), err: (t) => void (err += t) };
  const code = await command.run(args, io);
  return { code, out: Buffer.from(out.join(''), 'utf8'), err };
}

/** Where two outputs part, with some context, for a failure message. */
export function firstDifference(a: Buffer, b: Buffer): string {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a[i] === b[i]) i++;
  const line = a.subarray(0, i).toString('utf8').split('\n').length;
  const show = (x: Buffer) => JSON.stringify(x.subarray(Math.max(0, i - 80), i + 80).toString('utf8'));
  return `first difference at byte ${i} (line ${line}): got ${show(a)}, want ${show(b)}; lengths ${a.length} vs ${b.length}`;
}

/**
 * `go tool trace -d=parsed` output with the order of tied events made canonical. For a v1 trace
 * Go's order is not deterministic: events of different Ps with the same timestamp come in the
 * order of a Go map's iteration, and so do the goroutines that existed when tracing started (all
 * at one time). Such events get consecutive times (each tie is moved 1 ns after the one before),
 * so within every run of events whose times are consecutive nanoseconds the events (without their
 * time) are sorted; the times stay where they are. Two runs of Go differ only in this form.
 */
export function canonicalTieOrder(text: Buffer | string): string {
  const lines = text.toString('utf8').split('\n');
  const events: { time: number; body: string }[] = [];
  let cur: string[] | undefined;
  const close = () => {
    if (!cur) return;
    const first = cur[0];
    const m = / Time=(-?\d+)/.exec(first);
    events.push({ time: m ? Number(m[1]) : NaN, body: [first.replace(/ Time=-?\d+/, ' Time='), ...cur.slice(1)].join('\n') });
    cur = undefined;
  };
  const head: string[] = [];
  for (const line of lines) {
    if (line.startsWith('M=')) {
      close();
      cur = [line];
    } else if (cur) cur.push(line);
    else head.push(line);
  }
  close();
  const out: string[] = [...head];
  for (let i = 0; i < events.length; ) {
    let j = i + 1;
    while (j < events.length && events[j].time === events[j - 1].time + 1) j++;
    const run = events.slice(i, j);
    const bodies = run.map((e) => e.body).sort();
    run.forEach((e, k) => out.push(bodies[k].replace(' Time=', ` Time=${e.time}`)));
    i = j;
  }
  return out.join('\n');
}
