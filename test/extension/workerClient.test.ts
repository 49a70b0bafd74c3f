/**
 * The parse worker (dist/parseWorker.js, built by `npm run build`) over a real trace, through the
 * host's WorkerClient: the table's worker requests get their typed answers.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { WorkerClient } from '../../src/extension/workerClient.js';

const WORKER = path.resolve('dist/parseWorker.js');
const TRACE = path.resolve('test/fixtures/traces/go1.26-annot.trace');

describe('WorkerClient and the parse worker', function () {
  let client: WorkerClient;
  let failed: string[];
  let done: Promise<void>;

  before(function () {
    if (!fs.existsSync(WORKER)) this.skip(); // built by npm run build (test:unit runs it first)
    failed = [];
    let resolveDone!: () => void;
    done = new Promise((r) => (resolveDone = r));
    client = new WorkerClient(WORKER, { path: TRACE, fileName: path.basename(TRACE), maxProblems: 100 }, {
      onProgress: (_s, _g, _p, _t, isDone) => void (isDone && resolveDone()),
      onFailed: (m) => void failed.push(m),
    });
  });

  after(async () => {
    await client?.stop();
  });

  it('answers getChildren, eventDetails, eventText and pathTo for the same row', async () => {
    await done;
    assert.deepEqual(failed, []);
    const roots = await client.request('getChildren', { tree: 'generations', parentId: '', offset: 0, limit: 200 }, 'view-test');
    const generation = roots.nodes.find((n) => n.kind === 'generation');
    assert.ok(generation, JSON.stringify(roots.nodes.map((n) => n.id)));
    // Down to the first event: generation, then its first child with children, until an event.
    let node = generation;
    for (let depth = 0; node.kind !== 'event' && depth < 6; depth++) {
      const page = await client.request('getChildren', { tree: 'generations', parentId: node.id, offset: 0, limit: 200 }, 'view-test');
      const next = page.nodes.find((n) => n.kind === 'event') ?? page.nodes.find((n) => n.childCount > 0);
      assert.ok(next, `no row to go down to under ${node.id}: ${JSON.stringify(page).slice(0, 300)}`);
      node = next;
    }
    assert.equal(node.kind, 'event');
    const details = await client.request('eventDetails', { nodeId: node.id });
    assert.ok(details && details.length > 0);
    assert.equal(typeof (await client.request('eventText', { nodeId: node.id })), 'string');
    const where = await client.request('pathTo', { nodeId: node.id });
    assert.equal(where?.select, node.id);
    assert.equal(where?.path[0], generation.id);
    assert.equal(await client.request('eventDetails', { nodeId: 'no/such/row' }), null);
  });

  it("keeps a view's filter: setFilter, then its roots are the matches", async () => {
    await done;
    const status = await client.request('setFilter', { filter: { eventTypes: ['UserLog'] } }, 'view-f');
    assert.ok(status && !('error' in status), JSON.stringify(status));
    let s = status;
    while (!s.done) {
      const next = await client.request('filterProgress', { run: s.run }, 'view-f');
      assert.ok(next && !('error' in next));
      s = next;
    }
    assert.ok(s.matches > 0);
    const filtered = await client.request('getChildren', { tree: 'generations', parentId: '', offset: 0, limit: 200 }, 'view-f');
    const unfiltered = await client.request('getChildren', { tree: 'generations', parentId: '', offset: 0, limit: 200 }, 'view-other');
    assert.notDeepEqual(filtered, unfiltered);
    assert.equal(await client.request('dropView', {}, 'view-f'), null);
  });

  it('stopping the worker fails the requests still pending, and any after', async () => {
    await done;
    const pending = assert.rejects(client.request('eventText', { nodeId: 'g1/b0/e0' }), /stopped/);
    await client.stop();
    await pending;
    await assert.rejects(client.request('pathTo', { nodeId: 'g1' }), /stopped/);
  });

  it('runs in a process of its own; when that process dies, the host is told why, and stays up', async () => {
    const failures: string[] = [];
    let failedNow!: () => void;
    const failedOnce = new Promise<void>((r) => (failedNow = r));
    const c = new WorkerClient(WORKER, { path: TRACE, fileName: path.basename(TRACE), maxProblems: 100 }, {
      onProgress: () => undefined,
      onFailed: (m) => {
        failures.push(m);
        failedNow();
      },
    });
    assert.ok(c.pid !== undefined && c.pid !== process.pid);
    const pending = c.request('pathTo', { nodeId: 'g1' });
    process.kill(c.pid, 'SIGKILL');
    await assert.rejects(pending, /stopped/);
    await failedOnce;
    assert.match(failures[0], /the parse worker stopped \(SIGKILL\)/);
    await c.stop();
  });

  it('a trace that cannot be opened: the failure, and an error answer to a request', async () => {
    const failures: string[] = [];
    const c = new WorkerClient(WORKER, { path: path.resolve('no/such/file.trace'), fileName: 'file.trace', maxProblems: 100 }, {
      onProgress: () => undefined,
      onFailed: (m) => void failures.push(m),
    });
    await assert.rejects(c.request('pathTo', { nodeId: 'g1' }), /could not be opened/);
    assert.match(failures[0] ?? '', /ENOENT|no such file/i);
    await c.stop();
  });
});
