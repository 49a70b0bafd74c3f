/**
 * Each request's args schema (src/shared/rpc.ts), table-driven: what the webview sends is
 * accepted, and wrong types, huge strings, extra fields and extra nesting are not.
 */
import * as assert from 'node:assert/strict';
import { FILTER_LIMITS, MAX_PAGE, rpcRequests, type RpcName } from '../../src/shared/rpc.js';

const huge = 'x'.repeat(100_000);

/** For every request: args that must pass, and args that must fail. */
const cases: Record<RpcName, { good: unknown[]; bad: unknown[] }> = {
  ready: { good: [{}], bad: [{ x: 1 }, null, []] },
  getChildren: {
    good: [
      { tree: 'generations', parentId: '', offset: 0, limit: 200 },
      { tree: 'event', parentId: 'g1/b2/e3/stack', offset: 4_999_800, limit: MAX_PAGE },
    ],
    bad: [
      { tree: 'other', parentId: '', offset: 0, limit: 200 },
      { tree: 'generations', parentId: huge, offset: 0, limit: 200 },
      { tree: 'generations', parentId: '', offset: -1, limit: 200 },
      { tree: 'generations', parentId: '', offset: 0.5, limit: 200 },
      { tree: 'generations', parentId: '', offset: 0, limit: MAX_PAGE + 1 },
      { tree: 'generations', parentId: '', offset: '0', limit: 200 },
      { tree: 'generations', parentId: '', offset: 0 },
      { tree: 'generations', parentId: { id: 'g1' }, offset: 0, limit: 200 },
      { tree: 'generations', parentId: '', offset: 0, limit: 200, view: 'view9' },
    ],
  },
  select: { good: [{ nodeId: 'g1/b0/e12' }], bad: [{ nodeId: huge }, { nodeId: 12 }, {}, { nodeId: ['g1'] }] },
  eventDetails: { good: [{ nodeId: 'g1/b0/e12' }], bad: [{ nodeId: huge }, { nodeId: null }] },
  setFilter: {
    good: [
      { filter: {} },
      { filter: { text: 'main.main', eventTypes: ['GoStart'], goroutine: 7, proc: 0, thread: 12345, fromNs: 0, toNs: 1e12 } },
      { filter: { text: 'x'.repeat(FILTER_LIMITS.text) } },
    ],
    bad: [
      { filter: null },
      { filter: { text: 'x'.repeat(FILTER_LIMITS.text + 1) } },
      { filter: { text: 42 } },
      { filter: { eventTypes: 'GoStart' } },
      { filter: { eventTypes: [['GoStart']] } },
      { filter: { eventTypes: Array(FILTER_LIMITS.eventTypes + 1).fill('GoStart') } },
      { filter: { eventTypes: ['x'.repeat(FILTER_LIMITS.eventTypeName + 1)] } },
      { filter: { goroutine: -1 } },
      { filter: { goroutine: 1.5 } },
      { filter: { proc: '3' } },
      { filter: { thread: 2 ** 60 } },
      { filter: { fromNs: -1 } },
      { filter: { toNs: Infinity } },
      { filter: { fromNs: NaN } },
      { filter: { text: 'a', where: { nested: { deeper: 1 } } } },
      { filter: { text: { toString: 'a' } } },
      {},
    ],
  },
  filterProgress: { good: [{ run: 3 }], bad: [{ run: -3 }, { run: 'x' }, {}] },
  eventText: { good: [{ nodeId: 'g2/b1/e0' }], bad: [{ nodeId: huge }, {}] },
  locateOffset: { good: [{ offset: 0 }, { offset: 216_000_000 }], bad: [{ offset: -5 }, { offset: 1.25 }, { offset: '16' }] },
  pathTo: { good: [{ nodeId: 'goroutines/g17' }], bad: [{ nodeId: 17 }, { nodeId: huge }] },
  openFrame: {
    good: [{ frame: { func: 'main.main', file: '/src/app/main.go', line: 22 } }, { frame: { func: '', file: '', line: 0 } }],
    bad: [
      { frame: { func: 'main.main', file: '/src/app/main.go' } },
      { frame: { func: 'main.main', file: huge, line: 1 } },
      { frame: { func: 'main.main', file: 'a.go', line: -1 } },
      { frame: { func: 'main.main', file: 'a.go', line: 1, extra: { deep: true } } },
      { frame: 'main.go:1' },
    ],
  },
  copyEvent: { good: [{ nodeId: 'g1/b0/e1' }], bad: [{ nodeId: huge }, { nodeId: undefined }] },
  revealProblem: { good: [{ index: 0 }, { index: 999 }], bad: [{ index: -1 }, { index: '0' }, { index: 0.5 }] },
  showWireDump: { good: [{}, { offset: 1024 }], bad: [{ offset: -1 }, { offset: '1024' }, { offset: 1, at: 2 }] },
  openAsText: { good: [{}], bad: [{ path: '/etc/passwd' }] },
  timelineLayout: { good: [{}], bad: [{ lanes: ['g1'] }, null] },
  timelineGroupLanes: {
    good: [{ group: 0, offset: 0, limit: 200 }],
    bad: [{ group: -1, offset: 0, limit: 10 }, { group: 0, offset: 0, limit: 100_000 }, { group: '0', offset: 0, limit: 1 }],
  },
  timelineRelations: { good: [{ goroutine: 5, atNs: 1000 }, { goroutine: 0, atNs: -20 }], bad: [{ goroutine: -1, atNs: 0 }, { goroutine: 1.5, atNs: 0 }, { goroutine: 1 }] },
  timelinePlace: { good: [{ nodeId: 'goroutines/g5/e3' }, { nodeId: 'g0/b2/e9' }], bad: [{ nodeId: huge }, {}, { nodeId: 5 }] },
  timelineRangeStats: { good: [{ fromNs: 0, toNs: 1e9 }, { fromNs: 5, toNs: 5 }], bad: [{ fromNs: -1, toNs: 1 }, { fromNs: 0, toNs: Infinity }, { fromNs: 0 }, { fromNs: 0, toNs: 1, extra: 1 }] },
  timelineCounters: {
    good: [{ lanes: ['c:heap', 'c:goroutines'], fromNs: 0, toNs: 1e9, nsPerPx: 1000 }, { lanes: [], fromNs: 5, toNs: 5, nsPerPx: 0.001 }],
    bad: [
      { lanes: ['c:heap'], fromNs: -1, toNs: 1e9, nsPerPx: 1000 },
      { lanes: ['c:heap'], fromNs: 0, toNs: 1e9, nsPerPx: 0 },
      { lanes: Array.from({ length: 9 }, () => 'c:cpu'), fromNs: 0, toNs: 1, nsPerPx: 1 },
      { lanes: 'c:heap', fromNs: 0, toNs: 1, nsPerPx: 1 },
      { lane: 'c:heap', fromNs: 0, toNs: 1, nsPerPx: 1 },
    ],
  },
  timelineSlices: {
    good: [{ lanes: ['gc', 'p0', 'm12', 'g45'], fromNs: 0, toNs: 1e9, nsPerPx: 1000 }, { lanes: [], fromNs: 5, toNs: 5, nsPerPx: 0.001 }],
    bad: [
      { lanes: ['g1'], fromNs: -1, toNs: 1e9, nsPerPx: 1000 },
      { lanes: ['g1'], fromNs: 0, toNs: 1e9, nsPerPx: 0 },
      { lanes: [huge], fromNs: 0, toNs: 1, nsPerPx: 1 },
      { lanes: Array.from({ length: 501 }, (_, i) => `g${i}`), fromNs: 0, toNs: 1, nsPerPx: 1 },
      { lanes: 'g1', fromNs: 0, toNs: 1, nsPerPx: 1 },
      { lanes: ['g1'], fromNs: 0, toNs: 1, nsPerPx: 1, extra: 1 },
    ],
  },
};

describe('rpc request table', () => {
  for (const name of Object.keys(rpcRequests) as RpcName[]) {
    describe(name, () => {
      const { good, bad } = cases[name];
      for (const args of good) {
        it(`accepts ${JSON.stringify(args).slice(0, 80)}`, () => {
          const r = rpcRequests[name].args.check(args);
          assert.ok(r.ok, r.ok ? '' : `${r.error.path}: ${r.error.reason}`);
          assert.deepEqual(r.value, args);
        });
      }
      for (const args of bad) {
        it(`rejects ${(JSON.stringify(args) ?? String(args)).slice(0, 80)}`, () => {
          assert.equal(rpcRequests[name].args.check(args).ok, false);
        });
      }
    });
  }

  it('has test cases for every request, good and bad', () => {
    for (const name of Object.keys(rpcRequests) as RpcName[]) {
      assert.ok(cases[name].good.length > 0 && cases[name].bad.length > 0, name);
    }
  });

  it('names who answers each request', () => {
    const byServer = (s: string) => (Object.keys(rpcRequests) as RpcName[]).filter((n) => rpcRequests[n].served === s).sort();
    assert.deepEqual(byServer('worker'), ['eventDetails', 'eventText', 'filterProgress', 'getChildren', 'locateOffset', 'pathTo', 'setFilter', 'timelineCounters', 'timelineGroupLanes', 'timelineLayout', 'timelinePlace', 'timelineRangeStats', 'timelineRelations', 'timelineSlices']);
    assert.deepEqual(byServer('host'), ['copyEvent', 'openAsText', 'openFrame', 'ready', 'revealProblem', 'select', 'showWireDump']);
  });
});
