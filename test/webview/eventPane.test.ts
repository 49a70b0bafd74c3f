import * as assert from 'node:assert/strict';
import type { NodeKind, TreeNode } from '../../src/shared/protocol.js';
import { eventPaneTitle, hasEventDetails, rowDetails } from '../../webview/eventPane.js';
import { iconFor } from '../../webview/tree/nodeIcons.js';

const node = (kind: NodeKind, label: string, id = label): TreeNode => ({ id, kind, label, childCount: 0 });

describe('event pane', () => {
  it('asks for an event tree for event rows only, wherever they are listed', () => {
    assert.ok(hasEventDetails(node('event', 'GoStart', 'g0/b1/e2')));
    assert.ok(hasEventDetails(node('event', 'GoStart', 'goroutines/g1/e0')));
    assert.ok(hasEventDetails(node('event', 'ProcStart', 'procs/p0/e3')));
    for (const k of ['goroutine', 'proc', 'osThread', 'summaryRoot', 'frame', 'batch', 'generation'] as NodeKind[]) {
      assert.ok(!hasEventDetails(node(k, 'x')), k);
    }
    assert.ok(!hasEventDetails(undefined));
  });

  it('titles the pane with the event, and whose event it is under a goroutine, proc or thread', () => {
    const ev = node('event', 'UserTaskBegin', 'goroutines/g1/e4');
    assert.equal(eventPaneTitle(ev, node('goroutine', 'G 1  main.main')), ' — UserTaskBegin · G 1  main.main');
    assert.equal(eventPaneTitle(node('event', 'ProcStop'), node('proc', 'P 0')), ' — ProcStop · P 0');
    assert.equal(eventPaneTitle(node('event', 'GoSyscallBegin'), node('osThread', 'M 7813')), ' — GoSyscallBegin · M 7813');
    // a batch's event: the batch is no owner
    assert.equal(eventPaneTitle(node('event', 'GoStart'), node('batch', 'batch 4')), ' — GoStart');
    assert.equal(eventPaneTitle(node('event', 'GoStart'), undefined), ' — GoStart');
    assert.equal(eventPaneTitle(node('goroutine', 'G 1'), undefined), ' — G 1', 'another row: its label');
    assert.equal(eventPaneTitle(undefined, undefined), '');
  });

  it('shows a row that is not an event by its label, description, tooltip lines and offset', () => {
    const batch: TreeNode = { id: 'g0/b4', kind: 'batch', label: 'batch 4', description: '@100  2 KiB', tooltip: 'batch 4 of generation 1\nM 7', offset: 100, childCount: 3 };
    const rows = rowDetails(batch);
    assert.deepEqual(rows.map((r) => [r.label, r.description ?? '']), [['batch 4', '@100  2 KiB'], ['batch 4 of generation 1', ''], ['M 7', ''], ['offset', 'byte 100']]);
    assert.ok(rows.every((r) => r.kind === 'info' && r.childCount === 0));
    assert.equal(rows[3].offset, 100);
    assert.equal(new Set(rows.map((r) => r.id)).size, rows.length);
    assert.deepEqual(rowDetails(node('summaryRoot', '<b>Tasks</b>')).map((r) => r.label), ['<b>Tasks</b>'], 'text as it is');
  });

  it('has an icon for the Procs and Threads rows', () => {
    assert.equal(iconFor(node('proc', 'P 0')), 'circuit-board');
    assert.equal(iconFor(node('osThread', 'M 1')), 'server-process');
    assert.equal(iconFor({ ...node('proc', 'P 0'), icon: 'bad icon"' }), 'circuit-board', 'a host icon that is not a plain codicon name is ignored');
  });
});
