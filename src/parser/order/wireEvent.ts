/** One timed event as a batch cursor reads it: type, time in ns, and up to four arguments after dt. */
export class WireEvent {
  type = 0;
  time = 0;
  a0 = 0;
  a1 = 0;
  a2 = 0;
  a3 = 0;
  /** Exact values of the arguments, only when one of them is beyond 2^53 (else undefined). */
  exact: bigint[] | undefined = undefined;

  /** Argument i (0-based, after dt). */
  arg(i: number): number {
    return i === 0 ? this.a0 : i === 1 ? this.a1 : i === 2 ? this.a2 : this.a3;
  }
}
