import * as assert from 'node:assert/strict';
import { MAX_SCROLL_HEIGHT, physicalTop, revealRow, rowOffset, rowsPerPage, spacerHeight, virtualTopFromPhysical, visibleRange } from '../../webview/tree/virtualRange.js';

describe('virtualRange', () => {
  const small = { rowCount: 100, rowHeight: 22, viewportHeight: 220 };
  const huge = { rowCount: 5_000_000, rowHeight: 22, viewportHeight: 440 };

  it('covers the viewport plus overscan', () => {
    assert.deepEqual(visibleRange(small, 0, 2), { first: 0, end: 12 });
    assert.deepEqual(visibleRange(small, 221, 2), { first: 8, end: 23 });
    assert.deepEqual(visibleRange(small, 1e9, 2), { first: 88, end: 100 }, 'clamped to the end');
    assert.deepEqual(visibleRange({ ...small, rowCount: 0 }, 0), { first: 0, end: 0 });
  });

  it('uses the true height for short lists and caps very long ones', () => {
    assert.equal(spacerHeight(small), 2200);
    assert.equal(physicalTop(small, 500), 500);
    assert.equal(spacerHeight(huge), MAX_SCROLL_HEIGHT);
    const bottom = 5_000_000 * 22 - 440;
    assert.equal(physicalTop(huge, bottom), MAX_SCROLL_HEIGHT - 440);
    assert.equal(virtualTopFromPhysical(huge, MAX_SCROLL_HEIGHT - 440), bottom);
    assert.equal(virtualTopFromPhysical(huge, 0), 0);
    const last = visibleRange(huge, bottom, 0);
    assert.equal(last.end, 5_000_000);
    // The last row is drawn at the bottom of the viewport.
    const top = rowOffset(huge, 4_999_999, bottom, MAX_SCROLL_HEIGHT - 440);
    assert.equal(top + 22 - (MAX_SCROLL_HEIGHT - 440), 440);
  });

  it('reveals a row by scrolling as little as possible', () => {
    assert.equal(revealRow(small, 0, 3), 0);
    assert.equal(revealRow(small, 0, 10), 22);
    assert.equal(revealRow(small, 220, 2), 44);
    assert.equal(rowsPerPage(small), 10);
  });
});
