/** Problems as the extension shows them: where each is in the generation tree, and their grouping. */
import { groupProblems, type Problem } from '../../parser/index.js';
import type { ProblemItem } from '../../shared/protocol.js';
import type { GenerationInfo } from './generationIndex.js';
import { batchId, eventId, generationId, type NodeLocation } from './nodeIds.js';

export function problemNodeId(p: Problem, generations: readonly GenerationInfo[]): string | undefined {
  if (p.generationIndex === undefined) return undefined;
  const g = generations[p.generationIndex];
  if (!g) return undefined;
  const b = p.batch === undefined ? undefined : g.batches[p.batch];
  if (p.batch === undefined || !b) return generationId(g.genIndex);
  // An event that failed to decode is not a row: point at its batch.
  if (p.event === undefined || p.event >= b.eventCount) return batchId(g.genIndex, p.batch);
  return eventId(g.genIndex, p.batch, p.event);
}

export function toProblemItem(p: Problem, generations: readonly GenerationInfo[]): ProblemItem {
  const item: ProblemItem = { code: p.code, severity: p.severity, message: p.message, offset: p.offset };
  if (p.generation !== undefined) item.generation = p.generation;
  if (p.batch !== undefined) item.batch = p.batch;
  const node = problemNodeId(p, generations);
  if (node) item.nodeId = node;
  return item;
}

/**
 * The problems as the Problems panel and the viewer list them: each cause followed by its
 * consequences (groupProblems), which point back at it; a cause carries their counts.
 */
export function toProblemItems(problems: readonly Problem[], generations: readonly GenerationInfo[]): ProblemItem[] {
  const items: ProblemItem[] = [];
  for (const g of groupProblems(problems)) {
    const cause = items.length;
    const item = toProblemItem(g.cause, generations);
    if (g.counts.length > 0) item.consequences = g.counts.map((c) => ({ ...c }));
    items.push(item);
    for (const p of g.consequences) items.push({ ...toProblemItem(p, generations), cause });
  }
  return items;
}

type Severity = Problem['severity'];
const RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

/** The worst problem severity per row: the problem's row and all its ancestors (computed again when the problems change). */
export class ProblemSeverities {
  private cache: { key: string; map: Map<string, Severity> } | undefined;

  constructor(
    private readonly generations: readonly GenerationInfo[],
    private readonly pathTo: (nodeId: string) => NodeLocation | undefined,
  ) {}

  of(problems: readonly Problem[]): Map<string, Severity> {
    const key = `${problems.length}/${this.generations.length}`;
    if (this.cache?.key === key) return this.cache.map;
    const map = new Map<string, Severity>();
    for (const p of problems) {
      const id = problemNodeId(p, this.generations);
      if (!id) continue;
      const loc = this.pathTo(id);
      for (const n of [...(loc?.path ?? []), id]) {
        const old = map.get(n);
        if (!old || RANK[p.severity] > RANK[old]) map.set(n, p.severity);
      }
    }
    this.cache = { key, map };
    return map;
  }
}
