/**
 * Problems that follow from another, folded under it. A generation's string, stack and clock
 * tables come at its end: when its read stops early (a truncation, a bad batch, an interleaved
 * generation, a table that stops loading), every reference into what was lost is reported too,
 * dozens of them, and Go's ordering gets stuck without the lost batches, though they say nothing
 * new. Here the problem that stopped the read is the cause, and those are its consequences,
 * counted by kind. Pure data: the CLI, the Problems
 * panel and the viewer show the same groups.
 */
import { PROBLEM_CODES } from './problemCodes.js';
import { formatProblem, type Problem, type ProblemCode } from './problems.js';

export interface ConsequenceCount {
  code: ProblemCode;
  count: number;
  /** e.g. "40 references from stack frames into the string table that the truncation removed". */
  text: string;
}

export interface ProblemGroup {
  cause: Problem;
  /** Problems that follow from the cause, in the order given, by kind (see counts). */
  consequences: Problem[];
  /** The consequences counted by kind, in order of first appearance. */
  counts: ConsequenceCount[];
}

/**
 * The problems as groups, in the order of their causes in `problems`; a problem that neither
 * causes nor follows from another is a group of its own. Every problem is in exactly one group.
 */
export function groupProblems(problems: readonly Problem[]): ProblemGroup[] {
  const causeOf = new Map<number, Problem>();
  for (const p of problems) {
    if (p.generationIndex === undefined || !PROBLEM_CODES[p.code].losesRest) continue;
    const known = causeOf.get(p.generationIndex);
    // The earliest loss in the file explains the rest of the generation.
    if (!known || p.offset < known.offset) causeOf.set(p.generationIndex, p);
  }
  const groups = new Map<Problem, Problem[]>();
  const order: Problem[] = [];
  for (const p of problems) {
    const cause = p.generationIndex === undefined ? undefined : causeOf.get(p.generationIndex);
    if (cause && cause !== p && PROBLEM_CODES[p.code].symptomOfLoss) {
      let list = groups.get(cause);
      if (!list) groups.set(cause, (list = []));
      list.push(p);
      continue;
    }
    order.push(p);
    if (!groups.has(p)) groups.set(p, []);
  }
  return order.map((cause) => group(cause, groups.get(cause)!));
}

function group(cause: Problem, found: readonly Problem[]): ProblemGroup {
  const byCode = new Map<ProblemCode, Problem[]>();
  for (const p of found) {
    let list = byCode.get(p.code);
    if (!list) byCode.set(p.code, (list = []));
    list.push(p);
  }
  const lost = PROBLEM_CODES[cause.code].losesRest ?? '';
  const counts: ConsequenceCount[] = [];
  const consequences: Problem[] = [];
  for (const [code, list] of byCode) {
    consequences.push(...list);
    counts.push({ code, count: list.length, text: `${PROBLEM_CODES[code].symptomOfLoss!(list.length)} that ${lost}` });
  }
  return { cause, consequences, counts };
}

/**
 * The CLI's grouped form: each cause on one line (formatProblem), and under it, per kind of
 * consequence, its count indented by two spaces and the consequences by four.
 */
export function formatProblemGroups(groups: readonly ProblemGroup[]): string[] {
  const lines: string[] = [];
  for (const g of groups) {
    lines.push(formatProblem(g.cause));
    for (const c of g.counts) {
      lines.push(`  ${c.text}:`);
      for (const p of g.consequences) if (p.code === c.code) lines.push(indent(formatProblem(p), '    '));
    }
  }
  return lines;
}

/** Every line of a (multi-line) text indented; empty lines stay empty. */
function indent(text: string, by: string): string {
  return text.split('\n').map((line) => (line === '' ? line : by + line)).join('\n');
}
