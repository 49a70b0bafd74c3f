// What the e2e tests know about the test workspace (test/e2e/workspace, owned by the engineer
// who writes its traces; its README/fixtures.md lists the traces and frames).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO } from './harness';

/** True when mocha was started with .mocharc.e2e.json (see e2eMode.ts). */
export const E2E_ENABLED = process.env.GO_TRACE_E2E === '1';

export const WORKSPACE = path.join(REPO, 'test/e2e/workspace');

/** Traces in the test workspace, relative to it, sorted. */
export function e2eTraces(): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.existsSync(d) ? fs.readdirSync(d, { withFileTypes: true }) : []) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.trace')) out.push(path.relative(WORKSPACE, p));
    }
  };
  walk(WORKSPACE);
  return out.sort();
}
