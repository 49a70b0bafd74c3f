/**
 * The goroutine and proc that wire events run on: not in the wire event, known only once its
 * generation is ordered (Go's Event.Goroutine(), Proc()). The filter orders a match's generation
 * again, from the state the analysis pass kept at its start (openGenerationStream), and finds
 * its matches by file offset. Before the pass has passed a generation, there is nothing to
 * order from: its rows say "G ?".
 */
import { openGenerationStream, type ByteSource } from '../../parser/index.js';
import type { GenerationStart } from '../../analysis/index.js';
import type { WireMatches } from './wireMatches.js';

/** Ordering time spent on one page's rows at most: the rows not reached by then say "G ?". */
const DERIVE_BUDGET_MS = 300;

export class WireContexts {
  constructor(
    private readonly source: ByteSource,
    /** The generation starts the pass kept, when it has passed `index`. */
    private readonly startOf: (index: number) => GenerationStart | undefined,
  ) {}

  /**
   * Fills m.g and m.p for matches [from, to) (NaN where no ordered event had the offset). The
   * generation is ordered from its start only until they are all found: a page's matches are
   * the partition's earliest ones not yet derived, so the first page orders a small part of it
   * (DERIVE_BUDGET_MS at most: a sparse filter's page may reach deep into its generation).
   * A no-op where the generation cannot be ordered (the pass has not passed it).
   */
  async derive(index: number, m: WireMatches, from: number, to: number): Promise<void> {
    if (m.length === 0) return;
    const start = this.startOf(index);
    if (!start) return;
    if (!m.g || !m.p || !m.tried) {
      m.g = new Float64Array(m.length).fill(NaN);
      m.p = new Float64Array(m.length).fill(NaN);
      m.tried = new Uint8Array(m.length);
    }
    const at = new Map<number, number>();
    for (let k = from; k < to; k++) if (!m.tried[k]) at.set(m.offset[k], k);
    if (at.size === 0) return;
    let left = at.size;
    const deadline = Date.now() + DERIVE_BUDGET_MS;
    let seen = 0;
    let ended = false;
    try {
      const r = await openGenerationStream(this.source, start.extent, start.snapshot, { reuseEvents: true });
      let syncs = 0;
      while (left > 0) {
        if ((++seen & 4095) === 0 && Date.now() > deadline) return;
        const e = r.next();
        if (!e) {
          if (!r.needsGeneration) {
            ended = true;
            break;
          }
          await r.loadGeneration();
          continue;
        }
        if (e.kind === 'Sync') {
          if (++syncs >= 2) {
            ended = true;
            break;
          }
          continue;
        }
        const k = e.srcOffset !== undefined && e.srcOffset >= 0 ? at.get(e.srcOffset) : undefined;
        if (k === undefined || !Number.isNaN(m.g[k])) continue;
        m.g[k] = e.g;
        m.p[k] = e.p;
        m.tried[k] = 1;
        left--;
      }
    } catch {
      // A generation that cannot be ordered again: its rows keep "G ?".
      ended = true;
    }
    // Not found in the whole generation: none to find; past the budget: tried again next time.
    if (ended) for (const k of at.values()) m.tried[k] = 1;
  }
}
