/**
 * Checks made once a generation's batches are all read, as Go's parser makes them
 * (src/internal/trace/generation.go): clock data present, every stack's PCs and strings defined.
 * Also finishes the tables: dense ID lookups, CPU sample times in ns, sorted.
 */
import { TraceVersion } from '../format/version.js';
import type { Problem, ProblemCode, Severity } from '../problems.js';
import type { Generation } from './generation.js';

export function validateGeneration(g: Generation, version: number): Problem[] {
  const problems: Problem[] = [];
  const add = (code: ProblemCode, severity: Severity, message: string, offset = g.offset) => {
    problems.push({ code, severity, message, offset, generation: g.gen, generationIndex: g.index });
  };
  const t = g.tables;
  if (t.freq === 0) add('missing-frequency', 'error', 'no frequency event found');
  if (version >= TraceVersion.Go125 && !t.clock) add('missing-clock-snapshot', 'error', 'no clock snapshot event found');
  t.strings.compact();
  t.stacks.compact();

  for (const [id, stack] of t.stacks.entries()) {
    for (const pc of stack.pcs) {
      const frame = t.frames.get(pc);
      if (!frame) {
        add('unknown-pc', 'error', `found unknown pc ${pc.toString(16)} for stack ${id}`);
        continue;
      }
      if (!t.strings.has(frame.funcId)) add('dangling-string-in-stack', 'error', `found invalid func string ID ${frame.funcId} for stack ${id}`);
      if (!t.strings.has(frame.fileId)) add('dangling-string-in-stack', 'error', `found invalid file string ID ${frame.fileId} for stack ${id}`);
    }
  }

  for (const s of t.cpuSamples) {
    s.time = t.ticksToNs(s.ticks);
    // Go does not check these (its check looks at the wrong argument), but a sample whose stack
    // is missing cannot be shown.
    if (!t.stacks.has(s.stack)) {
      problems.push({
        code: 'dangling-stack-ref', severity: 'warning', message: `found invalid stack ID ${s.stack} for event CPUSample`,
        offset: s.offset, generation: g.gen, generationIndex: g.index,
      });
    }
  }
  // Stable, like Go's sort of samples by time (Go's is not stable, but ties are rare and harmless).
  t.cpuSamples.sort((a, b) => a.time - b.time);
  return problems;
}
