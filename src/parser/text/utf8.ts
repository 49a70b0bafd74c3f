/**
 * UTF-8 as Go's unicode/utf8 reads it: one set of rules for the quoting, unquoting and header
 * code. Overlong forms (E0/F0), surrogates (ED) and values above U+10FFFF (F4) are invalid.
 */

/**
 * For a lead byte: the sequence length and the range allowed for the second byte, packed as
 * n | lo << 8 | hi << 16; 0 if the byte starts no multi-byte sequence.
 */
function leadByte(b0: number): number {
  if (b0 >= 0xc2 && b0 <= 0xdf) return 2 | (0x80 << 8) | (0xbf << 16);
  if (b0 >= 0xe0 && b0 <= 0xef) return 3 | ((b0 === 0xe0 ? 0xa0 : 0x80) << 8) | ((b0 === 0xed ? 0x9f : 0xbf) << 16);
  if (b0 >= 0xf0 && b0 <= 0xf4) return 4 | ((b0 === 0xf0 ? 0x90 : 0x80) << 8) | ((b0 === 0xf4 ? 0x8f : 0xbf) << 16);
  return 0;
}

/**
 * Length of the well-formed UTF-8 sequence starting at bytes[i] (2 to 4), 0 if the byte at i does
 * not start one that is complete before `end`.
 */
export function utf8SequenceLength(bytes: Uint8Array, i: number, end: number): number {
  const l = leadByte(bytes[i]);
  if (l === 0) return 0;
  const n = l & 0xff;
  if (i + n > end) return 0;
  const b1 = bytes[i + 1];
  if (b1 < ((l >> 8) & 0xff) || b1 > l >>> 16) return 0;
  for (let k = 2; k < n; k++) {
    const b = bytes[i + k];
    if (b < 0x80 || b > 0xbf) return 0;
  }
  return n;
}

/** True if bytes[i, end) is a valid but incomplete prefix of some UTF-8 sequence. */
export function utf8CouldContinue(bytes: Uint8Array, i: number, end: number): boolean {
  const l = leadByte(bytes[i]);
  if (l === 0) return false;
  if (end - i >= (l & 0xff)) return false;
  if (i + 1 < end && (bytes[i + 1] < ((l >> 8) & 0xff) || bytes[i + 1] > l >>> 16)) return false;
  for (let k = i + 2; k < end; k++) if (bytes[k] < 0x80 || bytes[k] > 0xbf) return false;
  return true;
}

/** The code point of the valid sequence of length n (from utf8SequenceLength) at bytes[i]. */
export function decodeUtf8Sequence(bytes: Uint8Array, i: number, n: number): number {
  const b0 = bytes[i];
  if (n === 2) return ((b0 & 0x1f) << 6) | (bytes[i + 1] & 0x3f);
  if (n === 3) return ((b0 & 0x0f) << 12) | ((bytes[i + 1] & 0x3f) << 6) | (bytes[i + 2] & 0x3f);
  return ((b0 & 0x07) << 18) | ((bytes[i + 1] & 0x3f) << 12) | ((bytes[i + 2] & 0x3f) << 6) | (bytes[i + 3] & 0x3f);
}
