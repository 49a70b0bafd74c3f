/**
 * go-trace check over real traces: every broken one is flagged with the right kind of problem,
 * as the one cause of all its problems, and no real one raises a false alarm. Runs over the committed fixtures, and over ../shared/traces
 * when it is beside the repository.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { checkTrace } from '../../src/parser/check.js';
import { groupProblems } from '../../src/parser/problemGroups.js';
import { openFileSource } from '../../src/node/fileSource.js';
import { fixturesDir, sharedTracesDir, traceFiles } from '../support/paths.js';
import { readVerdict } from '../support/verdict.js';

/** What each kind of breakage must produce: the code and its severity, per format version. */
function expectedFor(name: string, version: number | undefined): { code: string; severity: string } | 'none' | undefined {
  if (!name.startsWith('broken-')) return undefined;
  if (name.endsWith('-empty') || name === 'broken-empty') return { code: 'not-a-trace', severity: 'error' };
  if (name.endsWith('-badheader-version')) return { code: 'unsupported-version', severity: 'error' };
  if (name.endsWith('-garbage-appended')) return { code: 'trailing-garbage', severity: 'error' };
  if (name.endsWith('-eog-removed')) return { code: 'missing-end-of-generation', severity: 'error' };
  if (name.endsWith('-trunc-midbatch')) return { code: 'batch-truncated', severity: version !== undefined && version >= 26 ? 'warning' : 'error' };
  // Cut exactly after an EndOfGeneration: a complete trace with fewer generations; nothing to see.
  if (name.endsWith('-trunc-genboundary')) return 'none';
  return undefined;
}

for (const [label, dir] of [['fixtures', fixturesDir], ['../shared/traces', sharedTracesDir]] as const) {
  const files = traceFiles(dir);
  describe(`go-trace check on ${label}`, function () {
    if (files.length === 0) {
      it.skip(`no traces in ${dir}`);
      return;
    }
    for (const file of files) {
      const name = path.basename(file, '.trace');
      it(name, async () => {
        const source = await openFileSource(file);
        const result = await checkTrace(source).finally(() => source.close?.());
        const version = result.header?.version;
        const lines = result.problems.map((p) => `${p.severity} ${p.code}: ${p.message}`);
        const expected = expectedFor(name, version);
        const verdict = readVerdict(file);
        if (expected === undefined && verdict && !verdict.ok) {
          // A real trace Go rejects (go1.19-cgocb: Go cannot order it): the check says what Go says.
          assert.ok(result.problems.some((p) => p.severity === 'error' && p.message === verdict.error), `expected Go's error ${JSON.stringify(verdict.error)}, got:\n${lines.join('\n')}`);
        } else if (expected === undefined) {
          // A real trace: no error, no warning.
          const alarms = result.problems.filter((p) => p.severity !== 'info');
          assert.deepEqual(alarms.map((p) => p.message), [], `false alarm on a real trace:\n${lines.join('\n')}`);
          assert.ok(result.header?.v1 || result.generations > 0, 'no generation read');
        } else if (expected === 'none') {
          assert.deepEqual(result.problems.filter((p) => p.severity === 'error'), []);
        } else {
          const hit = result.problems.find((p) => p.code === expected.code);
          assert.ok(hit, `expected ${expected.code}, got:\n${lines.join('\n')}`);
          // One cause, listed first: whatever else is wrong follows from it (the dangling
          // references of a trace cut before its tables), apart from the count of those left out.
          const causes = groupProblems(result.problems).filter((g) => g.cause.code !== 'too-many-problems');
          assert.deepEqual(causes.map((g) => g.cause.code), [expected.code], lines.join('\n'));
          assert.equal(hit.severity, expected.severity, hit.message);
          if (verdict && !verdict.ok && verdict.error && expected.code !== 'batch-truncated') {
            // Same wording as Go where it fits, so users can search for it.
            const goWords = verdict.error.split(':')[0];
            assert.ok(hit.message.includes(goWords), `message ${JSON.stringify(hit.message)} lacks Go's ${JSON.stringify(goWords)}`);
          }
        }
      });
    }
  });
}
