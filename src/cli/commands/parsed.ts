/**
 * go-trace parsed FILE: the ordered event stream, printed exactly as `go tool trace -d=parsed FILE`
 * (Go 1.26+) prints it: one Event.String() per event. Streams v2 traces (one generation in memory
 * at a time); v1 traces are read whole, as Go reads them.
 */
import { formatEvent, openEventStream } from '../../parser/index.js';
import { CliIO, Command, EXIT_OK, EXIT_PROBLEM, EXIT_USAGE } from '../command.js';
import { openTraceArg } from '../openTraceArg.js';
import { StdoutFlow } from '../stdoutFlow.js';

export async function runParsed(args: string[], io: CliIO): Promise<number> {
  if (args.length !== 1 || (args[0].startsWith('-') && args[0] !== '-')) {
    io.err('usage: go-trace parsed FILE\n');
    return EXIT_USAGE;
  }
  const path = args[0];
  const source = await openTraceArg('parsed', path, io);
  if (!source) return EXIT_USAGE;
  const stdout = new StdoutFlow();
  try {
    // Each event is formatted at once: its object may be reused.
    const reader = await openEventStream(source, { reuseEvents: true });
    // Lines are gathered into chunks of about 256 KiB: one write (and one flattening) per chunk.
    let chunk: string[] = [];
    let size = 0;
    for (;;) {
      const e = reader.next();
      if (e) {
        const line = formatEvent(e);
        chunk.push(line);
        size += line.length + 1;
        if (size > 1 << 18) {
          chunk.push('');
          io.out(chunk.join('\n'));
          chunk = [];
          size = 0;
          if (!(await stdout.drained())) return EXIT_OK;
        }
        continue;
      }
      if (chunk.length > 0) {
        chunk.push('');
        io.out(chunk.join('\n'));
        chunk = [];
        size = 0;
      }
      if (reader.needsGeneration) {
        await reader.loadGeneration();
        continue;
      }
      break;
    }
    if (stdout.gone) return EXIT_OK;
    if (reader.failure) {
      io.err(reader.failure.message + '\n');
      return EXIT_PROBLEM;
    }
    return EXIT_OK;
  } finally {
    stdout.close();
    await source.close?.();
  }
}

export const parsedCommand: Command = {
  name: 'parsed',
  summary: "print the ordered event stream, byte for byte as 'go tool trace -d=parsed' does",
  help: `usage: go-trace parsed FILE

Prints the trace's events in the order Go's trace reader puts them (merged across threads by
time, checked against the goroutine, proc and GC state machines), one Event.String() per event,
exactly as 'go tool trace -d=parsed FILE' (Go 1.26 and newer) prints them: a Sync event per
generation, then its events, and a final Sync.

When the trace is broken, the events Go would print before the problem are printed, then Go's
error text on stderr.

Every format is read: v2 traces (headers go 1.22, 1.23, 1.25, 1.26; Go 1.22 and newer)
generation by generation, and v1 traces (go 1.11, 1.19, 1.21; Go 1.11 to 1.21) whole, as Go reads
them, converted into the same events as Go converts them (one Sync before the events and one
after). For a v1 trace Go prints nothing when the file or its ordering is broken (it reads the
trace whole first), only its error; so does this command.

In a v1 trace, Go's order of events with equal timestamps on different Ps, and of the goroutines
that existed when tracing started, comes from map iteration and varies from run to run; here it
is fixed (the file's order), so such events may come in another order than in one run of Go's.

Exit status: 0 when the stream ran to its end, 1 on a trace error (Go's error text on stderr), 2
when FILE is missing or cannot be read.
`,
  run(args, io) {
    return runParsed(args, io);
  },
};
