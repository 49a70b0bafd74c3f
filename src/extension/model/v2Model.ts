/**
 * The model of a v2 (Go 1.22+) trace: generations read one at a time by the TraceReader, each
 * indexed (generationIndex.ts) and counted batch by batch, its batches grouped per thread (M)
 * and "no thread"; a batch's events decoded again from the file when asked for (BatchCache). A
 * file that is not a trace gets this model too: its reader has no generations and says why.
 */
import { BatchKind, EventColumns, viewEvent, type ByteSource, type Problem, type TraceHeader, type TraceReader } from '../../parser/index.js';
import type { TreeNode } from '../../shared/protocol.js';
import { BatchCache } from './batchCache.js';
import { eventRow } from './eventNodes.js';
import type { Fact } from './facts.js';
import type { FilterQuery } from './filterQuery.js';
import type { EventPlace, FilterEnv, FormatModel } from './formatModel.js';
import { batchFacts, batchGroupFacts, generationFacts } from './generationFacts.js';
import { addEventsToIndex, indexGeneration, threadOfBatch, type GenerationInfo } from './generationIndex.js';
import { batchRow, generationRow, noThreadRow, threadRow } from './generationNodes.js';
import { batchId, eventId, generationId, noThreadId, threadId, type NodeRef } from './nodeIds.js';
import { pageOf, type Page } from './paging.js';
import type { SummaryEventEntry, WireLocation } from './summaryEvents.js';
import { samplesTableRow, stacksTableRow, stringsTableRow } from './tableNodes.js';
import type { TraceStats } from './traceStats.js';
import { WireContexts } from './wireContexts.js';
import { WireEventView } from './wireEventView.js';
import { WireFilterSource } from './wireFilterSource.js';

const GROUP_KINDS: ReadonlySet<NodeRef['kind']> = new Set(['thread', 'noThread']);

const threadFact = (m: number): Fact => ({ name: 'thread', value: m < 0 ? 'no thread' : `M ${m}` });

export class V2Model implements FormatModel {
  readonly kind = 'v2';
  readonly batchGroupKinds = GROUP_KINDS;
  private readonly cache: BatchCache;
  private readonly columns = new EventColumns(1 << 14);
  private finished = false;

  constructor(
    private readonly source: ByteSource,
    private readonly reader: TraceReader,
    private readonly generations: GenerationInfo[],
    private readonly stats: TraceStats,
    cacheSize: number,
  ) {
    this.cache = new BatchCache(source, cacheSize);
  }

  get header(): TraceHeader | undefined {
    return this.reader.header;
  }

  /** The ordered stream reads Go 1.22+ traces; Go 1.21's v2-style files are read but not summarized. */
  get summarizable(): boolean {
    const h = this.header;
    return h !== undefined && h.version >= 22;
  }

  get done(): boolean {
    return this.finished;
  }

  get parsedBytes(): number {
    return this.finished ? this.source.size : this.reader.position;
  }

  get readProblems(): readonly Problem[] {
    return this.reader.problems.items;
  }

  get omittedProblems(): number {
    return this.reader.problems.omittedCount;
  }

  async readNextGeneration(): Promise<boolean> {
    const reader = this.reader;
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

  /** The stream's problems already name their generation, batch and event. */
  placeProblem(p: Problem): Promise<Problem> {
    return Promise.resolve(p);
  }

  generationRow(g: GenerationInfo, traceStartNs: number): TreeNode {
    return generationRow(g, traceStartNs);
  }

  children(g: GenerationInfo, ref: NodeRef, offset: number, limit: number, start: number): Promise<Page<TreeNode>> | undefined {
    switch (ref.kind) {
      case 'generation': {
        const rows: (() => TreeNode)[] = g.threads.map((m) => () => threadRow(g, m));
        if (g.batchesByThread.has(-1)) rows.push(() => noThreadRow(g));
        rows.push(() => stringsTableRow(g), () => stacksTableRow(g));
        if (g.tables.cpuSamples.length > 0) rows.push(() => samplesTableRow(g));
        return Promise.resolve(pageOf(rows.length, offset, limit, (i) => rows[i]()));
      }
      case 'thread':
      case 'noThread': {
        const list = g.batchesByThread.get(ref.kind === 'thread' ? ref.m : -1) ?? [];
        return Promise.resolve(pageOf(list.length, offset, limit, (i) => batchRow(g, list[i], start)));
      }
      case 'batch':
        return this.batchEvents(g, ref.batch, offset, limit, start);
      default:
        return undefined;
    }
  }

  private async batchEvents(g: GenerationInfo, batch: number, offset: number, limit: number, start: number): Promise<Page<TreeNode>> {
    const b = g.batches[batch];
    if (!b || b.kind !== BatchKind.Events) return { total: 0, items: [] };
    const columns = await this.cache.events(g, batch);
    const thread = threadOfBatch(b);
    return pageOf(columns.length, offset, limit, (i) => {
      const view = new WireEventView(viewEvent(columns, i, g.tables), { genNumber: g.genNumber, batch, event: i, thread });
      return eventRow(view, eventId(g.genIndex, batch, i), start);
    });
  }

  rowFacts(g: GenerationInfo, ref: NodeRef, start: number): Fact[] | undefined {
    switch (ref.kind) {
      case 'generation': {
        const generation = `${g.genNumber} (number ${g.genIndex + 1} in the file)`;
        return generationFacts(g, start, { generation, writers: { name: 'threads', value: String(g.threads.length) }, ending: true });
      }
      case 'thread': {
        const batches = g.batchesByThread.get(ref.m);
        return batches && batchGroupFacts(g, threadFact(ref.m), batches, start);
      }
      case 'batch':
        return g.batches[ref.batch] && batchFacts(g, ref.batch, start, { writer: threadFact(g.batches[ref.batch].m), ticks: true });
      default:
        return undefined;
    }
  }

  batchGroupId(g: GenerationInfo, batch: number): string {
    const m = threadOfBatch(g.batches[batch]);
    return m >= 0 ? threadId(g.genIndex, m) : noThreadId(g.genIndex);
  }

  async locateOffset(g: GenerationInfo, offset: number): Promise<string> {
    const bi = g.batches.findIndex((b) => offset >= b.offset && offset < b.payloadOffset + b.size);
    if (bi < 0) return generationId(g.genIndex);
    const b = g.batches[bi];
    if (b.kind !== BatchKind.Events || offset < b.payloadOffset) return batchId(g.genIndex, bi);
    const columns = await this.cache.events(g, bi);
    let event = -1;
    for (let i = 0; i < columns.length && columns.offset[i] <= offset; i++) event = i;
    return event >= 0 ? eventId(g.genIndex, bi, event) : batchId(g.genIndex, bi);
  }

  /** Undefined for events no wire event made (Syncs, CPU samples, events the orderer makes up). */
  async locateEntry(e: SummaryEventEntry): Promise<WireLocation | undefined> {
    const g = this.generations[e.genIndex];
    const offset = e.sourceOffset;
    if (!g || offset === undefined) return undefined;
    // Batches are in file order: the last one starting at or before the offset.
    let lo = 0;
    let hi = g.batches.length - 1;
    let bi = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (g.batches[mid].payloadOffset <= offset) {
        bi = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    const b = g.batches[bi];
    if (!b || b.kind !== BatchKind.Events || offset >= b.payloadOffset + b.size) return undefined;
    const columns = await this.cache.events(g, bi);
    for (let i = 0; i < columns.length; i++) {
      if (columns.offset[i] === offset) return { genNumber: g.genNumber, batch: bi, event: i, offset };
    }
    return undefined;
  }

  async event(at: EventPlace): Promise<WireEventView | undefined> {
    const g = this.generations[at.genIndex];
    const b = g?.batches[at.batch];
    if (!g || !b || b.kind !== BatchKind.Events || at.event >= b.eventCount) return undefined;
    const columns = await this.cache.events(g, at.batch);
    if (at.event >= columns.length) return undefined;
    const place = { genNumber: g.genNumber, batch: at.batch, event: at.event, thread: threadOfBatch(b) };
    return new WireEventView(viewEvent(columns, at.event, g.tables), place);
  }

  filterSource(q: FilterQuery, env: FilterEnv): WireFilterSource {
    const contexts = new WireContexts(this.source, (index) => env.generationStarts().find((s) => s.extent.index === index));
    return new WireFilterSource(q, { source: this.source, generations: this.generations, readingDone: env.readingDone, traceStartNs: env.traceStartNs, cache: this.cache, contexts });
  }
}
