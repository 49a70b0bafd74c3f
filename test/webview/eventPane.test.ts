import * as assert from 'node:assert/strict';
import type { NodeKind, TreeNode } from '../../src/shared/protocol.js';
import { eventPaneTitle, hasEventDetails } from '../../webview/eventPane.js';
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
    assert.equal(eventPaneTitle(node('goroutine', 'G 1'), undefined), '');
  });

  it('has an icon for the Procs and Threads rows', () => {
    assert.equal(iconFor(node('proc', 'P 0')), 'circuit-board');
    assert.equal(iconFor(node('osThread', 'M 1')), 'server-process');
    assert.equal(iconFor({ ...node('proc', 'P 0'), icon: 'bad icon"' }), 'circuit-board', 'a host icon that is not a plain codicon name is ignored');
  });
});
