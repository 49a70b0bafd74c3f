import * as assert from 'node:assert/strict';
import { GoroutineMap } from '../../../src/parser/v1/goroutineMap.js';

describe('GoroutineMap', () => {
  it('keeps small IDs, large ones, fractions and negatives apart, like a Map', () => {
    const m = new GoroutineMap<string>();
    const keys = [0, 1, 17, 5_000_000, 2 ** 53, 2 ** 64, -2, 0.5];
    keys.forEach((k, i) => m.set(k, `v${i}`));
    keys.forEach((k, i) => assert.equal(m.get(k), `v${i}`, String(k)));
    assert.equal(m.get(2), undefined);
    assert.equal(m.has(17), true);
    m.delete(17);
    m.delete(2 ** 64);
    assert.equal(m.has(17), false);
    assert.equal(m.has(2 ** 64), false);
    assert.equal(m.get(1), 'v1');
  });
});
