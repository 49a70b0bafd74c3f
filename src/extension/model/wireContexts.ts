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

export class WireContexts {
  constructor(
    private readonly source: ByteSource,
    /** The generation starts the pass kept, when it has passed `index`. */
    private readonly startOf: (index: number) => GenerationStart | undefined,
  ) {}

  /** Fills m.g and m.p (NaN where no ordered event had the offset); a no-op if done or not possible. */
  async derive(index: number, m: WireMatches): Promise<void> {
    if (m.g || m.length === 0) return;
    const start = this.startOf(index);
    if (!start) return;
    const at = new Map<number, number>();
    for (let k = 0; k < m.length; k++) at.set(m.offset[k], k);
    const g = new Float64Array(m.length).fill(NaN);
    const p = new Float64Array(m.length).fill(NaN);
    const r = await openGenerationStream(this.source, start.extent, start.snapshot, { reuseEvents: true });
    let found = 0;
    let syncs = 0;
    for (;;) {
      const e = r.next();
      if (!e) {
        if (r.needsGeneration) {
          await r.loadGeneration();
          continue;
        }
        break;
      }
      if (e.kind === 'Sync') {
        if (++syncs >= 2) break;
        continue;
      }
      const k = e.srcOffset !== undefined && e.srcOffset >= 0 ? at.get(e.srcOffset) : undefined;
      if (k === undefined || !Number.isNaN(g[k])) continue;
      g[k] = e.g;
      p[k] = e.p;
      if (++found === m.length) break;
    }
    m.g = g;
    m.p = p;
  }
}
