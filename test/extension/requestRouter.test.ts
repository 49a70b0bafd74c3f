import * as assert from 'node:assert/strict';
import { answerWebviewMessage, type HostHandlers, type RequestRoutes } from '../../src/extension/requestRouter.js';
import type { RpcRequestMessage, RpcResponse, WorkerServed } from '../../src/shared/rpc.js';

/** Routes that record what reached them; host handlers answer with their name. */
function routes(forwardResult: (r: RpcRequestMessage<WorkerServed>) => Promise<unknown> = async () => ({ total: 0, nodes: [] })) {
  const forwarded: RpcRequestMessage<WorkerServed>[] = [];
  const hosted: [string, unknown][] = [];
  const dropped: string[] = [];
  const handler = (name: string) => async (args: unknown) => {
    hosted.push([name, args]);
    return null;
  };
  const host = {
    ready: handler('ready'),
    select: handler('select'),
    openFrame: handler('openFrame'),
    copyEvent: async (args: unknown) => (hosted.push(['copyEvent', args]), true),
    revealProblem: async () => {
      throw new Error('no such problem');
    },
    showWireDump: handler('showWireDump'),
    openAsText: handler('openAsText'),
  } satisfies HostHandlers;
  const r: RequestRoutes = {
    forward: (m) => (forwarded.push(m), forwardResult(m)),
    host,
    dropped: (reason) => void dropped.push(reason),
  };
  return { r, forwarded, hosted, dropped };
}

async function answer(raw: unknown, r: RequestRoutes): Promise<RpcResponse[]> {
  const out: RpcResponse[] = [];
  await answerWebviewMessage(raw, r, (m) => out.push(m));
  return out;
}

describe('requestRouter', () => {
  it("forwards a worker's request with its checked args, and its answer goes back as is", async () => {
    const page = { total: 3, nodes: [{ id: 'g1', kind: 'generation' as const, label: 'Generation 1', childCount: 2 }] };
    const t = routes(async () => page);
    const args = { tree: 'generations', parentId: '', offset: 0, limit: 200 };
    const out = await answer({ type: 'request', id: 41, name: 'getChildren', args }, t.r);
    assert.deepEqual(t.forwarded, [{ type: 'request', id: 41, name: 'getChildren', args }]);
    assert.deepEqual(out, [{ type: 'response', id: 41, result: page }]);
    assert.equal(out[0].type === 'response' && 'result' in out[0] && out[0].result, page);
    assert.deepEqual(t.hosted, []);
  });

  it('sends every worker request to the worker and every host request to its handler', async () => {
    const t = routes(async () => null);
    const worker: [string, unknown][] = [
      ['getChildren', { tree: 'event', parentId: 'g1/b0/e1', offset: 0, limit: 10 }],
      ['eventDetails', { nodeId: 'g1/b0/e1' }],
      ['setFilter', { filter: { text: 'main' } }],
      ['filterProgress', { run: 2 }],
      ['eventText', { nodeId: 'g1/b0/e1' }],
      ['locateOffset', { offset: 99 }],
      ['pathTo', { nodeId: 'g1/b0/e1' }],
    ];
    const host: [string, unknown][] = [
      ['ready', {}],
      ['select', { nodeId: 'g1/b0/e1' }],
      ['openFrame', { frame: { func: 'main.main', file: 'main.go', line: 3 } }],
      ['copyEvent', { nodeId: 'g1/b0/e1' }],
      ['showWireDump', { offset: 5 }],
      ['openAsText', {}],
    ];
    let id = 0;
    for (const [name, args] of [...worker, ...host]) await answer({ type: 'request', id: ++id, name, args }, t.r);
    assert.deepEqual(
      t.forwarded.map((m) => [m.name, m.args]),
      worker,
    );
    assert.deepEqual(t.hosted, host);
    assert.deepEqual(t.dropped, []);
  });

  it("answers a handler's failure as an error with the request's id", async () => {
    const t = routes();
    assert.deepEqual(await answer({ type: 'request', id: 5, name: 'revealProblem', args: { index: 3 } }, t.r), [{ type: 'response', id: 5, error: 'no such problem' }]);
    const w = routes(async () => {
      throw new Error('the parse worker was stopped');
    });
    assert.deepEqual(await answer({ type: 'request', id: 6, name: 'pathTo', args: { nodeId: 'g1' } }, w.r), [{ type: 'response', id: 6, error: 'the parse worker was stopped' }]);
  });

  it('drops a malformed message with its reason: nothing reaches a handler', async () => {
    const t = routes();
    const out = await answer({ type: 'request', id: 8, name: 'setFilter', args: { filter: { text: 'x'.repeat(2000) } } }, t.r);
    assert.equal(out.length, 1);
    assert.ok(out[0].type === 'response' && 'error' in out[0] && /filter\.text/.test(out[0].error));
    assert.deepEqual(await answer({ type: 'getChildren', requestId: 1 }, t.r), []); // no id to answer
    assert.deepEqual(t.forwarded, []);
    assert.deepEqual(t.hosted, []);
    assert.equal(t.dropped.length, 2);
    assert.match(t.dropped[0], /setFilter: filter\.text: longer than 1000 characters/);
  });
});
