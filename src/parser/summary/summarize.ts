/**
 * All the summaries of a trace in one pass over the ordered stream: goroutines, procs and
 * threads, tasks and regions, event counts per generation.
 *
 *   const s = new TraceSummarizer();
 *   await s.run(source, { onProgress });   // or feed events yourself: s.handleEvent(e) ... s.finalize()
 *   s.data()                               // TraceSummaries
 */
import type { ByteSource } from '../bytes/byteSource.js';
import type { OrderedEvent } from '../order/orderedEvent.js';
import { openEventStream, type EventStreamOptions } from '../stream/openEventStream.js';
import type { Problem } from '../problems.js';
import { AnnotationSummarizer, type Annotations } from './annotations.js';
import { EventCountSummarizer, type GenerationEventCounts } from './eventCounts.js';
import { GoroutineSummarizer } from './goroutines.js';
import type { GoroutineTable } from './goroutineTable.js';
import type { SummaryHandler } from './handler.js';
import { ProcSummarizer, type ProcSummary, type ThreadSummary } from './procs.js';

export interface TraceSummaries {
  /** One row per goroutine (a ReadonlyMap by ID; summaries are made on demand). */
  goroutines: GoroutineTable;
  procs: Map<number, ProcSummary>;
  threads: Map<number, ThreadSummary>;
  tasks: Annotations['tasks'];
  regions: Annotations['regions'];
  droppedTasks: number;
  droppedRegions: number;
  eventCounts: GenerationEventCounts[];
  /** Events of the ordered stream seen, and the first and last time (ns; NaN if none). */
  events: number;
  firstNs: number;
  lastNs: number;
  /** Generations entered (Sync events that open one). */
  generations: number;
  /** Go's error that ended the ordered stream early, if any. */
  failure?: Problem;
  done: boolean;
}

export interface RunOptions extends EventStreamOptions {
  /** Called after every generation is loaded (the pass is asynchronous only there) and every `yieldEvery` events. */
  onProgress?: (s: TraceSummarizer) => void | Promise<void>;
  yieldEvery?: number;
  /** Also called with every event (e.g. to index it). */
  onEvent?: (e: OrderedEvent) => void;
  /** Stop early when this returns true (checked at every progress point). */
  cancelled?: () => boolean;
}

export class TraceSummarizer implements SummaryHandler<TraceSummaries> {
  readonly goroutines = new GoroutineSummarizer();
  readonly procs = new ProcSummarizer();
  readonly annotations = new AnnotationSummarizer();
  readonly eventCounts = new EventCountSummarizer();
  private readonly handlers: SummaryHandler<unknown>[] = [this.goroutines, this.procs, this.annotations, this.eventCounts];
  private events = 0;
  private firstNs = NaN;
  private lastNs = NaN;
  private generations = 0;
  private failure: Problem | undefined;
  private done = false;

  reset(): void {
    for (const h of this.handlers) h.reset();
    this.events = 0;
    this.firstNs = this.lastNs = NaN;
    this.generations = 0;
    this.failure = undefined;
    this.done = false;
  }

  handleEvent(e: OrderedEvent): void {
    this.events++;
    if (Number.isNaN(this.firstNs)) this.firstNs = e.time;
    this.lastNs = e.time;
    if (e.kind === 'Sync') this.generations = Math.max(this.generations, e.sync!.n);
    // Called one by one, not in a loop over the handlers: each call site then sees one class,
    // and V8 can inline it (a loop's one call site sees four and is megamorphic).
    this.goroutines.handleEvent(e);
    this.procs.handleEvent(e);
    this.annotations.handleEvent(e);
    this.eventCounts.handleEvent(e);
  }

  /** Go's error that ended the stream (when the caller feeds the events itself). */
  setFailure(p: Problem | undefined): void {
    this.failure = p;
  }

  finalize(): void {
    for (const h of this.handlers) h.finalize();
    this.done = true;
  }

  data(): TraceSummaries {
    const { procs, threads } = this.procs.data();
    const a = this.annotations.data();
    return {
      goroutines: this.goroutines.data(),
      procs,
      threads,
      tasks: a.tasks,
      regions: a.regions,
      droppedTasks: a.droppedTasks,
      droppedRegions: a.droppedRegions,
      eventCounts: this.eventCounts.data(),
      events: this.events,
      firstNs: this.firstNs,
      lastNs: this.lastNs,
      // The Sync closing the trace is not a generation.
      generations: this.eventCounts.data().length,
      ...(this.failure ? { failure: this.failure } : {}),
      done: this.done,
    };
  }

  /** Runs the whole ordered stream of `source` through the handlers (after a reset), then finalizes. */
  async run(source: ByteSource, options: RunOptions = {}): Promise<TraceSummaries> {
    this.reset();
    const { onProgress, onEvent, cancelled, yieldEvery = 50_000, ...readerOptions } = options;
    // The handlers read each event once: its object may be reused, unless a caller sees it too.
    const r = await openEventStream(source, { reuseEvents: onEvent === undefined, ...readerOptions });
    let sinceYield = 0;
    for (;;) {
      const e = r.next();
      if (e) {
        this.handleEvent(e);
        onEvent?.(e);
        if (++sinceYield >= yieldEvery) {
          sinceYield = 0;
          await onProgress?.(this);
          if (cancelled?.()) break;
        }
        continue;
      }
      if (r.needsGeneration) {
        await r.loadGeneration();
        await onProgress?.(this);
        if (cancelled?.()) break;
        continue;
      }
      break;
    }
    if (r.failure) this.failure = r.failure;
    this.finalize();
    return this.data();
  }
}

/** The summaries of a trace, in one pass. */
export async function summarizeTrace(source: ByteSource, options: RunOptions = {}): Promise<TraceSummaries> {
  return new TraceSummarizer().run(source, options);
}
