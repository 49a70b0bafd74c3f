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

export function problemToDiagnostic(p: ProblemItem, file: string): DiagnosticSpec {
  const reveal: RevealTarget = { file, offset: p.offset };
  if (p.nodeId) reveal.node = p.nodeId;
  const spec: DiagnosticSpec = {
    message: `${p.message} [${problemLocation(p)}]`,
    severity: p.severity,
    code: p.code,
    reveal,
  };
  if (p.wireLine !== undefined) spec.wireLine = p.wireLine;
  return spec;
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
