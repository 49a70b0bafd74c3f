/**
 * The ordering half of `go-trace check`: the ordered stream run to its end, as Go's Reader
 * runs (every state transition checked, every stack and string reference resolved), each event
 * looked at once. Its one possible problem is the error Go would stop at, placed at the event
 * concerned. The wire-level check (check.ts) finds the framing problems; this finds the rest.
 */
import type { Problem } from '../problems.js';
import type { EventStream } from './eventStream.js';

export interface OrderingCheck {
  /** Events the stream handed out (Syncs included) before its end or its failure. */
  events: number;
  failure: Problem | undefined;
}

/**
 * Runs `stream` (opened in reuseEvents mode: each event is looked at once) to its end: openTrace's
 * handle does it (TraceFormat.checkOrdering) for a trace of either format.
 */
export async function checkOrdering(stream: EventStream): Promise<OrderingCheck> {
  let events = 0;
  for (;;) {
    if (stream.next()) {
      events++;
      continue;
    }
    if (stream.needsGeneration) {
      await stream.loadGeneration();
      continue;
    }
    return { events, failure: stream.failure };
  }
}

/**
 * The ordering failure as one more problem of a check, unless the check has it already (the
 * same code at the same place: a framing problem the stream stopped at).
 */
export function withOrderingFailure(problems: readonly Problem[], failure: Problem | undefined): Problem[] {
  if (!failure || problems.some((p) => p.code === failure.code && p.offset === failure.offset)) return [...problems];
  const out = [...problems, failure];
  // Keep file order; an 'info' summary line (too-many-problems) stays last.
  return out.sort((a, b) => (a.code === 'too-many-problems' ? 1 : b.code === 'too-many-problems' ? -1 : a.offset - b.offset));
}
