/**
 * An owner's events, a window at a time, re-derived from the trace: the index says which
 * generation holds the window's first event, and only that generation (and the next ones the
 * window reaches) is ordered again, from the state the pass kept at its start. A v1 trace is one
 * generation read whole, so its stream runs from the start.
 *
 * Each event handed to `visit` is valid only during the call (the stream reuses its objects).
 */
import { openEventStream, openGenerationStream, type ByteSource, type EventStream, type OrderedEvent } from '../parser/index.js';
import type { GenerationStart } from './analysisPass.js';
import type { OwnerIndex } from './ownerIndex.js';
import { isOwnedBy, type OwnerKind } from './owners.js';

export interface OwnerEventsQuery {
  kind: OwnerKind;
  id: number;
  /** Index of the first event wanted among the owner's events, and how many. */
  from: number;
  count: number;
}

export interface TraceAnalysisView {
  source: ByteSource;
  owners: OwnerIndex;
  /** v2: the generations and their start states; empty for v1. */
  generations: readonly GenerationStart[];
}

/** Calls visit(event, n, generationIndex) for the owner's events n = from .. from+count-1 (fewer past its last); returns how many. */
export async function visitOwnerEvents(t: TraceAnalysisView, q: OwnerEventsQuery, visit: (e: OrderedEvent, n: number, generation: number) => void): Promise<number> {
  const place = t.owners.place(q.kind, q.id, q.from);
  if (!place || q.count <= 0) return 0;
  let n = q.from;
  const end = q.from + q.count;
  if (t.generations.length === 0) {
    // v1: one generation, ordered from the start.
    let seen = 0;
    await drain(await openEventStream(t.source, { reuseEvents: true }), (e) => {
      if (!isOwnedBy(e, q.kind, q.id)) return true;
      if (seen++ >= q.from) visit(e, n++, 0);
      return n < end;
    });
    return n - q.from;
  }
  const o = t.owners.of(q.kind, q.id)!;
  let skip = place.skip;
  for (let i = o.generations.indexOf(place.generation); i >= 0 && i < o.generations.length && n < end; i++) {
    const g = o.generations[i];
    const start = t.generations.find((x) => x.extent.index === g);
    if (!start) break;
    const r = await openGenerationStream(t.source, start.extent, start.snapshot, { reuseEvents: true });
    let syncs = 0;
    await drain(r, (e) => {
      if (e.kind === 'Sync') return ++syncs < 2;
      if (!isOwnedBy(e, q.kind, q.id)) return true;
      if (skip > 0) {
        skip--;
        return true;
      }
      visit(e, n++, g);
      return n < end;
    });
    skip = 0;
  }
  return n - q.from;
}

/** Runs a stream, loading as it needs, while `f` returns true. */
async function drain(r: EventStream, f: (e: OrderedEvent) => boolean): Promise<void> {
  for (;;) {
    const e = r.next();
    if (e) {
      if (!f(e)) return;
      continue;
    }
    if (r.needsGeneration) {
      await r.loadGeneration();
      continue;
    }
    return;
  }
}
