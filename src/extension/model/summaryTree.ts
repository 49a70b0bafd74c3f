/**
 * The summary roots' part of the tree, for both formats alike: the rows under Goroutines, Procs,
 * Threads, Tasks, Regions and Event counts, the paths to them, and the event tree and text of an
 * owner's event (goroutines/g5/e3, procs/p0/e1, threads/m7/e2). It reads what the analysis pass
 * left (the summaries and the owner index) once the pass is done; before that it has no rows.
 */
import type { TreeNode } from '../../shared/protocol.js';
import { eventCountsGenerationRow, eventCountsTypeRow, sortedCounts } from './eventCountNodes.js';
import type { GenerationInfo } from './generationIndex.js';
import { goroutineRow, type SummaryIndex } from './goroutineNodes.js';
import { EVENT_COUNTS_ID, eventCountsGenerationId, PROCS_ID, summaryEventId, summaryEventOf, summaryOwnerNodeId, THREADS_ID, type NodeLocation, type NodeRef, type SummaryEventRef, type SummaryOwner } from './nodeIds.js';
import type { OwnerEventPages } from './ownerEventPages.js';
import { pageOf, pageWindow, type Page } from './paging.js';
import { osThreadRow, procRow } from './procNodes.js';
import { eventRow, eventRowFrameRow } from './eventNodes.js';
import { OwnerEventView, type SummaryEventEntry, type WireLocation } from './summaryEvents.js';
import { annotationChildren } from './taskNodes.js';
import { annotationPathTo } from './taskTree.js';

/** The root row of each owner's list. */
const OWNER_ROOT: Record<SummaryOwner, string> = { goroutine: 'goroutines', proc: PROCS_ID, thread: THREADS_ID };

export class SummaryTree {
  /** The summaries and the owners' event pages, once the pass is done. */
  index: SummaryIndex | undefined;
  pages: OwnerEventPages | undefined;

  constructor(
    private readonly generations: readonly GenerationInfo[],
    /** Where an owner's event is in the file (the format model knows its batches). */
    private readonly locate: (e: SummaryEventEntry) => Promise<WireLocation | undefined>,
  ) {}

  async children(ref: NodeRef, offset: number, limit: number, start: number): Promise<Page<TreeNode>> {
    const s = this.index;
    if (!s) return { total: 0, items: [] };
    const end = Number.isNaN(s.data.lastNs) ? start : s.data.lastNs;
    const pages = this.pages;
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
        return { total, items: list.map((e, k) => eventRow(new OwnerEventView(e, { owner }), summaryEventId(owner, id, from + k), start)) };
      }
      case 'goroutineEvent':
      case 'procEvent':
      case 'threadEvent': {
        const r = summaryEventOf(ref)!;
        const e = await this.event(r);
        const frames = e?.frames ?? [];
        const rowId = summaryEventId(r.owner, r.id, r.event);
        return pageOf(frames.length, offset, limit, (i) => eventRowFrameRow(rowId, i, frames[i]));
      }
      case 'tasks':
      case 'task':
      case 'taskLog':
      case 'regions':
        return annotationChildren(s, ref, offset, limit, start) ?? { total: 0, items: [] };
      case 'eventCounts': {
        const numbers = this.generations.map((g) => g.genNumber);
        return pageOf(s.data.eventCounts.length, offset, limit, (i) => eventCountsGenerationRow(s.data.eventCounts[i], i, numbers));
      }
      case 'eventCountsGeneration': {
        const c = s.data.eventCounts[ref.genIndex];
        if (!c) return { total: 0, items: [] };
        const sorted = sortedCounts(c);
        return pageOf(sorted.length, offset, limit, (i) => eventCountsTypeRow(c, ref.genIndex, i, sorted[i]));
      }
      default:
        return { total: 0, items: [] };
    }
  }

  hasOwner(owner: SummaryOwner, id: number): boolean {
    const d = this.index?.data;
    if (!d) return false;
    return owner === 'goroutine' ? d.goroutines.has(id) : owner === 'proc' ? d.procs.has(id) : d.threads.has(id);
  }

  /** Events of one goroutine, proc or thread, a page at a time (ownerEventPages.ts). */
  async events(owner: SummaryOwner, id: number, from: number, count: number): Promise<SummaryEventEntry[]> {
    if (!this.hasOwner(owner, id) || !this.pages) return [];
    return this.pages.page(owner, id, from, Math.min(count, this.pages.total(owner, id)));
  }

  private async event(r: SummaryEventRef): Promise<SummaryEventEntry | undefined> {
    if (!this.hasOwner(r.owner, r.id)) return undefined;
    return this.pages?.event(r.owner, r.id, r.event);
  }

  /** An owner's event as the event renderer shows it in the event tree: with its place in the file, when its wire event is found. */
  async eventView(r: SummaryEventRef): Promise<OwnerEventView | undefined> {
    const e = await this.event(r);
    if (!e) return undefined;
    const wire = await this.locate(e);
    return new OwnerEventView(e, wire ? { wire } : {});
  }

  pathTo(ref: NodeRef, nodeId: string): NodeLocation | undefined {
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
        return annotationPathTo(this.index?.tasks, ref, nodeId);
      case 'goroutine':
      case 'proc':
      case 'osThread':
      case 'eventCountsGeneration':
        return { path: [nodeId.slice(0, nodeId.indexOf('/'))], select: nodeId };
      case 'eventCountsType':
        return { path: [EVENT_COUNTS_ID, eventCountsGenerationId(ref.genIndex)], select: nodeId };
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
}
