/**
 * The model of a v1 (Go 1.11–1.21) trace: one generation, indexed from the whole file on the
 * first read (v1Index.ts), its batches grouped per P (a v1 trace is written per P, not per
 * thread), their raw events read again a chunk at a time (V1EventCache) and shown with their v1
 * names (v1Nodes.ts). The ordered stream's failure names only a byte: it is placed at its raw
 * event's row.
 */
import type { ByteSource, Problem, TraceHeader } from '../../parser/index.js';
import type { TreeNode } from '../../shared/protocol.js';
import { eventRow } from './eventNodes.js';
import type { Fact } from './facts.js';
import type { FilterQuery } from './filterQuery.js';
import type { EventPlace, FilterEnv, FormatModel } from './formatModel.js';
import { batchFacts, batchGroupFacts, generationFacts } from './generationFacts.js';
import type { GenerationInfo } from './generationIndex.js';
import { batchId, eventId, generationId, v1ProcId, type NodeRef } from './nodeIds.js';
import { pageOf, pageWindow, type Page } from './paging.js';
import type { SummaryEventEntry, WireLocation } from './summaryEvents.js';
import { samplesTableRow, stacksTableRow, stringsTableRow } from './tableNodes.js';
import type { TraceStats } from './traceStats.js';
import { V1EventCache, viewV1Event } from './v1EventView.js';
import { V1FilterSource } from './v1FilterSource.js';
import { indexV1Trace } from './v1Index.js';
import { v1BatchRow, v1GenerationRow, v1ProcRow, V1RowView } from './v1Nodes.js';

const GROUP_KINDS: ReadonlySet<NodeRef['kind']> = new Set(['v1Proc']);

const procFact = (p: number): Fact => ({ name: 'P', value: p < 0 ? 'no P' : `P ${p}` });

export class V1Model implements FormatModel {
  readonly kind = 'v1';
  readonly batchGroupKinds = GROUP_KINDS;
  readonly omittedProblems = 0;
  private readonly events: V1EventCache;
  /** The raw reading's problems: at most one. */
  private readonly problems: Problem[] = [];
  private finished = false;

  constructor(
    private readonly source: ByteSource,
    readonly header: TraceHeader | undefined,
    private readonly generations: GenerationInfo[],
    private readonly stats: TraceStats,
    cacheSize: number,
  ) {
    this.events = new V1EventCache(source, cacheSize);
  }

  get summarizable(): boolean {
    return this.header !== undefined;
  }

  get done(): boolean {
    return this.finished;
  }

  get parsedBytes(): number {
    return this.finished || this.generations.length > 0 ? this.source.size : 0;
  }

  get readProblems(): readonly Problem[] {
    return this.problems;
  }

  /** Its one generation, indexed from the whole file (read once), on the first call. */
  async readNextGeneration(): Promise<boolean> {
    if (this.finished) return false;
    if (this.generations.length > 0 || !this.header) {
      this.finished = true;
      return false;
    }
    const { generation, problem } = await indexV1Trace(this.source, this.header.headerSize, this.header.version);
    if (problem) this.problems.push(problem);
    if (!generation) {
      this.finished = true;
      return false;
    }
    if (generation.v1!.error) this.problems.push(generation.v1!.error);
    this.generations.push(generation);
    this.stats.addV1Generation(generation);
    return true;
  }

  /** A problem with a byte offset only, placed at the raw event, or the batch, holding its byte. */
  async placeProblem(p: Problem): Promise<Problem> {
    const g = this.generations[0];
    if (!g?.v1 || p.generationIndex !== undefined) return p;
    const at = await this.events.locate(g, p.offset);
    return {
      ...p,
      generation: g.genNumber,
      generationIndex: g.genIndex,
      ...(at ? { batch: at.batch } : {}),
      ...(at?.event !== undefined ? { event: at.event } : {}),
    };
  }

  generationRow(g: GenerationInfo, traceStartNs: number): TreeNode {
    return v1GenerationRow(g, traceStartNs);
  }

  children(g: GenerationInfo, ref: NodeRef, offset: number, limit: number, start: number): Promise<Page<TreeNode>> | undefined {
    switch (ref.kind) {
      case 'generation': {
        const rows: (() => TreeNode)[] = (g.v1?.procIds ?? []).map((p) => () => v1ProcRow(g, p));
        rows.push(() => stringsTableRow(g), () => stacksTableRow(g));
        if (g.tables.cpuSamples.length > 0) rows.push(() => samplesTableRow(g));
        return Promise.resolve(pageOf(rows.length, offset, limit, (i) => rows[i]()));
      }
      case 'v1Proc': {
        const list = g.v1?.batchesByProc.get(ref.p) ?? [];
        return Promise.resolve(pageOf(list.length, offset, limit, (i) => v1BatchRow(g, list[i], start)));
      }
      case 'thread':
      case 'noThread':
        return Promise.resolve({ total: 0, items: [] });
      case 'batch':
        return this.batchEvents(g, ref.batch, offset, limit, start);
      default:
        return undefined;
    }
  }

  private async batchEvents(g: GenerationInfo, batch: number, offset: number, limit: number, start: number): Promise<Page<TreeNode>> {
    const b = g.batches[batch];
    if (!b || !g.v1) return { total: 0, items: [] };
    const { start: from, end } = pageWindow(b.eventCount, offset, limit);
    const rows = await this.events.events(g, batch, from, end);
    const v = g.v1;
    return {
      total: b.eventCount,
      items: rows.map((row, k) => {
        const view = new V1RowView(viewV1Event(row, batch, v, g.tables), { genNumber: g.genNumber, event: from + k, version: v.version });
        return eventRow(view, eventId(g.genIndex, batch, from + k), start);
      }),
    };
  }

  rowFacts(g: GenerationInfo, ref: NodeRef, start: number): Fact[] | undefined {
    const v = g.v1;
    if (!v) return undefined;
    switch (ref.kind) {
      case 'generation': {
        const writers = { name: 'Ps', value: String(v.procIds.length) };
        return generationFacts(g, start, { generation: `${g.genNumber} (a v1 trace, read whole)`, writers, ending: false });
      }
      case 'v1Proc': {
        const batches = v.batchesByProc.get(ref.p);
        return batches && batchGroupFacts(g, procFact(ref.p), batches, start);
      }
      case 'batch':
        return g.batches[ref.batch] && batchFacts(g, ref.batch, start, { writer: procFact(v.batches[ref.batch].p), ticks: false });
      default:
        return undefined;
    }
  }

  batchGroupId(g: GenerationInfo, batch: number): string {
    return v1ProcId(g.genIndex, g.v1!.batches[batch].p);
  }

  async locateOffset(g: GenerationInfo, offset: number): Promise<string> {
    const at = await this.events.locate(g, offset);
    if (!at) return generationId(g.genIndex);
    return at.event !== undefined ? eventId(g.genIndex, at.batch, at.event) : batchId(g.genIndex, at.batch);
  }

  async locateEntry(e: SummaryEventEntry): Promise<WireLocation | undefined> {
    const g = this.generations[e.genIndex];
    const offset = e.sourceOffset;
    if (!g || offset === undefined) return undefined;
    const at = await this.events.locate(g, offset);
    return at?.event !== undefined ? { genNumber: g.genNumber, batch: at.batch, event: at.event, offset } : undefined;
  }

  async event(at: EventPlace): Promise<V1RowView | undefined> {
    const g = this.generations[at.genIndex];
    if (!g?.v1 || !g.batches[at.batch] || at.event >= g.batches[at.batch].eventCount) return undefined;
    const row = await this.events.event(g, at.batch, at.event);
    if (!row) return undefined;
    return new V1RowView(viewV1Event(row, at.batch, g.v1, g.tables), { genNumber: g.genNumber, event: at.event, version: g.v1.version });
  }

  filterSource(q: FilterQuery, env: FilterEnv): V1FilterSource {
    return new V1FilterSource(q, this.generations, this.events, env);
  }

  /** The type list names the raw v1 events: an owner filter with types reads each candidate's. */
  readonly wireTypeAt = async (offset: number): Promise<string | undefined> => {
    const g = this.generations[0];
    if (!g?.v1) return undefined;
    const at = await this.events.locate(g, offset);
    if (at?.event === undefined) return undefined;
    const row = await this.events.event(g, at.batch, at.event);
    return row && viewV1Event(row, at.batch, g.v1, g.tables).name;
  };
}
