/** Summaries computed in one pass over the ordered event stream. */
export type { SummaryHandler } from './handler.js';
export { GoroutineSummarizer, startFunctionOf, goroutineLifetimeNs } from './goroutines.js';
export type { GoroutineSummary } from './goroutines.js';
export { GoroutineTable } from './goroutineTable.js';
export { ProcSummarizer, MAX_DISTINCT_GOROUTINES } from './procs.js';
export type { ProcSummary, ThreadSummary, ProcsAndThreads } from './procs.js';
export { AnnotationSummarizer } from './annotations.js';
export type { TaskSummary, RegionSummary, Annotations } from './annotations.js';
export { EventCountSummarizer } from './eventCounts.js';
export type { GenerationEventCounts } from './eventCounts.js';
export { TraceSummarizer, summarizeTrace } from './summarize.js';
export type { TraceSummaries, RunOptions } from './summarize.js';
