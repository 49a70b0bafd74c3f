/** go-trace bin2raw FILE: a binary trace in the raw text format of Go's parser tests. */
import { Command } from '../command.js';
import { runRawDump } from './wire.js';

export const bin2rawCommand: Command = {
  name: 'bin2raw',
  summary: "print a trace in the raw text format of Go's parser tests",
  help: `usage: go-trace bin2raw FILE

Prints the trace in the text format Go's internal/trace/raw package reads and writes (the
'-- trace --' part of Go's parser test files), as its TextWriter writes it: a "Trace Go1.NN"
line, then one event per line, each exactly as 'go-trace wire' prints it (Stack frames and data
on indented lines below their event).

Errors are printed to stderr with Go's wording, after the lines written before them.

Only v2 traces (Go 1.22 and newer) are converted: the text format has no v1 form, so v1 traces
are reported as not supported.

Exit status: 0 on success, 1 on a trace error or a v1 trace, 2 when FILE is missing or cannot
be read.
`,
  run(args, io) {
    return runRawDump('bin2raw', args, io, true);
  },
};
