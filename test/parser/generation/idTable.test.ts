import * as assert from 'node:assert/strict';
import { IdTable } from '../../../src/parser/generation/idTable.js';

describe('IdTable', () => {
  it('treats ID 0 as always present, so inserting it is a duplicate (as in Go)', () => {
    const t = new IdTable<string>('');
    assert.equal(t.get(0), '');
    assert.equal(t.insert(0, 'x'), '');
  });

  it('returns the existing entry on a duplicate ID and keeps the first', () => {
    const t = new IdTable<string>('');
    assert.equal(t.insert(3, 'a'), undefined);
    assert.equal(t.insert(3, 'b'), 'a');
    assert.equal(t.get(3), 'a');
  });

  it('answers the same before and after compacting, with a presence map when IDs are dense', () => {
    const t = new IdTable<string>('');
    for (let i = 1; i <= 50; i++) t.insert(i * 2, `s${i}`);
    const before = [0, 1, 2, 3, 100, 101].map((id) => t.has(id));
    t.compact();
    assert.ok(t.presence);
    assert.deepEqual([0, 1, 2, 3, 100, 101].map((id) => t.has(id)), before);
    assert.deepEqual([...t.entries()].slice(0, 2), [[2, 's1'], [4, 's2']]);
  });

  it('stays sparse for scattered IDs', () => {
    const t = new IdTable<string>('');
    t.insert(2 ** 40, 'far');
    t.insert(1, 'near');
    t.compact();
    assert.equal(t.presence, undefined);
    assert.equal(t.get(2 ** 40), 'far');
    assert.deepEqual([...t.entries()].map(([id]) => id), [1, 2 ** 40]);
  });
});
