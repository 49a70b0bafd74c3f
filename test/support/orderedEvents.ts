/** The ordered stream's events one by one, loading generations as it asks (for tests that walk it). */
import type { EventStream, OrderedEvent } from '../../src/parser/index.js';

export async function forEachEvent(stream: EventStream, each: (e: OrderedEvent) => void): Promise<void> {
  for (;;) {
    const e = stream.next();
    if (e) each(e);
    else if (stream.needsGeneration) await stream.loadGeneration();
    else return;
  }
}
