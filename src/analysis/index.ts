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
