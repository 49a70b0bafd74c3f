/**
 * The trace summary (TraceSummary in src/shared/protocol.ts) and the banner for truncated or
 * broken traces, from what has been read so far.
 */
import { breaksTrace, groupProblems, type Problem, type ProblemGroup, type TraceHeader } from '../../parser/index.js';
import type { TraceSummary } from '../../shared/protocol.js';
import { plural } from './format.js';
import type { GenerationInfo } from './generationIndex.js';
import type { TraceStats } from './traceStats.js';

export interface SummaryInput {
  fileName: string;
  fileSize: number;
  header: TraceHeader | undefined;
  generations: readonly GenerationInfo[];
  stats: TraceStats;
  problems: readonly Problem[];
  parsedBytes: number;
  done: boolean;
}

export function makeSummary(s: SummaryInput): TraceSummary {
  const gens = s.generations;
  const first = gens[0];
  const last = gens[gens.length - 1];
  // Counted as the Problems panel lists them: a cause with what follows from it is one.
  const groups = groupProblems(s.problems);
  const counts = { errors: 0, warnings: 0, infos: 0 };
  for (const { cause: p } of groups) {
    if (p.severity === 'error') counts.errors++;
    else if (p.severity === 'warning') counts.warnings++;
    else counts.infos++;
  }
  const summary: TraceSummary = {
    fileName: s.fileName,
    fileSize: s.fileSize,
    generations: gens.length,
    threads: s.stats.threads.size,
    procs: s.stats.procs.size,
    goroutines: s.stats.goroutines.size,
    events: s.stats.events,
    cpuSamples: s.stats.cpuSamples,
    problems: counts,
    parsedBytes: s.parsedBytes,
    done: s.done,
  };
  if (s.header) {
    summary.formatVersion = s.header.version;
    summary.goReleases = s.header.goReleases;
  }
  const clock = first?.tables.clock;
  if (clock) summary.wallClockStart = wallClock(clock.sec, clock.nsec);
  if (!Number.isNaN(s.stats.firstNs)) summary.durationNs = s.stats.lastNs - s.stats.firstNs;
  if (first && last) {
    summary.firstGeneration = first.genNumber;
    summary.lastGeneration = last.genNumber;
    const window = flightRecorderWindow(first.genNumber, last.genNumber);
    if (window) summary.flightRecorderWindow = window;
  }
  const banner = makeBanner(s, groups);
  if (banner) summary.banner = banner;
  return summary;
}

/** ISO 8601 from Unix seconds and ns; undefined if out of Date's range. */
export function wallClock(sec: number, nsec: number): string | undefined {
  const ms = sec * 1000 + Math.floor(nsec / 1e6);
  const d = new Date(ms);
  if (Number.isNaN(d.getTime())) return undefined;
  // Keep the ns the Date cannot hold: 2025-01-02T03:04:05.123456789Z.
  const iso = d.toISOString();
  return `${iso.slice(0, 19)}.${String(Math.min(Math.max(nsec, 0), 999_999_999)).padStart(9, '0')}Z`;
}

/**
 * A flight-recorder snapshot holds the last generations of a run: its first generation number is
 * not 1. Says which window it is, e.g. "generations 41–45 of the run".
 */
export function flightRecorderWindow(firstGen: number, lastGen: number): string | undefined {
  if (firstGen === 1) return undefined;
  return firstGen === lastGen ? `generation ${firstGen} of the run` : `generations ${firstGen}–${lastGen} of the run`;
}

/** The banner text for a truncated or broken trace: what went wrong and what can still be read. */
export function makeBanner(s: SummaryInput, groups: readonly ProblemGroup[] = groupProblems(s.problems)): TraceSummary['banner'] {
  if (s.header?.v1) return v1Banner(s);
  // The cause: what follows from it (references into tables it cut off) is not what broke.
  const group = groups.find((g) => breaksTrace(g.cause.code));
  if (!group) return undefined;
  const breaking = group.cause;
  const gens = s.generations;
  if (breaking.code === 'not-a-trace' || breaking.code === 'unsupported-version') {
    return { severity: 'error', text: `This file cannot be read as a Go execution trace: ${sentence(breaking.message)}` };
  }
  const complete = gens.filter((g) => g.ending === 'end-marker' || g.ending === 'next-generation' || g.ending === 'end-of-file').length;
  const events = s.stats.events;
  const where = `at byte ${breaking.offset}`;
  const readable =
    gens.length === 0
      ? 'Nothing before it could be read.'
      : `What comes before it can still be read: ${plural(gens.length, 'generation')} (${complete} complete), ${plural(events, 'event')}.`;
  const what =
    breaking.code === 'trailing-garbage'
      ? 'The trace is followed by bytes that are not trace data'
      : breaking.severity === 'warning' || breaking.code === 'possibly-truncated'
        ? 'The trace is truncated'
        : 'The trace is broken';
  const follows = group.counts.length === 0 ? '' : ` It accounts for ${group.counts.map((c) => c.text).join(', and ')}.`;
  return { severity: breaking.severity === 'error' ? 'error' : 'warning', text: `${what} ${where}: ${sentence(breaking.message)}${follows} ${readable}` };
}

/**
 * A v1 trace: Go reads it whole and gives up on it at its first problem, whatever it is (a byte
 * it cannot read, an order it cannot find), so any error is the banner's.
 */
function v1Banner(s: SummaryInput): TraceSummary['banner'] {
  const error = s.problems.find((p) => p.severity === 'error');
  if (!error) return undefined;
  const g = s.generations[0];
  const stopped = g?.v1?.error;
  const readable = g
    ? `Its raw events are still shown under generation 1: ${plural(g.batches.length, 'batch', 'batches')}, ${plural(g.eventCount, 'raw event')}${stopped ? `, up to byte ${stopped.offset}` : ''}.`
    : 'Nothing of it could be read.';
  return {
    severity: 'error',
    text:
      `Go cannot read this v1 trace, at byte ${error.offset}: ${sentence(error.message)} Go reads a v1 trace whole and stops at its first problem, ` +
      `so the Goroutines, Procs, Threads, Tasks, Regions and Event counts hold only what it converted before (nothing when the problem is in the file or its order). ${readable}`,
  };
}

/** Ends a message with a full stop unless it already ends with punctuation. */
function sentence(message: string): string {
  return /[.?!]$/.test(message) ? message : `${message}.`;
}
