/** go-trace check FILE: every problem in a trace, one per line. */
import { formatProblem, hasErrors } from '../../parser/problems.js';
import { openFileSource } from '../../node/fileSource.js';
import { checkTraceParallel } from '../../node/parallelCheck.js';
import { Command, EXIT_OK, EXIT_PROBLEM, EXIT_USAGE } from '../command.js';

export const checkCommand: Command = {
  name: 'check',
  summary: 'report every problem in a trace (exit 1 if any is an error)',
  help: `usage: go-trace check FILE

Reads the whole trace and prints one line per problem:

  SEVERITY CODE offset=N gen=G: message

SEVERITY is ERROR, WARNING or INFO; CODE is a stable identifier (see the README); N is the byte
offset in the file; G is the generation number, or - outside any generation.

Exit status: 0 when no problem is an error, 1 when one is, 2 when the check cannot run.
`,
  async run(args, io) {
    const files = args.filter((a) => !a.startsWith('-'));
    if (files.length !== 1 || files.length !== args.length) {
      io.err('usage: go-trace check FILE\n');
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
      const result = await checkTraceParallel(source);
      for (const p of result.problems) io.out(formatProblem(p) + '\n');
      return hasErrors(result.problems) ? EXIT_PROBLEM : EXIT_OK;
    } finally {
      await source.close?.();
    }
  },
};
