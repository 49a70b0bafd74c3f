/**
 * The viewer's model of one trace, as the parse worker holds it: reads the trace generation by
 * generation (keeping the generation index and tables, not the events) and answers the webview's
 * questions: pages of rows, an event's details, filters, where a byte offset is.
 *
 * A thin router: the trace's format model (formatModel.ts: v2Model.ts or v1Model.ts) reads the
 * generations and answers for the generation tree; the analysis pass (src/analysis, analysisRun.ts),
 * run beside the reading, feeds the summary roots (summaryTree.ts); the event tree of a selected
 * row is eventTree.ts (one renderer for every event); the filter of each view is filterViews.ts.
 *
 * Pure: it reads through a ByteSource and knows nothing of VS Code, workers or files, so the
 * tests drive it directly.
 */
import { TimelineService } from './timelineService.js';
import { problemMarks } from './timelineMarks.js';
import type { TimelineMark, TimelinePlace } from '../../shared/timeline.js';
import { withOrderingFailure, type ByteSource, type Problem, type ProblemLimits, type TraceSummaries } from '../../parser/index.js';
import type { AnalysisData, TimelineOverview, TraceAnalysisView } from '../../analysis/index.js';
import type { Filter, ProblemItem, TraceSummary, TreeId, TreeNode } from '../../shared/protocol.js';
import { AnalysisRun } from './analysisRun.js';
import { EventTree } from './eventTree.js';
import type { FilterContext } from './filter.js';
import { FilterViews, type FilterAnswer } from './filterViews.js';
import type { FormatModel } from './formatModel.js';
import type { GenerationInfo } from './generationIndex.js';
import { indexSummaries, summaryRootRow, SUMMARY_ROOT_COUNT } from './goroutineNodes.js';
import { openFormatModel } from './openFormatModel.js';
import { generationPathTo } from './generationPath.js';
import { parseNodeId, SUMMARY_REF_KINDS, type NodeLocation, type SummaryOwner } from './nodeIds.js';
import { OwnerEventPages } from './ownerEventPages.js';
import { pageOf, type Page } from './paging.js';
import { pendingSummaryRootRow } from './pendingRoots.js';
import { ProblemSeverities, toProblemItems } from './problemNodes.js';
import { flightRecorderWindow, makeSummary } from './summary.js';
import type { SummaryEventEntry } from './summaryEvents.js';
import { SummaryTree } from './summaryTree.js';
import { tableChildren } from './tableNodes.js';
import { TraceStats } from './traceStats.js';

export type { FilterStatus } from './filterViews.js';
export type { NodeLocation } from './nodeIds.js';

export interface TraceModelOptions {
  problemLimits?: ProblemLimits;
  /** Decoded batches kept for paging. */
  batchCacheSize?: number;
  /**
   * Build the timeline's spans and overview in the pass (the Timeline pane reads them; the parse
   * worker asks for them). It adds about 60% to the pass; the tests and the CLI need not pay it.
   */
  timeline?: boolean;
  /** Events the pass handles between two yields (AnalysisRun's default otherwise). */
  passYieldEvery?: number;
}

const EMPTY: Page<TreeNode> = { total: 0, items: [] };

/** Lets the worker's other requests (and the pass) run between two parts of a long request. */
const yieldToRequests = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export class TraceModel {
  readonly generations: GenerationInfo[] = [];
  readonly stats = new TraceStats();
  /** The trace's format model, once open() read the header. */
  private format: FormatModel | undefined;
  private opened = false;
  private readonly filters = new FilterViews(() => this.filterContext(), () => this.stats.events);
  private readonly severities = new ProblemSeverities(this.generations, (id) => this.pathTo(id));
  private readonly tree = new SummaryTree(this.generations, (e) => this.format?.locateEntry(e) ?? Promise.resolve(undefined));
  private readonly events = new EventTree(() => this.format, this.tree, this.generations);
  /** The one ordered pass (src/analysis), run beside the reading: what the summary roots, a filter on an owner and the timeline read. */
  private readonly run: AnalysisRun;
  /** The ordered stream's failure, placed at its row by the format model. */
  private failure: Problem | undefined;

  constructor(
    readonly source: ByteSource,
    readonly fileName: string,
    private readonly options: TraceModelOptions = {},
  ) {
    this.run = new AnalysisRun(source, options.timeline === true, options.passYieldEvery);
  }

  /** Why the pass stopped, when an exception stopped it (a bug). */
  get passError(): string | undefined {
    return this.run.error;
  }

  /** Reads the header and opens the format's model. Never throws for bad input: a file that is not a trace gets a problem. */
  async open(): Promise<void> {
    this.opened = true;
    this.format = await openFormatModel(this.source, this.generations, this.stats, {
      ...(this.options.problemLimits ? { problemLimits: this.options.problemLimits } : {}),
      cacheSize: this.options.batchCacheSize ?? 8,
    });
  }

  /** Whether the trace is a v1 (Go 1.11–1.21) one. */
  get isV1(): boolean {
    return this.format?.kind === 'v1';
  }

  get done(): boolean {
    return this.format?.done ?? false;
  }

  /** Reads, indexes and counts the next generation; false once there is none. */
  async readNextGeneration(): Promise<boolean> {
    if (!this.format) throw new Error('TraceModel.open() was not called');
    return this.format.readNextGeneration();
  }

  /**
   * Reads every generation, calling `onGeneration` after each, and runs the analysis pass beside
   * it, a generation behind (calling `onYield` every few thousand events, so the caller can
   * answer requests): when the last generation is read, every summary is ready too.
   */
  async readAll(onGeneration?: () => void | Promise<void>, onYield?: () => void | Promise<void>): Promise<void> {
    if (!this.opened) await this.open();
    await this.startPass();
    while (await this.readNextGeneration()) {
      await onGeneration?.();
      await this.stepPass(onYield);
    }
    await this.finishPass(onYield);
  }

  get parsedBytes(): number {
    return this.format?.parsedBytes ?? 0;
  }

  /** Time of the trace's first event: what every "+time" in a label counts from. */
  get traceStartNs(): number {
    return Number.isNaN(this.stats.firstNs) ? 0 : this.stats.firstNs;
  }

  /** The reading's problems, and the error that ended the ordered stream (once summarized), placed at its row. */
  get problems(): readonly Problem[] {
    const read = this.format?.readProblems ?? [];
    const failure = this.failure;
    if (!failure) return read;
    if (this.withFailure?.read !== read.length || this.withFailure.failure !== failure) this.withFailure = { read: read.length, failure, all: withOrderingFailure(read, failure) };
    return this.withFailure.all;
  }

  private withFailure: { read: number; failure: Problem; all: Problem[] } | undefined;

  /** Problems the bound on the problem list left out. */
  get omittedProblems(): number {
    return this.format?.omittedProblems ?? 0;
  }

  problemItems(): ProblemItem[] {
    // Each cause followed by what follows from it (groupProblems).
    return toProblemItems(this.problems, this.generations);
  }

  summary(): TraceSummary {
    const summary = makeSummary({
      fileName: this.fileName,
      fileSize: this.source.size,
      header: this.format?.header,
      generations: this.generations,
      stats: this.stats,
      problems: this.problems,
      parsedBytes: this.parsedBytes,
      done: this.done,
    });
    if (this.run.state) summary.summaries = this.run.state;
    const s = this.tree.index;
    if (s) {
      summary.goroutines = s.goroutines.length;
      summary.tasks = s.data.tasks.length;
      summary.regions = s.data.regions.length;
    }
    return summary;
  }

  /** The Timeline view's layout, lanes and slices: from the pass's data, and while it runs from what it has passed. */
  readonly timeline = new TimelineService(() => ({ data: this.run.data, view: this.run.view, soFar: this.run.soFar(), genNumber: (k) => this.generations[k]?.genNumber ?? k + 1, firstNs: this.stats.firstNs, lastNs: this.stats.lastNs, marks: this.marks, windowText: this.windowText() }), yieldToRequests);

  /** The problems at their times, for the timeline's ruler (timelineMarks.ts); made when the pass ends. */
  private marks: TimelineMark[] | undefined;

  /** A flight-recorder snapshot's window ("generations 41–45 of the run"), for the timeline's ruler. */
  private windowText(): string | undefined {
    const g = this.generations;
    return g.length ? flightRecorderWindow(g[0].genNumber, g[g.length - 1].genNumber) : undefined;
  }

  /** The timeline's overview (chunks, GC periods) from the pass; undefined until it is done. */
  get timelineOverview(): TimelineOverview | undefined {
    return this.run.data?.timeline;
  }

  /** What the analysis pass left (summaries, owner index, timeline overview); undefined until it is done. */
  get analysisData(): AnalysisData | undefined {
    return this.run.data;
  }

  /** The pass's view over the file (its ByteSource, the owner index, each generation's start state); undefined until it is done. */
  get analysis(): TraceAnalysisView | undefined {
    return this.run.view;
  }

  /** The summaries of the ordered stream, once computed (see summarize). */
  get summaries(): TraceSummaries | undefined {
    return this.tree.index?.data;
  }

  /** Root rows: Goroutines, Procs, Threads, Tasks, Regions and Event counts (computing, then done), then the generations. */
  rootCount(): number {
    return this.summaryRootCount + this.generations.length;
  }

  /** The summary roots shown: all of them from the start while they can be computed (pendingRoots.ts), none where they cannot. */
  private get summaryRootCount(): number {
    const computable = this.run.state === undefined && this.format?.summarizable === true;
    return this.tree.index || this.run.state === 'computing' || computable ? SUMMARY_ROOT_COUNT : 0;
  }

  private startPass(): Promise<void> {
    return this.run.start(this.format?.summarizable === true);
  }

  private stepPass(onYield?: () => void | Promise<void>): Promise<void> {
    return this.run.step(onYield);
  }

  private finishPass(onYield?: () => void | Promise<void>): Promise<void> {
    return this.run.finish(onYield, async (data, view) => {
      if (data.summaries.failure && this.format) this.failure = await this.format.placeProblem(data.summaries.failure);
      // Before the pass says done: the timeline's complete layout has its problems' marks.
      const format = this.format;
      if (format) this.marks = await problemMarks({ problems: this.problems, generations: this.generations, event: (at) => format.event(at) });
      this.tree.pages = new OwnerEventPages(view);
      this.tree.index = indexSummaries(data.summaries);
    });
  }

  /**
   * The summaries (goroutines, procs, threads, tasks, regions, event counts): those readAll
   * computed, or the analysis pass run now, alone. Undefined for a trace without them (before Go
   * 1.22 in the v2 reader's sense, or not a trace).
   */
  async summarize(onProgress?: () => void | Promise<void>): Promise<TraceSummaries | undefined> {
    if (!this.opened) await this.open();
    if (!this.tree.index) {
      await this.startPass();
      await this.finishPass(onProgress);
    }
    return this.tree.index?.data;
  }

  eventTypeNames(): string[] {
    return this.stats.eventTypeNames();
  }

  // ---- Pages of rows -------------------------------------------------------------------------

  /** Rows under `parentId` ("" for the roots), a page at a time. Unknown IDs give an empty page. */
  async getChildren(view: string, tree: TreeId, parentId: string, offset: number, limit: number): Promise<Page<TreeNode>> {
    const ref = parseNodeId(parentId);
    if (!ref) return EMPTY;
    if (tree === 'event') return this.events.children(ref, parentId, offset, limit, this.traceStartNs);
    const start = this.traceStartNs;
    if (ref.kind === 'root') {
      const matches = this.filters.rows(view, offset, limit);
      if (matches) return this.withSeverity(await matches);
      // The summary roots first (computing, then done), then the generations.
      const k = this.summaryRootCount;
      const s = this.tree.index;
      const numbers = this.generations.map((g) => g.genNumber);
      const summaryRow = (i: number): TreeNode => (s ? summaryRootRow(s, i, numbers) : pendingSummaryRootRow(i, this.source.size > 0 ? this.parsedBytes / this.source.size : 0));
      return this.withSeverity(pageOf(this.rootCount(), offset, limit, (i) => (i < k ? summaryRow(i) : this.format!.generationRow(this.generations[i - k], start))));
    }
    if (SUMMARY_REF_KINDS.has(ref.kind)) return this.tree.children(ref, offset, limit, start);
    if (!('genIndex' in ref)) return EMPTY;
    const g = this.generations[ref.genIndex];
    if (!g || !this.format) return EMPTY;
    const page = this.format.children(g, ref, offset, limit, start);
    if (page) return this.withSeverity(await page);
    return tableChildren(g, ref, offset, limit, start) ?? EMPTY;
  }

  /** Marks each row with the worst problem at or under it. */
  private withSeverity(page: Page<TreeNode>): Page<TreeNode> {
    const sev = this.severities.of(this.problems);
    for (const n of page.items) {
      const s = sev.get(n.id);
      if (s) n.severity = s;
    }
    return page;
  }

  /** Events of one goroutine, proc or thread, a page at a time (ownerEventPages.ts). */
  summaryEvents(owner: SummaryOwner, id: number, from = 0, count = Number.MAX_SAFE_INTEGER): Promise<SummaryEventEntry[]> {
    return this.tree.events(owner, id, from, count);
  }

  /** The event tree's roots for an event (of the generation tree or an owner's), or a row's facts; undefined if there is none. */
  eventDetails(nodeId: string): Promise<TreeNode[] | undefined> {
    return this.events.details(nodeId, this.traceStartNs);
  }

  /** "Copy Event": the event as readable lines. */
  eventText(nodeId: string): Promise<string | undefined> {
    return this.events.text(nodeId, this.traceStartNs);
  }

  // ---- Filters -------------------------------------------------------------------------------

  /**
   * Sets the filter of a view and starts its run (filter.ts), which goes on in the background:
   * returns once the first matches are found (or after a quarter second, or when done), with the
   * count so far; filterProgress gives the count as it grows. An error text for an unusable
   * filter; undefined if a newer filter replaced it meanwhile.
   */
  setFilter(view: string, filter: Filter): Promise<FilterAnswer> {
    return this.filters.set(view, filter);
  }

  /**
   * The count of a view's filter run `run` once it changed (or after `waitMs`, or when done);
   * undefined if the view has another filter now.
   */
  filterProgress(view: string, run: number, waitMs = 250): Promise<FilterAnswer> {
    return this.filters.progress(view, run, waitMs);
  }

  private filterContext(): FilterContext {
    const format = this.format;
    const traceStartNs = this.traceStartNs;
    const env = {
      traceStartNs,
      readingDone: () => this.done,
      generationStarts: () => this.run.view?.generations ?? [],
    };
    return {
      generations: this.generations,
      traceStartNs,
      wireSource: (q) => format!.filterSource(q, env),
      ...(format?.wireTypeAt ? { wireTypeAt: format.wireTypeAt } : {}),
      analysis: () => (this.run.view ? this.run.view : this.run.state === 'computing' ? 'pending' : undefined),
      page: (kind, id, from, count) => this.tree.pages?.page(kind, id, from, count) ?? Promise.resolve([]),
    };
  }

  hasFilter(view: string): boolean {
    return this.filters.has(view);
  }

  /** Forgets a closed view's filter. */
  dropView(view: string): void {
    this.filters.drop(view);
  }

  // ---- Locating nodes ------------------------------------------------------------------------

  /** The ancestors of a node in the generation tree (root excluded, the node itself excluded). */
  pathTo(nodeId: string): NodeLocation | undefined {
    const ref = parseNodeId(nodeId);
    if (!ref || ref.kind === 'root') return undefined;
    if (SUMMARY_REF_KINDS.has(ref.kind)) return this.tree.pathTo(ref, nodeId);
    if (!('genIndex' in ref)) return undefined;
    const g = this.generations[ref.genIndex];
    return g && this.format && generationPathTo(this.format, g, ref, nodeId);
  }

  /** Where a tree row is on the timeline ("Show in Timeline"); undefined until the pass is done, or if it has no place. */
  timelinePlace(nodeId: string): Promise<TimelinePlace | undefined> {
    const format = this.format;
    return this.timeline.place(
      nodeId,
      { wireEvent: async (at) => format?.event(at), ownerEvent: (r) => this.tree.eventView(r) },
      // The timeline's chunks are the generations (a v1 trace: one).
      (offset) => {
        const k = this.generations.findIndex((x) => offset >= x.offset && offset < Math.max(x.end, x.offset + 1));
        return k < 0 ? undefined : k;
      },
    );
  }

  /** The deepest row that contains a byte offset: an event, a batch, or a generation. */
  async locateOffset(offset: number): Promise<NodeLocation | undefined> {
    if (!Number.isSafeInteger(offset) || offset < 0) return undefined;
    const g = this.generations.find((x) => offset >= x.offset && offset < Math.max(x.end, x.offset + 1));
    if (!g || !this.format) return undefined;
    return this.pathTo(await this.format.locateOffset(g, offset));
  }

}
