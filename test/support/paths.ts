/** Where test data lives: the committed fixtures, and ../shared beside the repository when present. */
import { existsSync, readdirSync } from 'node:fs';
import * as path from 'node:path';

/** The repository root (tests run from out/test/...). */
export const repoRoot = path.resolve(__dirname, '..', '..', '..');

export const fixturesDir = path.join(repoRoot, 'test', 'fixtures', 'traces');

/** ../shared/traces: real traces of every Go version with Go's outputs. Absent on a bare clone. */
export const sharedTracesDir = path.resolve(repoRoot, '..', 'shared', 'traces');
export const sharedGoTestdataDir = path.resolve(repoRoot, '..', 'shared', 'go-testdata');

/** Go's own v1 test traces (`*_good`, no extension), each with Go's `-d=parsed` output beside it. */
export const sharedTracev1Dir = path.join(sharedGoTestdataDir, 'tracev1');

/** The `*_good` traces of ../shared/go-testdata/tracev1, sorted; empty when it is absent. */
export function tracev1Files(): string[] {
  if (!existsSync(sharedTracev1Dir)) return [];
  return readdirSync(sharedTracev1Dir)
    .filter((f) => f.endsWith('_good'))
    .sort()
    .map((f) => path.join(sharedTracev1Dir, f));
}

/** The .trace files of a folder, sorted; empty when the folder does not exist. */
export function traceFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.trace'))
    .sort()
    .map((f) => path.join(dir, f));
}
