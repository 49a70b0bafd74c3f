/** go-trace check FILE: every problem in a trace, one per line. */
import { formatProblemGroups, groupProblems, hasErrors, openTrace, withOrderingFailure, type OrderingCheck, type TraceFormat } from '../../parser/index.js';
import { openFileSource } from '../../node/fileSource.js';
import { checkTraceParallel } from '../../node/parallelCheck.js';
import { Command, EXIT_OK, EXIT_PROBLEM, EXIT_USAGE } from '../command.js';

/** The ordering check of a v2 trace; undefined for v1 traces and files that are not traces. */
async function checkOrderingV2(trace: TraceFormat): Promise<OrderingCheck | undefined> {
  return trace.kind === 'v2' ? trace.checkOrdering() : undefined;
}

export const checkCommand: Command = {
  name: 'check',
  summary: 'report every problem in a trace (exit 1 if any is an error)',
  help: `usage: go-trace check FILE

Reads the whole trace and prints one line per problem:

  SEVERITY CODE offset=N gen=G: message

SEVERITY is ERROR, WARNING or INFO; CODE is a stable identifier (see the README); N is the byte
offset in the file; G is the generation number, or - outside any generation.

Problems that follow from another are listed under it: when a generation's read stops early (a
truncation, a bad batch), the references into its string and stack tables, which come at its
end, dangle. Under such a cause, each kind of consequence is counted on a line indented by two
spaces, and its problems follow, indented by four.

Two checks run side by side: the wire-level one (framing, tables, every event decoded and its
references checked; it reads on past a problem and lists them all), and the ordering one (the
events merged in Go's order through the goroutine, proc and GC state machines, as Go's parser
does; it ends at the first error, which Go's parser would stop at, placed at the event concerned).

Options:
  --wire-only   run only the wire-level check (faster on big traces)

Exit status: 0 when no problem is an error, 1 when one is, 2 when the check cannot run.
`,
  async run(args, io) {
    const wireOnly = args.includes('--wire-only');
    const files = args.filter((a) => !a.startsWith('-'));
    if (files.length !== 1 || files.length + (wireOnly ? 1 : 0) !== args.length) {
      io.err('usage: go-trace check [--wire-only] FILE\n');
      return EXIT_USAGE;
    }
    let source;
    try {
      source = await openFileSource(files[0]);
    } catch (e) {
      io.err(`go-trace check: ${e instanceof Error ? e.message : String(e)}\n`);
      return EXIT_USAGE;
    }
    try {
      // Generations decoded in worker threads on big traces (the same result as checkTrace).
      // The ordering runs on this thread meanwhile (v1 traces: the wire check orders them already).
      const trace = await openTrace(source);
      const [result, ordering] = await Promise.all([checkTraceParallel(trace), wireOnly ? undefined : checkOrderingV2(trace)]);
      const problems = withOrderingFailure(result.problems, ordering?.failure);
      // A cause first, what follows from it indented below (the exit status counts them all).
      for (const line of formatProblemGroups(groupProblems(problems))) io.out(line + '\n');
      return hasErrors(problems) ? EXIT_PROBLEM : EXIT_OK;
    } finally {
      await source.close?.();
    }
  },
};
