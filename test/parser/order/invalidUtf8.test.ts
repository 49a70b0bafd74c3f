/**
 * A string that is not UTF-8 prints as Go prints it: each bad byte as \xNN. The expected line was
 * printed by Go 1.27's `go tool trace -d=parsed` on this same rewritten trace.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { memorySource } from '../../../src/parser/bytes/byteSource.js';
import { formatEvent } from '../../../src/parser/order/formatEvent.js';
import { OrderedReader } from '../../../src/parser/order/orderedReader.js';
import { fixturesDir } from '../../support/paths.js';
import { rewriteTraceStrings } from '../../support/rewriteTraceStrings.js';

const GO_LINE =
  'M=19878 P=1 G=1 Log Time=2247326942720 Task=1 Category="bad\\xff\\xfe\\x80end é 😀\\x9f" Message="</script><script>alert(\\"x\\")</script>"';

describe('ordered stream: strings that are not UTF-8', () => {
  it("print their bad bytes as \\xNN, byte for byte as Go's parser", async () => {
    const original = readFileSync(path.join(fixturesDir, 'go1.26-annot.trace'));
    // Bytes: "bad" FF FE 80 "end é 😀" 9F (the last a stray continuation byte).
    const bytes = rewriteTraceStrings(original, (s) => (s === 'html' ? 'bad\udcff\udcfe\udc80end é \ud83d\ude00\udc9f' : s));
    const r = await OrderedReader.open(memorySource(bytes));
    const lines: string[] = [];
    for (;;) {
      const e = r.next();
      if (e) {
        lines.push(formatEvent(e));
        continue;
      }
      if (r.needsGeneration) {
        await r.loadGeneration();
        continue;
      }
      break;
    }
    assert.equal(r.failure, undefined);
    assert.ok(lines.some((l) => l.split('\n')[0] === GO_LINE), 'the Log line as Go prints it');
  });
});
