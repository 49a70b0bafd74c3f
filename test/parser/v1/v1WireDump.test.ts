/** The v1 raw-event dump: its lines, and Go's error after the lines before it. */
import * as assert from 'node:assert/strict';
import { memorySource } from '../../../src/parser/bytes/byteSource.js';
import { dumpV1Wire } from '../../../src/parser/v1/v1WireDump.js';
import { V1TraceWriter } from '../../support/v1TraceWriter.js';

async function dump(bytes: Uint8Array): Promise<{ text: string; error: string | undefined }> {
  let text = '';
  const error = await dumpV1Wire(memorySource(bytes), (t) => void (text += t));
  return { text, error };
}

describe('v1 wire dump', () => {
  it('prints each raw event in file order', async () => {
    const w = new V1TraceWriter(11).batch(-1, 5).event('TimerGoroutine', [4]).event('GoCreate', [1, 9, 2, 3]);
    w.string(2, 'a\tb').stack(3, [{ pc: 0x10, fn: 2, file: 2, line: 7 }]).userLog(1, 1, 2, 3, 'é').frequency(1e6);
    w.event('HeapAlloc', [1, 2n ** 64n - 1n]);
    assert.deepEqual(await dump(w.build().bytes), {
      text: [
        'Batch p=18446744073709551615 ticks=5',
        'TimerGoroutine g=4',
        'GoCreate dt=1 g=9 stack=2 stk=3',
        'String id=2\n\tdata="a\\tb"',
        'Stack id=3 nframes=1\n\tpc=16 func=2 file=2 line=7',
        'UserLog dt=1 id=1 keyid=2 stk=3\n\tdata="é"',
        'Frequency freq=1000000',
        'HeapAlloc dt=1 mem=18446744073709551615',
        '',
      ].join('\n'),
      error: undefined,
    });
  });

  it("stops at an event it cannot read, with Go's v1 error", async () => {
    const { text, error } = await dump(new V1TraceWriter(19).batch(0, 1).raw([0x3f]).build().bytes);
    assert.equal(text, 'Batch p=0 ticks=1\n');
    assert.equal(error, 'unknown event type 63');
  });

  it('says when the file is not a v1 trace', async () => {
    assert.equal((await dump(new TextEncoder().encode('nope'))).error, 'bad file format: not a Go execution trace?');
    assert.equal((await dump(new TextEncoder().encode('go 1.22 trace\0\0\0'))).error, 'go 1.22 is not a v1 trace format');
  });
});
