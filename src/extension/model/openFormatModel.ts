/** The one place the viewer's model picks a trace's format model (formatModel.ts), from the header read once. */
import { openTrace, type ByteSource, type ProblemLimits } from '../../parser/index.js';
import type { FormatModel } from './formatModel.js';
import type { GenerationInfo } from './generationIndex.js';
import type { TraceStats } from './traceStats.js';
import { V1Model } from './v1Model.js';
import { V2Model } from './v2Model.js';

export interface FormatModelOptions {
  problemLimits?: ProblemLimits;
  /** Decoded batches (v1: chunks of raw events) kept for paging. */
  cacheSize: number;
}

/** Reads the header once and opens the model of the trace's format (v2 for anything not v1: it reports why a file is not a trace). */
export async function openFormatModel(source: ByteSource, generations: GenerationInfo[], stats: TraceStats, options: FormatModelOptions): Promise<FormatModel> {
  const trace = await openTrace(source);
  if (trace.kind === 'v1') return new V1Model(source, trace.header, generations, stats, options.cacheSize);
  const reader = await trace.openTraceReader(options.problemLimits ? { problemLimits: options.problemLimits } : {});
  return new V2Model(source, reader, generations, stats, options.cacheSize);
}
