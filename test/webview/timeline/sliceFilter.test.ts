/**
 * The filter bar's filter on timeline slices (webview/timeline/sliceFilter.ts): each field on
 * hand-built lanes, then on a real trace's slices as the worker answers them.
 */
import * as assert from 'node:assert/strict';
import type { Filter } from '../../../src/shared/protocol.js';
import type { LaneSlices, TimelineLane } from '../../../src/shared/timeline.js';
import { compileSliceFilter, filterStatusText } from '../../../webview/timeline/sliceFilter.js';
import { closeModels, readModel } from '../../extension/model/modelTestSupport.js';

const strings = ['main.worker', '<b>chan receive</b>', 'db: <img src=x onerror=alert(1)>', 'Fetch', 'G12', 'G7', 'GC (idle)'];

/** Goroutine 7: running on P1, waiting ("<b>chan receive</b>"), running on P2; a region and a log. */
const g7: LaneSlices = {
  lane: 'g7',
  start: [0, 100, 200],
  end: [100, 200, 300],
  state: [0, 2, 0],
  label: [-1, 1, -1],
  merged: [0, 0, 0],
  offset: [10, 20, 30],
  goroutine: [-1, -1, -1],
  proc: [1, -1, 2],
  regions: { start: [210], end: [260], depth: [0], label: [3], count: [1] },
  logs: { at: [150], label: [2], count: [1] },
};
const g7Lane: TimelineLane = { id: 'g7', kind: 'goroutine', label: 'G7', tooltip: 'G7 main.worker' };

/** P1 ran G12, then G7 (a merged slice at coarse zoom), then G12. */
const p1: LaneSlices = {
  lane: 'p1',
  start: [0, 50, 120],
  end: [50, 100, 180],
  state: [0, 0, 0],
  label: [4, 5, 4],
  merged: [0, 3, 0],
  offset: [-1, -1, -1],
  goroutine: [12, 7, 12],
  proc: [-1, -1, -1],
};
const p1Lane: TimelineLane = { id: 'p1', kind: 'proc', label: 'P1', tooltip: 'Proc 1: the goroutines it ran' };

/** M3 held P1, then was in a syscall. */
const m3: LaneSlices = {
  lane: 'm3',
  start: [0, 150],
  end: [140, 160],
  state: [6, 3],
  label: [-1, -1],
  merged: [0, 0],
  offset: [-1, -1],
  goroutine: [12, -1],
  proc: [1, -1],
};
const m3Lane: TimelineLane = { id: 'm3', kind: 'thread', label: 'M3' };

const gc: LaneSlices = { lane: 'gc', start: [40], end: [90], state: [4], label: [6], merged: [0], offset: [-1], goroutine: [-1], proc: [-1] };
const gcLane: TimelineLane = { id: 'gc', kind: 'gc', label: 'GC' };

/** A task lane: two tasks, begun by G7 and G12, labelled with their type. */
const t0: LaneSlices = { lane: 't0', start: [0, 200], end: [150, 290], state: [8, 8], label: [3, 3], merged: [0, 0], offset: [-1, -1], goroutine: [7, 12], proc: [-1, -1] };
const t0Lane: TimelineLane = { id: 't0', kind: 'task', label: 'Tasks 1' };

/** Which slices of a lane match, as a string of 0/1. */
function bits(f: Filter, lane: TimelineLane, s: LaneSlices, table: readonly string[] = strings): string {
  return [...compileSliceFilter(f).flags(lane, s, table)].join('');
}

describe('webview/timeline/sliceFilter', () => {
  it('an empty filter matches everything and is not active', () => {
    const m = compileSliceFilter({});
    assert.equal(m.active, false);
    for (const [lane, s] of [[g7Lane, g7], [p1Lane, p1], [m3Lane, m3], [gcLane, gc]] as const) {
      assert.ok(s.start.every((_, i) => m.matches(lane, s, strings, i)), lane.id);
    }
    assert.equal(compileSliceFilter({ text: '   ' }).active, false, 'blank text is no text');
    assert.equal(filterStatusText(m, { visible: 3, matched: 3 }), undefined);
  });

  it('goroutine: its own lane, the proc and thread slices running it, nothing on other lanes', () => {
    assert.equal(bits({ goroutine: 7 }, g7Lane, g7), '111');
    assert.equal(bits({ goroutine: 12 }, g7Lane, g7), '000');
    assert.equal(bits({ goroutine: 7 }, p1Lane, p1), '010', 'a merged slice matches by its representative goroutine');
    assert.equal(bits({ goroutine: 12 }, p1Lane, p1), '101');
    assert.equal(bits({ goroutine: 12 }, m3Lane, m3), '10');
    assert.equal(bits({ goroutine: 7 }, gcLane, gc), '0');
    assert.equal(bits({ goroutine: 12 }, t0Lane, t0), '01', 'a task lane: the tasks it began');
    assert.equal(bits({ proc: 1 }, t0Lane, t0), '00');
    assert.equal(bits({ text: 'FETCH' }, t0Lane, t0), '11', 'the task type');
  });

  it('proc: its lane, goroutine slices that ran on it, thread slices holding it', () => {
    assert.equal(bits({ proc: 1 }, p1Lane, p1), '111');
    assert.equal(bits({ proc: 2 }, p1Lane, p1), '000');
    assert.equal(bits({ proc: 2 }, g7Lane, g7), '001');
    assert.equal(bits({ proc: 1 }, m3Lane, m3), '10');
    assert.equal(bits({ proc: 1 }, gcLane, gc), '0');
  });

  it('thread: its own lane only', () => {
    assert.equal(bits({ thread: 3 }, m3Lane, m3), '11');
    assert.equal(bits({ thread: 4 }, m3Lane, m3), '00');
    assert.equal(bits({ thread: 3 }, p1Lane, p1), '000');
    assert.equal(bits({ thread: 3 }, g7Lane, g7), '000');
  });

  it('time range: slices overlapping it, both ends included, either end open', () => {
    assert.equal(bits({ fromNs: 100, toNs: 150 }, g7Lane, g7), '110', 'the slice ending at 100 touches the range');
    assert.equal(bits({ fromNs: 201 }, g7Lane, g7), '001');
    assert.equal(bits({ toNs: 99 }, g7Lane, g7), '100');
    assert.equal(bits({ fromNs: 95, toNs: 95 }, gcLane, gc), '0');
  });

  it('text: case-insensitive, in the slice label, the lane label or tooltip, a region or a log over it', () => {
    assert.equal(bits({ text: 'CHAN' }, g7Lane, g7), '010', 'the waiting reason');
    assert.equal(bits({ text: 'main.WORKER' }, g7Lane, g7), '111', "the lane's start function");
    assert.equal(bits({ text: 'fetch' }, g7Lane, g7), '001', 'the region over the last slice');
    assert.equal(bits({ text: 'onerror' }, g7Lane, g7), '010', 'the log at 150');
    assert.equal(bits({ text: 'g12' }, p1Lane, p1), '101');
    assert.equal(bits({ text: 'idle' }, gcLane, gc), '1');
    assert.equal(bits({ text: 'nothing like it' }, g7Lane, g7), '000');
  });

  it('trace strings that look like markup are matched as plain text', () => {
    assert.equal(bits({ text: '<b>' }, g7Lane, g7), '010');
    assert.equal(bits({ text: '<img src=x' }, g7Lane, g7), '010');
    assert.equal(bits({ text: 'b>chan receive</b' }, g7Lane, g7), '010');
    // A label index past the table (bad input) is no match, not a crash.
    assert.equal(bits({ text: 'x' }, gcLane, { ...gc, label: [99] }), '0');
    assert.equal(bits({ text: 'chan' }, { id: 'g7', kind: 'goroutine' } as TimelineLane, g7), '010', 'a lane record without a label');
  });

  it('fields combine: every one given must hold', () => {
    assert.equal(bits({ goroutine: 12, fromNs: 110 }, p1Lane, p1), '001');
    assert.equal(bits({ goroutine: 7, text: 'chan' }, g7Lane, g7), '010');
    assert.equal(bits({ goroutine: 7, proc: 1 }, g7Lane, g7), '100');
    assert.equal(bits({ goroutine: 7, thread: 3 }, g7Lane, g7), '000');
  });

  it('event types alone are no timeline filter; with other fields they are left out, and the status says so', () => {
    const types = compileSliceFilter({ eventTypes: ['GoBlock'] });
    assert.equal(types.active, false);
    assert.equal(types.ignoresEventTypes, true);
    assert.equal(bits({ eventTypes: ['GoBlock'] }, g7Lane, g7), '111');
    assert.match(filterStatusText(types, undefined) ?? '', /event types are not shown/);
    const both = compileSliceFilter({ eventTypes: ['GoBlock'], goroutine: 12 });
    assert.equal([...both.flags(p1Lane, p1, strings)].join(''), '101');
    assert.equal(filterStatusText(both, { visible: 4567, matched: 123 }), 'Filter: 123 of 4,567 visible slices match (event types left out)');
    assert.equal(filterStatusText(compileSliceFilter({ goroutine: 1 }), { visible: 1, matched: 1 }), 'Filter: 1 of 1 visible slice matches');
  });

  it('works them out once per slices object, and again for a new filter', () => {
    const m = compileSliceFilter({ goroutine: 7 });
    const a = m.flags(p1Lane, p1, strings);
    assert.equal(m.flags(p1Lane, p1, strings), a, 'cached');
    assert.notEqual(compileSliceFilter({ goroutine: 7 }).flags(p1Lane, p1, strings), a);
  });

  it('without the lane record, the lane id tells its kind and number', () => {
    const m = compileSliceFilter({ goroutine: 7 });
    assert.equal([...m.flags(undefined, g7, strings)].join(''), '111');
    assert.equal([...m.flags(undefined, p1, strings)].join(''), '010');
  });
});

describe('webview/timeline/sliceFilter on a real trace (go1.21-annot.trace)', function () {
  this.timeout(120_000);
  after(closeModels);

  it('a goroutine: the proc slices running it and its own lane; a region name: the slices under it', async () => {
    const model = await readModel('go1.21-annot.trace', { timeline: true });
    const layout = model.timeline.layout();
    const procs = layout.lanes.filter((l) => l.kind === 'proc');
    const goroutines = layout.groups.flatMap((g) => model.timeline.groupLanes(g.index, 0, 1000));
    const lanes = [...procs, ...goroutines];
    const q = { lanes: lanes.map((l) => l.id), fromNs: 0, toNs: layout.durationNs + 1, nsPerPx: 1e-6 };
    let a = await model.timeline.slices(q);
    for (let i = 0; i < 200 && !a.exact; i++) a = await model.timeline.slices(q);
    assert.ok(a.exact);
    const byId = new Map(lanes.map((l) => [l.id, l]));

    // The goroutine that ran most on the procs.
    const runs = new Map<number, number>();
    for (const s of a.lanes.filter((s) => s.lane.startsWith('p'))) for (const g of s.goroutine) if (g >= 0) runs.set(g, (runs.get(g) ?? 0) + 1);
    const [g] = [...runs].sort((x, y) => y[1] - x[1])[0];
    const m = compileSliceFilter({ goroutine: g });
    let matched = 0;
    for (const s of a.lanes) {
      const flags = m.flags(byId.get(s.lane), s, a.strings);
      s.start.forEach((_, i) => {
        const want = s.lane === `g${g}` || (s.lane.startsWith('p') && s.goroutine[i] === g);
        assert.equal(flags[i] === 1, want, `${s.lane} slice ${i}`);
        if (want && s.lane.startsWith('p')) matched++;
      });
    }
    assert.equal(matched, runs.get(g));

    // A region's name: on its goroutine's lane, exactly the slices a region of that name overlaps.
    const withRegions = a.lanes.find((s) => s.regions && s.regions.start.length > 0);
    assert.ok(withRegions, 'the trace has user regions');
    const r = withRegions.regions!;
    const name = a.strings[r.label[0]];
    const t = compileSliceFilter({ text: name.toUpperCase() });
    const flags = t.flags(byId.get(withRegions.lane), withRegions, a.strings);
    const lane = byId.get(withRegions.lane)!;
    const laneText = `${lane.label} ${lane.tooltip ?? ''}`.toLowerCase().includes(name.toLowerCase());
    let under = 0;
    withRegions.start.forEach((_, i) => {
      const label = withRegions.label[i] >= 0 ? a.strings[withRegions.label[i]] : '';
      const overRegion = r.start.some((_, k) => a.strings[r.label[k]].toLowerCase().includes(name.toLowerCase()) && (withRegions.start[i] < r.end[k] || withRegions.start[i] === r.start[k]) && withRegions.end[i] > r.start[k]);
      const overLog = (withRegions.logs?.at ?? []).some((at, k) => a.strings[withRegions.logs!.label[k]].toLowerCase().includes(name.toLowerCase()) && withRegions.start[i] <= at && at < withRegions.end[i]);
      const want = laneText || label.toLowerCase().includes(name.toLowerCase()) || overRegion || overLog;
      assert.equal(flags[i] === 1, want, `slice ${i} at ${withRegions.start[i]}`);
      if (want) under++;
    });
    assert.ok(under > 0, `slices under region ${name}`);
  });
});
