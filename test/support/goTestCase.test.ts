import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { GoRegexpError, goRegexpToJs, listGoTestFiles, loadGoTestCase, parseExpectation, parseGoTestCase } from './goTestCase.js';

describe('goTestCase: expectations', () => {
  it('SUCCESS (anything after the word is ignored, as in Go; empty means success too)', () => {
    assert.deepEqual(parseExpectation('SUCCESS\n'), { success: true });
    assert.deepEqual(parseExpectation('SUCCESS whatever\n'), { success: true });
    assert.deepEqual(parseExpectation(''), { success: true });
  });

  it('FAILURE with a Go-quoted regexp', () => {
    const e = parseExpectation('FAILURE ".*expected a proc but didn\'t have one.*"\n');
    assert.equal(e.success, false);
    if (e.success) return;
    assert.equal(e.goPattern, ".*expected a proc but didn't have one.*");
    assert.ok(e.pattern.test("broken trace: expected a proc but didn't have one (event)"));
    assert.ok(!e.pattern.test('broken trace: something else'));
  });

  it('FAILURE patterns are unquoted with Go escapes', () => {
    const e = parseExpectation('FAILURE "a\\\\.b\\x21"');
    assert.ok(!e.success && e.goPattern === 'a\\.b!' && e.pattern.test('a.b!') && !e.pattern.test('axb!'));
  });

  it('rejects malformed headers with Go\'s wording', () => {
    assert.throws(() => parseExpectation('FAILURE\n'), /bad header line for FAILURE/);
    assert.throws(() => parseExpectation('FAILURE abc\n'), /malformed pattern: not correctly quoted: abc: invalid syntax/);
    assert.throws(() => parseExpectation('MAYBE\n'), /bad header line/);
  });
});

describe('goTestCase: Go regexp to JavaScript', () => {
  /** [Go pattern, [input, whether Go 1.27's regexp.MatchString matches]]. */
  const CASES: [string, [string, boolean][]][] = [
  ["a.b", [["a\nb", false], ["a\rb", true], ["a\u2028b", true], ["axb", true]]],
  ["(?s)a.b", [["a\nb", true], ["ab", false]]],
  ["(?m)^b$", [["a\nb\nc", true], ["a\rb\rc", false], ["a\u2028b", false], ["b", true]]],
  ["^b$", [["a\nb", false], ["b", true], ["b\n", false]]],
  ["\\Aa", [["a", true], ["ba", false], ["\na", false]]],
  ["a\\z", [["a", true], ["a\n", false]]],
  ["a\\sb", [["a b", true], ["a\tb", true], ["a\u00a0b", false], ["a\u000bb", false], ["a\u3000b", false]]],
  ["a\\Sb", [["a b", false], ["axb", true], ["a\u00a0b", true]]],
  ["[[:alpha:]]+1", [["ab1", true], ["1", false], ["é1", false]]],
  ["[[:^digit:]]", [["1", false], ["a", true], ["", false]]],
  ["[]a]", [["]", true], ["a", true], ["b", false]]],
  ["[^]a]", [["]", false], ["b", true]]],
  ["x{2}", [["x", false], ["xx", true]]],
  ["a{", [["a{", true], ["a", false]]],
  ["a{,2}", [["a{,2}", true], ["aa", false]]],
  ["x}", [["x}", true]]],
  ["\\Q.*\\E", [[".*", true], ["ab", false]]],
  ["\\x{263a}", [["☺", true]]],
  ["\\101", [["A", true]]],
  ["\\pL+\\d", [["é1", true], ["_1", false]]],
  ["\\p{Greek}", [["Ω", true], ["O", false]]],
  ["\\PL", [["a", false], ["1", true]]],
  ["(?i)abc", [["ABC", true], ["abc", true]]],
  ["(?U)a+", [["a", true]]],
  ["(?P<n>a)b", [["ab", true]]],
  ["a|b", [["b", true], ["c", false]]],
  ["[\\d-]", [["-", true], ["5", true], ["a", false]]],
  ["\\!\\-", [["!-", true]]],
  ["(a(?s).)b.", [["a\nbx", true], ["a\nb\n", false]]],
  ["(?s:a.)b.", [["a\nbx", true], ["a\nb\n", false]]],
  [".*expected a proc but didn't have one.*", [["expected a proc but didn't have one", true], ["expected a proc", false]]],
  ];
  for (const [pattern, inputs] of CASES) {
    it(pattern, () => {
      const re = goRegexpToJs(pattern);
      for (const [input, expected] of inputs) assert.equal(re.test(input), expected, `${re} on ${JSON.stringify(input)}`);
    });
  }

  it('rejects what Go rejects or what cannot be translated', () => {
    for (const p of ['\\C', '\\e', '\\1', '(?i:a)b', '[a', '\\p{1}']) {
      assert.throws(() => goRegexpToJs(p), GoRegexpError, p);
    }
  });
});

describe("goTestCase: Go's parser test files", () => {
  const files = listGoTestFiles();
  if (files.length === 0) {
    it.skip('../shared/go-testdata/tests is absent');
    return;
  }
  it('loads every file: name, expectation, text and bytes', () => {
    for (const file of files) {
      const tc = loadGoTestCase(file);
      assert.equal(tc.name, path.basename(file, '.test'));
      assert.ok(tc.text.startsWith('Trace Go1.'), tc.name);
      assert.equal(new TextDecoder().decode(tc.bytes.subarray(0, 5)), 'go 1.');
      assert.equal(tc.version, Number(tc.text.slice('Trace Go1.'.length, tc.text.indexOf('\n'))));
    }
  });

  it('reads the FAILURE patterns', () => {
    const failing = files.map(loadGoTestCase).filter((tc) => !tc.expect.success);
    assert.deepEqual(failing.map((tc) => tc.name).sort(), ['go122-create-syscall-with-p', 'go122-fail-first-gen-first']);
    for (const tc of failing) {
      assert.ok(!tc.expect.success && tc.expect.pattern.test("broken trace: expected a proc but didn't have one"));
    }
  });
});

describe('goTestCase: malformed files', () => {
  const enc = (s: string) => new TextEncoder().encode(s);
  it('needs exactly expect then trace', () => {
    assert.throws(() => parseGoTestCase('x', enc('-- expect --\nSUCCESS\n')), /wrong number of files/);
    assert.throws(() => parseGoTestCase('x', enc('-- trace --\nTrace Go1.22\n-- expect --\nSUCCESS\n')), /bad filename trace/);
  });
  it('reports text errors with their line in the trace section', () => {
    assert.throws(() => parseGoTestCase('x', enc('-- expect --\nSUCCESS\n-- trace --\nTrace Go1.22\nBogus\n')), /line 2: unidentified event: Bogus/);
  });
});
