import * as assert from 'node:assert/strict';
import type { LaneSlices, SliceAnswer, SliceQuery } from '../../../src/shared/timeline.js';
import {
  estimateBytes,
  INEXACT_RETRY_MS,
  levelFor,
  SliceCache,
  sliceAt,
  TILE_PX,
  tileQuery,
  tilesFor,
  tileSpanNs,
} from '../../../webview/timeline/sliceCache.js';

function slices(lane: string, n: number, from = 0, width = 10): LaneSlices {
  const s: LaneSlices = { lane, start: [], end: [], state: [], label: [], merged: [], offset: [], goroutine: [], proc: [] };
  for (let i = 0; i < n; i++) {
    s.start.push(from + i * width);
    s.end.push(from + i * width + width / 2);
    s.state.push(0);
    s.label.push(-1);
    s.merged.push(0);
    s.offset.push(-1);
    s.goroutine.push(-1);
    s.proc.push(-1);
  }
  return s;
}

function answer(query: SliceQuery, n: number, exact = true): SliceAnswer {
  return { query, strings: ['main.main'], lanes: query.lanes.map((l) => slices(l, n, query.fromNs)), exact };
}

describe('timeline slice cache', () => {
  it('quantizes resolutions to powers of two and time to tiles', () => {
    assert.equal(levelFor(1), 0);
    assert.equal(levelFor(0.01), 0, 'finer than 1 ns/px: level 0');
    assert.equal(levelFor(2), 1);
    assert.equal(levelFor(3), 2);
    assert.equal(levelFor(4), 2);
    assert.equal(levelFor(1000), 10);
    assert.equal(levelFor(NaN), 0);
    assert.ok(Math.pow(2, levelFor(7_876_543_210 / 1000)) >= 7_876_543);
    assert.equal(tileSpanNs(3), 8 * TILE_PX);
    assert.deepEqual(tilesFor(0, tileSpanNs(3) - 1, 3), [0, 0]);
    assert.deepEqual(tilesFor(tileSpanNs(3), 2.5 * tileSpanNs(3), 3), [1, 2]);
    assert.deepEqual(tileQuery(['p0'], 3, 2), { lanes: ['p0'], fromNs: 2 * tileSpanNs(3), toNs: 3 * tileSpanNs(3), nsPerPx: 8 });
  });

  it('gives small pans the same keys: a request once, then hits', () => {
    const c = new SliceCache();
    const level = levelFor(100);
    const r = c.nextRequest(['p0', 'p1'], 1000, 20_000, level, 0)!;
    assert.deepEqual(r.query.lanes, ['p0', 'p1']);
    assert.equal(c.nextRequest(['p0', 'p1'], 1000, 20_000, level, 0), undefined, 'in flight: not asked twice');
    c.storeAnswer(answer(r.query, 5), r.level, r.tile, 0);
    assert.equal(c.nextRequest(['p0', 'p1'], 1100, 20_100, level, 0), undefined, 'a small pan hits');
    assert.ok(c.get('p0', level, r.tile));
    const more = c.nextRequest(['p0', 'p1', 'p2'], 1000, 20_000, level, 0)!;
    assert.deepEqual(more.query.lanes, ['p2'], 'only the missing lane');
  });

  it('asks for the middle tile first, then outwards', () => {
    const c = new SliceCache();
    const level = 4;
    const tiles: number[] = [];
    for (let r = c.nextRequest(['gc'], 0, 5 * tileSpanNs(level) - 1, level, 0); r; r = c.nextRequest(['gc'], 0, 5 * tileSpanNs(level) - 1, level, 0)) tiles.push(r.tile);
    assert.deepEqual(tiles, [2, 1, 3, 0, 4]);
  });

  it('asks again for an inexact answer after a while, and for a failed one at once', () => {
    const c = new SliceCache();
    const r = c.nextRequest(['g1'], 0, 10, 0, 0)!;
    c.storeAnswer(answer(r.query, 1, false), r.level, r.tile, 1000);
    assert.equal(c.nextRequest(['g1'], 0, 10, 0, 1000 + INEXACT_RETRY_MS - 1), undefined);
    const again = c.nextRequest(['g1'], 0, 10, 0, 1000 + INEXACT_RETRY_MS)!;
    assert.equal(again.tile, r.tile);
    c.forget(again.query, again.level, again.tile);
    assert.ok(c.nextRequest(['g1'], 0, 10, 0, 1000 + INEXACT_RETRY_MS));
  });

  it('draws a coarser level while the exact tile is missing', () => {
    const c = new SliceCache();
    const coarse = c.nextRequest(['p0'], 0, 10, 6, 0)!;
    c.storeAnswer(answer(coarse.query, 3), coarse.level, coarse.tile, 0);
    const hit = c.lookup('p0', 2, 13);
    assert.equal(hit?.level, 6);
    assert.equal(hit?.tile, 0, 'tile 13 at level 2 lies in tile 0 at level 6');
    assert.equal(c.lookup('p0', 2, 16 * 5), undefined, 'a tile outside it is not covered');
    assert.equal(c.lookup('p1', 2, 13), undefined, 'another lane is not');
  });

  it('stays within its byte bound, evicting the least recently used first', () => {
    const one = estimateBytes(slices('p0', 100), ['main.main']);
    const c = new SliceCache(one * 10 + 1);
    for (let t = 0; t < 10; t++) c.storeAnswer(answer(tileQuery(['p0'], 0, t), 100), 0, t, 0);
    assert.equal(c.size, 10);
    c.get('p0', 0, 0); // used: now the most recent
    c.storeAnswer(answer(tileQuery(['p0'], 0, 10), 100), 0, 10, 0);
    assert.ok(c.bytes <= c.maxBytes, `${c.bytes} <= ${c.maxBytes}`);
    assert.equal(c.size, 10);
    assert.ok(c.get('p0', 0, 0), 'the recently used tile stayed');
    assert.equal(c.get('p0', 0, 1), undefined, 'the least recently used went');
    for (let t = 11; t < 200; t++) c.storeAnswer(answer(tileQuery(['p0'], 0, t), 100), 0, t, 0);
    assert.ok(c.bytes <= c.maxBytes && c.size <= 10);
    // An entry larger than the bound alone is kept (it is what is on screen), everything else goes.
    c.storeAnswer(answer(tileQuery(['p9'], 0, 0), 5000), 0, 0, 0);
    assert.equal(c.size, 1);
    assert.ok(c.get('p9', 0, 0));
  });

  it('ignores lanes an answer has but the query did not ask for', () => {
    const c = new SliceCache();
    const q = tileQuery(['p0'], 0, 0);
    c.storeAnswer({ ...answer(q, 2), lanes: [slices('p0', 2), slices('evil', 2)] }, 0, 0, 0);
    assert.equal(c.size, 1);
  });

  it('finds the slice under a time, with slack for thin slices', () => {
    const s = slices('p0', 10, 100, 10); // [100,105) [110,115) ...
    assert.equal(sliceAt(s, 102), 0);
    assert.equal(sliceAt(s, 112), 1);
    assert.equal(sliceAt(s, 107), -1, 'a gap');
    assert.equal(sliceAt(s, 108, 2.5), 1, 'with slack: the next one');
    assert.equal(sliceAt(s, 106, 2), 0, 'with slack: the previous one');
    assert.equal(sliceAt(s, 50), -1);
    assert.equal(sliceAt(s, 1000), -1);
  });
});
