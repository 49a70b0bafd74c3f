/**
 * Go's error for a generation the trace reader could not read cleanly. The reader records every
 * problem with an explanation after Go's text and reads on where it can; Go's Reader stops at the
 * first problem. This picks the problem Go would have stopped at, with Go's words, and says
 * whether Go reports it at once or (before Go 1.26, for a batch that cannot be read) only after
 * handing out the generation read so far.
 */
import type { Problem, ProblemCode } from '../problems.js';
import { OrderError } from './orderError.js';

/** Problems Go's Reader stops at (framing, structural batches, tables). */
const READ_ERRORS = new Set<ProblemCode>([
  'invalid-batch-type', 'batch-header-truncated', 'varint-overflow', 'oversized-batch', 'batch-truncated',
  'invalid-generation-number', 'truncated-generation', 'missing-end-of-generation', 'interleaved-generations',
  'generations-out-of-order', 'unexpected-end-of-generation', 'trailing-garbage', 'malformed-structural-batch',
  'oversized-string', 'oversized-stack', 'duplicate-id', 'missing-frequency', 'missing-clock-snapshot',
  'duplicate-sync-data', 'unknown-pc', 'dangling-string-in-stack',
]);

/** Go's messages that ours extend (after a colon). */
const GO_MESSAGES: readonly RegExp[] = [
  /^expected batch event, got event \d+/,
  /^error reading batch (?:gen|M ID|timestamp|size): (?:EOF|unexpected EOF|binary: varint overflows a 64-bit integer)/,
  /^invalid batch size \d+, maximum is \d+/,
  /^failed to read full batch: read \d+ but wanted \d+/,
  /^invalid generation number 0/,
  /^incomplete generation found; trace likely truncated/,
  /^broken trace: missing end-of-generation event, or generations are interleaved/,
  /^generations out of order/,
];

/** Problems that come from reading a batch header or payload (Go's readBatch). */
function isBatchReadError(p: Problem): boolean {
  switch (p.code) {
    case 'invalid-batch-type':
    case 'trailing-garbage':
    case 'batch-truncated':
    case 'batch-header-truncated':
    case 'oversized-batch':
      return true;
    case 'varint-overflow':
      return p.message.startsWith('error reading batch');
    default:
      return false;
  }
}

export function goMessage(p: Problem): string {
  if (p.code === 'missing-frequency') return 'no frequency event found';
  for (const re of GO_MESSAGES) {
    const m = re.exec(p.message);
    if (m) return m[0];
  }
  // Structural batches: ours say what was being read, Go gives the bare reader error.
  if (!p.message.startsWith('reading frame')) {
    const m = /^reading [^:]*: (.*)$/.exec(p.message);
    if (m) return m[1];
  }
  return p.message;
}

/** Go's error for a problem, at the problem's place. */
function located(p: Problem): OrderError {
  const err = new OrderError(p.code, goMessage(p));
  err.at = { offset: p.offset, ...(p.batch !== undefined ? { batch: p.batch } : {}), ...(p.event !== undefined ? { event: p.event } : {}) };
  return err;
}

export interface GenerationVerdict {
  /** Go fails before handing out any event of the generation. */
  immediate?: OrderError;
  /** Before Go 1.26: Go hands the generation out first, then fails. */
  deferred?: OrderError;
  /** Go 1.26+: the file ends after a generation's tables but before its events: a clean end for Go. */
  cleanEnd?: boolean;
}

/**
 * What Go makes of a generation read with these problems (those recorded while reading it, in
 * order). `eventBatches` is how many event batches it holds.
 */
export function judgeGeneration(problems: readonly Problem[], v126: boolean, eventBatches: number, hasBatches: boolean): GenerationVerdict {
  const relevant = problems.filter((p) => READ_ERRORS.has(p.code));
  if (relevant.length === 0) return {};
  const first = relevant[0];
  if (v126 && first.code === 'truncated-generation' && eventBatches === 0) return { cleanEnd: true };
  const err = located(first);
  if (!v126 && hasBatches && isBatchReadError(first)) {
    // Go validates what it read before the broken batch: a failed check there comes first.
    const later = relevant.slice(1).find((p) => !isBatchReadError(p));
    if (later) return { immediate: located(later) };
    return { deferred: err };
  }
  return { immediate: err };
}
