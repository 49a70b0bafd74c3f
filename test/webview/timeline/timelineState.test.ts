import * as assert from 'node:assert/strict';
import { DEFAULT_EXPANDED } from '../../../webview/timeline/laneLayout.js';
import { MAX_REMEMBERED_GROUPS, parseTimelineState } from '../../../webview/timeline/timelineState.js';
import { emptyViewState, parseViewState } from '../../../webview/viewState.js';

describe('timeline view state', () => {
  it('round-trips through JSON, inside the webview state too', () => {
    const t = { startNs: 1000, endNs: 5000, scrollTop: 120, expanded: ['procs', 'group:main.worker'], sort: 'blocked' as const };
    assert.deepEqual(parseTimelineState(JSON.parse(JSON.stringify(t))), t);
    const saved = { ...emptyViewState(), timeline: t };
    assert.deepEqual(parseViewState(JSON.parse(JSON.stringify(saved))).timeline, t);
    assert.equal(parseViewState(emptyViewState()).timeline, undefined, 'no timeline shown yet: none');
  });

  it('drops malformed state, and repairs what it can', () => {
    for (const bad of [undefined, null, 5, [], {}, { startNs: 5, endNs: 5 }, { startNs: 'a', endNs: 9 }, { startNs: 0, endNs: Infinity }]) {
      assert.equal(parseTimelineState(bad), undefined, JSON.stringify(bad));
    }
    const t = parseTimelineState({ startNs: 0, endNs: 10, scrollTop: -3, expanded: 'x', sort: 'evil' });
    assert.deepEqual(t, { startNs: 0, endNs: 10, scrollTop: 0, expanded: [...DEFAULT_EXPANDED], sort: 'start' });
    const many = parseTimelineState({ startNs: 0, endNs: 10, expanded: Array.from({ length: MAX_REMEMBERED_GROUPS + 5 }, (_, i) => `group:${i}`).concat([7 as unknown as string]) });
    assert.equal(many?.expanded.length, MAX_REMEMBERED_GROUPS);
  });
});
