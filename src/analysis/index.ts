/**
 * The analysis layer: one ordered pass over a trace feeding every analysis (registry.ts), and
 * what the viewer's model reads from it. Uses the parser through its public index only.
 */
export { AnalysisPass } from './analysisPass.js';
export type { GenerationStart, PassOptions } from './analysisPass.js';
export { createHandlers } from './registry.js';
export type { AnalysisData, AnalysisHandlers } from './registry.js';
export type { AnalysisHandler } from './handler.js';
export { OwnerIndex, OwnerIndexBuilder } from './ownerIndex.js';
export type { OwnerEvents, OwnerEventPlace } from './ownerIndex.js';
export { OWNER_KINDS, isOwnedBy, contextOwner, transitionOwner } from './owners.js';
export type { OwnerKind } from './owners.js';
export { visitOwnerEvents } from './ownerEvents.js';
export type { OwnerEventsQuery, TraceAnalysisView } from './ownerEvents.js';
export { SpanChunkBuilder, OwnerSpans, SpanState, SpanFlag } from './stateSpans.js';
export type { SpanChunk, SpanOwnerKind, SpanStateCode } from './stateSpans.js';
export { OwnerOverview, overviewOf, NO_STATE } from './chunkOverview.js';
export { TimelineOverviewBuilder, V1_BUCKETS, V2_BUCKETS } from './timelineOverview.js';
export type { ChunkSummary, GcPeriods, TimelineOverview } from './timelineOverview.js';
export { deriveChunkSpans } from './deriveSpans.js';
export type { SpanSource } from './deriveSpans.js';
export { CounterBuilder, CounterChunk, Series, SERIES_COUNT, V1_COUNTER_BUCKETS, V2_COUNTER_BUCKETS, HEAP_METRIC, GOAL_METRIC } from './counters.js';
export type { Counters } from './counters.js';
