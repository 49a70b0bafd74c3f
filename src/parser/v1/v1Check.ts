/**
 * `go-trace check` for a v1 trace: read it as Go does (whole, merged, checked) and convert every
 * event, so every check Go makes runs; Go stops at the first problem, so there is at most one.
 */
import type { ByteSource } from '../bytes/byteSource.js';
import type { CheckResult } from '../checkResult.js';
import type { TraceHeader } from '../traceReader.js';
import { V1OrderedReader, type V1ReaderOptions } from './v1OrderedReader.js';

export async function checkV1Trace(source: ByteSource, header: TraceHeader | undefined, options: V1ReaderOptions = {}): Promise<CheckResult> {
  const r = await V1OrderedReader.open(source, options);
  await r.loadGeneration();
  let events = 0;
  while (r.next()) events++;
  const t = r.trace;
  return {
    header,
    // Go reads a v1 trace as one large generation.
    generations: t ? 1 : 0,
    batches: t?.batchCount ?? 0,
    // The events of the ordered stream (Syncs included), as the check of v2 traces counts decoded events.
    events,
    cpuSamples: t?.cpuSampleCount ?? 0,
    problems: [...r.problems],
  };
}
