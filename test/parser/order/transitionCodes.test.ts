/**
 * The transition as codes (read from the arguments, no object made) says what the transition
 * object says, for every event of real traces of several versions, v1 and v2; and the codes of a
 * hand-made event are read from its object.
 */
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { memorySource, newTransitionCodes, openEventStream, readTransition, TransitionResource, type OrderedEvent, type TransitionCodes } from '../../../src/parser/index.js';
import { forEachEvent } from '../../support/orderedEvents.js';
import { fixturesDir, sharedTracesDir } from '../../support/paths.js';

const TRACES = [
  path.join(fixturesDir, 'go1.26-manyg.trace'),
  path.join(fixturesDir, 'go1.22-syscalls.trace'),
  path.join(fixturesDir, 'go1.21-annot.trace'),
  path.join(sharedTracesDir, 'go1.25-flight.trace'),
  path.join(sharedTracesDir, 'go1.19-httpload.trace'),
].filter((f) => existsSync(f));

const GO = ['Undetermined', 'NotExist', 'Runnable', 'Running', 'Waiting', 'Syscall'];
const PROC = ['Undetermined', 'NotExist', 'Running', 'Idle'];

/** The codes as text, in the transition object's terms. */
function asText(c: TransitionCodes): string {
  const names = c.resource === TransitionResource.Proc ? PROC : GO;
  const kind = c.resource === TransitionResource.Proc ? 'Proc' : c.resource === TransitionResource.Goroutine ? 'Goroutine' : 'None';
  return `${kind} ${c.id} ${names[c.from] ?? 'Bad'} -> ${names[c.to] ?? 'Bad'} "${c.reason}"`;
}

describe('parser/order/transitionCodes', () => {
  for (const file of TRACES) {
    it(`${path.basename(file)}: the codes of every event match its transition object`, async () => {
      const s = await openEventStream(memorySource(new Uint8Array(readFileSync(file))));
      const codes = newTransitionCodes();
      let transitions = 0;
      await forEachEvent(s, (e) => {
        // Read before the object is made (as the pass reads it), then compared with the object.
        const has = readTransition(e, codes);
        const st = e.transition;
        assert.equal(has, st !== undefined, `${e.kind} at ${e.time}`);
        if (!st) return;
        transitions++;
        assert.equal(asText(codes), `${st.resource.kind} ${st.resource.id} ${st.from} -> ${st.to} "${st.reason}"`);
        // Once the object is made, the codes read again are the same.
        assert.ok(readTransition(e, codes));
        assert.equal(asText(codes), `${st.resource.kind} ${st.resource.id} ${st.from} -> ${st.to} "${st.reason}"`);
      });
      assert.ok(transitions > 20, `only ${transitions} transitions`);
    });
  }

  it('a hand-made event: the codes come from its transition object; none without one', () => {
    const codes = newTransitionCodes();
    const e: OrderedEvent = {
      kind: 'StateTransition', time: 1, m: 1, p: 0, g: 7, type: 0,
      transition: { resource: { kind: 'Goroutine', id: 7 }, from: 'Running', to: 'Waiting', reason: 'chan receive' },
    };
    assert.ok(readTransition(e, codes));
    assert.equal(asText(codes), 'Goroutine 7 Running -> Waiting "chan receive"');
    e.transition = { resource: { kind: 'Proc', id: 3 }, from: 'Bad', to: 'Idle', reason: '' };
    assert.ok(readTransition(e, codes));
    assert.equal(asText(codes), 'Proc 3 Bad -> Idle ""');
    assert.equal(readTransition({ kind: 'Log', time: 2, m: 1, p: 0, g: 7, type: 0 }, codes), false);
  });
});
