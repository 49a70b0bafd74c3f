// Strings from a trace are shown as Go quotes them, in every row, tooltip, event pane and Copy
// Event: never a bidi control, zero-width or format character, separator or control raw.
import * as assert from 'node:assert/strict';
import { TraceModel } from '../../../src/extension/model/traceModel.js';
import { taskLogRow } from '../../../src/extension/model/taskNodes.js';
import { eventRow } from '../../../src/extension/model/eventNodes.js';
import { OwnerEventView, summaryEventEntry } from '../../../src/extension/model/summaryEvents.js';
import { WireEventView } from '../../../src/extension/model/wireEventView.js';
import { memorySource } from '../../../src/parser/bytes/byteSource.js';
import type { OrderedEvent } from '../../../src/parser/order/orderedEvent.js';
import type { TreeNode } from '../../../src/shared/protocol.js';
import { HOSTILE, hostileFileShown, hostileTrace, LONG_MESSAGE, longLogTrace } from '../../support/hostileTrace.js';

/** Characters that must never be in shown text: what Go escapes, and any unpaired surrogate. */
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2028\u2029\u2066-\u2069\ufeff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/u;

function assertSafe(n: TreeNode, where: string): void {
  for (const [field, text] of [['label', n.label], ['description', n.description], ['tooltip', n.tooltip]] as const) {
    if (text === undefined) continue;
    // A tooltip's lines are its layout: \n (and the tabs of Go's frame lines) are not trace text.
    const m = UNSAFE.exec(field === 'tooltip' ? text.replace(/[\n\t]/g, ' ') : text);
    assert.equal(m, null, `${where} ${n.id} ${field} shows U+${m?.[0].codePointAt(0)!.toString(16)} raw: ${JSON.stringify(text)}`);
  }
}

async function children(model: TraceModel, id: string, tree: 'generations' | 'event' = 'generations'): Promise<TreeNode[]> {
  return (await model.getChildren('v', tree, id, 0, 1000)).items;
}

describe('hostile trace strings are shown as Go quotes them', () => {
  let model: TraceModel;
  const seen: TreeNode[] = [];

  before(async () => {
    model = new TraceModel(memorySource(hostileTrace()), 'hostile.trace');
    await model.readAll();
    assert.deepEqual(model.problems.map((p) => p.code), []);
  });

  it('Tasks: each task row, its tooltip and its event pane', async () => {
    const tasks = await children(model, 'tasks');
    assert.equal(tasks.length, HOSTILE.length);
    for (const s of HOSTILE) {
      const row = tasks.find((n) => n.label === s.quoted);
      assert.ok(row, `${s.category}: a task labelled ${s.quoted} in ${tasks.map((n) => n.label).join(' ')}`);
      assert.ok(row.tooltip!.includes(`${s.quoted}\n`), `${s.category}: tooltip ${row.tooltip}`);
      const details = (await model.eventDetails(row.id))!;
      assert.equal(details.find((n) => n.label === 'type')!.description, s.quoted, s.category);
      seen.push(row, ...details);
    }
  });

  it('a task\'s region and log: rows, tooltips, the log\'s event pane and frames, Copy Event', async () => {
    for (const task of await children(model, 'tasks')) {
      const s = HOSTILE.find((x) => x.quoted === task.label)!;
      const [region, log] = await children(model, task.id);
      assert.equal(region.kind, 'region');
      assert.equal(region.label, s.quoted, s.category);
      assert.ok(region.tooltip!.startsWith(`region ${s.quoted} of task`), `${s.category}: ${region.tooltip}`);
      assert.equal(log.kind, 'event');
      assert.ok(log.description!.endsWith(`"k": ${s.quoted}`), `${s.category}: ${log.description}`);
      assert.ok(log.tooltip!.includes(`message ${s.quoted}`), `${s.category}: ${log.tooltip}`);
      const pane = (await model.eventDetails(log.id))!;
      assert.equal(pane.find((n) => n.label === 'message')!.description, s.quoted, s.category);
      const frame = pane.find((n) => n.kind === 'frame')!;
      assert.equal(frame.label, s.quoted, `${s.category}: the function name`);
      assert.match(frame.description!, new RegExp(`^${escapeRe(hostileFileShown(s))}:\\d+$`), `${s.category}: the file`);
      assert.ok(frame.tooltip!.startsWith(`${s.quoted}\n${hostileFileShown(s)}:`), `${s.category}: ${frame.tooltip}`);
      const text = (await model.eventText(log.id))!;
      assert.ok(text.includes(`message: ${s.quoted}\n`) && text.includes(`  ${s.quoted}\n`), `${s.category}: ${text}`);
      assert.equal(UNSAFE.exec(text.replace(/[\n\t]/g, ' ')), null, `${s.category}: Copy Event ${JSON.stringify(text)}`);
      const frames = await children(model, log.id);
      assert.equal(frames[0].label, s.quoted);
      seen.push(region, log, ...pane, ...frames);
    }
  });

  it('the Regions root and the generation tree: event rows, event panes, frames, the strings table', async () => {
    for (const r of await children(model, 'regions')) {
      assert.ok(HOSTILE.some((s) => s.quoted === r.label), r.label);
      seen.push(r);
    }
    const [m1] = await children(model, 'g0');
    const [batch] = await children(model, m1.id);
    const events = await children(model, batch.id);
    const logs = events.filter((n) => n.label === 'UserLog');
    assert.equal(logs.length, HOSTILE.length);
    for (const [i, s] of HOSTILE.entries()) {
      assert.ok(logs[i].description!.includes(`value_string=${s.quoted}`), `${s.category}: ${logs[i].description}`);
      const pane = (await model.eventDetails(logs[i].id))!;
      assert.equal(pane.find((n) => n.label === 'value_string')!.description, s.quoted, s.category);
      const stack = pane.find((n) => n.kind === 'stack')!;
      const [frame] = await children(model, stack.id, 'event');
      assert.equal(frame.label, s.quoted, s.category);
      assert.equal(frame.description, `${hostileFileShown(s)}:${10 + i}`, s.category);
      // the path as recorded is what opening the frame asks for
      assert.equal(new TextEncoder().encode(frame.frame!.file).length >= s.bytes.length, true);
      const text = (await model.eventText(logs[i].id))!;
      assert.ok(text.includes(`value_string: ${s.quoted}`), text);
      assert.equal(UNSAFE.exec(text.replace(/[\n\t]/g, ' ')), null, `${s.category}: Copy Event ${JSON.stringify(text)}`);
      seen.push(logs[i], ...pane, frame);
    }
    seen.push(...events);
    const strings = await children(model, (await children(model, 'g0')).find((n) => n.label === 'strings')!.id);
    for (const s of HOSTILE) {
      const row = strings.find((n) => n.description === s.quoted);
      assert.ok(row, `${s.category}: the strings table`);
      assert.equal(row.tooltip, s.quoted);
    }
    seen.push(...strings);
  });

  it('goroutine 1\'s events (the ordered stream): rows, tooltips (Go\'s String form), event panes', async () => {
    const g = (await children(model, 'goroutines')).find((n) => n.label.startsWith('G 1'))!;
    const events = await children(model, g.id);
    const logs = events.filter((n) => n.label === 'UserLog');
    assert.equal(logs.length, HOSTILE.length);
    for (const [i, s] of HOSTILE.entries()) {
      assert.ok(logs[i].description!.endsWith(`"k": ${s.quoted}`), `${s.category}: ${logs[i].description}`);
      assert.ok(logs[i].tooltip!.includes(`Message=${s.quoted}`), `${s.category}: ${logs[i].tooltip}`);
      const pane = (await model.eventDetails(logs[i].id))!;
      assert.equal(pane.find((n) => n.label === 'message')!.description, s.quoted, s.category);
      seen.push(logs[i], ...pane, ...(await children(model, logs[i].id)));
    }
    seen.push(g, ...events);
  });

  it('no row, tooltip or event pane row seen holds a hostile character raw', () => {
    assert.ok(seen.length > 200, `${seen.length} rows checked`);
    for (const n of seen) assertSafe(n, 'row');
  });

  it('a 64 KiB message: cut in rows (quoted, the ellipsis outside), whole in the tooltip', () => {
    const message = '\u202e' + 'm'.repeat(64 * 1024 - 1);
    const row = taskLogRow(0, 0, { time: 5, goroutine: 1, category: 'big', message, stack: 0, frames: [] }, 0);
    assert.equal(row.description, `+5 ns  G 1  "big": "\\u202e${'m'.repeat(59)}"…`);
    assert.ok(row.tooltip!.endsWith(`message "\\u202e${'m'.repeat(64 * 1024 - 1)}"`));
    const ev = { kind: 'Log', type: 44, time: 5, m: 1, p: 0, g: 1, log: { task: 1, category: 'big', message } } as unknown as OrderedEvent;
    const entry = summaryEventEntry(ev, 0);
    assert.equal(entry.args.find((a) => a.name === 'message')!.value.length, 6 + 64 * 1024 - 1 + 2);
    const srow = eventRow(new OwnerEventView(entry, { owner: 'goroutine' }), 'goroutines/g1/e0', 0);
    assert.ok(srow.description!.length < 100, srow.description);
    assertSafe(srow, '64 KiB');
    const decoded = { type: 44, name: 'UserLog', time: 5, offset: 0, batch: 0, args: [{ name: 'value_string', kind: 'string' as const, value: 1, text: message }], stacks: [] };
    const erow = eventRow(new WireEventView(decoded, { genNumber: 1, batch: 0, event: 0, thread: -1 }), 'g0/b0/e0', 0);
    assert.ok(erow.description!.endsWith(`value_string="\\u202e${'m'.repeat(59)}"…`), erow.description);
  });
});

describe('a 64 KiB log message in a v1 trace\'s raw events', () => {
  it('is cut in its row and whole in the event pane, Go-quoted', async () => {
    const model = new TraceModel(memorySource(longLogTrace()), 'long.trace');
    await model.readAll();
    const log = (await children(model, 'g0/b0')).find((n) => n.label === 'UserLog')!;
    assert.ok(log.description!.endsWith(`message="\\u202e${'m'.repeat(59)}"…`), log.description);
    const pane = (await model.eventDetails(log.id))!;
    assert.equal(pane.find((n) => n.label === 'message')!.description, `"\\u202e${LONG_MESSAGE.slice(1)}"`);
    for (const n of [log, ...pane]) assertSafe(n, 'v1');
  });
});

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
