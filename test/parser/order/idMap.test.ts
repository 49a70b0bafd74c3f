import * as assert from 'node:assert/strict';
import { IdMap } from '../../../src/parser/order/idMap.js';

describe('IdMap', () => {
  it('gets, sets, deletes small and large, negative and fractional IDs like a Map', () => {
    const m = new IdMap<string>();
    const ref = new Map<number, string>();
    const ids = [0, 1, 5, 63, 64, 1000, 123456, (1 << 20) - 1, 1 << 20, 2 ** 40, -1, -7, 2.5, Number.MAX_SAFE_INTEGER];
    for (const id of ids) {
      m.set(id, `v${id}`);
      ref.set(id, `v${id}`);
    }
    for (const id of [...ids, 2, 999, 2 ** 41, -2]) {
      assert.equal(m.get(id), ref.get(id), `get ${id}`);
      assert.equal(m.has(id), ref.has(id), `has ${id}`);
    }
    assert.equal(m.size, ref.size);
    for (const id of [5, 2 ** 40, -1, 77]) assert.equal(m.delete(id), ref.delete(id), `delete ${id}`);
    assert.equal(m.size, ref.size);
    assert.deepEqual(new Map(m), ref);
  });

  it('iterates dense IDs in ascending order, then the others', () => {
    const m = new IdMap<number>();
    for (const id of [9, -3, 2, 2 ** 33, 0]) m.set(id, id);
    assert.deepEqual([...m].map(([id]) => id), [0, 2, 9, -3, 2 ** 33]);
  });

  it('replaces a value without counting it twice', () => {
    const m = new IdMap<number>();
    m.set(3, 1).set(3, 2);
    assert.equal(m.size, 1);
    assert.equal(m.get(3), 2);
  });
});
