import * as assert from 'node:assert/strict';
import type { CounterAnswer, CounterLaneData, CounterQuery } from '../../../src/shared/timelineCounters.js';
import { COUNTER_ENTRIES, COUNTER_RETRY_MS, CounterCache, requestCounters } from '../../../webview/timeline/counterCache.js';

const data = (lane: string, tag: number): CounterLaneData => ({ lane, unit: 'goroutines', style: 'lines', start: [tag], end: [tag + 1], series: [] });
const answer = (q: CounterQuery, tag = 0): CounterAnswer => ({ query: q, lanes: q.lanes.map((l) => data(l, tag)) });

describe('timeline counter cache', () => {
  it('asks once for the viewport widened each side, then not while it is covered', () => {
    const c = new CounterCache();
    const q = c.nextRequest(['c:heap', 'c:goroutines'], { startNs: 1000, endNs: 2000 }, 3, 0)!;
    assert.deepEqual(q, { lanes: ['c:heap', 'c:goroutines'], fromNs: 0, toNs: 3000, nsPerPx: 8 });
    assert.equal(c.nextRequest(['c:heap'], { startNs: 5000, endNs: 6000 }, 3, 0), undefined, 'one in flight');
    c.store(answer(q), 3);
    assert.equal(c.nextRequest(['c:heap', 'c:goroutines'], { startNs: 1500, endNs: 2500 }, 3, 0), undefined, 'a small pan is covered');
    assert.ok(c.nextRequest(['c:heap'], { startNs: 2500, endNs: 3500 }, 3, 0), 'past the widened range');
  });

  it('asks again at another level, drawing the nearest level meanwhile', () => {
    const c = new CounterCache();
    const v = { startNs: 1000, endNs: 2000 };
    const q = c.nextRequest(['c:heap'], v, 3, 0)!;
    c.store(answer(q, 3), 3);
    const fine = c.nextRequest(['c:heap'], v, 1, 0);
    assert.ok(fine);
    assert.equal(c.lane('c:heap', v, 1)?.start[0], 3, 'level 3 drawn while level 1 is on its way');
    c.store(answer(fine, 1), 1);
    assert.equal(c.lane('c:heap', v, 1)?.start[0], 1);
    assert.equal(c.lane('c:heap', v, 3)?.start[0], 3);
    assert.equal(c.lane('c:cpu', v, 3), undefined);
    assert.equal(c.lane('c:heap', { startNs: 1e9, endNs: 2e9 }, 3), undefined, 'nothing overlapping');
  });

  it('does not ask again for a lane the answer left out', () => {
    const c = new CounterCache();
    const v = { startNs: 0, endNs: 100 };
    const q = c.nextRequest(['c:heap', 'c:cpu'], v, 0, 0)!;
    c.store({ query: q, lanes: [data('c:heap', 0)] }, 0);
    assert.equal(c.nextRequest(['c:heap', 'c:cpu'], v, 0, 0), undefined);
  });

  it('keeps a bounded number of answers, least recently used dropped', () => {
    const c = new CounterCache();
    for (let i = 0; i < COUNTER_ENTRIES + 5; i++) {
      const q = c.nextRequest(['c:heap'], { startNs: i * 1e6, endNs: i * 1e6 + 10 }, 0, 0)!;
      c.store(answer(q, i), 0);
    }
    assert.equal(c.size, COUNTER_ENTRIES);
    assert.equal(c.lane('c:heap', { startNs: 0, endNs: 10 }, 0), undefined, 'the oldest is gone');
    assert.ok(c.lane('c:heap', { startNs: (COUNTER_ENTRIES + 4) * 1e6, endNs: (COUNTER_ENTRIES + 4) * 1e6 + 10 }, 0));
  });

  it('waits before asking again after a failure', () => {
    const c = new CounterCache();
    const v = { startNs: 0, endNs: 100 };
    const q = c.nextRequest(['c:heap'], v, 0, 0)!;
    c.failed(q, 1000);
    assert.equal(c.nextRequest(['c:heap'], v, 0, 1000 + COUNTER_RETRY_MS / 2), undefined);
    assert.ok(c.nextRequest(['c:heap'], v, 0, 1000 + COUNTER_RETRY_MS));
  });

  it('requestCounters sends through the source, stores the answer and redraws; none without lanes or source', async () => {
    const c = new CounterCache();
    const sent: CounterQuery[] = [];
    let redraws = 0;
    const v = { startNs: 0, endNs: 100 };
    const done = new Promise<void>((resolve) => {
      assert.ok(requestCounters(c, async (q) => (sent.push(q), answer(q, 7)), ['c:goroutines'], v, 2, () => (redraws++, resolve())));
    });
    await done;
    assert.equal(sent.length, 1);
    assert.equal(redraws, 1);
    assert.equal(c.lane('c:goroutines', v, 2)?.start[0], 7);
    assert.equal(requestCounters(c, async (q) => answer(q), ['c:goroutines'], v, 2, () => undefined), false, 'covered');
    assert.equal(requestCounters(c, undefined, ['c:heap'], v, 2, () => undefined), false);
    assert.equal(requestCounters(c, async (q) => answer(q), [], v, 2, () => undefined), false);
  });
});
