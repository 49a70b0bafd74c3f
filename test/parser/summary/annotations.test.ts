import * as assert from 'node:assert/strict';
import { AnnotationSummarizer } from '../../../src/parser/summary/annotations.js';
import type { OrderedEvent } from '../../../src/parser/order/orderedEvent.js';
import { openFileSource } from '../../../src/node/fileSource.js';
import { summarizeTrace } from '../../../src/parser/summary/summarize.js';
import { fixturesDir } from '../../support/paths.js';
import * as path from 'node:path';

const frames = [{ pc: 1, func: 'main.main', file: '/x/main.go', line: 3 }];
/** One Log event, reused as the stream reuses its events. */
const shared = { kind: 'Log', time: 0, g: 1, m: 0, p: 0, type: 0, log: { task: 0, category: '', message: '' }, stack: { id: 4, frames } } as unknown as OrderedEvent;
function log(task: number, time: number, message: string): OrderedEvent {
  Object.assign(shared, { time, g: task + 10 });
  Object.assign(shared.log!, { task, category: `c${task}`, message });
  return shared;
}

describe('AnnotationSummarizer: the logs of each task', () => {
  it('keeps each log\'s values (not the reused event), in order, with its stack', () => {
    const s = new AnnotationSummarizer();
    s.handleEvent(log(1, 5, 'first'));
    s.handleEvent(log(1, 7, 'second'));
    s.handleEvent(log(2, 9, 'other'));
    const t1 = s.data().tasks.find((t) => t.id === '1')!;
    assert.equal(t1.logs, 2);
    assert.deepEqual(t1.logList.map((l) => [l.time, l.goroutine, l.category, l.message, l.stack]), [[5, 11, 'c1', 'first', 4], [7, 11, 'c1', 'second', 4]]);
    assert.equal(t1.logList[0].frames, frames);
    assert.equal(s.data().droppedLogs, 0);
  });

  it('keeps at most maxLogsPerTask per task and maxLogs in all, and counts the rest', () => {
    const s = new AnnotationSummarizer(100, 100, 3, 5);
    for (let i = 0; i < 10; i++) s.handleEvent(log(1, i, `a${i}`));
    for (let i = 0; i < 10; i++) s.handleEvent(log(2, i, `b${i}`));
    const [t1, t2] = s.data().tasks;
    assert.equal(t1.logs, 10);
    assert.deepEqual(t1.logList.map((l) => l.message), ['a0', 'a1', 'a2']);
    assert.equal(t2.logs, 10);
    assert.deepEqual(t2.logList.map((l) => l.message), ['b0', 'b1'], 'the total bound');
    assert.equal(s.data().droppedLogs, 15);
    s.reset();
    assert.equal(s.data().tasks.length, 0);
    assert.equal(s.data().droppedLogs, 0);
  });

  it('go1.26-annot.trace: the root task keeps its logs, hostile text as written', async () => {
    const source = await openFileSource(path.join(fixturesDir, 'go1.26-annot.trace'));
    try {
      const d = await summarizeTrace(source);
      const root = d.tasks.find((t) => t.name.startsWith('root task '))!;
      assert.equal(root.logList.length, root.logs);
      assert.ok(root.logList.some((l) => l.category === 'unicode' && l.message.includes('\u202eRTL\u202c')));
      assert.ok(root.logList.every((l) => l.frames.length > 0));
    } finally {
      await source.close?.();
    }
  });
});
