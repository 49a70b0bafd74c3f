/**
 * Before Go 1.26 nothing marks the end of the last generation, so when a byte that cannot start a
 * batch turns up, we look ahead: if no plausible batch follows, the bytes are garbage appended to
 * a complete trace rather than damage in the middle of one.
 */
import type { UvarintCursor } from '../bytes/uvarint.js';
import type { WindowReader } from '../bytes/windowReader.js';
import { MAX_BATCH_HEADER_SIZE, readBatchHeader } from './batch.js';

/** How far ahead to look: past a batch's largest size, so one skipped batch cannot hide the next. */
const LOOKAHEAD = 1 << 20;

export async function findPlausibleBatch(window: WindowReader, from: number, gen: number): Promise<boolean> {
  const end = Math.min(window.size, from + LOOKAHEAD);
  if (end <= from + 1) return false;
  const w = await window.window(from, end - from);
  const cur: UvarintCursor = { value: 0, pos: 0 };
  const last = w.index + Math.min(w.available, end - from);
  for (let i = w.index + 1; i < last; i++) {
    const head = readBatchHeader(w.bytes, i, Math.min(last, i + MAX_BATCH_HEADER_SIZE), from + (i - w.index), cur);
    if (head.status !== 'batch') continue;
    const b = head.batch;
    const fits = b.payloadOffset + b.size <= window.size;
    if (fits && (b.gen === gen || b.gen === gen + 1)) return true;
  }
  return false;
}
