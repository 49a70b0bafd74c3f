import * as assert from 'node:assert/strict';
import { encodeUvarint } from '../../../src/parser/bytes/uvarint.js';
import { BatchKind, classifyBatch, readBatchHeader } from '../../../src/parser/framing/batch.js';

const cur = { value: 0, pos: 0 };
const header = (bytes: number[]) => readBatchHeader(Uint8Array.from(bytes), 0, bytes.length, 100, cur);

describe('readBatchHeader', () => {
  it('reads gen, m, time and a padded size, and locates the payload', () => {
    const bytes = [0x01, ...encodeUvarint(7), ...encodeUvarint(12345), ...encodeUvarint(999999), ...encodeUvarint(300, 10)];
    const r = header(bytes);
    assert.equal(r.status, 'batch');
    if (r.status !== 'batch') return;
    assert.deepEqual({ ...r.batch }, { offset: 100, payloadOffset: 100 + bytes.length, size: 300, gen: 7, m: 12345, time: 999999, kind: BatchKind.Events, experiment: 0 });
  });

  it('reads "no thread" (2^64-1) as -1, as Go prints it', () => {
    const r = header([0x01, 1, ...encodeUvarint(2n ** 64n - 1n), 0, 0]);
    assert.equal(r.status === 'batch' && r.batch.m, -1);
  });

  it('reads the raw experiment byte of an experimental batch', () => {
    const r = header([0x31, 1, 2, 3, 4, 0]);
    assert.equal(r.status === 'batch' && r.batch.experiment, 1);
  });

  it('rejects a size over 64 KiB with Go\'s message', () => {
    const r = header([0x01, 1, 2, 3, ...encodeUvarint(65537)]);
    assert.deepEqual(r.status === 'error' && [r.reason, r.message], ['oversized', 'invalid batch size 65537, maximum is 65536']);
    assert.equal(header([0x01, 1, 2, 3, ...encodeUvarint(65536)]).status, 'batch');
  });

  it('names the field where the header ends early or overflows', () => {
    const r1 = header([0x01, 1, 2]);
    assert.deepEqual(r1.status === 'error' && [r1.reason, r1.message], ['truncated', 'error reading batch timestamp: EOF']);
    const r2 = header([0x01, 1, 0x80]);
    assert.deepEqual(r2.status === 'error' && r2.message, 'error reading batch M ID: unexpected EOF');
    const r3 = header([0x01, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f]);
    assert.deepEqual(r3.status === 'error' && [r3.reason, r3.message], ['overflow', 'error reading batch gen: binary: varint overflows a 64-bit integer']);
  });

  it('tells EndOfGeneration, end of file and a byte that cannot start a batch apart', () => {
    assert.equal(header([0x34]).status, 'end-of-generation');
    assert.equal(header([]).status, 'eof');
    const r = header([0x74]);
    assert.deepEqual(r.status === 'error' && [r.reason, r.message], ['bad-type', 'expected batch event, got event 116']);
  });
});

describe('classifyBatch', () => {
  it('classifies by the first payload byte, per version', () => {
    assert.equal(classifyBatch(0, 4, 22), BatchKind.Strings);
    assert.equal(classifyBatch(0, 2, 22), BatchKind.Stacks);
    assert.equal(classifyBatch(0, 6, 22), BatchKind.CPUSamples);
    assert.equal(classifyBatch(0, 8, 23), BatchKind.Sync);
    assert.equal(classifyBatch(0, 8, 25), BatchKind.Events, 'a lone Frequency is not a sync batch from 1.25 on');
    assert.equal(classifyBatch(0, 50, 25), BatchKind.Sync);
    assert.equal(classifyBatch(0, 50, 23), BatchKind.Events);
    assert.equal(classifyBatch(1, 4, 26), BatchKind.Experimental);
    assert.equal(classifyBatch(0, undefined, 26), BatchKind.Events, 'an empty batch is an empty event batch');
  });
});
