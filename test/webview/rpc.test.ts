import * as assert from 'node:assert/strict';
import type { RpcRequestMessage } from '../../src/shared/rpc.js';
import { RpcClient } from '../../webview/rpc.js';

function client() {
  const sent: RpcRequestMessage[] = [];
  const errors: string[] = [];
  return { rpc: new RpcClient((m) => sent.push(m), (e) => errors.push(e)), sent, errors };
}

describe('webview RpcClient', () => {
  it('sends each request with a fresh id and resolves with the answer to that id', async () => {
    const { rpc, sent } = client();
    const a = rpc.request('getChildren', { tree: 'generations', parentId: '', offset: 0, limit: 200 });
    const b = rpc.request('select', { nodeId: 'g1/b0/e1' });
    assert.deepEqual(
      sent.map((m) => [m.type, m.name]),
      [
        ['request', 'getChildren'],
        ['request', 'select'],
      ],
    );
    assert.notEqual(sent[0].id, sent[1].id);
    // Answered out of order: each goes to its own request.
    assert.equal(rpc.receive({ type: 'response', id: sent[1].id, result: null }), true);
    assert.equal(rpc.receive({ type: 'response', id: sent[0].id, result: { total: 1, nodes: [] } }), true);
    assert.deepEqual(await a, { total: 1, nodes: [] });
    assert.equal(await b, null);
    assert.equal(rpc.pendingCount, 0);
  });

  it('rejects a request with the error of its answer; call reports it and resolves undefined', async () => {
    const { rpc, sent, errors } = client();
    const a = rpc.request('eventText', { nodeId: 'g1/b0/e1' });
    const b = rpc.call('copyEvent', { nodeId: 'g1/b0/e1' });
    rpc.receive({ type: 'response', id: sent[0].id, error: 'the parse worker was stopped' });
    rpc.receive({ type: 'response', id: sent[1].id, error: 'no such event' });
    await assert.rejects(a, /the parse worker was stopped/);
    assert.equal(await b, undefined);
    assert.deepEqual(errors, ['no such event']);
  });

  it('hands notifications to the page and ignores what is neither', () => {
    const { rpc } = client();
    const n = { type: 'problems', problems: [] };
    assert.equal(rpc.receive(n), n);
    assert.equal(rpc.receive({ type: 'response', id: 999, result: 1 }), true); // not ours: dropped
    for (const junk of [null, undefined, 3, 'summary', { kind: 'x' }]) assert.equal(rpc.receive(junk), undefined);
  });
});
