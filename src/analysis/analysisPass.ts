/**
 * The one ordered pass over a trace: the ordered stream runs once and feeds every handler of the
 * registry. It goes a generation at a time (step), so the viewer can interleave it with its own
 * reading of the file and have every summary ready when the file is read. At the start of each
 * generation of a v2 trace it keeps the ordering state (OrderedReader.snapshot), so that any
 * generation can later be ordered again on its own (ownerEvents.ts).
 *
 *   const pass = await AnalysisPass.open(source);
 *   while (await pass.step(onYield)) {}        // or: await pass.run(onYield)
 *   pass.data()                                // { summaries, owners }
 */
import { OrderedReader, openEventStream, type ByteSource, type EventStream, type GenerationExtent, type OrderedEvent, type OrderingSnapshot, type Problem } from '../parser/index.js';
import { createHandlers, type AnalysisData, type AnalysisHandlers } from './registry.js';
import { V1_COUNTER_BUCKETS } from './counters.js';
import { V1_BUCKETS } from './timelineOverview.js';

/** Where a v2 generation is, and the ordering state at its start. */
export interface GenerationStart {
  extent: GenerationExtent;
  snapshot: OrderingSnapshot;
}

export interface PassOptions {
  /** Events between two calls of onYield (so a worker can answer requests meanwhile). */
  yieldEvery?: number;
  /**
   * Build the state spans and the timeline's overview (timelineOverview.ts). Off until the
   * timeline reads them: on the 216 MB bench trace they add about 60% to the pass's time.
   */
  timeline?: boolean;
}

export class AnalysisPass {
  readonly handlers: AnalysisHandlers = createHandlers();
  private readonly all: { handleEvent(e: OrderedEvent): void; finalize(): void }[] = Object.values(this.handlers);
  /** v2 traces: every generation entered, in file order. Empty for v1 (one generation, read whole). */
  readonly generations: GenerationStart[] = [];
  private finished = false;
  private cancelled = false;
  private events = 0;

  private constructor(
    private readonly stream: EventStream,
    private readonly yieldEvery: number,
    private readonly timeline: boolean,
  ) {}

  static async open(source: ByteSource, options: PassOptions = {}): Promise<AnalysisPass> {
    // Every handler looks at each event once: the event objects may be reused.
    const stream = await openEventStream(source, { reuseEvents: true });
    const pass = new AnalysisPass(stream, options.yieldEvery ?? 50_000, options.timeline === true);
    // A v1 trace is one chunk: its overview needs finer buckets than a generation's.
    if (!(stream instanceof OrderedReader)) {
      pass.handlers.timeline.buckets = V1_BUCKETS;
      pass.handlers.counters.buckets = V1_COUNTER_BUCKETS;
    }
    if (!options.timeline) {
      pass.handlers.timeline.disable();
      pass.handlers.counters.disable();
    }
    return pass;
  }

  get done(): boolean {
    return this.finished;
  }

  /** Events handed to the handlers so far. */
  get eventCount(): number {
    return this.events;
  }

  /** Go's error that ended the stream, if any. */
  get failure(): Problem | undefined {
    return this.stream.failure;
  }

  /** Stops at the next yield point; the data then covers what was read. */
  cancel(): void {
    this.cancelled = true;
  }

  /**
   * Reads the next generation and runs its events through the handlers, and the Sync that opens
   * the one after it (so what ends at a generation's end, as a timeline chunk, ends in this
   * step); false once the pass is over (then every handler is finalized). v1: the first step
   * reads the whole trace.
   */
  async step(onYield?: () => void | Promise<void>): Promise<boolean> {
    if (this.finished) return false;
    const s = this.stream;
    let handled = 0;
    /** Events this step had handled when it last loaded a generation; -1: it has not. */
    let beforeLoad = -1;
    let sinceYield = 0;
    for (;;) {
      if (this.cancelled) return this.finish();
      const e = s.next();
      if (e) {
        const sync = e.kind === 'Sync';
        if (sync) this.enterGeneration();
        // One call site per handler (see TraceSummarizer.handleEvent).
        const h = this.handlers;
        h.summaries.handleEvent(e);
        h.owners.handleEvent(e);
        if (this.timeline) {
          h.timeline.handleEvent(e);
          h.counters.handleEvent(e);
        }
        this.events++;
        handled++;
        // The Sync of a generation loaded after this step's events: the previous one is over.
        if (sync && beforeLoad > 0) return true;
        if (++sinceYield >= this.yieldEvery) {
          sinceYield = 0;
          await onYield?.();
        }
        continue;
      }
      if (s.needsGeneration) {
        beforeLoad = handled;
        await s.loadGeneration();
        continue;
      }
      return this.finish();
    }
  }

  async run(onYield?: () => void | Promise<void>): Promise<AnalysisData> {
    while (await this.step(onYield)) await onYield?.();
    return this.data();
  }

  data(): AnalysisData {
    return { summaries: this.handlers.summaries.data(), owners: this.handlers.owners.data(), timeline: this.handlers.timeline.data(), counters: this.handlers.counters.data() };
  }

  /** At a Sync: a new generation's, or the closing one (or a broken trace's error Sync). */
  private enterGeneration(): void {
    const s = this.stream;
    if (s instanceof OrderedReader) {
      const at = s.generation;
      const last = this.generations[this.generations.length - 1];
      if (!at || last?.extent.index === at.index) return;
      this.generations.push({ extent: at, snapshot: s.snapshot() });
      this.handlers.owners.startGeneration(at.index);
    } else if (this.events === 0) {
      this.handlers.owners.startGeneration(0);
    }
  }

  private finish(): boolean {
    if (!this.finished) {
      this.finished = true;
      this.handlers.summaries.setFailure(this.stream.failure);
      for (const h of this.all) h.finalize();
    }
    return false;
  }
}
