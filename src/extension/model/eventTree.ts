/**
 * The event tree, the pane shown beside the generation tree for the selected row: an event's
 * where and when, arguments and stacks (one renderer, eventNodes.ts, for a generation-tree event
 * of either format and an owner's event alike), a task's, region's or log's details, or any other
 * row's facts (nodeDetails.ts); and Copy Event's text.
 */
import type { TreeNode } from '../../shared/protocol.js';
import { eventDetailRoots, eventFrameRow, eventText } from './eventNodes.js';
import type { EventView } from './eventView.js';
import type { FormatModel } from './formatModel.js';
import type { GenerationInfo } from './generationIndex.js';
import { nodeDetails } from './nodeDetails.js';
import { eventId, parseNodeId, summaryEventId, summaryEventOf, type NodeRef } from './nodeIds.js';
import { pageOf, pageWindow, type Page } from './paging.js';
import type { SummaryTree } from './summaryTree.js';
import { annotationDetails, annotationText } from './taskNodes.js';

const EMPTY: Page<TreeNode> = { total: 0, items: [] };

export class EventTree {
  constructor(
    private readonly format: () => FormatModel | undefined,
    private readonly tree: SummaryTree,
    private readonly generations: readonly GenerationInfo[],
  ) {}

  /** The roots for a row: an event's, or a row's facts; undefined if there is none. */
  async details(nodeId: string, start: number): Promise<TreeNode[] | undefined> {
    const ref = parseNodeId(nodeId);
    if (!ref) return undefined;
    const a = ref.kind !== 'event' && this.tree.index && annotationDetails(this.tree.index, ref, nodeId, start);
    if (a) return a;
    // A row that is not an event (a generation, a batch, a goroutine...): its facts.
    if (ref.kind !== 'event' && !summaryEventOf(ref)) return nodeDetails(ref, nodeId, { generations: this.generations, format: this.format(), summaries: this.tree.index, traceStartNs: start });
    const found = await this.eventView(ref);
    return found && found.id === nodeId ? eventDetailRoots(found.view, nodeId, start) : undefined;
  }

  /** Rows under an event's root (its roots) or under one of its stacks (the frames). */
  async children(ref: NodeRef, parentId: string, offset: number, limit: number, start: number): Promise<Page<TreeNode>> {
    const eventRow = ref.kind === 'event' || ref.kind === 'goroutineEvent' || ref.kind === 'procEvent' || ref.kind === 'threadEvent';
    if (!eventRow && ref.kind !== 'eventStack' && ref.kind !== 'summaryEventStack') return EMPTY;
    const found = await this.eventView(ref);
    if (!found) return EMPTY;
    if (eventRow) {
      const roots = found.id === parentId ? eventDetailRoots(found.view, parentId, start) : [];
      const { start: from, end } = pageWindow(roots.length, offset, limit);
      return { total: roots.length, items: roots.slice(from, end) };
    }
    const stack = (ref as { stack: number }).stack;
    const frames = found.view.stacks()[stack]?.frames ?? [];
    return pageOf(frames.length, offset, limit, (i) => eventFrameRow(found.id, stack, i, frames[i]));
  }

  /** Copy Event: an event's text, or a task's, region's or log's. */
  async text(nodeId: string, start: number): Promise<string | undefined> {
    const ref = parseNodeId(nodeId);
    if (!ref) return undefined;
    const a = this.tree.index && annotationText(this.tree.index, ref, start);
    if (a) return a;
    if (ref.kind === 'eventStack') return undefined;
    const found = await this.eventView(ref);
    return found && eventText(found.view, start);
  }

  /** The event a node names or belongs to (its stacks, its frames' rows), with the ID of its row. */
  private async eventView(ref: NodeRef): Promise<{ id: string; view: EventView } | undefined> {
    if (ref.kind === 'event' || ref.kind === 'eventStack') {
      const view = await this.format()?.event(ref);
      return view && { id: eventId(ref.genIndex, ref.batch, ref.event), view };
    }
    const r = summaryEventOf(ref);
    const view = r && (await this.tree.eventView(r));
    return view && { id: summaryEventId(r.owner, r.id, r.event), view };
  }
}
