/**
 * Trace strings as JavaScript strings, without losing bytes. A Go string is any byte sequence;
 * the trace's strings are almost always UTF-8, but when one is not, Go prints its bad bytes as
 * \xNN, so they must survive. Each byte that is not part of a valid UTF-8 sequence becomes the
 * lone low surrogate U+DC00+byte (valid UTF-8 never decodes to a surrogate, so these cannot be
 * confused with text), and goes back to that byte when the string is encoded again. Displayed,
 * a lone surrogate shows as the replacement character.
 */
import { utf8SequenceLength } from './utf8.js';

// ignoreBOM: a string that starts with U+FEFF keeps it (the decoder drops it by default).
const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const encoder = new TextEncoder();
const ESCAPE_BASE = 0xdc00;

/** bytes[start, end) as a string; invalid UTF-8 bytes kept as escapes. */
export function decodeTraceString(bytes: Uint8Array, start = 0, end = bytes.length): string {
  // Short ASCII strings (most of them) are quicker to make here than through a decoder call.
  let ascii = end - start <= 256;
  for (let i = start; ascii && i < end; i++) {
    if (bytes[i] >= 0x80) {
      ascii = false;
      break;
    }
  }
  const slice = bytes.subarray(start, end);
  if (ascii) return String.fromCharCode.apply(null, slice as unknown as number[]);
  try {
    return strict.decode(slice);
  } catch {
    return decodeWithEscapes(bytes, start, end);
  }
}

function decodeWithEscapes(bytes: Uint8Array, start: number, end: number): string {
  let out = '';
  let run = start;
  for (let i = start; i < end; ) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    const n = utf8SequenceLength(bytes, i, end);
    if (n > 0) {
      i += n;
      continue;
    }
    out += strict.decode(bytes.subarray(run, i)) + String.fromCharCode(ESCAPE_BASE + b);
    i++;
    run = i;
  }
  return out + strict.decode(bytes.subarray(run, end));
}

/** The bytes a decoded trace string came from. */
export function encodeTraceString(s: string): Uint8Array {
  if (!/[\udc80-\udcff]/.test(s)) return encoder.encode(s);
  const parts: number[] = [];
  let run = 0;
  const flush = (to: number) => {
    if (to > run) for (const b of encoder.encode(s.slice(run, to))) parts.push(b);
  };
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xdc80 && c <= 0xdcff && !(i > 0 && isHighSurrogate(s.charCodeAt(i - 1)))) {
      flush(i);
      parts.push(c - ESCAPE_BASE);
      run = i + 1;
    }
  }
  flush(s.length);
  return Uint8Array.from(parts);
}

function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}
