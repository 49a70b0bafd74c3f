/**
 * goSort against Go's slices.SortFunc: goSortVectors.txt holds, per case, the keys and the order
 * of the original indices Go 1.27 left them in (ties included), printed by a small Go program.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { goSort } from '../../../src/parser/order/goSort.js';
import { repoRoot } from '../../support/paths.js';

describe('goSort (Go slices.SortFunc order)', () => {
  const lines = readFileSync(path.join(repoRoot, 'test', 'parser', 'order', 'goSortVectors.txt'), 'utf8').trim().split('\n');
  for (let c = 0; c + 1 < lines.length; c += 2) {
    const [n, ...keys] = lines[c].split(' ').map(Number);
    const want = lines[c + 1].split(' ').map(Number);
    it(`case ${c / 2}: ${n} elements`, () => {
      const items = keys.map((key, idx) => ({ key, idx }));
      goSort(items, (a, b) => a.key < b.key);
      assert.deepEqual(items.map((x) => x.idx), want);
    });
  }
});
