/**
 * Commit subjects stay readable in `git log --oneline`: at most 72 characters, details in the
 * body. Checked for every commit from the one that added this test on (older subjects ran up to
 * 534 characters and stay as they are); skipped where there is no git history (an exported tree,
 * a shallow clone).
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { repoRoot } from '../support/paths.js';

const MAX_SUBJECT = 72;
/** Commits already in the history with a longer subject (history is not rewritten): hash prefixes. */
const KNOWN_LONG = ['d363720', 'd935b22', '8081409', '638607a'];
const git = (args: string[]): string => execFileSync('git', args, { cwd: repoRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });

/** "hash subject" of the commit that added this test and every one after it; undefined without history. */
function subjectsSinceRule(): string[] | undefined {
  try {
    const added = git(['log', '--diff-filter=A', '--format=%H', '--', 'test/repo/commitSubjects.test.ts']).trim().split('\n').pop();
    if (!added) return undefined;
    return git(['log', '--format=%h %s', `${added}^..HEAD`]).split('\n').filter(Boolean);
  } catch {
    return undefined;
  }
}

describe('commit subjects', () => {
  it(`are at most ${MAX_SUBJECT} characters`, function () {
    const lines = subjectsSinceRule();
    if (!lines) this.skip();
    const long = lines!.filter((l) => l.slice(l.indexOf(' ') + 1).length > MAX_SUBJECT && !KNOWN_LONG.some((k) => l.startsWith(k)));
    assert.deepEqual(long, [], 'subjects over the limit');
  });
});
