import * as assert from 'node:assert/strict';
import { TASKS_ID, taskNodeId } from '../../../src/extension/model/nodeIds.js';
import { indexTasks, sortDuration } from '../../../src/extension/model/taskTree.js';
import type { TaskSummary } from '../../../src/parser/index.js';
import type { TreeNode } from '../../../src/shared/protocol.js';
import { closeModels, readModel, taskRows } from './modelTestSupport.js';

const task = (id: string, startNs: number, endNs: number, parent?: string): TaskSummary => ({
  id, name: `t${id}`, startNs, endNs, startGoroutine: 1, endGoroutine: 1, regions: 0, logs: 0, logList: [], ...(parent !== undefined ? { parent } : {}),
});

describe('the task tree', () => {
  it('nests tasks under their parents, longest first; a task not ended counts to the end of the trace', () => {
    const tasks = [task('1', 0, 10), task('2', 1, 3, '1'), task('3', 2, NaN, '1'), task('4', NaN, 5), task('5', NaN, NaN), task('6', 0, 50, '99')];
    const t = indexTasks({ tasks, regions: [{ name: 'r', task: '2', goroutine: 1, startNs: 1, endNs: 2 }], firstNs: 0, lastNs: 100 });
    assert.deepEqual(t.roots, [5, 0, 3, 4], 'parent 99 was not kept: a root; the background-like task (no begin, no end) last');
    assert.deepEqual(t.children[0], [2, 1], 'task 3 runs to the end of the trace (98 ns) before task 2 (2 ns)');
    assert.deepEqual(t.regions[1], [0]);
    assert.equal(sortDuration(tasks[3], 0, 100), 5);
    assert.equal(sortDuration(tasks[4], 0, 100), -1);
  });

  it('cuts a cycle of parents (a hostile trace), so every task is listed once', () => {
    const tasks = [task('1', 0, 1, '3'), task('2', 0, 2, '1'), task('3', 0, 3, '2'), task('4', 0, 4, '4')];
    const t = indexTasks({ tasks, regions: [], firstNs: 0, lastNs: 10 });
    const listed: number[] = [];
    const walk = (ids: number[]): void => ids.forEach((i) => (listed.push(i), walk(t.children[i])));
    walk(t.roots);
    assert.deepEqual(listed.sort(), [0, 1, 2, 3]);
    assert.ok(t.roots.includes(3), 'its own parent: a root');
  });
});

describe('TraceModel: the Tasks root', () => {
  after(closeModels);

  it('go1.26-annot.trace: longest first, child tasks under their parent, then its regions and logs', async () => {
    const model = await readModel('go1.26-annot.trace');
    const root = (await model.getChildren('v', 'generations', '', 0, 10)).items.find((n) => n.id === TASKS_ID)!;
    assert.match(root.description!, /^8 tasks, longest first/);
    assert.match(root.tooltip!, /longest first/);
    const top = (await model.getChildren('v', 'generations', TASKS_ID, 0, 100)).items;
    assert.equal(root.childCount, top.length);
    assert.deepEqual(top.map((n) => n.label.replace(/ .*/, '')), ['root', 'background'], 'the background task (no begin, no end) last');
    const rootTask = top.find((n) => n.label.startsWith('root task '))!;
    const kids = (await model.getChildren('v', 'generations', rootTask.id, 0, 100)).items;
    assert.equal(kids.length, rootTask.childCount);
    const kinds = kids.map((n) => n.kind);
    assert.deepEqual([...kinds].sort((a, b) => kinds.indexOf(a) - kinds.indexOf(b)), kinds, 'tasks, then regions, then logs');
    const workers = kids.filter((n) => n.kind === 'task');
    assert.ok(workers.length >= 4 && workers.filter((n) => n.label.startsWith('worker ')).length === 4, workers.map((n) => n.label).join(', '));
    // (the task never ended counts to the end of the trace: its duration is unknown, its place among them)
    const durations = (await Promise.all(workers.map(async (n) => durationOf(await model.eventDetails(n.id))))).filter((d) => d >= 0);
    assert.ok(durations.length >= 4);
    assert.deepEqual(durations, [...durations].sort((a, b) => b - a), 'child tasks longest first');
    const regions = kids.filter((n) => n.kind === 'region').map((n) => n.label);
    // Markup and quotes are printable: the name as it is (the webview shows it as text).
    assert.ok(regions.includes('setup </script><script>alert("x")</script>'), regions.join(', '));
    const logs = kids.filter((n) => n.kind === 'event');
    const rootFacts = Object.fromEntries((await model.eventDetails(rootTask.id))!.map((n) => [n.label, n.description]));
    assert.ok(logs.length >= 6 && rootFacts.logs === String(logs.length), `${logs.length} logs, details say ${rootFacts.logs}`);
    assert.ok(logs.every((n) => n.label === 'Log'));
    const unicode = logs.find((n) => n.description!.includes('"unicode"'))!;
    assert.ok(unicode.description!.includes('\\u202eRTL\\u202c'), unicode.description);
    // a log's frames open the source
    const frames = (await model.getChildren('v', 'generations', unicode.id, 0, 10)).items;
    assert.equal(frames.length, unicode.childCount);
    assert.ok(frames[0].frame && /main\.go$/.test(frames[0].frame.file), JSON.stringify(frames[0]));
    assert.deepEqual(model.pathTo(frames[0].id), { path: [TASKS_ID, rootTask.id, unicode.id], select: frames[0].id });
    assert.equal((await taskRows(model)).length, 8);
  });

  it('selecting a task, a region or a log shows its details; a log copies as text', async () => {
    const model = await readModel('go1.26-annot.trace');
    const all = await taskRows(model);
    const worker = all.find((n) => n.label === 'worker 2')!;
    const facts = Object.fromEntries((await model.eventDetails(worker.id))!.map((n) => [n.label, n.description]));
    assert.equal(facts.type, '"worker 2"');
    assert.match(facts.parent!, /^\d+ "root task <img src=x onerror=alert\(1\)>"$/);
    assert.match(facts.begin!, /^\+.* \(\d+ ns\)$/);
    assert.match(facts.duration!, /s$/);
    assert.match(facts['begun by']!, /^G \d+$/);
    const under = (await model.getChildren('v', 'generations', worker.id, 0, 100)).items;
    assert.equal(facts.logs, String(under.filter((n) => n.kind === 'event').length));
    assert.equal(facts.regions, String(under.filter((n) => n.kind === 'region').length));
    assert.equal(facts['child tasks'], String(under.filter((n) => n.kind === 'task').length));
    // a child task's path goes through its parent
    const parentRow = all.find((n) => n.label.startsWith('root task '))!;
    assert.deepEqual(model.pathTo(worker.id), { path: [TASKS_ID, parentRow.id], select: worker.id });

    const [compute] = (await model.getChildren('v', 'generations', worker.id, 0, 100)).items.filter((n) => n.kind === 'region');
    const regionFacts = Object.fromEntries((await model.eventDetails(compute.id))!.map((n) => [n.label, n.description]));
    assert.equal(regionFacts.region, '"compute"');
    assert.match(regionFacts.task!, / "worker 2"$/);
    assert.deepEqual(model.pathTo(compute.id), { path: [TASKS_ID, parentRow.id, worker.id], select: compute.id });

    const log = (await model.getChildren('v', 'generations', worker.id, 0, 100)).items.find((n) => n.kind === 'event')!;
    const pane = (await model.eventDetails(log.id))!;
    assert.deepEqual(pane.slice(0, 6).map((n) => n.label), ['event', 'time', 'goroutine', 'task', 'category', 'message']);
    assert.equal(pane[4].description, '"worker"');
    assert.ok(pane.some((n) => n.kind === 'frame' && n.frame), 'its frames open the source');
    const text = (await model.eventText(log.id))!;
    assert.match(text, /^Log at \+.*\ngoroutine G \d+, task \d+ "worker 2"\ncategory: "worker"\nmessage: "start 2 quote \\" apostrophe ' backslash \\\\ amp & lt < gt >"\nstack \d+:\n/);

    // unknown rows: nothing
    assert.equal(await model.eventDetails(taskNodeId(999)), undefined);
    assert.equal(await model.eventDetails('tasks/t0/l999'), undefined);
    assert.equal((await model.getChildren('v', 'generations', taskNodeId(999), 0, 10)).total, 0);
    assert.equal(model.pathTo(taskNodeId(999)), undefined);
    // a region listed under a task that is not its own: none
    assert.equal(await model.eventDetails(`${worker.id.replace(/t\d+$/, 't999')}/r0`), undefined);
  });
});

/** A task's duration in ns, from its details ("1.234567 ms"). */
function durationOf(details: TreeNode[] | undefined): number {
  const d = details?.find((n) => n.label === 'duration')?.description ?? '';
  const m = /^([\d.]+) (ns|µs|ms|s)$/.exec(d);
  if (!m) return -1;
  return Number(m[1]) * { ns: 1, µs: 1e3, ms: 1e6, s: 1e9 }[m[2] as 'ns'];
}
