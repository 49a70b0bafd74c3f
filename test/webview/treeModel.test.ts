import * as assert from 'node:assert/strict';
import type { TreeNode } from '../../src/shared/protocol.js';
import { ROOT_ID, TreeModel, type Row } from '../../webview/tree/treeModel.js';

const node = (id: string, childCount = 0): TreeNode => ({ id, kind: 'event', label: id, childCount });
const nodes = (prefix: string, from: number, to: number, childCount = 0) =>
  Array.from({ length: to - from }, (_, i) => node(`${prefix}${from + i}`, childCount));
const label = (row: Row | undefined) => (row === undefined ? 'none' : row.kind === 'node' ? row.entry.node.id : `…${row.parentId}[${row.index}]`);
const rows = (m: TreeModel) => Array.from({ length: m.rowCount() }, (_, r) => label(m.rowAt(r)));

describe('TreeModel', () => {
  it('shows top-level rows and placeholders for pages not loaded', () => {
    const m = new TreeModel(2);
    m.setChildren(ROOT_ID, 0, 5, nodes('r', 0, 2));
    assert.deepEqual(rows(m), ['r0', 'r1', '…[2]', '…[3]', '…[4]']);
    assert.deepEqual(m.takeMissingPages(0, 5), [
      { parentId: ROOT_ID, offset: 2, limit: 2 },
      { parentId: ROOT_ID, offset: 4, limit: 1 },
    ]);
    assert.deepEqual(m.takeMissingPages(0, 5), [], 'pages already asked for are not asked again');
    m.setChildren(ROOT_ID, 4, 5, nodes('r', 4, 5));
    assert.deepEqual(rows(m), ['r0', 'r1', '…[2]', '…[3]', 'r4']);
  });

  it('expands and collapses, mapping rows both ways', () => {
    const m = new TreeModel(10);
    m.setChildren(ROOT_ID, 0, 3, nodes('r', 0, 3, 2));
    assert.ok(m.expand('r1'));
    assert.deepEqual(rows(m), ['r0', 'r1', '…r1[0]', '…r1[1]', 'r2']);
    m.setChildren('r1', 0, 2, [node('a', 3), node('b')]);
    m.expand('a');
    m.setChildren('a', 0, 3, nodes('a.', 0, 3));
    assert.deepEqual(rows(m), ['r0', 'r1', 'a', 'a.0', 'a.1', 'a.2', 'b', 'r2']);
    assert.equal(m.rowOf('r2'), 7);
    assert.equal(m.rowOf('a.1'), 4);
    assert.equal(m.rowOf('b'), 6);
    const row = m.rowAt(4);
    assert.ok(row?.kind === 'node');
    assert.equal(row.entry.depth, 3);
    assert.equal(row.setSize, 3);
    m.collapse('r1');
    assert.deepEqual(rows(m), ['r0', 'r1', 'r2']);
    assert.equal(m.rowOf('a.1'), undefined, 'hidden under a collapsed ancestor');
    m.expand('r1');
    assert.deepEqual(rows(m), ['r0', 'r1', 'a', 'a.0', 'a.1', 'a.2', 'b', 'r2'], 'loaded children are kept');
  });

  it('does not expand leaves', () => {
    const m = new TreeModel();
    m.setChildren(ROOT_ID, 0, 1, [node('leaf')]);
    assert.equal(m.expand('leaf'), false);
    assert.equal(m.rowCount(), 1);
  });

  it('handles a million children with only the pages near the view loaded', () => {
    const m = new TreeModel(200);
    m.setChildren(ROOT_ID, 0, 2, [node('big', 1_000_000), node('after')]);
    m.expand('big');
    assert.equal(m.rowCount(), 1_000_002);
    assert.equal(m.rowOf('after'), 1_000_001);
    // Rows 400,001.. are children 400,000..: one page; rows 400,190.. span two pages.
    assert.deepEqual(m.takeMissingPages(400_001, 400_030), [{ parentId: 'big', offset: 400_000, limit: 200 }]);
    assert.deepEqual(m.takeMissingPages(400_190, 400_210), [{ parentId: 'big', offset: 400_200, limit: 200 }]);
    m.setChildren('big', 400_000, 1_000_000, nodes('e', 400_000, 400_200, 1));
    assert.equal(label(m.rowAt(400_001)), 'e400000');
    assert.equal(label(m.rowAt(400_201)), '…big[400200]');
    m.expand('e400100');
    assert.equal(m.rowCount(), 1_000_003);
    assert.equal(m.rowOf('after'), 1_000_002);
  });

  it('re-applies expanded IDs to nodes as they load (restored state)', () => {
    const m = new TreeModel();
    m.setExpandedIds(['r1', 'c0']);
    m.setChildren(ROOT_ID, 0, 2, nodes('r', 0, 2, 1));
    assert.deepEqual(rows(m), ['r0', 'r1', '…r1[0]']);
    m.setChildren('r1', 0, 1, [node('c0', 2)]);
    assert.deepEqual(rows(m), ['r0', 'r1', 'c0', '…c0[0]', '…c0[1]']);
    assert.deepEqual(m.expandedIds().sort(), ['c0', 'r1']);
  });

  it('drops loaded children on invalidateChildren and ignores answers for unknown parents', () => {
    const m = new TreeModel();
    m.setChildren(ROOT_ID, 0, 1, [node('r0', 2)]);
    m.expand('r0');
    m.setChildren('r0', 0, 2, [node('x', 1), node('y')]);
    m.expand('x');
    m.setChildren('x', 0, 1, [node('x0')]);
    const epoch = m.epoch;
    m.invalidateChildren();
    assert.notEqual(m.epoch, epoch);
    assert.deepEqual(rows(m), ['r0', '…r0[0]', '…r0[1]']);
    assert.equal(m.setChildren('x', 0, 1, [node('x0')]), false);
    m.setChildren('r0', 0, 1, [node('x', 1)]);
    assert.deepEqual(rows(m), ['r0', 'x', '…x[0]'], 'the host recounted: one child now; x is still expanded');
  });

  it('finds loaded rows after a start row, wrapping around', () => {
    const m = new TreeModel(2);
    m.setChildren(ROOT_ID, 0, 6, [node('alpha'), node('beta'), node('gamma', 1)]);
    m.setChildren(ROOT_ID, 4, 6, [node('bravo'), node('apple')]);
    m.expand('gamma');
    m.setChildren('gamma', 0, 1, [node('bee')]);
    // rows: alpha beta gamma bee …[3] bravo apple
    const startsB = (n: TreeNode) => n.label.startsWith('b');
    assert.equal(m.findRow(1, false, startsB), 3);
    assert.equal(m.findRow(3, false, startsB), 5);
    assert.equal(m.findRow(5, false, startsB), 1, 'wraps');
    assert.equal(m.findRow(1, true, startsB), 1);
    assert.equal(m.findRow(0, false, (n) => n.label === 'none'), undefined);
  });

  it('shrinks a list when the host reports fewer children', () => {
    const m = new TreeModel(2);
    m.setChildren(ROOT_ID, 0, 4, nodes('r', 0, 4, 1));
    m.expand('r3');
    m.setChildren(ROOT_ID, 0, 2, nodes('r', 0, 2, 1));
    assert.deepEqual(rows(m), ['r0', 'r1']);
  });
});
