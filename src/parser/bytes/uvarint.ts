/**
 * Unsigned LEB128 ("uvarint") decoding, as Go's encoding/binary reads it: at most 10 bytes, the
 * 10th at most 1. Non-minimal encodings are valid (the runtime pads batch sizes to 10 bytes).
 *
 * The fast decoder returns a JavaScript number. Values above 2^53 lose precision there; callers
 * that must print them exactly (the wire dump) re-read them with readUvarintBig.
 */

/** Position after the last successful read, or a negative status. Shared to avoid allocating. */
export const UVARINT_SHORT = -1; // the buffer ended inside the varint (Go: n == 0)
export const UVARINT_OVERFLOW = -2; // more than 64 bits (Go: n < 0)

export interface UvarintCursor {
  /** Decoded value; meaningful when pos >= 0. */
  value: number;
  /** Position after the varint, or UVARINT_SHORT / UVARINT_OVERFLOW. */
  pos: number;
}

const TWO_POW_28 = 0x10000000;

/**
 * Decodes one uvarint from buf at pos, up to end, into cur. Returns cur.pos (negative on error).
 * The common 1- to 4-byte cases use 32-bit integer arithmetic; longer ones fall back to doubles.
 */
export function readUvarint(buf: Uint8Array, pos: number, end: number, cur: UvarintCursor): number {
  if (pos >= end) return (cur.pos = UVARINT_SHORT);
  let b = buf[pos++];
  if (b < 0x80) {
    cur.value = b;
    return (cur.pos = pos);
  }
  let low = b & 0x7f;
  let shift = 7;
  // Up to 28 bits fit in a small integer.
  while (shift < 28) {
    if (pos >= end) return (cur.pos = UVARINT_SHORT);
    b = buf[pos++];
    low |= (b & 0x7f) << shift;
    if (b < 0x80) {
      cur.value = low >>> 0;
      return (cur.pos = pos);
    }
    shift += 7;
  }
  // Bits 28 and up: accumulate in a double (exact up to 2^53).
  let high = 0;
  let mul = 1;
  for (let i = 4; i < 10; i++) {
    if (pos >= end) return (cur.pos = UVARINT_SHORT);
    b = buf[pos++];
    if (i === 9 && b > 1) return (cur.pos = UVARINT_OVERFLOW);
    high += (b & 0x7f) * mul;
    if (b < 0x80) {
      cur.value = (low >>> 0) + high * TWO_POW_28;
      return (cur.pos = pos);
    }
    mul *= 128;
  }
  return (cur.pos = UVARINT_OVERFLOW);
}

/** Decodes one uvarint exactly, as a bigint. Returns undefined where readUvarint fails. */
export function readUvarintBig(buf: Uint8Array, pos: number, end: number): { value: bigint; pos: number } | undefined {
  let value = 0n;
  let shift = 0n;
  for (let i = 0; i < 10; i++) {
    if (pos >= end) return undefined;
    const b = buf[pos++];
    if (i === 9 && b > 1) return undefined;
    value |= BigInt(b & 0x7f) << shift;
    if (b < 0x80) return { value, pos };
    shift += 7n;
  }
  return undefined;
}

/** Largest value a number holds exactly; above it, print through readUvarintBig. */
export const MAX_EXACT = Number.MAX_SAFE_INTEGER;

/** Encodes a uvarint, minimally, or padded to `width` bytes (the runtime pads batch sizes to 10). */
export function encodeUvarint(value: number | bigint, width = 0): number[] {
  let v = BigInt(value);
  if (v < 0n) throw new RangeError('uvarint must be non-negative');
  const out: number[] = [];
  do {
    let b = Number(v & 0x7fn);
    v >>= 7n;
    if (v !== 0n || out.length + 1 < width) b |= 0x80;
    out.push(b);
  } while (v !== 0n || out.length < width);
  return out;
}

/** uint64 value of all ones, the runtime's "no thread" / "no proc". */
export const U64_MAX = 0xffffffffffffffffn;
