/**
 * The analyses the one ordered pass feeds, by name. Adding one is one line here: the pass feeds
 * every handler, and the combined data type follows from this table (as in DevTools' trace
 * engine, where each handler owns its slice of the model).
 */
import { TraceSummarizer } from '../parser/index.js';
import { CounterBuilder } from './counters.js';
import { OwnerIndexBuilder } from './ownerIndex.js';
import { TimelineOverviewBuilder } from './timelineOverview.js';

export function createHandlers() {
  return {
    /** Goroutines, procs and threads, tasks and regions, event counts (Go's summaries). */
    summaries: new TraceSummarizer(),
    /** Which generations hold each goroutine's, proc's and thread's events. */
    owners: new OwnerIndexBuilder(),
    /** State spans per chunk, summed into the timeline's overview; GC and stop-the-world periods. */
    timeline: new TimelineOverviewBuilder(),
    /** The timeline's counters: heap and its goal, goroutines by state, threads, CPU samples. */
    counters: new CounterBuilder(),
  };
}

export type AnalysisHandlers = ReturnType<typeof createHandlers>;
export type AnalysisData = { [K in keyof AnalysisHandlers]: ReturnType<AnalysisHandlers[K]['data']> };
