/**
 * Every problem code, in one table: its severity, whether Go's Reader stops there, Go's text for
 * it, and how it relates to others (what breaks a trace, what cuts a generation short, what
 * follows from that). Everything that needs a set of codes reads it here; the README's
 * "Problem codes" table is checked against it by a test.
 */
import type { Problem, ProblemCode, Severity } from './problems.js';

/**
 * A code's severity, or the rule giving it: `truncation` is a warning in a Go 1.26+ trace (every
 * generation before the cut is complete) and an error before (a cut cannot be told from a break);
 * `cpu-sample-lenient` is an error, but a warning for a CPU sample (Go does not check those).
 */
export type SeverityRule = Severity | 'truncation' | 'cpu-sample-lenient';

export interface ProblemCodeInfo {
  severity: SeverityRule;
  /** Go's Reader stops at it (the framing, structural batch and table problems of a generation). */
  stopsGo?: true;
  /**
   * It comes from reading a batch's header or payload (Go's readBatch): before Go 1.26 Go hands
   * out the generation read so far first. `in-header`: only when the problem says it is there.
   */
  batchRead?: true | 'in-header';
  /** Go's text: fixed, or from the problem's data. Absent: `goText` of the problem, or its message. */
  go?: string | ((p: Problem) => string);
  /** The trace ends early or breaks here: what the banner is about. */
  breaksTrace?: true;
  /**
   * The read of its generation stops here, so the batches after it are lost, and with them the
   * tables (strings, stacks, clock data), which come at a generation's end: says how, after
   * "that" ("the truncation removed").
   */
  losesRest?: string;
  /**
   * What the loss of a generation's end leaves behind (references into the lost tables, Go's
   * ordering stuck without the lost batches): in a generation with a problem that `losesRest`,
   * a consequence of it. Says what n of them are.
   */
  symptomOfLoss?: (n: number) => string;
}

const BROKEN_GENERATIONS = 'broken trace: missing end-of-generation event, or generations are interleaved';
const TRUNCATION = 'the truncation removed';
const STOPPED = 'the read never reached';

const s = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export const PROBLEM_CODES: Readonly<Record<ProblemCode, ProblemCodeInfo>> = {
  // The file as a whole.
  'not-a-trace': { severity: 'error', breaksTrace: true },
  'unsupported-version': { severity: 'error', breaksTrace: true },
  'v1-not-decoded': { severity: 'info' },
  // Framing.
  'invalid-batch-type': { severity: 'error', stopsGo: true, batchRead: true, breaksTrace: true, losesRest: STOPPED },
  'varint-overflow': { severity: 'error', stopsGo: true, batchRead: 'in-header', breaksTrace: true, losesRest: STOPPED },
  'oversized-batch': { severity: 'error', stopsGo: true, batchRead: true, breaksTrace: true, losesRest: STOPPED },
  'batch-truncated': { severity: 'truncation', stopsGo: true, batchRead: true, breaksTrace: true, losesRest: TRUNCATION },
  'invalid-generation-number': { severity: 'error', stopsGo: true, go: 'invalid generation number 0', breaksTrace: true, losesRest: STOPPED },
  'truncated-generation': { severity: 'warning', stopsGo: true, go: 'incomplete generation found; trace likely truncated', breaksTrace: true, losesRest: TRUNCATION },
  'missing-end-of-generation': { severity: 'error', stopsGo: true, go: BROKEN_GENERATIONS, breaksTrace: true },
  'interleaved-generations': { severity: 'error', stopsGo: true, go: BROKEN_GENERATIONS, breaksTrace: true, losesRest: STOPPED },
  'generations-out-of-order': { severity: 'error', stopsGo: true, go: 'generations out of order', breaksTrace: true, losesRest: STOPPED },
  'unexpected-end-of-generation': { severity: 'error', stopsGo: true, go: 'invalid generation number 0', breaksTrace: true, losesRest: STOPPED },
  'trailing-garbage': { severity: 'error', stopsGo: true, batchRead: true, breaksTrace: true, losesRest: STOPPED },
  'possibly-truncated': { severity: 'warning', breaksTrace: true, losesRest: TRUNCATION },
  // Structural batches and tables: a table that stops loading loses the rest of it.
  'malformed-structural-batch': { severity: 'error', stopsGo: true, losesRest: STOPPED },
  'oversized-string': { severity: 'error', stopsGo: true, losesRest: STOPPED },
  'oversized-stack': { severity: 'error', stopsGo: true, losesRest: STOPPED },
  'duplicate-id': { severity: 'error', stopsGo: true, losesRest: STOPPED },
  'missing-frequency': {
    severity: 'error', stopsGo: true, go: 'no frequency event found',
    symptomOfLoss: () => 'the frequency (clock data)',
  },
  'missing-clock-snapshot': {
    severity: 'error', stopsGo: true,
    symptomOfLoss: () => 'the clock snapshot (clock data)',
  },
  'duplicate-sync-data': { severity: 'error', stopsGo: true },
  'unknown-pc': {
    severity: 'error', stopsGo: true,
    symptomOfLoss: (n) => s(n, 'stack frame whose PC is missing from the stack table', 'stack frames whose PCs are missing from the stack table'),
  },
  'dangling-string-in-stack': {
    severity: 'error', stopsGo: true,
    symptomOfLoss: (n) => s(n, 'reference from a stack frame into the string table', 'references from stack frames into the string table'),
  },
  // Events.
  'unknown-event-type': { severity: 'error' },
  'event-without-timestamp': { severity: 'error' },
  'event-truncated': { severity: 'error' },
  'dangling-stack-ref': {
    severity: 'cpu-sample-lenient',
    symptomOfLoss: (n) => s(n, 'reference into the stack table', 'references into the stack table'),
  },
  'dangling-string-ref': {
    severity: 'error',
    symptomOfLoss: (n) => s(n, 'reference from an event into the string table', 'references from events into the string table'),
  },
  // Ordering (the merged event stream and its state machines).
  'ordering-failed': { severity: 'error', symptomOfLoss: () => "Go's ordering of the events, stuck without the batches" },
  'bad-state-transition': { severity: 'error', symptomOfLoss: () => "a state transition Go's ordering refuses without the batches" },
  'bad-sched-context': { severity: 'error', symptomOfLoss: () => "an event Go's ordering refuses on its thread without the batches" },
  'bad-event-type': { severity: 'error' },
  // Old (v1) traces.
  'malformed-varint': { severity: 'error' },
  'malformed-event': { severity: 'error' },
  'time-order': { severity: 'error' },
  'trace-too-large': { severity: 'error' },
  // Bookkeeping.
  'too-many-problems': { severity: 'info' },
};

export const PROBLEM_CODE_LIST = Object.keys(PROBLEM_CODES) as ProblemCode[];

/** What a severity rule gives for a problem: `v126` for the trace's format, `cpuSample` for the event concerned. */
export function severityOf(code: ProblemCode, at: { v126?: boolean; cpuSample?: boolean } = {}): Severity {
  const rule = PROBLEM_CODES[code].severity;
  if (rule === 'truncation') return at.v126 ? 'warning' : 'error';
  if (rule === 'cpu-sample-lenient') return at.cpuSample ? 'warning' : 'error';
  return rule;
}

/** A severity rule in the README's words. */
export function severityLabel(rule: SeverityRule): string {
  if (rule === 'truncation') return 'warning (1.26+) / error';
  if (rule === 'cpu-sample-lenient') return 'error (warning for CPU samples)';
  return rule;
}

/** Go's text for a problem, from the table and the problem's data; no message is read back. */
export function goText(p: Problem): string {
  const go = PROBLEM_CODES[p.code].go;
  if (typeof go === 'string') return go;
  if (go) return go(p);
  return p.goText ?? p.message;
}

/** The problem comes from reading a batch (Go's readBatch). */
export function isBatchRead(p: Problem): boolean {
  const rule = PROBLEM_CODES[p.code].batchRead;
  return rule === true || (rule === 'in-header' && p.inBatchHeader === true);
}

export function stopsGo(code: ProblemCode): boolean {
  return PROBLEM_CODES[code].stopsGo === true;
}

export function breaksTrace(code: ProblemCode): boolean {
  return PROBLEM_CODES[code].breaksTrace === true;
}
