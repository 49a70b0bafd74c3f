/** Reads the verdict files that sit beside each reference trace (`X.verdict.txt`). */
import { existsSync, readFileSync } from 'node:fs';

export interface Verdict {
  ok: boolean;
  exitCode: number;
  error?: string;
  wireExitCode: number;
  wireError?: string;
}

export function readVerdict(tracePath: string): Verdict | undefined {
  const file = tracePath.replace(/\.trace$/, '.verdict.txt');
  if (!existsSync(file)) return undefined;
  const lines = readFileSync(file, 'utf8').split('\n');
  const field = (name: string) => lines.find((l) => l.startsWith(`${name}: `))?.slice(name.length + 2);
  return {
    ok: lines[0].trim() === 'ok',
    exitCode: Number(field('exit_code') ?? 0),
    error: field('error'),
    wireExitCode: Number(field('wire_exit_code') ?? 0),
    wireError: field('wire_error'),
  };
}
