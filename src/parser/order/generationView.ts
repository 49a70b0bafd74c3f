/**
 * What the ordered events of one generation look things up in: its number, its tables, and the
 * frames of its stacks resolved once each. Go's evTable plays this part.
 */
import type { GenerationTables } from '../generation/tables.js';

export interface StackFrame {
  pc: number;
  func: string;
  file: string;
  line: number;
}

export class GenerationView {
  private readonly stackCache = new Map<number, readonly StackFrame[]>();

  constructor(
    /** Generation number as written. */
    readonly gen: number,
    /** Position of the generation in the file, 0-based. */
    readonly index: number,
    readonly tables: GenerationTables,
  ) {}

  /** `id | 0` keeps the presence lookups integer-indexed (a double key takes V8's slow path). */
  hasStack(id: number): boolean {
    const presence = this.tables.stacks.presence;
    if (presence !== undefined) return id < presence.length && presence[id | 0] === 1;
    return this.tables.stacks.has(id);
  }

  hasString(id: number): boolean {
    const presence = this.tables.strings.presence;
    if (presence !== undefined) return id < presence.length && presence[id | 0] === 1;
    return this.tables.strings.has(id);
  }

  /** The string, or '' when the ID is unknown (Go would have failed earlier). */
  string(id: number): string {
    return this.tables.strings.get(id) ?? '';
  }

  /** A stack's frames, innermost first; empty for stack 0 or an unknown ID. */
  frames(id: number): readonly StackFrame[] {
    let f = this.stackCache.get(id);
    if (f === undefined) {
      const t = this.tables;
      f = (t.stacks.get(id)?.pcs ?? []).map((pc) => {
        const fr = t.frames.get(pc);
        return fr
          ? { pc, func: t.strings.get(fr.funcId) ?? '', file: t.strings.get(fr.fileId) ?? '', line: fr.line }
          : { pc, func: '', file: '', line: 0 };
      });
      this.stackCache.set(id, f);
    }
    return f;
  }
}
