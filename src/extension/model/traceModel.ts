/**
 * The viewer's model of one trace, as the parse worker holds it: reads the trace generation by
 * generation (keeping the generation index and tables, not the events) and answers the webview's
 * questions: pages of rows, an event's details, filters, where a byte offset is.
 *
 * Pure: it reads through a ByteSource and knows nothing of VS Code, workers or files, so the
 * tests drive it directly.
 */
import { BatchKind, EventColumns, openTrace, TraceReader, viewEvent, withOrderingFailure, type ByteSource, type Problem, type ProblemLimits, type TraceHeader, type TraceSummaries } from '../../parser/index.js';
import { AnalysisPass, type TimelineOverview, type TraceAnalysisView } from '../../analysis/index.js';
import { locateEntry, OwnerEventPages } from './ownerEventPages.js';
import { pendingSummaryRootRow } from './pendingRoots.js';
import { goroutineRow, indexSummaries, summaryRootRow, SUMMARY_ROOT_COUNT, type SummaryIndex } from './goroutineNodes.js';
import { annotationChildren, annotationDetails, annotationText } from './taskNodes.js';
import { annotationPathTo } from './taskTree.js';
import { eventCountsGenerationRow, eventCountsTypeRow, sortedCounts } from './eventCountNodes.js';
import { osThreadRow, procRow } from './procNodes.js';
import {
  summaryEventDetailRoots,
  summaryEventFrameRow,
  summaryEventRow,
  summaryEventText,
  summaryFrameRow,
  type SummaryEventEntry,
  type WireLocation,
} from './summaryEvents.js';
import type { Filter, ProblemItem, TraceSummary, TreeId, TreeNode } from '../../shared/protocol.js';
import { BatchCache } from './batchCache.js';
import { eventDetailRoots, eventFrameRow, eventRow } from './eventNodes.js';
import { eventText } from './eventText.js';
import { nodeDetails } from './nodeDetails.js';
import { filterError, isEmptyFilter, runState, startFilter, type FilterContext, type FilterRun } from './filter.js';
import { batchRow, generationRow, noThreadRow, threadRow } from './generationNodes.js';
import { addEventsToIndex, indexGeneration, threadOfBatch, type GenerationInfo } from './generationIndex.js';
import {
  batchId,
  eventId,
  generationId,
  noThreadId,
  parseNodeId,
  samplesTableId,
  sampleId,
  stacksTableId,
  stringsTableId,
  tableStackId,
  threadId,
  v1ProcId,
  type NodeRef,
  EVENT_COUNTS_ID,
  eventCountsGenerationId,
  PROCS_ID,
  THREADS_ID,
  SUMMARY_REF_KINDS,
  summaryEventId,
  summaryEventOf,
  summaryOwnerNodeId,
  type SummaryEventRef,
  type SummaryOwner,
} from './nodeIds.js';

/** How long setFilter waits for a filter's first matches before it answers with none yet. */
const FIRST_MATCHES_MS = 250;

/** A view's filter as far as its run got: `run` numbers the view's setFilter calls (for filterProgress). */
export interface FilterStatus {
  run: number;
  matches: number;
  done: boolean;
  /** The run waits for the analysis pass (a filter on a goroutine, proc or thread). */
  waiting?: boolean;
}

/** The root row of each owner's list. */
const OWNER_ROOT: Record<SummaryOwner, string> = { goroutine: 'goroutines', proc: PROCS_ID, thread: THREADS_ID };
import { pageOf, pageWindow, type Page } from './paging.js';
import { problemNodeId, toProblemItems } from './problemNodes.js';
import { makeSummary } from './summary.js';
import { sampleFrameRows, sampleRow, samplesTableRow, stackFrameRows, stackRow, stacksTableRow, stringRow, stringsTableRow, tableIds } from './tableNodes.js';
import { TraceStats } from './traceStats.js';
import { V1EventCache, viewV1Event } from './v1EventView.js';
import { indexV1Trace } from './v1Index.js';
import { v1BatchRow, v1EventDetailRoots, v1EventRow, v1EventText, v1GenerationRow, v1ProcRow } from './v1Nodes.js';

export interface TraceModelOptions {
  problemLimits?: ProblemLimits;
  /** Decoded batches kept for paging. */
  batchCacheSize?: number;
}

/** Where a node is: the IDs of its ancestors from the root down, and its own ID. */
export interface NodeLocation {
  path: string[];
  select: string;
}

export class TraceModel {
  readonly generations: GenerationInfo[] = [];
  readonly stats = new TraceStats();
  private reader: TraceReader | undefined;
  private header: TraceHeader | undefined;
  private opened = false;
  private readonly cache: BatchCache;
  /** A v1 trace's raw events, read again a chunk at a time. */
  private readonly v1Events: V1EventCache;
  /** A v1 trace's problems of the raw reading (at most one), and the ordered stream's failure placed at its row. */
  private readonly v1ReadProblems: Problem[] = [];
  private v1Failure: Problem | undefined;
  private readonly columns = new EventColumns(1 << 14);
  private finished = false;
  /** Active filter per view (editor panel); absent: no filter. */
  private readonly filters = new Map<string, FilterRun>();
  /** Bumped per view on every setFilter, so an older, slower filter run gives up. */
  private readonly filterRuns = new Map<string, number>();
  private severityCache: { key: string; map: Map<string, 'error' | 'warning' | 'info'> } | undefined;
  private summaryIndex: SummaryIndex | undefined;
  private summaryState: TraceSummary['summaries'];
  /** The one ordered pass (src/analysis), run beside the reading; undefined once done or where there are no summaries. */
  private pass: AnalysisPass | undefined;
  /** Goroutines', procs' and threads' events, re-derived a page at a time from the pass's index. */
  private ownerPages: OwnerEventPages | undefined;
  /** The pass's view once it is done: what a filter on an owner reads (filter.ts). */
  private analysisView: TraceAnalysisView | undefined;
  /** The timeline's resident overview, once the pass is done. */
  private timeline: TimelineOverview | undefined;
  /** Why the pass stopped, when an exception stopped it (a bug). */
  passError: string | undefined;

  constructor(
    readonly source: ByteSource,
    readonly fileName: string,
    private readonly options: TraceModelOptions = {},
  ) {
    this.cache = new BatchCache(source, options.batchCacheSize ?? 8);
    this.v1Events = new V1EventCache(source, options.batchCacheSize ?? 8);
  }

  /**
   * Reads the header. Never throws for bad input: a file that is not a trace gets a problem. A v1
   * (Go 1.11–1.21) trace is read by readNextGeneration as one generation (v1Index.ts), not by
   * the v2 TraceReader.
   */
  async open(): Promise<void> {
    this.opened = true;
    const trace = await openTrace(this.source);
    if (trace.kind === 'v1') {
      this.header = trace.header;
      return;
    }
    this.reader = await trace.openTraceReader(this.options.problemLimits ? { problemLimits: this.options.problemLimits } : {});
    this.header = this.reader.header;
  }

  /** Whether the trace is a v1 (Go 1.11–1.21) one. */
  get isV1(): boolean {
    return this.header?.v1 === true;
  }

  get done(): boolean {
    return this.finished;
  }

  /** Reads, indexes and counts the next generation; false once there is none. */
  async readNextGeneration(): Promise<boolean> {
    if (this.isV1) return this.readV1();
    const reader = this.requireReader();
    if (this.finished) return false;
    const g = await reader.nextGeneration();
    if (!g) {
      this.finished = true;
      return false;
    }
    // Batch by batch: a generation can hold millions of events, and only counts are kept.
    const info = indexGeneration(g);
    for (let i = 0; i < g.batches.length; i++) {
      this.columns.clear();
      await reader.decodeBatch(g, i, this.columns);
      addEventsToIndex(info, this.columns);
      this.stats.addEvents(this.columns);
    }
    this.generations.push(info);
    this.stats.addGeneration(info);
    return true;
  }

  /** A v1 trace: its one generation, indexed from the whole file (read once), on the first call. */
  private async readV1(): Promise<boolean> {
    if (this.finished) return false;
    if (this.generations.length > 0) {
      this.finished = true;
      return false;
    }
    const { generation, problem } = await indexV1Trace(this.source, this.header!.headerSize, this.header!.version);
    if (problem) this.v1ReadProblems.push(problem);
    if (!generation) {
      this.finished = true;
      return false;
    }
    if (generation.v1!.error) this.v1ReadProblems.push(generation.v1!.error);
    this.generations.push(generation);
    this.stats.addV1Generation(generation);
    return true;
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
    if (this.isV1) return this.finished || this.generations.length > 0 ? this.source.size : 0;
    return this.finished ? this.source.size : (this.reader?.position ?? 0);
  }

  /** Time of the trace's first event: what every "+time" in a label counts from. */
  get traceStartNs(): number {
    return Number.isNaN(this.stats.firstNs) ? 0 : this.stats.firstNs;
  }

  /**
   * The reader's problems, and the error that ended the ordered stream (once summarized). A v1
   * trace: the raw reading's error, and Go's error for the trace (the v1 reader's), each placed
   * at its raw event's row.
   */
  get problems(): readonly Problem[] {
    const read = this.isV1 ? this.v1ReadProblems : (this.reader?.problems.items ?? []);
    const failure = this.isV1 ? this.v1Failure : this.summaryIndex?.data.failure;
    if (!failure) return read;
    if (this.withFailure?.read !== read.length || this.withFailure.failure !== failure) this.withFailure = { read: read.length, failure, all: withOrderingFailure(read, failure) };
    return this.withFailure.all;
  }

  private withFailure: { read: number; failure: Problem; all: Problem[] } | undefined;

  /** Problems the bound on the problem list left out. */
  get omittedProblems(): number {
    return this.reader?.problems.omittedCount ?? 0;
  }

  problemItems(): ProblemItem[] {
    // Each cause followed by what follows from it (groupProblems).
    return toProblemItems(this.problems, this.generations);
  }

  summary(): TraceSummary {
    const summary = makeSummary({
      fileName: this.fileName,
      fileSize: this.source.size,
      header: this.header,
      generations: this.generations,
      stats: this.stats,
      problems: this.problems,
      parsedBytes: this.parsedBytes,
      done: this.finished,
    });
    if (this.summaryState) summary.summaries = this.summaryState;
    const s = this.summaryIndex;
    if (s) {
      summary.goroutines = s.goroutines.length;
      summary.tasks = s.data.tasks.length;
      summary.regions = s.data.regions.length;
    }
    return summary;
  }

  /** The summaries of the ordered stream, once computed (see summarize). */
  /** The timeline's overview (chunks, GC periods) from the pass; undefined until it is done. */
  get timelineOverview(): TimelineOverview | undefined {
    return this.timeline;
  }

  get summaries(): TraceSummaries | undefined {
    return this.summaryIndex?.data;
  }

  /** Root rows: the generations, then (once the summaries are done) Goroutines, Procs, Threads, Tasks, Regions and Event counts. */
  rootCount(): number {
    return this.summaryRootCount + this.generations.length;
  }

  /** The summary roots shown: all of them from the start while they can be computed (pendingRoots.ts), none where they cannot. */
  private get summaryRootCount(): number {
    return this.summaryIndex || this.summaryState === 'computing' || (this.summaryState === undefined && this.summarizable) ? SUMMARY_ROOT_COUNT : 0;
  }

  /** Whether the trace gets summaries (v1, or Go 1.22+). */
  private get summarizable(): boolean {
    const h = this.header;
    return h !== undefined && (h.v1 || h.version >= 22);
  }

  private async startPass(): Promise<void> {
    if (this.pass || this.summaryState !== undefined) return;
    if (!this.summarizable) {
      this.summaryState = 'unavailable';
      return;
    }
    this.summaryState = 'computing';
    this.pass = await AnalysisPass.open(this.source, { yieldEvery: 20_000 });
  }

  /** One generation of the pass (v1: all of it). An exception is a bug: the summaries are then unavailable. */
  private async stepPass(onYield?: () => void | Promise<void>): Promise<void> {
    try {
      await this.pass?.step(onYield);
    } catch (e) {
      // A bug, not bad input (the stream reports that as its failure): the rest stays usable.
      this.pass = undefined;
      this.summaryState = 'unavailable';
      this.passError = e instanceof Error ? e.message : String(e);
      return;
    }
  }

  private async finishPass(onYield?: () => void | Promise<void>): Promise<void> {
    const pass = this.pass;
    if (!pass) return;
    try {
      while (await pass.step(onYield)) await onYield?.();
    } catch (e) {
      // A bug, not bad input (the stream reports that as its failure): the rest stays usable.
      this.pass = undefined;
      this.summaryState = 'unavailable';
      this.passError = e instanceof Error ? e.message : String(e);
      return;
    }
    const data = pass.data();
    if (this.header?.v1 && data.summaries.failure) this.v1Failure = await this.placeV1Problem(data.summaries.failure);
    const view: TraceAnalysisView = { source: this.source, owners: data.owners, generations: pass.generations };
    this.ownerPages = new OwnerEventPages(view);
    this.analysisView = view;
    this.timeline = data.timeline;
    this.summaryIndex = indexSummaries(data.summaries);
    this.summaryState = 'done';
    this.pass = undefined;
  }

  /**
   * The summaries (goroutines, procs, threads, tasks, regions, event counts): those readAll
   * computed, or the analysis pass run now, alone. Undefined for a trace without them (before Go
   * 1.22 in the v2 reader's sense, or not a trace).
   */
  async summarize(onProgress?: () => void | Promise<void>): Promise<TraceSummaries | undefined> {
    if (!this.opened) await this.open();
    if (!this.summaryIndex) {
      await this.startPass();
      await this.finishPass(onProgress);
    }
    return this.summaryIndex?.data;
  }

  eventTypeNames(): string[] {
    return this.stats.eventTypeNames();
  }

  /** A v1 problem (a byte offset only) placed at the raw event, or the batch, holding its byte. */
  private async placeV1Problem(p: Problem): Promise<Problem> {
    const g = this.generations[0];
    if (!g?.v1 || p.generationIndex !== undefined) return p;
    const at = await this.v1Events.locate(g, p.offset);
    return {
      ...p,
      generation: g.gen,
      generationIndex: g.index,
      ...(at ? { batch: at.batch } : {}),
      ...(at?.event !== undefined ? { event: at.event } : {}),
    };
  }

  // ---- Pages of rows -------------------------------------------------------------------------

  /** Rows under `parentId` ("" for the roots), a page at a time. Unknown IDs give an empty page. */
  async getChildren(view: string, tree: TreeId, parentId: string, offset: number, limit: number): Promise<Page<TreeNode>> {
    const ref = parseNodeId(parentId);
    if (!ref) return { total: 0, items: [] };
    if (tree === 'event') return this.eventTreeChildren(ref, parentId, offset, limit);
    const start = this.traceStartNs;
    const withSeverity = (page: Page<TreeNode>): Page<TreeNode> => {
      const sev = this.severities();
      for (const n of page.items) {
        const s = sev.get(n.id);
        if (s) n.severity = s;
      }
      return page;
    };
    if (ref.kind === 'root') {
      const matches = this.filters.get(view);
      if (matches) return withSeverity(await this.matchRows(matches, offset, limit));
      // The summary roots first (computing, then done), then the generations.
      const k = this.summaryRootCount;
      const numbers = this.generations.map((g) => g.gen);
      const genRow = (g: GenerationInfo): TreeNode => (g.v1 ? v1GenerationRow(g, start) : generationRow(g, start));
      const summaryRow = (i: number): TreeNode =>
        this.summaryIndex ? summaryRootRow(this.summaryIndex, i, numbers) : pendingSummaryRootRow(i, this.source.size > 0 ? this.parsedBytes / this.source.size : 0);
      return withSeverity(pageOf(this.rootCount(), offset, limit, (i) => (i < k ? summaryRow(i) : genRow(this.generations[i - k]))));
    }
    if (SUMMARY_REF_KINDS.has(ref.kind)) return this.summaryChildren(ref, offset, limit);
    if (!('gen' in ref)) return { total: 0, items: [] };
    const g = this.generations[ref.gen];
    if (!g) return { total: 0, items: [] };
    if (g.v1) {
      const page = await this.v1Children(g, ref, offset, limit);
      if (page) return withSeverity(page);
    }
    switch (ref.kind) {
      case 'generation': {
        const rows: (() => TreeNode)[] = g.threads.map((m) => () => threadRow(g, m));
        if (g.batchesByThread.has(-1)) rows.push(() => noThreadRow(g));
        rows.push(() => stringsTableRow(g), () => stacksTableRow(g));
        if (g.tables.cpuSamples.length > 0) rows.push(() => samplesTableRow(g));
        return withSeverity(pageOf(rows.length, offset, limit, (i) => rows[i]()));
      }
      case 'thread':
      case 'noThread': {
        const list = g.batchesByThread.get(ref.kind === 'thread' ? ref.m : -1) ?? [];
        return withSeverity(pageOf(list.length, offset, limit, (i) => batchRow(g, list[i], start)));
      }
      case 'batch': {
        const b = g.batches[ref.batch];
        if (!b || b.kind !== BatchKind.Events) return { total: 0, items: [] };
        const columns = await this.cache.events(g, ref.batch);
        const total = columns.length;
        return withSeverity(pageOf(total, offset, limit, (i) => eventRow(viewEvent(columns, i, g.tables), eventId(g.index, ref.batch, i), start)));
      }
      case 'stringsTable': {
        const ids = tableIds(g.tables.strings);
        return pageOf(ids.length, offset, limit, (i) => stringRow(g, ids[i]));
      }
      case 'stacksTable': {
        const ids = tableIds(g.tables.stacks);
        return pageOf(ids.length, offset, limit, (i) => stackRow(g, ids[i]));
      }
      case 'tableStack': {
        const total = g.tables.framesOf(ref.id).length;
        const { start: from, end } = pageWindow(total, offset, limit);
        return { total, items: stackFrameRows(g.tables, g.index, ref.id, from, end) };
      }
      case 'samplesTable':
        return pageOf(g.tables.cpuSamples.length, offset, limit, (i) => sampleRow(g, i, start));
      case 'sample': {
        const s = g.tables.cpuSamples[ref.sample];
        const total = s ? g.tables.framesOf(s.stack).length : 0;
        const { start: from, end } = pageWindow(total, offset, limit);
        return { total, items: sampleFrameRows(g, ref.sample, from, end) };
      }
      default:
        return { total: 0, items: [] };
    }
  }

  /** The rows of a v1 trace's generation, Ps and batches; undefined for the tables (as in v2). */
  private async v1Children(g: GenerationInfo, ref: NodeRef, offset: number, limit: number): Promise<Page<TreeNode> | undefined> {
    const start = this.traceStartNs;
    switch (ref.kind) {
      case 'generation': {
        const rows: (() => TreeNode)[] = g.threads.map((p) => () => v1ProcRow(g, p));
        rows.push(() => stringsTableRow(g), () => stacksTableRow(g));
        if (g.tables.cpuSamples.length > 0) rows.push(() => samplesTableRow(g));
        return pageOf(rows.length, offset, limit, (i) => rows[i]());
      }
      case 'v1Proc': {
        const list = g.batchesByThread.get(ref.p) ?? [];
        return pageOf(list.length, offset, limit, (i) => v1BatchRow(g, list[i], start));
      }
      case 'thread':
      case 'noThread':
        return { total: 0, items: [] };
      case 'batch': {
        const b = g.batches[ref.batch];
        if (!b) return { total: 0, items: [] };
        const { start: from, end } = pageWindow(b.eventCount, offset, limit);
        const rows = await this.v1Events.events(g, ref.batch, from, end);
        return {
          total: b.eventCount,
          items: rows.map((row, k) => v1EventRow(viewV1Event(row, ref.batch, g.v1!, g.tables), eventId(g.index, ref.batch, from + k), start)),
        };
      }
      default:
        return undefined;
    }
  }

  // ---- Goroutines, procs, threads, tasks, regions, event counts --------------------------------

  private async summaryChildren(ref: NodeRef, offset: number, limit: number): Promise<Page<TreeNode>> {
    const s = this.summaryIndex;
    if (!s) return { total: 0, items: [] };
    const start = this.traceStartNs;
    const end = Number.isNaN(s.data.lastNs) ? start : s.data.lastNs;
    const pages = this.ownerPages;
    const events = (owner: SummaryOwner, id: number): number => pages?.total(owner, id) ?? 0;
    switch (ref.kind) {
      case 'goroutines':
        return pageOf(s.goroutines.length, offset, limit, (i) => {
          const g = s.goroutines.at(i);
          return goroutineRow(g, start, end, events('goroutine', g.id));
        });
      case 'procs':
        return pageOf(s.procs.length, offset, limit, (i) => procRow(s.procs[i], start, events('proc', s.procs[i].id)));
      case 'threads':
        return pageOf(s.threads.length, offset, limit, (i) => osThreadRow(s.threads[i], start, events('thread', s.threads[i].id)));
      case 'goroutine':
      case 'proc':
      case 'osThread': {
        const [owner, id] = ref.kind === 'goroutine' ? ['goroutine', ref.goroutine] as const : ref.kind === 'proc' ? ['proc', ref.proc] as const : ['thread', ref.thread] as const;
        if (!this.hasOwner(owner, id) || !pages) return { total: 0, items: [] };
        const total = pages.total(owner, id);
        const { start: from, end: to } = pageWindow(total, offset, limit);
        const list = await pages.page(owner, id, from, to - from);
        return { total, items: list.map((e, k) => summaryEventRow(owner, id, from + k, e, start, e.sourceOffset)) };
      }
      case 'goroutineEvent':
      case 'procEvent':
      case 'threadEvent': {
        const r = summaryEventOf(ref)!;
        const e = await this.summaryEvent(r);
        const frames = e?.frames ?? [];
        return pageOf(frames.length, offset, limit, (i) => summaryFrameRow(r.owner, r.id, r.event, i, frames[i]));
      }
      case 'tasks':
      case 'task':
      case 'taskLog':
      case 'regions':
        return annotationChildren(s, ref, offset, limit, start) ?? { total: 0, items: [] };
      case 'eventCounts': {
        const numbers = this.generations.map((g) => g.gen);
        return pageOf(s.data.eventCounts.length, offset, limit, (i) => eventCountsGenerationRow(s.data.eventCounts[i], i, numbers));
      }
      case 'eventCountsGeneration': {
        const c = s.data.eventCounts[ref.gen];
        if (!c) return { total: 0, items: [] };
        const sorted = sortedCounts(c);
        return pageOf(sorted.length, offset, limit, (i) => eventCountsTypeRow(c, ref.gen, i, sorted[i]));
      }
      default:
        return { total: 0, items: [] };
    }
  }

  private hasOwner(owner: SummaryOwner, id: number): boolean {
    const d = this.summaryIndex?.data;
    if (!d) return false;
    return owner === 'goroutine' ? d.goroutines.has(id) : owner === 'proc' ? d.procs.has(id) : d.threads.has(id);
  }

  /** Events of one goroutine, proc or thread, a page at a time (ownerEventPages.ts). */
  async summaryEvents(owner: SummaryOwner, id: number, from = 0, count = Number.MAX_SAFE_INTEGER): Promise<SummaryEventEntry[]> {
    if (!this.hasOwner(owner, id) || !this.ownerPages) return [];
    return this.ownerPages.page(owner, id, from, Math.min(count, this.ownerPages.total(owner, id)));
  }

  private async summaryEvent(r: SummaryEventRef): Promise<SummaryEventEntry | undefined> {
    if (!this.hasOwner(r.owner, r.id)) return undefined;
    return this.ownerPages?.event(r.owner, r.id, r.event);
  }

  /** Where a summary event is in the file: exactly, from the offset its wire event had. */
  private locateSummaryEvent(e: SummaryEventEntry): Promise<WireLocation | undefined> {
    return locateEntry(e, this.generations[e.gen], this.cache, this.v1Events);
  }

  /** The event tree's roots for a summary event (goroutines/g5/e3, procs/p0/e1, threads/m7/e2). */
  private async summaryEventDetails(nodeId: string, r: SummaryEventRef): Promise<TreeNode[] | undefined> {
    const e = await this.summaryEvent(r);
    if (!e) return undefined;
    return summaryEventDetailRoots(e, nodeId, this.traceStartNs, await this.locateSummaryEvent(e));
  }

  /** The event tree's roots for an event of the generation tree; undefined if there is no such event. */
  async eventDetails(nodeId: string): Promise<TreeNode[] | undefined> {
    const ref = parseNodeId(nodeId);
    if (ref && ref.kind !== 'event') {
      const r = summaryEventOf(ref);
      // A row that is not an event (a generation, a batch, a goroutine...): its facts (nodeDetails.ts).
      const a = this.summaryIndex && annotationDetails(this.summaryIndex, ref, nodeId, this.traceStartNs);
      if (a) return a;
      if (!r) return nodeDetails(ref, nodeId, { generations: this.generations, summaries: this.summaryIndex, traceStartNs: this.traceStartNs });
      return summaryEventId(r.owner, r.id, r.event) === nodeId ? this.summaryEventDetails(nodeId, r) : undefined;
    }
    const v1 = await this.findV1Event(nodeId);
    if (v1) return v1EventDetailRoots(v1.view, nodeId, this.traceStartNs, v1.g);
    const found = await this.findEvent(nodeId);
    if (!found) return undefined;
    const { g, batch, columns, event } = found;
    return eventDetailRoots(viewEvent(columns, event, g.tables), nodeId, this.traceStartNs, threadOfBatch(g.batches[batch]));
  }

  /** A raw event of a v1 trace's batch, by its node ID; undefined otherwise. */
  private async findV1Event(nodeId: string): Promise<{ g: GenerationInfo; batch: number; event: number; view: ReturnType<typeof viewV1Event> } | undefined> {
    const ref = parseNodeId(nodeId);
    if (!ref || ref.kind !== 'event') return undefined;
    const g = this.generations[ref.gen];
    if (!g?.v1 || !g.batches[ref.batch] || ref.event >= g.batches[ref.batch].eventCount) return undefined;
    const row = await this.v1Events.event(g, ref.batch, ref.event);
    if (!row) return undefined;
    return { g, batch: ref.batch, event: ref.event, view: viewV1Event(row, ref.batch, g.v1, g.tables) };
  }

  private async eventTreeChildren(ref: NodeRef, parentId: string, offset: number, limit: number): Promise<Page<TreeNode>> {
    if (ref.kind === 'goroutineEvent' || ref.kind === 'procEvent' || ref.kind === 'threadEvent' || ref.kind === 'summaryEventStack') {
      const r = summaryEventOf(ref)!;
      const id = summaryEventId(r.owner, r.id, r.event);
      if (ref.kind !== 'summaryEventStack') {
        const roots = (await this.summaryEventDetails(id, r)) ?? [];
        const { start, end } = pageWindow(roots.length, offset, limit);
        return { total: roots.length, items: roots.slice(start, end) };
      }
      const frames = (await this.summaryEvent(r))?.stacks[ref.stack]?.frames ?? [];
      return pageOf(frames.length, offset, limit, (i) => summaryEventFrameRow(id, ref.stack, i, frames[i]));
    }
    if (ref.kind === 'event') {
      const roots = (await this.eventDetails(parentId)) ?? [];
      const { start, end } = pageWindow(roots.length, offset, limit);
      return { total: roots.length, items: roots.slice(start, end) };
    }
    if (ref.kind !== 'eventStack') return { total: 0, items: [] };
    const id = eventId(ref.gen, ref.batch, ref.event);
    if (this.generations[ref.gen]?.v1) {
      const frames = (await this.findV1Event(id))?.view.stacks[ref.stack]?.frames ?? [];
      return pageOf(frames.length, offset, limit, (i) => eventFrameRow(id, ref.stack, i, frames[i]));
    }
    const found = await this.findEvent(id);
    if (!found) return { total: 0, items: [] };
    const frames = viewEvent(found.columns, found.event, found.g.tables).stacks[ref.stack]?.frames ?? [];
    return pageOf(frames.length, offset, limit, (i) => eventFrameRow(id, ref.stack, i, frames[i]));
  }

  private async findEvent(nodeId: string): Promise<{ g: GenerationInfo; batch: number; event: number; columns: EventColumns } | undefined> {
    const ref = parseNodeId(nodeId);
    if (!ref || ref.kind !== 'event') return undefined;
    const g = this.generations[ref.gen];
    const b = g?.batches[ref.batch];
    if (!g || g.v1 || !b || b.kind !== BatchKind.Events || ref.event >= b.eventCount) return undefined;
    const columns = await this.cache.events(g, ref.batch);
    if (ref.event >= columns.length) return undefined;
    return { g, batch: ref.batch, event: ref.event, columns };
  }

  /** "Copy Event": the event as readable lines. */
  async eventText(nodeId: string): Promise<string | undefined> {
    const ref = parseNodeId(nodeId);
    const a = ref && this.summaryIndex && annotationText(this.summaryIndex, ref, this.traceStartNs);
    if (a) return a;
    const r = ref?.kind === 'event' ? undefined : summaryEventOf(ref);
    if (r) {
      const e = await this.summaryEvent(r);
      return e && summaryEventText(e, this.traceStartNs, await this.locateSummaryEvent(e));
    }
    const v1 = await this.findV1Event(nodeId);
    if (v1) return v1EventText(v1.view, { gen: v1.g.gen, batch: v1.batch, event: v1.event }, this.traceStartNs);
    const found = await this.findEvent(nodeId);
    if (!found) return undefined;
    const { g, batch, event, columns } = found;
    return eventText(viewEvent(columns, event, g.tables), { gen: g.gen, batch, event, thread: threadOfBatch(g.batches[batch]) }, this.traceStartNs);
  }

  // ---- Filters -------------------------------------------------------------------------------

  /**
   * Sets the filter of a view and starts its run (filter.ts), which goes on in the background:
   * returns once the first matches are found (or after FIRST_MATCHES_MS, or when done), with the
   * count so far; filterProgress gives the count as it grows. An error text for an unusable
   * filter; undefined if a newer filter replaced it meanwhile.
   */
  async setFilter(view: string, filter: Filter): Promise<FilterStatus | { error: string } | undefined> {
    const n = (this.filterRuns.get(view) ?? 0) + 1;
    this.filterRuns.set(view, n);
    this.filters.get(view)?.stop();
    const error = filterError(filter);
    if (error) {
      this.filters.delete(view);
      return { error };
    }
    if (isEmptyFilter(filter)) {
      this.filters.delete(view);
      return { run: n, matches: this.stats.events, done: true };
    }
    const run = startFilter(this.filterContext(), filter);
    this.filters.set(view, run);
    void run.count(() => new Promise<void>((resolve) => setTimeout(resolve, 50)));
    await run.firstMatches(FIRST_MATCHES_MS);
    return this.filterStatus(view, n);
  }

  /**
   * The count of a view's filter run `run` once it changed (or after `waitMs`, or when done);
   * undefined if the view has another filter now.
   */
  async filterProgress(view: string, run: number, waitMs = 250): Promise<FilterStatus | { error: string } | undefined> {
    const r = this.filters.get(view);
    if (!r || this.filterRuns.get(view) !== run) return undefined;
    await r.changed(waitMs);
    return this.filterStatus(view, run);
  }

  private filterStatus(view: string, run: number): FilterStatus | { error: string } | undefined {
    const r = this.filters.get(view);
    if (!r || this.filterRuns.get(view) !== run) return undefined;
    const { waiting, failure } = runState(r);
    if (failure) return { error: failure };
    return { run, matches: r.total, done: r.done, ...(waiting ? { waiting: true } : {}) };
  }

  private filterContext(): FilterContext {
    return {
      source: this.source,
      isV1: this.isV1,
      generations: this.generations,
      readingDone: () => this.finished,
      traceStartNs: this.traceStartNs,
      cache: this.cache,
      v1Events: this.v1Events,
      analysis: () => (this.analysisView ? this.analysisView : this.summaryState === 'computing' ? 'pending' : undefined),
      page: (kind, id, from, count) => this.ownerPages?.page(kind, id, from, count) ?? Promise.resolve([]),
    };
  }

  hasFilter(view: string): boolean {
    return this.filters.has(view);
  }

  /** Forgets a closed view's filter. */
  dropView(view: string): void {
    this.filters.get(view)?.stop();
    this.filters.delete(view);
    this.filterRuns.delete(view);
  }

  /** A page of a filter's matches, in time order (the rows found so far). */
  private matchRows(run: FilterRun, offset: number, limit: number): Promise<Page<TreeNode>> {
    return run.rows(offset, limit);
  }

  // ---- Locating nodes ------------------------------------------------------------------------

  /** The ancestors of a node in the generation tree (root excluded, the node itself excluded). */
  pathTo(nodeId: string): NodeLocation | undefined {
    const ref = parseNodeId(nodeId);
    if (!ref || ref.kind === 'root') return undefined;
    if (SUMMARY_REF_KINDS.has(ref.kind)) return this.summaryPathTo(ref, nodeId);
    if (!('gen' in ref)) return undefined;
    const g = this.generations[ref.gen];
    if (!g) return undefined;
    const gid = generationId(g.index);
    const threadOf = (batch: number): string => {
      if (g.v1) return v1ProcId(g.index, g.batches[batch].m);
      const m = threadOfBatch(g.batches[batch]);
      return m >= 0 ? threadId(g.index, m) : noThreadId(g.index);
    };
    switch (ref.kind) {
      case 'generation':
        return { path: [], select: nodeId };
      case 'v1Proc':
        return g.v1 ? { path: [gid], select: nodeId } : undefined;
      case 'thread':
      case 'noThread':
      case 'stringsTable':
      case 'stacksTable':
      case 'samplesTable':
        return { path: [gid], select: nodeId };
      case 'batch':
        if (!g.batches[ref.batch]) return undefined;
        return { path: [gid, threadOf(ref.batch)], select: nodeId };
      case 'event':
        if (!g.batches[ref.batch]) return undefined;
        return { path: [gid, threadOf(ref.batch), batchId(g.index, ref.batch)], select: nodeId };
      case 'string':
        return { path: [gid, stringsTableId(g.index)], select: nodeId };
      case 'tableStack':
        return { path: [gid, stacksTableId(g.index)], select: nodeId };
      case 'tableFrame':
        return { path: [gid, stacksTableId(g.index), tableStackId(g.index, ref.id)], select: nodeId };
      case 'sample':
        return { path: [gid, samplesTableId(g.index)], select: nodeId };
      case 'sampleFrame':
        return { path: [gid, samplesTableId(g.index), sampleId(g.index, ref.sample)], select: nodeId };
      default:
        return undefined;
    }
  }

  private summaryPathTo(ref: NodeRef, nodeId: string): NodeLocation | undefined {
    switch (ref.kind) {
      case 'goroutines':
      case 'procs':
      case 'threads':
      case 'tasks':
      case 'regions':
      case 'eventCounts':
        return { path: [], select: nodeId };
      case 'task':
      case 'taskRegion':
      case 'taskLog':
      case 'taskLogFrame':
      case 'region':
        return annotationPathTo(this.summaryIndex?.tasks, ref, nodeId);
      case 'goroutine':
      case 'proc':
      case 'osThread':
      case 'eventCountsGeneration':
        return { path: [nodeId.slice(0, nodeId.indexOf('/'))], select: nodeId };
      case 'eventCountsType':
        return { path: [EVENT_COUNTS_ID, eventCountsGenerationId(ref.gen)], select: nodeId };
      case 'goroutineEvent':
      case 'procEvent':
      case 'threadEvent':
      case 'goroutineFrame':
      case 'procFrame':
      case 'threadFrame': {
        const r = summaryEventOf(ref)!;
        const path = [OWNER_ROOT[r.owner], summaryOwnerNodeId(r.owner, r.id)];
        if (ref.kind.endsWith('Frame')) path.push(summaryEventId(r.owner, r.id, r.event));
        return { path, select: nodeId };
      }
      default:
        return undefined;
    }
  }

  /** The deepest row that contains a byte offset: an event, a batch, or a generation. */
  async locateOffset(offset: number): Promise<NodeLocation | undefined> {
    if (!Number.isSafeInteger(offset) || offset < 0) return undefined;
    const g = this.generations.find((x) => offset >= x.offset && offset < Math.max(x.end, x.offset + 1));
    if (!g) return undefined;
    if (g.v1) {
      const at = await this.v1Events.locate(g, offset);
      if (!at) return this.pathTo(generationId(g.index));
      return this.pathTo(at.event !== undefined ? eventId(g.index, at.batch, at.event) : batchId(g.index, at.batch));
    }
    const bi = g.batches.findIndex((b) => offset >= b.offset && offset < b.payloadOffset + b.size);
    if (bi < 0) return this.pathTo(generationId(g.index));
    const b = g.batches[bi];
    if (b.kind !== BatchKind.Events || offset < b.payloadOffset) return this.pathTo(batchId(g.index, bi));
    const columns = await this.cache.events(g, bi);
    let event = -1;
    for (let i = 0; i < columns.length && columns.offset[i] <= offset; i++) event = i;
    return this.pathTo(event >= 0 ? eventId(g.index, bi, event) : batchId(g.index, bi));
  }

  /** Worst problem severity per node, the problem's node and all its ancestors. */
  private severities(): Map<string, 'error' | 'warning' | 'info'> {
    const problems = this.problems;
    const key = `${problems.length}/${this.generations.length}`;
    if (this.severityCache?.key === key) return this.severityCache.map;
    const rank = { info: 0, warning: 1, error: 2 };
    const map = new Map<string, 'error' | 'warning' | 'info'>();
    for (const p of problems) {
      const id = problemNodeId(p, this.generations);
      if (!id) continue;
      const loc = this.pathTo(id);
      for (const n of [...(loc?.path ?? []), id]) {
        const old = map.get(n);
        if (!old || rank[p.severity] > rank[old]) map.set(n, p.severity);
      }
    }
    this.severityCache = { key, map };
    return map;
  }

  private requireReader(): TraceReader {
    if (!this.reader) throw new Error('TraceModel.open() was not called');
    return this.reader;
  }
}
