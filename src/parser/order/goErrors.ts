/**
 * Go's error for a generation the trace reader could not read cleanly. The reader records every
 * problem with an explanation after Go's text and reads on where it can; Go's Reader stops at the
 * first problem. This picks the problem Go would have stopped at, with Go's words, and says
 * whether Go reports it at once or (before Go 1.26, for a batch that cannot be read) only after
 * handing out the generation read so far.
 */
import type { Problem } from '../problems.js';
import { goText, isBatchRead, stopsGo } from '../problemCodes.js';
import { OrderError } from './orderError.js';

/** Go's error for a problem (Go's text from problemCodes.ts), at the problem's place. */
function located(p: Problem): OrderError {
  const err = new OrderError(p.code, goText(p));
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
  const relevant = problems.filter((p) => stopsGo(p.code));
  if (relevant.length === 0) return {};
  const first = relevant[0];
  if (v126 && first.code === 'truncated-generation' && eventBatches === 0) return { cleanEnd: true };
  const err = located(first);
  if (!v126 && hasBatches && isBatchRead(first)) {
    // Go validates what it read before the broken batch: a failed check there comes first.
    const later = relevant.slice(1).find((p) => !isBatchRead(p));
    if (later) return { immediate: located(later) };
    return { deferred: err };
  }
  return { immediate: err };
}
