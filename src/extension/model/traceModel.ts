/**
 * The viewer's model of one trace, as the parse worker holds it: reads the trace generation by
 * generation (keeping the generation index and tables, not the events) and answers the webview's
 * questions: pages of rows, an event's details, filters, where a byte offset is.
 *
 * Pure: it reads through a ByteSource and knows nothing of VS Code, workers or files, so the
 * tests drive it directly.
 */
import { BatchKind, EventColumns, OrderedReader, summarizeTrace, TraceReader, viewEvent, type ByteSource, type Problem, type TraceSummaries } from '../../parser/index.js';
import { goroutineEventEntry, goroutineEventRow, goroutineFrameRow, goroutineRow, indexSummaries, regionRow, summaryRootRow, SUMMARY_ROOT_COUNT, taskRow, type GoroutineEventEntry, type SummaryIndex } from './goroutineNodes.js';
import type { ProblemLimits } from '../../parser/problemList.js';
import type { Filter, ProblemItem, TraceSummary, TreeId, TreeNode } from '../../shared/protocol.js';
import { BatchCache } from './batchCache.js';
import { eventDetailRoots, eventFrameRow, eventRow } from './eventNodes.js';
import { eventText } from './eventText.js';
import { filterError, FilterMatches, isEmptyFilter, runFilter } from './filter.js';
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
  type NodeRef,
  GOROUTINES_ID,
  goroutineEventId,
  goroutineNodeId,
  SUMMARY_REF_KINDS,
} from './nodeIds.js';

/** Most events of one goroutine listed under it (the first ones; the row says how many there are). */
export const MAX_GOROUTINE_EVENTS = 10_000;
/** Goroutines whose events are kept decoded for paging. */
const GOROUTINE_EVENT_CACHE = 4;
import { pageOf, pageWindow, type Page } from './paging.js';
import { problemNodeId, toProblemItem } from './problemNodes.js';
import { makeSummary } from './summary.js';
import { sampleFrameRows, sampleRow, samplesTableRow, stackFrameRows, stackRow, stacksTableRow, stringRow, stringsTableRow, tableIds } from './tableNodes.js';
import { TraceStats } from './traceStats.js';

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
  private readonly cache: BatchCache;
  private readonly columns = new EventColumns(1 << 14);
  private finished = false;
  /** Active filter per view (editor panel); absent: no filter. */
  private readonly filters = new Map<string, FilterMatches>();
  /** Bumped per view on every setFilter, so an older, slower filter run gives up. */
  private readonly filterRuns = new Map<string, number>();
  private severityCache: { key: string; map: Map<string, 'error' | 'warning' | 'info'> } | undefined;
  private summaryIndex: SummaryIndex | undefined;
  private summaryState: TraceSummary['summaries'];
  /** A few goroutines' events (the ordered stream filtered by goroutine), most recent last. */
  private readonly goroutineEventCache = new Map<number, Promise<GoroutineEventEntry[]>>();

  constructor(
    readonly source: ByteSource,
    readonly fileName: string,
    private readonly options: TraceModelOptions = {},
  ) {
    this.cache = new BatchCache(source, options.batchCacheSize ?? 8);
  }

  /** Reads the header. Never throws for bad input: a file that is not a trace gets a problem. */
  async open(): Promise<void> {
    this.reader = await TraceReader.open(this.source, this.options.problemLimits ? { problemLimits: this.options.problemLimits } : {});
  }

  get done(): boolean {
    return this.finished;
  }

  /** Reads, indexes and counts the next generation; false once there is none. */
  async readNextGeneration(): Promise<boolean> {
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

  /** Reads every generation, calling `onGeneration` after each. */
  async readAll(onGeneration?: () => void | Promise<void>): Promise<void> {
    if (!this.reader) await this.open();
    while (await this.readNextGeneration()) await onGeneration?.();
  }

  get parsedBytes(): number {
    return this.finished ? this.source.size : (this.reader?.position ?? 0);
  }

  /** Time of the trace's first event: what every "+time" in a label counts from. */
  get traceStartNs(): number {
    return Number.isNaN(this.stats.firstNs) ? 0 : this.stats.firstNs;
  }

  get problems(): readonly Problem[] {
    return this.reader?.problems.items ?? [];
  }

  /** Problems the bound on the problem list left out. */
  get omittedProblems(): number {
    return this.reader?.problems.omittedCount ?? 0;
  }

  problemItems(): ProblemItem[] {
    return this.problems.map((p) => toProblemItem(p, this.generations));
  }

  summary(): TraceSummary {
    const summary = makeSummary({
      fileName: this.fileName,
      fileSize: this.source.size,
      header: this.reader?.header,
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
  get summaries(): TraceSummaries | undefined {
    return this.summaryIndex?.data;
  }

  /** Root rows: the generations, then (once the summaries are done) Goroutines, Tasks and Regions. */
  rootCount(): number {
    return this.generations.length + (this.summaryIndex ? SUMMARY_ROOT_COUNT : 0);
  }

  /**
   * Runs the ordered stream through the summarizers (goroutines, procs, threads, tasks, regions),
   * after the framing pass. Only for v2 traces (Go 1.22+); `onProgress` is called between
   * generations and every few thousand events, so the caller can answer requests meanwhile.
   */
  async summarize(onProgress?: () => void | Promise<void>): Promise<TraceSummaries | undefined> {
    const header = this.reader?.header;
    if (!header || header.v1 || header.version < 22) {
      this.summaryState = 'unavailable';
      return undefined;
    }
    this.summaryState = 'computing';
    let data: TraceSummaries;
    try {
      data = await summarizeTrace(this.source, { yieldEvery: 20_000, ...(onProgress ? { onProgress: () => onProgress() } : {}) });
    } catch (e) {
      this.summaryState = 'unavailable';
      throw e;
    }
    this.summaryIndex = indexSummaries(data);
    this.summaryState = 'done';
    return data;
  }

  eventTypeNames(): string[] {
    return this.stats.eventTypeNames();
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
      const n = this.generations.length;
      return withSeverity(pageOf(this.rootCount(), offset, limit, (i) => (i < n ? generationRow(this.generations[i], start) : summaryRootRow(this.summaryIndex!, i - n))));
    }
    if (SUMMARY_REF_KINDS.has(ref.kind)) return this.summaryChildren(ref, offset, limit);
    if (!('gen' in ref)) return { total: 0, items: [] };
    const g = this.generations[ref.gen];
    if (!g) return { total: 0, items: [] };
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

  // ---- Goroutines, tasks, regions -------------------------------------------------------------

  private async summaryChildren(ref: NodeRef, offset: number, limit: number): Promise<Page<TreeNode>> {
    const s = this.summaryIndex;
    if (!s) return { total: 0, items: [] };
    const start = this.traceStartNs;
    const end = Number.isNaN(s.data.lastNs) ? start : s.data.lastNs;
    switch (ref.kind) {
      case 'goroutines':
        return pageOf(s.goroutines.length, offset, limit, (i) => {
          const g = s.goroutines[i];
          return goroutineRow(g, start, end, Math.min(g.events, MAX_GOROUTINE_EVENTS));
        });
      case 'goroutine': {
        if (!s.byId.has(ref.goroutine)) return { total: 0, items: [] };
        const events = await this.goroutineEvents(ref.goroutine);
        return pageOf(events.length, offset, limit, (i) => goroutineEventRow(ref.goroutine, i, events[i], start));
      }
      case 'goroutineEvent': {
        if (!s.byId.has(ref.goroutine)) return { total: 0, items: [] };
        const e = (await this.goroutineEvents(ref.goroutine))[ref.event];
        const frames = e?.frames ?? [];
        return pageOf(frames.length, offset, limit, (i) => goroutineFrameRow(ref.goroutine, ref.event, i, frames[i]));
      }
      case 'tasks':
        return pageOf(s.data.tasks.length, offset, limit, (i) => taskRow(s.data.tasks[i], i, start));
      case 'regions':
        return pageOf(s.data.regions.length, offset, limit, (i) => regionRow(s.data.regions[i], i, start));
      default:
        return { total: 0, items: [] };
    }
  }

  /**
   * The events of one goroutine in the ordered stream (those in its context, and those changing
   * its state), the first MAX_GOROUTINE_EVENTS of them: the stream is run again up to the last
   * generation the goroutine is in. A few goroutines are cached.
   */
  goroutineEvents(id: number): Promise<GoroutineEventEntry[]> {
    const cached = this.goroutineEventCache.get(id);
    if (cached) {
      this.goroutineEventCache.delete(id);
      this.goroutineEventCache.set(id, cached);
      return cached;
    }
    const p = this.collectGoroutineEvents(id);
    this.goroutineEventCache.set(id, p);
    while (this.goroutineEventCache.size > GOROUTINE_EVENT_CACHE) this.goroutineEventCache.delete(this.goroutineEventCache.keys().next().value!);
    p.catch(() => this.goroutineEventCache.delete(id));
    return p;
  }

  private async collectGoroutineEvents(id: number): Promise<GoroutineEventEntry[]> {
    const g = this.summaryIndex?.data.goroutines.get(id);
    if (!g) return [];
    const out: GoroutineEventEntry[] = [];
    const r = await OrderedReader.open(this.source);
    let generation = -1;
    for (;;) {
      const e = r.next();
      if (e) {
        if (e.kind === 'Sync') {
          generation = e.sync!.n - 1;
          if (generation > g.lastGeneration) break;
          continue;
        }
        if (generation < g.firstGeneration) continue;
        const st = e.transition;
        if (e.g === id || (st && st.resource.kind === 'Goroutine' && st.resource.id === id)) {
          out.push(goroutineEventEntry(e));
          if (out.length >= MAX_GOROUTINE_EVENTS) break;
        }
        continue;
      }
      if (r.needsGeneration) {
        await r.loadGeneration();
        continue;
      }
      break;
    }
    return out;
  }

  /** The event tree's roots for an event of the generation tree; undefined if there is no such event. */
  async eventDetails(nodeId: string): Promise<TreeNode[] | undefined> {
    const found = await this.findEvent(nodeId);
    if (!found) return undefined;
    const { g, batch, columns, event } = found;
    return eventDetailRoots(viewEvent(columns, event, g.tables), nodeId, this.traceStartNs, threadOfBatch(g.batches[batch]));
  }

  private async eventTreeChildren(ref: NodeRef, parentId: string, offset: number, limit: number): Promise<Page<TreeNode>> {
    if (ref.kind === 'event') {
      const roots = (await this.eventDetails(parentId)) ?? [];
      const { start, end } = pageWindow(roots.length, offset, limit);
      return { total: roots.length, items: roots.slice(start, end) };
    }
    if (ref.kind !== 'eventStack') return { total: 0, items: [] };
    const id = eventId(ref.gen, ref.batch, ref.event);
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
    if (!g || !b || b.kind !== BatchKind.Events || ref.event >= b.eventCount) return undefined;
    const columns = await this.cache.events(g, ref.batch);
    if (ref.event >= columns.length) return undefined;
    return { g, batch: ref.batch, event: ref.event, columns };
  }

  /** "Copy Event": the event as readable lines. */
  async eventText(nodeId: string): Promise<string | undefined> {
    const found = await this.findEvent(nodeId);
    if (!found) return undefined;
    const { g, batch, event, columns } = found;
    return eventText(viewEvent(columns, event, g.tables), { gen: g.gen, batch, event, thread: threadOfBatch(g.batches[batch]) }, this.traceStartNs);
  }

  // ---- Filters -------------------------------------------------------------------------------

  /**
   * Sets the filter of a view and runs it over every generation read so far. Returns the number
   * of matches, or an error text for an unusable filter; undefined if a newer filter replaced it.
   */
  async setFilter(view: string, filter: Filter): Promise<{ matches: number } | { error: string } | undefined> {
    const run = (this.filterRuns.get(view) ?? 0) + 1;
    this.filterRuns.set(view, run);
    const error = filterError(filter);
    if (error) return { error };
    if (isEmptyFilter(filter)) {
      this.filters.delete(view);
      return { matches: this.stats.events };
    }
    const matches = await runFilter(this.source, this.generations, filter, this.traceStartNs, () => this.filterRuns.get(view) !== run);
    if (!matches) return undefined;
    this.filters.set(view, matches);
    return { matches: matches.count };
  }

  hasFilter(view: string): boolean {
    return this.filters.has(view);
  }

  /** Forgets a closed view's filter. */
  dropView(view: string): void {
    this.filters.delete(view);
    this.filterRuns.delete(view);
  }

  private async matchRows(matches: FilterMatches, offset: number, limit: number): Promise<Page<TreeNode>> {
    const { start, end } = pageWindow(matches.kept, offset, limit);
    const items: TreeNode[] = [];
    for (let i = start; i < end; i++) {
      const m = matches.at(i);
      const g = this.generations[m.gen];
      const columns = await this.cache.events(g, m.batch);
      if (m.event >= columns.length) continue;
      const row = eventRow(viewEvent(columns, m.event, g.tables), eventId(g.index, m.batch, m.event), this.traceStartNs);
      row.description = `generation ${g.gen}, M ${g.batches[m.batch].m}  ${row.description ?? ''}`;
      items.push(row);
    }
    return { total: matches.kept, items };
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
      const m = threadOfBatch(g.batches[batch]);
      return m >= 0 ? threadId(g.index, m) : noThreadId(g.index);
    };
    switch (ref.kind) {
      case 'generation':
        return { path: [], select: nodeId };
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
      case 'tasks':
      case 'regions':
        return { path: [], select: nodeId };
      case 'goroutine':
      case 'task':
      case 'region':
        return { path: [nodeId.slice(0, nodeId.indexOf('/'))], select: nodeId };
      case 'goroutineEvent':
        return { path: [GOROUTINES_ID, goroutineNodeId(ref.goroutine)], select: nodeId };
      case 'goroutineFrame':
        return { path: [GOROUTINES_ID, goroutineNodeId(ref.goroutine), goroutineEventId(ref.goroutine, ref.event)], select: nodeId };
      default:
        return undefined;
    }
  }

  /** The deepest row that contains a byte offset: an event, a batch, or a generation. */
  async locateOffset(offset: number): Promise<NodeLocation | undefined> {
    if (!Number.isSafeInteger(offset) || offset < 0) return undefined;
    const g = this.generations.find((x) => offset >= x.offset && offset < Math.max(x.end, x.offset + 1));
    if (!g) return undefined;
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
