/**
 * Rewrites the string tables of a v2 (Go 1.22+) trace: every Strings batch is decoded, each string
 * passed through `rewrite`, and the batch encoded again with its new size (as a 10-byte padded
 * uvarint, like the runtime writes it). Every other byte — the header, event, stack, CPU-sample,
 * sync and experimental batches, EndOfGeneration markers, the other batch header fields — is
 * copied as is. Frames name their function and file by string ID, so changing the strings moves
 * every frame of the trace to new paths: the end-to-end tests turn one recorded trace into
 * variants that need each source-resolution rule.
 *
 *   const bytes = rewriteTraceStrings(original, filesOnly(replacePrefix('example.com/e2eapp/', '/srv/ws/')));
 *
 * Strings are given and taken as text/traceString.ts makes them (bytes that are not UTF-8 as lone
 * surrogates). A string the function returns unchanged keeps its original bytes.
 * A batch that grows past the runtime's batch size limit is split into several Strings batches
 * with the same header fields. Bytes that cannot be framed (a truncated or broken tail) are
 * copied unchanged from there on.
 */
import { encodeUvarint } from '../../src/parser/bytes/uvarint.js';
import { Ev, MAX_BATCH_SIZE, MAX_STRING_SIZE } from '../../src/parser/format/v2Events.js';
import { readHeader, TraceVersion } from '../../src/parser/format/version.js';
import { decodeTraceString, encodeTraceString } from '../../src/parser/text/traceString.js';

export type StringRewrite = (s: string, id: number) => string;

export interface RewriteResult {
  bytes: Uint8Array;
  /** Strings batches found (before any split). */
  stringBatches: number;
  /** Strings seen, and how many of them `rewrite` changed. */
  strings: number;
  changed: number;
}


/** Width of the size field the runtime writes. */
const SIZE_WIDTH = 10;

/** Reads a uvarint at pos; returns [value, next] or undefined past `end` or beyond 2^53. */
function uvarint(b: Uint8Array, pos: number, end: number): [number, number] | undefined {
  let value = 0;
  let scale = 1;
  for (let i = pos; i < end && i < pos + 10; i++) {
    value += (b[i] & 0x7f) * scale;
    if (b[i] < 0x80) return value <= Number.MAX_SAFE_INTEGER ? [value, i + 1] : undefined;
    scale *= 128;
  }
  return undefined;
}

/** The position after the uvarint at pos, or -1. */
function skipUvarint(b: Uint8Array, pos: number, end: number): number {
  for (let i = pos; i < end && i < pos + 10; i++) if (b[i] < 0x80) return i + 1;
  return -1;
}

export function rewriteTraceStrings(trace: Uint8Array, rewrite: StringRewrite): Uint8Array {
  return rewriteTraceStringsDetailed(trace, rewrite).bytes;
}

export function rewriteTraceStringsDetailed(trace: Uint8Array, rewrite: StringRewrite): RewriteResult {
  const h = readHeader(trace.subarray(0, 32));
  if (!h.ok) throw new Error(`rewriteTraceStrings: ${h.message}`);
  if (h.version < TraceVersion.Go122) throw new Error(`rewriteTraceStrings: go 1.${h.version} traces have no v2 string batches`);
  const out: Uint8Array[] = [trace.subarray(0, h.size)];
  const result: RewriteResult = { bytes: new Uint8Array(), stringBatches: 0, strings: 0, changed: 0 };
  let pos = h.size;
  const end = trace.length;
  while (pos < end) {
    const type = trace[pos];
    if (type === Ev.EndOfGeneration && h.version >= TraceVersion.Go126) {
      out.push(trace.subarray(pos, pos + 1));
      pos++;
      continue;
    }
    if (type !== Ev.EventBatch && type !== Ev.ExperimentalBatch) break;
    let p = pos + 1;
    let experiment = 0;
    if (type === Ev.ExperimentalBatch) {
      if (p >= end) break;
      experiment = trace[p++];
    }
    // gen, m, time: kept as written (m may be 2^64-1, "no thread").
    for (let i = 0; i < 3 && p >= 0; i++) p = skipUvarint(trace, p, end);
    const sizeField = p >= 0 ? uvarint(trace, p, end) : undefined;
    if (!sizeField) break;
    const [size, payloadStart] = sizeField;
    const payloadEnd = payloadStart + size;
    if (payloadEnd > end) break;
    const payload = trace.subarray(payloadStart, payloadEnd);
    const strings = experiment === 0 && size > 0 && payload[0] === Ev.Strings ? decodeStrings(payload) : undefined;
    if (!strings) {
      out.push(trace.subarray(pos, payloadEnd));
    } else {
      result.stringBatches++;
      const prefix = trace.subarray(pos, p); // type, gen, m, time
      for (const chunk of encodeStrings(strings, rewrite, result)) {
        out.push(prefix, Uint8Array.from(encodeUvarint(chunk.length, SIZE_WIDTH)), chunk);
      }
    }
    pos = payloadEnd;
  }
  if (pos < end) out.push(trace.subarray(pos));
  result.bytes = concat(out);
  return result;
}

interface RawString {
  id: number;
  bytes: Uint8Array;
}

function decodeStrings(payload: Uint8Array): RawString[] | undefined {
  const list: RawString[] = [];
  let p = 1;
  while (p < payload.length) {
    if (payload[p++] !== Ev.String) return undefined;
    const id = uvarint(payload, p, payload.length);
    if (!id) return undefined;
    const len = uvarint(payload, id[1], payload.length);
    if (!len || len[1] + len[0] > payload.length) return undefined;
    list.push({ id: id[0], bytes: payload.subarray(len[1], len[1] + len[0]) });
    p = len[1] + len[0];
  }
  return list;
}

/** The strings as one or more Strings payloads, each within the batch size limit. */
function encodeStrings(strings: RawString[], rewrite: StringRewrite, result: RewriteResult): Uint8Array[] {
  const chunks: Uint8Array[] = [];
  let parts: number[][] = [[Ev.Strings]];
  let size = 1;
  const flush = () => {
    chunks.push(concat(parts.map((a) => Uint8Array.from(a))));
    parts = [[Ev.Strings]];
    size = 1;
  };
  for (const s of strings) {
    result.strings++;
    const text = decodeTraceString(s.bytes);
    const next = rewrite(text, s.id);
    let bytes = s.bytes;
    if (next !== text) {
      result.changed++;
      bytes = encodeTraceString(next);
      if (bytes.length > MAX_STRING_SIZE) {
        throw new Error(`rewriteTraceStrings: string ${s.id} would be ${bytes.length} bytes, the trace format allows ${MAX_STRING_SIZE}`);
      }
    }
    const event = [Ev.String, ...encodeUvarint(s.id), ...encodeUvarint(bytes.length), ...bytes];
    if (size + event.length > MAX_BATCH_SIZE && size > 1) flush();
    parts.push(event);
    size += event.length;
  }
  flush();
  return chunks;
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  let n = 0;
  for (const p of parts) n += p.length;
  const out = new Uint8Array(n);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** A rewrite that replaces `from` at the start of a string with `to`, leaving other strings alone. */
export function replacePrefix(from: string, to: string): StringRewrite {
  return (s) => (s.startsWith(from) ? to + s.slice(from.length) : s);
}

/**
 * Restricts a rewrite to source file names (strings ending in .go or .s), so that function names
 * such as example.com/app/pkg.F, which share the module prefix, stay as they are.
 */
export function filesOnly(rewrite: StringRewrite): StringRewrite {
  return (s, id) => (/\.(go|s)$/.test(s) ? rewrite(s, id) : s);
}

/** Applies several rewrites in turn; the first one that changes a string wins. */
export function firstOf(...rewrites: StringRewrite[]): StringRewrite {
  return (s, id) => {
    for (const r of rewrites) {
      const next = r(s, id);
      if (next !== s) return next;
    }
    return s;
  };
}
