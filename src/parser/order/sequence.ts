/**
 * Per-resource sequence numbers: a counter local to a generation. An event carrying a sequence
 * number may advance only as the immediate successor within the same generation.
 */
export interface Seq {
  gen: number;
  seq: number;
}

export function makeSeq(gen: number, seq: number): Seq {
  return { gen, seq };
}

/** True when a is the immediate successor of b. */
export function succeeds(a: Seq, b: Seq): boolean {
  return a.gen === b.gen && a.seq === b.seq + 1;
}

/** Go's text for a counter: "N (gen=G)". */
export function formatSeq(s: Seq): string {
  return `${s.seq} (gen=${s.gen})`;
}

/**
 * If `seq` in generation gen is the immediate successor of s, moves s there (in place: a
 * counter is never shared between resources) and returns true.
 */
export function advanceSeq(s: Seq, gen: number, seq: number): boolean {
  if (s.gen !== gen || s.seq + 1 !== seq) return false;
  s.seq = seq;
  return true;
}

/** True when seq in generation gen is the immediate successor of s (nothing allocated). */
export function isNextSeq(s: Seq, gen: number, seq: number): boolean {
  return s.gen === gen && s.seq + 1 === seq;
}
