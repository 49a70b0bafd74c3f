/**
 * Collects problems with a bound, so a hostile trace (a million dangling references) cannot make
 * the list, the Problems panel or memory grow without limit. What is left out is counted.
 */
import type { Problem, ProblemCode } from './problems.js';

export interface ProblemLimits {
  /** Most problems kept in all. */
  total: number;
  /** Most problems kept per code and generation. */
  perCodeAndGeneration: number;
}

export const DEFAULT_PROBLEM_LIMITS: ProblemLimits = { total: 2000, perCodeAndGeneration: 20 };

export class ProblemList {
  readonly items: Problem[] = [];
  /** Problems not kept, by code. */
  readonly omitted = new Map<ProblemCode, number>();
  private readonly perKey = new Map<string, number>();

  constructor(private readonly limits: ProblemLimits = DEFAULT_PROBLEM_LIMITS) {}

  add(p: Problem): void {
    const key = `${p.code}\u0000${p.generationIndex ?? -1}`;
    const seen = this.perKey.get(key) ?? 0;
    if (seen >= this.limits.perCodeAndGeneration || this.items.length >= this.limits.total) {
      this.omitted.set(p.code, (this.omitted.get(p.code) ?? 0) + 1);
      return;
    }
    this.perKey.set(key, seen + 1);
    this.items.push(p);
  }

  get omittedCount(): number {
    let n = 0;
    for (const v of this.omitted.values()) n += v;
    return n;
  }

  hasErrors(): boolean {
    return this.items.some((p) => p.severity === 'error');
  }
}
