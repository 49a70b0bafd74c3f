/**
 * V1OrderedReader.sourceOffset: the raw v1 event each converted event comes from (what the
 * viewer uses to find a goroutine's event among the raw events of the file).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { memorySource } from '../../../src/parser/bytes/byteSource.js';
import { V2_SPECS } from '../../../src/parser/format/v2Events.js';
import { V1Ev } from '../../../src/parser/v1/v1Events.js';
import { V1OrderedReader } from '../../../src/parser/v1/v1OrderedReader.js';
import { newRawEvent, V1Scanner } from '../../../src/parser/v1/v1Scanner.js';
import { fixturesDir } from '../../support/paths.js';

/** v2 event names whose v1 event is always of one type. */
const ONE_TO_ONE: Record<string, number> = {
  GoCreate: V1Ev.GoCreate,
  UserTaskBegin: V1Ev.UserTaskCreate,
  UserTaskEnd: V1Ev.UserTaskEnd,
  UserLog: V1Ev.UserLog,
  HeapAlloc: V1Ev.HeapAlloc,
};

describe('V1OrderedReader.sourceOffset', () => {
  for (const name of ['go1.19-annot.trace', 'go1.21-annot.trace']) {
    it(`${name}: every converted event names the raw event it came from; Syncs name none`, async () => {
      const bytes = new Uint8Array(fs.readFileSync(path.join(fixturesDir, name)));
      // The raw events' offsets and types, in file order.
      const types = new Map<number, number>();
      const scanner = new V1Scanner(bytes, 16, name.startsWith('go1.19') ? 19 : 21, null);
      const raw = newRawEvent();
      while (scanner.read(0, raw)) types.set(raw.offset, raw.type);

      const r = await V1OrderedReader.open(memorySource(bytes));
      assert.equal(r.sourceOffset, undefined, 'before the first event');
      await r.loadGeneration();
      let events = 0;
      let syncs = 0;
      let checked = 0;
      for (let e = r.next(); e; e = r.next()) {
        const at: number | undefined = r.sourceOffset;
        if (e.kind === 'Sync') {
          syncs++;
          assert.equal(at, undefined, 'a Sync comes from no raw event');
          continue;
        }
        events++;
        assert.ok(at !== undefined && types.has(at), `event ${events} (${e.kind}): ${at} is the start of a raw event`);
        const want = ONE_TO_ONE[V2_SPECS[e.type]?.name ?? ''];
        if (want !== undefined) {
          checked++;
          assert.equal(types.get(at), want, `${V2_SPECS[e.type].name} at ${at}`);
        }
      }
      assert.ok(checked > 20, `${checked} events of a one-to-one type`);
      assert.equal(syncs, 2);
      assert.ok(events > 50);
      assert.equal(r.sourceOffset, undefined, 'after the end');
    });
  }
});
