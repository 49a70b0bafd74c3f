/** The v1 merge on shapes the golden traces do not have: many Ps, a syscall exit's real time. */
import * as assert from 'node:assert/strict';
import { memorySource } from '../../../src/parser/bytes/byteSource.js';
import { V1OrderedReader } from '../../../src/parser/v1/v1OrderedReader.js';
import { V1TraceWriter } from '../../support/v1TraceWriter.js';
import { footer } from './v1Cases.js';

describe('v1 merge', () => {
  it('stays linear with many Ps waiting for one sequence', async function () {
    this.timeout(20_000);
    // P k holds the GC start with sequence number N-1-k: each is ready only after the one
    // before it in sequence, which is on the P after it. Looking at every P after each event
    // would take N^2 steps.
    const N = 40_000;
    const w = new V1TraceWriter(19);
    for (let k = 0; k < N; k++) w.batch(k, 100 + 10 * (N - 1 - k)).event('GCStart', [1, N - 1 - k, 0]);
    const bytes = footer(w).build().bytes;
    const start = Date.now();
    const r = await V1OrderedReader.open(memorySource(bytes));
    await r.loadGeneration();
    // Merged in order; then Go's checks find the second GC starting inside the first.
    assert.equal(r.failure?.message, 'previous GC is not ended before a new one (time 10)');
    assert.ok(Date.now() - start < 10_000, `${Date.now() - start} ms`);
  });

  it('gives a syscall exit its real time and sorts it in, stably', async () => {
    const w = new V1TraceWriter(19);
    w.batch(0, 100);
    w.event('ProcStart', [0, 1]);
    w.event('GoCreate', [1, 5, 0, 0]);
    w.event('GoStartLocal', [1, 5]);
    w.event('GoSysCall', [1, 0]);
    w.event('GoSysBlock', [1]);
    w.event('HeapAlloc', [10, 1]);
    w.event('HeapAlloc', [10, 2]);
    // Written later, but the syscall returned at tick 114, between the two HeapAllocs.
    w.event('GoSysExit', [10, 5, 2, 114]);
    w.event('ProcStop', [1]);
    const r = await V1OrderedReader.open(memorySource(footer(w).build().bytes));
    await r.loadGeneration();
    assert.equal(r.failure, undefined);
    const t = r.trace!.events;
    const seq = Array.from({ length: t.length }, (_, i) => `${t.ts[i]}:${t.type[i]}`);
    // ns since the first event (1 tick = 1 ns here): ProcStart 0, GoCreate 1, GoStart 2,
    // GoSysCall 3, GoSysBlock 4, HeapAlloc 14, GoSysExit 14 (moved), HeapAlloc 24, ProcStop 35.
    assert.deepEqual(seq, ['0:5', '1:13', '2:14', '3:28', '4:30', '14:33', '14:29', '24:33', '35:6']);
  });
});
