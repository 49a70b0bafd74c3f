/**
 * The status bar item's text for the active trace (statusBar.ts): "$(sync~spin) Go trace: reading
 * 35%" while the file is read, then its generations and problems. Pure (no vscode import), for
 * the tests.
 */
import type { TraceSummary } from '../shared/protocol.js';

export interface TraceStatusInput {
  fileName: string;
  summary: TraceSummary | undefined;
  /** The worker is done (the summaries too), or stopped. */
  done: boolean;
  failure: string | undefined;
}

export interface TraceStatusText {
  text: string;
  tooltip: string;
}

const count = (n: number, one: string, many = `${one}s`): string => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

export function traceStatusText(s: TraceStatusInput): TraceStatusText {
  const tooltip = `${s.fileName}: click to show the Problems panel`;
  const sum = s.summary;
  if (!sum || (!sum.done && !s.done)) {
    const pct = sum && sum.fileSize > 0 ? Math.floor((100 * sum.parsedBytes) / sum.fileSize) : 0;
    return { text: `$(sync~spin) Go trace: reading ${pct}%`, tooltip: `Reading ${tooltip}` };
  }
  const p = sum.problems;
  const problems = p.errors + p.warnings + p.infos;
  const icon = p.errors > 0 ? '$(error) ' : p.warnings > 0 ? '$(warning) ' : '';
  const summarizing = !s.done ? ', summarizing…' : '';
  const spin = !s.done ? '$(sync~spin) ' : icon;
  const text = `${spin}Go trace: ${count(sum.generations, 'generation')}, ${problems === 0 ? 'no problems' : count(problems, 'problem')}${summarizing}`;
  return { text, tooltip: s.failure ? `${tooltip}\n${s.failure}` : tooltip };
}
