import * as assert from 'node:assert/strict';
import { parseWebviewMessage } from '../../src/extension/webviewMessages.js';

const req = (name: unknown, args?: unknown, extra: Record<string, unknown> = {}) => ({ type: 'request', id: 7, name, ...(args === undefined ? {} : { args }), ...extra });

describe('parseWebviewMessage', () => {
  it('passes a well-formed request on, with only its checked fields', () => {
    const r = parseWebviewMessage(req('getChildren', { tree: 'event', parentId: 'g1/b0/e3/stack', offset: 0, limit: 200 }));
    assert.deepEqual(r, { ok: true, request: { type: 'request', id: 7, name: 'getChildren', args: { tree: 'event', parentId: 'g1/b0/e3/stack', offset: 0, limit: 200 } } });
  });

  it('reads missing args as none, for requests that take none', () => {
    assert.deepEqual(parseWebviewMessage(req('ready')), { ok: true, request: { type: 'request', id: 7, name: 'ready', args: {} } });
    assert.equal(parseWebviewMessage(req('select')).ok, false);
  });

  it('drops what is not a request, without an id to answer', () => {
    for (const m of [null, 42, 'ready', [], { type: 'ready' }, { type: 'getChildren', requestId: 1 }, { type: 'request', name: 'ready' }, { type: 'request', id: -1, name: 'ready' }, { type: 'request', id: 1.5, name: 'ready' }]) {
      const r = parseWebviewMessage(m);
      assert.equal(r.ok, false, JSON.stringify(m));
      if (!r.ok) assert.equal(r.id, undefined);
    }
  });

  it('drops unknown requests and bad args, keeping the id and saying why', () => {
    const cases: [unknown, RegExp][] = [
      [req('toString'), /unknown request/],
      [req('__proto__'), /unknown request/],
      [req('dropView', {}), /unknown request/],
      [req('wireWindow', { place: { kind: 'start', offset: 0 } }), /unknown request/],
      [req('setFilter', { filter: { text: 'x'.repeat(5000) } }), /setFilter: filter\.text: longer than 1000/],
      [req('setFilter', { filter: { goroutine: '12' } }), /filter\.goroutine: expected an integer/],
      [req('openFrame', { frame: { func: 'f', file: 'a.go', line: 1, html: '<b>' } }), /frame\.html: unexpected field/],
      [req('select', { nodeId: 'g1' }, { view: 'view1' }), /unexpected field "view"/],
    ];
    for (const [m, why] of cases) {
      const r = parseWebviewMessage(m);
      assert.equal(r.ok, false);
      if (r.ok) continue;
      assert.equal(r.id, 7);
      assert.match(r.reason, why);
    }
  });

  it('keeps a reason short even for a huge name', () => {
    const r = parseWebviewMessage(req('x'.repeat(100_000)));
    assert.ok(!r.ok && r.reason.length < 100);
  });
});
