/**
 * Problems found while reading a trace, as data. The CLI, the Problems panel and the tests all
 * read the same record. Messages reuse Go's wording where it fits, so users can search for them.
 */

export type Severity = 'error' | 'warning' | 'info';

/**
 * Stable problem codes. Never rename one: settings, tests and users' searches refer to them.
 * What each means (severity, Go's text, what follows from it): problemCodes.ts.
 */
export type ProblemCode =
  // The file as a whole.
  | 'not-a-trace'
  | 'unsupported-version'
  | 'v1-not-decoded'
  // Framing.
  | 'invalid-batch-type'
  | 'varint-overflow'
  | 'oversized-batch'
  | 'batch-truncated'
  | 'invalid-generation-number'
  | 'truncated-generation'
  | 'missing-end-of-generation'
  | 'interleaved-generations'
  | 'generations-out-of-order'
  | 'unexpected-end-of-generation'
  | 'trailing-garbage'
  | 'possibly-truncated'
  // Structural batches and tables.
  | 'malformed-structural-batch'
  | 'oversized-string'
  | 'oversized-stack'
  | 'duplicate-id'
  | 'missing-frequency'
  | 'missing-clock-snapshot'
  | 'duplicate-sync-data'
  | 'unknown-pc'
  | 'dangling-string-in-stack'
  // Events.
  | 'unknown-event-type'
  | 'event-without-timestamp'
  | 'event-truncated'
  | 'dangling-stack-ref'
  | 'dangling-string-ref'
  // Ordering (the merged event stream and its state machines).
  | 'ordering-failed'
  | 'bad-state-transition'
  | 'bad-sched-context'
  | 'bad-event-type'
  // Old (v1, Go 1.11–1.21) traces, which Go reads whole and stops at the first problem.
  | 'malformed-varint'
  | 'malformed-event'
  | 'time-order'
  | 'trace-too-large'
  // Bookkeeping.
  | 'too-many-problems';

export interface Problem {
  code: ProblemCode;
  severity: Severity;
  message: string;
  /** Byte offset in the file where the problem is, as exactly as it is known. */
  offset: number;
  /** Generation number (as written in the trace), when the problem is inside one. */
  generation?: number;
  /** Index of the generation in the file, 0-based, when inside one. */
  generationIndex?: number;
  /** Index of the batch within its generation, 0-based, when inside one. */
  batch?: number;
  /** Index of the event within its batch, 0-based, when the problem is an event. */
  event?: number;
  /**
   * Go's text for the problem when our message says more (Go's text then starts the message);
   * absent: the message is Go's text. Codes whose Go text is fixed have it in problemCodes.ts.
   */
  goText?: string;
  /** The problem is in a batch's header (Go's readBatch), for codes that also occur elsewhere. */
  inBatchHeader?: true;
}

/** The CLI's one-line form: `SEVERITY CODE offset=N gen=G: message`. */
export function formatProblem(p: Problem): string {
  const gen = p.generation === undefined ? '-' : String(p.generation);
  return `${p.severity.toUpperCase()} ${p.code} offset=${p.offset} gen=${gen}: ${p.message}`;
}

export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((p) => p.severity === 'error');
}
