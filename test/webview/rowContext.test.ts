import * as assert from 'node:assert/strict';
import type { TreeNode } from '../../src/shared/protocol.js';
import { PLACEHOLDER_CONTEXT, rowContext } from '../../webview/tree/rowContext.js';

describe('row context for VS Code\'s webview context menu', () => {
  it('an event row: Copy Event, Show Wire Dump at This Event and Go to Source get its ID and offset', () => {
    const ev: TreeNode = { id: 'g0/b3/e7', kind: 'event', label: 'GoStart', childCount: 2, offset: 1234 };
    assert.deepEqual(rowContext(ev), { webviewSection: 'event', nodeId: 'g0/b3/e7', offset: 1234, goTraceHasOffset: true, goTraceTimeline: true, preventDefaultContextMenuItems: true });
  });

  it('Show in Timeline is offered on events, goroutines, procs, threads, tasks and regions only', () => {
    const kinds: TreeNode['kind'][] = ['event', 'goroutine', 'proc', 'osThread', 'task', 'region', 'generation', 'batch', 'summaryRoot', 'string'];
    const offered = kinds.filter((kind) => rowContext({ id: 'x', kind, label: 'x', childCount: 0 }).goTraceTimeline === true);
    assert.deepEqual(offered, ['event', 'goroutine', 'proc', 'osThread', 'task', 'region']);
  });

  it('a frame row carries its frame (trace text, as JSON data); other rows are plain rows', () => {
    const frame: TreeNode = { id: 'g0/b3/e7/s0/f1', kind: 'frame', label: 'main.main', childCount: 0, frame: { func: 'main."<x>"', file: '/a/b.go', line: 12 } };
    const c = rowContext(frame);
    assert.equal(c.webviewSection, 'frame');
    assert.deepEqual(JSON.parse(JSON.stringify(c)).frame, { func: 'main."<x>"', file: '/a/b.go', line: 12 });
    assert.equal(rowContext({ id: 'procs/p0', kind: 'proc', label: 'P 0', childCount: 3 }).webviewSection, 'row');
    assert.deepEqual(JSON.parse(PLACEHOLDER_CONTEXT), { preventDefaultContextMenuItems: true });
  });
});
