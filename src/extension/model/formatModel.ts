/**
 * What the viewer's model asks of a trace format: one interface, implemented by the v2 model
 * (v2Model.ts, Go 1.22+: generations of batches per thread) and the v1 model (v1Model.ts, Go
 * 1.11–1.21: one generation of batches per P, read whole). TraceModel routes every question of
 * the generation tree to it and knows no format; openFormatModel.ts is the one place that picks.
 *
 * A format model reads the generations into the list it is given (the router's), renders the
 * rows of the generation tree above the tables (generations, threads or Ps, batches, events),
 * finds an event by its node ID, places byte offsets, and gives the filter its wire event source.
 */
import type { GenerationStart } from '../../analysis/index.js';
import type { Problem, TraceHeader } from '../../parser/index.js';
import type { TreeNode } from '../../shared/protocol.js';
import type { EventView } from './eventView.js';
import type { Fact } from './facts.js';
import type { FilterQuery } from './filterQuery.js';
import type { MatchSource, PartitionMatches } from './filterRun.js';
import type { GenerationInfo } from './generationIndex.js';
import type { NodeRef } from './nodeIds.js';
import type { Page } from './paging.js';
import type { SummaryEventEntry, WireLocation } from './summaryEvents.js';

/** Where an event of the generation tree is, as its node ID says (g3/b40/e7; its event tree's rows too). */
export interface EventPlace {
  genIndex: number;
  batch: number;
  event: number;
}

/** What a format's filter source reads from the router. */
export interface FilterEnv {
  traceStartNs: number;
  /** Whether every generation has been read. */
  readingDone(): boolean;
  /** The analysis pass's state at each generation's start, once the pass is done (else none). */
  generationStarts(): readonly GenerationStart[];
}

export interface FormatModel {
  readonly kind: 'v1' | 'v2';
  readonly header: TraceHeader | undefined;
  /** Whether the analysis pass can run on the trace (its summaries, owner index and timeline). */
  readonly summarizable: boolean;
  /** True once every generation has been read. */
  readonly done: boolean;
  /** Bytes read so far. */
  readonly parsedBytes: number;
  /** The reading's problems (the ordered stream's failure comes on top, from the router). */
  readonly readProblems: readonly Problem[];
  /** Problems the bound on the problem list left out. */
  readonly omittedProblems: number;
  /** Node kinds of the rows that list a generation's batches (threads, or Ps). */
  readonly batchGroupKinds: ReadonlySet<NodeRef['kind']>;

  /** Reads, indexes and counts the next generation into the list; false once there is none. */
  readNextGeneration(): Promise<boolean>;
  /** The ordered stream's failure placed at its row, where the format knows only its byte. */
  placeProblem(p: Problem): Promise<Problem>;

  /** A generation's root row. */
  generationRow(g: GenerationInfo, traceStartNs: number): TreeNode;
  /** Rows under a generation, a thread or P, or a batch; undefined for the other kinds (the tables). */
  children(g: GenerationInfo, ref: NodeRef, offset: number, limit: number, traceStartNs: number): Promise<Page<TreeNode>> | undefined;
  /** The ID of the row that lists batch `batch` (its thread, "no thread", or its P). */
  batchGroupId(g: GenerationInfo, batch: number): string;
  /** The event pane's facts of a generation, a thread or P, or a batch (generationFacts.ts); undefined for other rows. */
  rowFacts(g: GenerationInfo, ref: NodeRef, traceStartNs: number): Fact[] | undefined;
  /** The ID of the deepest row of `g` holding a byte: an event, a batch, or the generation. */
  locateOffset(g: GenerationInfo, offset: number): Promise<string>;
  /** Where an owner's event is in the file: its batch and index there, from its wire offset. */
  locateEntry(e: SummaryEventEntry): Promise<WireLocation | undefined>;

  /** An event of the generation tree as the event renderer shows it (eventNodes.ts); undefined if there is none. */
  event(at: EventPlace): Promise<EventView | undefined>;

  /** The filter's source of wire events (a filter without a goroutine, proc or thread). */
  filterSource(q: FilterQuery, env: FilterEnv): MatchSource<PartitionMatches>;
  /** The event type name of the wire event at an offset, where type names are not Go's API kinds (v1). */
  readonly wireTypeAt?: (offset: number) => Promise<string | undefined>;
}
