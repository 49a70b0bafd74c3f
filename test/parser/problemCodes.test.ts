/**
 * The problem code table: the README's "Problem codes" table lists exactly its codes with its
 * severities, every code's severity rule, and Go's text made from a problem's data.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { goText, isBatchRead, PROBLEM_CODE_LIST, PROBLEM_CODES, severityLabel, severityOf } from '../../src/parser/problemCodes.js';
import type { Problem } from '../../src/parser/problems.js';
import { repoRoot } from '../support/paths.js';

/** The README's "Problem codes" table: code to severity, as written. */
function readmeCodes(): Map<string, string> {
  const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('### Problem codes'));
  const end = section.indexOf('\n## ', 1);
  const rows = (end < 0 ? section : section.slice(0, end)).split('\n').filter((l) => /^\| `/.test(l));
  const out = new Map<string, string>();
  for (const row of rows) {
    const [codes, severity] = row.split('|').slice(1, 3).map((c) => c.trim());
    for (const m of codes.matchAll(/`([a-z0-9-]+)`/g)) {
      assert.ok(!out.has(m[1]), `${m[1]} twice in the README`);
      out.set(m[1], severity);
    }
  }
  return out;
}

const problem = (p: Partial<Problem> & Pick<Problem, 'code'>): Problem => ({ severity: 'error', message: 'ours', offset: 0, ...p });

describe('problem codes', () => {
  it("the README's table lists every code, and only those, with the severity the code has", () => {
    const readme = readmeCodes();
    assert.deepEqual([...readme.keys()].sort(), [...PROBLEM_CODE_LIST].sort());
    for (const code of PROBLEM_CODE_LIST) assert.equal(readme.get(code), severityLabel(PROBLEM_CODES[code].severity), code);
  });

  it('gives each severity rule', () => {
    assert.equal(severityOf('batch-truncated', { v126: true }), 'warning');
    assert.equal(severityOf('batch-truncated', { v126: false }), 'error');
    assert.equal(severityOf('dangling-stack-ref', { cpuSample: true }), 'warning');
    assert.equal(severityOf('dangling-stack-ref'), 'error');
    assert.equal(severityOf('too-many-problems'), 'info');
  });

  it("makes Go's text from the code or the problem's data, never from our message", () => {
    assert.equal(goText(problem({ code: 'missing-frequency', message: 'invalid frequency 0: timestamps cannot be converted' })), 'no frequency event found');
    assert.equal(
      goText(problem({ code: 'interleaved-generations', message: 'broken trace: missing end-of-generation event, or generations are interleaved: a batch of generation 3 inside generation 4' })),
      'broken trace: missing end-of-generation event, or generations are interleaved',
    );
    assert.equal(goText(problem({ code: 'batch-truncated', message: 'failed to read full batch: read 1 but wanted 2: more', goText: 'failed to read full batch: read 1 but wanted 2' })), 'failed to read full batch: read 1 but wanted 2');
    assert.equal(goText(problem({ code: 'invalid-batch-type', message: 'expected batch event, got event 7' })), 'expected batch event, got event 7');
  });

  it('says which problems come from reading a batch (a varint overflow only in a header)', () => {
    assert.equal(isBatchRead(problem({ code: 'batch-truncated' })), true);
    assert.equal(isBatchRead(problem({ code: 'varint-overflow' })), false);
    assert.equal(isBatchRead(problem({ code: 'varint-overflow', inBatchHeader: true })), true);
    assert.equal(isBatchRead(problem({ code: 'dangling-string-in-stack' })), false);
  });

  it('relates what cuts a generation short to what follows from it, never both in one code', () => {
    for (const code of PROBLEM_CODE_LIST) {
      const info = PROBLEM_CODES[code];
      assert.ok(!(info.losesRest && info.symptomOfLoss), code);
    }
  });
});
