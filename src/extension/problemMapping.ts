/**
 * How a parser problem appears in the Problems panel, as plain data (VS Code-free, so it is
 * unit-tested): the message with its location spelled out (a trace is binary: the diagnostic's
 * range says nothing), and the query of the link that reveals it in the viewer.
 */
import type { ProblemItem } from '../shared/protocol.js';

export interface DiagnosticSpec {
  message: string;
  severity: 'error' | 'warning' | 'info';
  /** The problem code, shown by the Problems panel as the diagnostic's code. */
  code: string;
  /** What the reveal link carries. */
  reveal: RevealTarget;
  /** 0-based line in the wire dump, for the related information. */
  wireLine?: number;
  /** Where the wire dump's window holding that line starts (absent: its first window). */
  wireStart?: number;
  /** Related information: the problem's raw event, then what follows from it (counted, then each). */
  related: RelatedSpec[];
}

/** One line of related information: a place in the wire dump, or (no wireLine) the trace itself. */
export interface RelatedSpec {
  message: string;
  wireLine?: number;
  wireStart?: number;
}

/** What a reveal link points at: a trace file, a byte offset, and the node when it is known. */
export interface RevealTarget {
  /** The trace's URI, as a string. */
  file: string;
  offset: number;
  node?: string;
}

export function problemLocation(p: ProblemItem): string {
  const parts: string[] = [];
  if (p.generation !== undefined) parts.push(`generation ${p.generation}`);
  if (p.batch !== undefined) parts.push(`batch ${p.batch}`);
  parts.push(`byte offset ${p.offset} (0x${p.offset.toString(16)})`);
  return parts.join(', ');
}

/**
 * One diagnostic: `consequences` are the problems that follow from this one (ProblemItem.cause),
 * listed in its related information under their counts, so a truncation is one entry, not forty.
 */
export function problemToDiagnostic(p: ProblemItem, file: string, consequences: readonly ProblemItem[] = []): DiagnosticSpec {
  const reveal: RevealTarget = { file, offset: p.offset };
  if (p.nodeId) reveal.node = p.nodeId;
  const spec: DiagnosticSpec = {
    message: `${p.message} [${problemLocation(p)}]`,
    severity: p.severity,
    code: p.code,
    reveal,
    related: [],
  };
  if (p.wireLine !== undefined) {
    spec.wireLine = p.wireLine;
    if (p.wireStart !== undefined) spec.wireStart = p.wireStart;
    spec.related.push(related(`the raw event at byte ${p.offset} in the wire dump`, p));
  }
  for (const c of p.consequences ?? []) {
    const items = consequences.filter((q) => q.code === c.code);
    spec.related.push(related(`${c.text} (${c.code}):`, items[0]));
    for (const q of items) spec.related.push(related(`  ${q.message} [${problemLocation(q)}]`, q));
  }
  return spec;
}

/** The problems as diagnostics: one per problem that follows from none, its consequences inside. */
export function problemsToDiagnostics(problems: readonly ProblemItem[], file: string): DiagnosticSpec[] {
  const following = new Map<number, ProblemItem[]>();
  problems.forEach((p) => {
    if (p.cause === undefined) return;
    let list = following.get(p.cause);
    if (!list) following.set(p.cause, (list = []));
    list.push(p);
  });
  const out: DiagnosticSpec[] = [];
  problems.forEach((p, i) => {
    if (p.cause === undefined) out.push(problemToDiagnostic(p, file, following.get(i)));
  });
  return out;
}

function related(message: string, at: ProblemItem | undefined): RelatedSpec {
  const r: RelatedSpec = { message };
  if (at?.wireLine !== undefined) {
    r.wireLine = at.wireLine;
    if (at.wireStart !== undefined) r.wireStart = at.wireStart;
  }
  return r;
}

/** The query string of a reveal link: file=...&offset=...&node=... */
export function revealQuery(t: RevealTarget): string {
  const q = new URLSearchParams({ file: t.file, offset: String(t.offset) });
  if (t.node) q.set('node', t.node);
  return q.toString();
}

/** Reads a reveal link's query back; undefined if it is not one of ours (links can be typed by anyone). */
export function parseRevealQuery(query: string): RevealTarget | undefined {
  const q = new URLSearchParams(query);
  const file = q.get('file');
  const offset = Number(q.get('offset'));
  if (!file || !Number.isSafeInteger(offset) || offset < 0) return undefined;
  const t: RevealTarget = { file, offset };
  const node = q.get('node');
  if (node && node.length <= 200) t.node = node;
  return t;
}

/** Reads the argument of the goTrace.revealProblem command (from a command: link or a caller). */
export function parseRevealArgument(arg: unknown): RevealTarget | undefined {
  if (typeof arg !== 'object' || arg === null) return undefined;
  const { file, offset, node } = arg as Record<string, unknown>;
  if (typeof file !== 'string' || typeof offset !== 'number' || !Number.isSafeInteger(offset) || offset < 0) return undefined;
  const t: RevealTarget = { file, offset };
  if (typeof node === 'string' && node.length <= 200) t.node = node;
  return t;
}
