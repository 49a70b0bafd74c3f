import * as assert from 'node:assert/strict';
import { IdSet } from '../../../src/extension/model/idSet.js';

describe('extension/model/idSet', () => {
  it('counts each ID once, small and large, as a Set does', () => {
    const s = new IdSet();
    const ref = new Set<number>();
    // Dense small IDs, repeats, IDs past the bit range, fractions and negatives (junk arguments).
    const ids = [0, 1, 31, 32, 33, 1 << 20, (1 << 20) + 1, 1, 0, 2 ** 27, 2 ** 27 + 5, 2 ** 40, 2 ** 40, 2 ** 53 - 1, -1, 1.5];
    for (let i = 0; i < 5000; i++) ids.push((i * 7919) % 100_000);
    for (const id of ids) {
      s.add(id);
      ref.add(id);
    }
    assert.equal(s.size, ref.size);
    for (const id of [...ref, 2, 34, 2 ** 27 + 6, -2]) assert.equal(s.has(id), ref.has(id), String(id));
  });
});
