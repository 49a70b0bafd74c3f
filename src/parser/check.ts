/**
 * Reads a whole trace and returns every problem found: the library side of `go-trace check`.
 * Later parser stages (ordering, state) add their checks here.
 */
import type { ByteSource } from './bytes/byteSource.js';
import { readFormatInfo } from './format/formatInfo.js';
import { EventColumns } from './generation/eventColumns.js';
import type { CheckResult } from './checkResult.js';
import { TraceReader, TraceReaderOptions } from './traceReader.js';
import { checkV1Trace } from './v1/v1Check.js';

export type { CheckResult } from './checkResult.js';

export async function checkTrace(source: ByteSource, options: TraceReaderOptions = {}): Promise<CheckResult> {
  const format = options.format ?? (await readFormatInfo(source));
  // Old traces are read whole and checked the way Go reads them.
  if (format.kind === 'v1') return checkV1Trace(source, { ...format.header!, fileSize: source.size }, { format });
  const reader = await TraceReader.open(source, { ...options, format });
  const columns = new EventColumns(1 << 16);
  const result: CheckResult = { header: reader.header, generations: 0, batches: 0, events: 0, cpuSamples: 0, problems: [] };
  for (;;) {
    const g = await reader.nextGeneration();
    if (!g) break;
    result.generations++;
    result.batches += g.batches.length;
    result.cpuSamples += g.tables.cpuSamples.length;
    for (let i = 0; i < g.batches.length; i++) {
      columns.clear();
      result.events += await reader.decodeBatch(g, i, columns);
    }
  }
  const problems = [...reader.problems.items].sort((a, b) => a.offset - b.offset);
  const omitted = reader.problems.omittedCount;
  if (omitted > 0) {
    const byCode = [...reader.problems.omitted].map(([code, n]) => `${n} ${code}`).join(', ');
    problems.push({ code: 'too-many-problems', severity: 'info', message: `${omitted} more problems not listed (${byCode})`, offset: reader.position });
  }
  result.problems = problems;
  return result;
}
