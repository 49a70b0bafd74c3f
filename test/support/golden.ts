/** Shared pieces of the golden tests that compare our CLI's output with Go's, byte for byte. */
import { closeSync, existsSync, openSync, readFileSync, readSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import type { CliIO, Command } from '../../src/cli/command.js';

/** Go's stdout recorded beside a trace (`X.wire.txt` or `X.parsed.txt`, maybe gzipped). */
export function goOutput(trace: string, kind: 'wire' | 'parsed'): Buffer | undefined {
  const base = `${trace.slice(0, -'.trace'.length)}.${kind}.txt`;
  if (existsSync(base)) return readFileSync(base);
  if (existsSync(base + '.gz')) return gunzipSync(readFileSync(base + '.gz'));
  return undefined;
}

/** True for an old-format (Go 1.11–1.21) trace, read from its header. */
export function isV1Trace(trace: string): boolean {
  const fd = openSync(trace, 'r');
  try {
    const head = Buffer.alloc(16);
    const n = readSync(fd, head, 0, 16, 0);
    return /^go 1\.(11|19|21) trace\0\0\0$/.test(head.subarray(0, n).toString('latin1'));
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
