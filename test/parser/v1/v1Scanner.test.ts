/** Raw v1 events: the encodings, exact big values, payloads, and where errors are placed. */
import * as assert from 'node:assert/strict';
import { newRawEvent, SKIP_ARGS, SKIP_STRINGS, V1Scanner } from '../../../src/parser/v1/v1Scanner.js';
import { V1Ev } from '../../../src/parser/v1/v1Events.js';
import { V1Error } from '../../../src/parser/v1/v1Error.js';
import { V1TraceWriter } from '../../support/v1TraceWriter.js';

function scan(w: V1TraceWriter, flags = 0) {
  const { bytes, offsets } = w.build();
  const s = new V1Scanner(bytes, 16, w.version);
  const ev = newRawEvent();
  const out: { type: number; offset: number; args: number[]; big: (bigint | undefined)[] | null; message?: string }[] = [];
  while (s.read(flags, ev)) {
    out.push({ type: ev.type, offset: ev.offset, args: ev.args.slice(0, ev.n), big: ev.big, ...(ev.message !== undefined ? { message: ev.message } : {}) });
  }
  return { out, offsets, strings: s.strings };
}

describe('V1Scanner', () => {
  it('reads inline and length-prefixed arguments, strings and log messages', () => {
    const w = new V1TraceWriter(19).batch(-1, 500).event('GoStart', [1, 7, 2]).event('GoCreate', [3, 9, 4, 5]).string(4, 'main');
    w.userLog(1, 2, 4, 5, 'hi');
    const { out, offsets, strings } = scan(w);
    assert.deepEqual(out.map((e) => e.offset), offsets);
    assert.deepEqual(out[0].args, [2 ** 64, 500], 'no P is 2^64-1');
    assert.deepEqual(out[1], { type: V1Ev.GoStart, offset: offsets[1], args: [1, 7, 2], big: null });
    assert.deepEqual(out[2].args, [3, 9, 4, 5]);
    assert.equal(out[3].type, V1Ev.None);
    assert.equal(strings!.get(4), "main");
    assert.deepEqual(out[4], { type: V1Ev.UserLog, offset: offsets[4], args: [1, 2, 4, 5], big: null, message: 'hi' });
  });

  it('keeps values above 2^53 exactly', () => {
    const { out } = scan(new V1TraceWriter(19).batch(0, 1).event('HeapAlloc', [1, 2n ** 60n + 1n]));
    assert.equal(out[1].big?.[1], 2n ** 60n + 1n);
  });

  it('skips what it is told to skip, but not CPU samples', () => {
    const w = new V1TraceWriter(19).batch(0, 1).event('HeapAlloc', [1, 5]).string(3, 'x').event('CPUSample', [0, 9, 0, 1, 2]);
    const { out, strings } = scan(w, SKIP_ARGS | SKIP_STRINGS);
    assert.deepEqual(out.map((e) => e.args), [[0, 1], [], [], [0, 9, 0, 1, 2]]);
    assert.equal(strings!.size, 0);
  });

  it('places an error at the start of its event', () => {
    const w = new V1TraceWriter(19).batch(0, 1).event('HeapAlloc', [1, 5]);
    const at = w.length;
    w.raw([33 | (1 << 6), 1]);
    const { bytes } = w.build();
    const s = new V1Scanner(bytes, 16, 19);
    const ev = newRawEvent();
    assert.ok(s.read(0, ev) && s.read(0, ev));
    assert.throws(() => s.read(0, ev), (e: unknown) => e instanceof V1Error && e.offset === at && e.code === 'malformed-varint' &&
      e.message === 'failed to read event 33 argument: malformatted base-128 varint');
  });

  it('never sizes anything by a length it has not checked against the data', () => {
    // A string that claims 10^6 bytes in a 30-byte file, and an argument block of 2048 bytes.
    for (const raw of [[37, 1, 0xc0, 0x84, 0x3d], [13 | (3 << 6), 0x80, 0x10]]) {
      const { bytes } = new V1TraceWriter(19).batch(0, 1).raw(raw).build();
      const s = new V1Scanner(bytes, 16, 19);
      const ev = newRawEvent();
      s.read(0, ev);
      assert.throws(() => s.read(0, ev), (e: unknown) => e instanceof V1Error && e.code === 'event-truncated');
    }
  });
});
