/**
 * The model's one run of the analysis pass (src/analysis), beside the reading: started before
 * the first generation, stepped a generation behind it, finished when the reading is. An
 * exception in it is a bug, not bad input (the stream reports that as its failure): the
 * summaries are then unavailable and the rest stays usable.
 */
import { AnalysisPass, type AnalysisData, type SpanSource, type TraceAnalysisView } from '../../analysis/index.js';
import type { ByteSource } from '../../parser/index.js';
import type { TraceSummary } from '../../shared/protocol.js';

type Yield = () => void | Promise<void>;

/**
 * What the pass has built so far, while it runs: its handlers' data grows in place (a chunk per
 * generation passed), and every generation entered has its start state, so the chunks passed can
 * be ordered again. The owner index is left out: building it mid-pass costs, and the timeline
 * does not read it.
 */
export interface PassSoFar {
  /** Timeline chunks (generations) the pass has finished. */
  chunks: number;
  data(): Pick<AnalysisData, 'summaries' | 'timeline' | 'counters'>;
  spans: SpanSource;
}

export class AnalysisRun {
  /** Undefined until started; 'computing' while it runs; 'done' once its data is taken in; 'unavailable' where it cannot run or failed. */
  state: TraceSummary['summaries'];
  /** Its data and view over the file, once done. */
  data: AnalysisData | undefined;
  view: TraceAnalysisView | undefined;
  /** Why the pass stopped, when an exception stopped it (a bug). */
  error: string | undefined;
  private pass: AnalysisPass | undefined;

  constructor(
    private readonly source: ByteSource,
    /** Also build the timeline's spans and overview. */
    private readonly timeline = false,
    /** Events between two yields: often enough for the worker to answer requests meanwhile. */
    private readonly yieldEvery = 20_000,
  ) {}

  async start(summarizable: boolean): Promise<void> {
    if (this.pass || this.state !== undefined) return;
    if (!summarizable) {
      this.state = 'unavailable';
      return;
    }
    this.state = 'computing';
    this.pass = await AnalysisPass.open(this.source, { yieldEvery: this.yieldEvery, timeline: this.timeline });
  }

  /** One generation of the pass (v1: all of it). */
  async step(onYield?: Yield): Promise<void> {
    try {
      await this.pass?.step(onYield);
    } catch (e) {
      this.fail(e);
    }
  }

  /** The pass's data so far, while it runs; undefined before it starts and once it is done (read `data`). */
  soFar(): PassSoFar | undefined {
    const pass = this.pass;
    if (!pass || this.state !== 'computing') return undefined;
    const h = pass.handlers;
    return {
      chunks: h.timeline.chunkCount,
      data: () => ({ summaries: h.summaries.data(), timeline: h.timeline.data(), counters: h.counters.data() }),
      spans: { source: this.source, generations: pass.generations },
    };
  }

  /** Runs the pass to its end, then `takeIn` its data before the state says 'done'. */
  async finish(onYield: Yield | undefined, takeIn: (data: AnalysisData, view: TraceAnalysisView) => Promise<void>): Promise<void> {
    const pass = this.pass;
    if (!pass) return;
    try {
      while (await pass.step(onYield)) await onYield?.();
    } catch (e) {
      this.fail(e);
      return;
    }
    const data = pass.data();
    const view: TraceAnalysisView = { source: this.source, owners: data.owners, generations: pass.generations };
    await takeIn(data, view);
    this.view = view;
    this.data = data;
    this.state = 'done';
    this.pass = undefined;
  }

  private fail(e: unknown): void {
    this.pass = undefined;
    this.state = 'unavailable';
    this.error = e instanceof Error ? e.message : String(e);
  }
}
