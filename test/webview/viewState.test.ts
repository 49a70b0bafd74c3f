import * as assert from 'node:assert/strict';
import { emptyViewState, MAX_REMEMBERED_EXPANDED, parseViewState, treeViewState } from '../../webview/viewState.js';
import { filterToFields, parseFilterFields, sameFilter, EMPTY_FIELDS } from '../../webview/filter/filterInput.js';
import { formatBytes, formatDuration, parseDurationNs } from '../../webview/format.js';

describe('viewState', () => {
  it('round-trips through JSON', () => {
    const s = emptyViewState();
    s.generations = treeViewState(['g1', 'g1/b2'], 'g1/b2/e3', 1234.6);
    s.filter = { text: 'net/http', goroutine: 7, fromNs: 1000 };
    s.focus = 'event';
    assert.deepEqual(parseViewState(JSON.parse(JSON.stringify(s))), { ...s, generations: { ...s.generations, scrollTop: 1235 } });
  });

  it('falls back to defaults for missing or malformed state', () => {
    assert.deepEqual(parseViewState(undefined), emptyViewState());
    assert.deepEqual(parseViewState({ version: 2 }), emptyViewState());
    const s = parseViewState({ version: 1, generations: { expanded: ['a', 3, null], scrollTop: -5 }, filter: { goroutine: 'x', text: 5 }, focus: 'nope' });
    assert.deepEqual(s.generations, { expanded: ['a'], scrollTop: 0 });
    assert.deepEqual(s.filter, {});
    assert.equal(s.focus, undefined);
  });

  it('keeps the most recent expanded IDs within the bound', () => {
    const ids = Array.from({ length: MAX_REMEMBERED_EXPANDED + 10 }, (_, i) => `n${i}`);
    const t = treeViewState(ids, undefined, 0);
    assert.equal(t.expanded.length, MAX_REMEMBERED_EXPANDED);
    assert.equal(t.expanded.at(-1), ids.at(-1));
  });
});

describe('filter fields', () => {
  it('builds a filter and reports invalid fields', () => {
    const r = parseFilterFields({ ...EMPTY_FIELDS, text: ' foo ', type: 'GoCreate', goroutine: '12', proc: 'x', from: '1.5ms', to: '1ms' });
    assert.deepEqual(r.filter, { text: 'foo', eventTypes: ['GoCreate'], goroutine: 12, fromNs: 1_500_000 });
    assert.deepEqual(r.invalid, ['proc', 'to']);
  });

  it('shows a saved filter in the fields so that it parses back the same', () => {
    const f = { text: 'x', eventTypes: ['GoStart'], thread: 3, fromNs: 2_500_000, toNs: 4_234_567 };
    assert.ok(sameFilter(parseFilterFields(filterToFields(f)).filter, f));
  });

  it('parses times with units', () => {
    assert.equal(parseDurationNs(''), undefined);
    assert.equal(parseDurationNs('1500'), 1500);
    assert.equal(parseDurationNs('2us'), 2000);
    assert.equal(parseDurationNs('3 s'), 3e9);
    assert.ok(Number.isNaN(parseDurationNs('soon')));
  });

  it('formats sizes and durations', () => {
    assert.equal(formatBytes(512), '512 B');
    assert.equal(formatBytes(1536), '1.50 KiB');
    assert.equal(formatDuration(850), '850 ns');
    assert.equal(formatDuration(12_500), '12.5 µs');
    assert.equal(formatDuration(1_204_000_000), '1.204 s');
    assert.equal(formatDuration(123_500_000_000), '2m03.5s');
  });
});
