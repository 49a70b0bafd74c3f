/** go-trace wire FILE: every raw event, printed exactly as `go tool trace -d=wire FILE` prints it. */
import { dumpEvents, openTrace, RawReader, WireError } from '../../parser/index.js';
import { CliIO, Command, EXIT_OK, EXIT_PROBLEM, EXIT_USAGE } from '../command.js';
import { openTraceArg } from '../openTraceArg.js';
import { StdoutFlow } from '../stdoutFlow.js';

class StdoutClosed extends Error {}

/**
 * Shared by `wire` and `bin2raw`: opens FILE, reads it with the raw reader and prints one line per
 * event; bin2raw first prints the text format's header line. Go's error text goes to stderr
 * (exit 1), as Go prints it.
 */
export async function runRawDump(name: string, args: string[], io: CliIO, textHeader: boolean): Promise<number> {
  const files = args.filter((a) => a === '-' || !a.startsWith('-'));
  if (files.length !== 1 || files.length !== args.length) {
    io.err(`usage: go-trace ${name} FILE\n`);
    return EXIT_USAGE;
  }
  const path = files[0];
  const source = await openTraceArg(name, path, io);
  if (!source) return EXIT_USAGE;
  try {
    const trace = await openTrace(source);
    if (trace.kind === 'v1' && textHeader) {
      io.err(
        `go-trace ${name}: ${path} is a v1 trace (header "go 1.${trace.version} trace", written by Go 1.21 or older); ` +
          `the text form of Go's parser tests has no v1 variant, so it is not supported\n`,
      );
      return EXIT_PROBLEM;
    }
    // bin2raw's first line needs the raw reader's version, so it opens the raw reader first.
    let reader: RawReader | undefined;
    if (textHeader) {
      try {
        reader = await trace.openRawReader();
      } catch (e) {
        if (!(e instanceof WireError)) throw e;
        io.err(e.message + '\n');
        return EXIT_PROBLEM;
      }
    }
    const stdout = new StdoutFlow();
    // One writer for both dumps: stops when stdout is gone, waits when it is full.
    const write = (text: string): Promise<void> | undefined => {
      if (stdout.gone) throw new StdoutClosed();
      io.out(text);
      // io.out writes through to process.stdout in the real CLI.
      const ok = stdout.drained();
      return ok === true ? undefined : Promise.resolve(ok).then(() => undefined);
    };
    if (reader) io.out(`Trace Go1.${reader.version}\n`);
    let error: string | undefined;
    try {
      // Go's -d=wire refuses v1 traces; ours dumps their raw events (src/parser/v1/v1WireDump.ts).
      error = reader ? await dumpEvents(reader, write) : await trace.dumpWire(write);
    } catch (e) {
      if (e instanceof StdoutClosed) return EXIT_OK;
      throw e;
    } finally {
      stdout.close();
    }
    if (error !== undefined) {
      io.err(error + '\n');
      return EXIT_PROBLEM;
    }
    return EXIT_OK;
  } finally {
    await source.close?.();
  }
}

export const wireCommand: Command = {
  name: 'wire',
  summary: "print every raw event, byte for byte as 'go tool trace -d=wire' does",
  help: `usage: go-trace wire FILE

Prints the trace's events as Go's raw reader sees them, one per line, exactly as
'go tool trace -d=wire FILE' (Go 1.27) prints them: the batch framing is not interpreted
(EventBatch headers appear as events, followed by their payload's events), argument values are
decimal uint64s, Stack events are followed by one "pc=.. func=.. file=.. line=.." line per frame
and String / ExperimentalBatch events by a 'data="..."' line (a Go-quoted string).

Errors are printed to stderr with Go's wording, after the events read before them. A trace that
ends in the middle of an event ends the dump without an error, as in Go.

v1 traces (headers go 1.11, 1.19, 1.21; Go 1.11 to 1.21), which Go's -d=wire refuses, get a dump
in the same style: one line per raw event in file order (Batch, Frequency, Stack with its frame
lines, String and UserLog with a data line, the others as name dt=.. args.. stk=..), and Go's v1
reader error text on stderr if an event cannot be read.

Exit status: 0 when the dump ran to the end, 1 on a trace error (Go's error text on stderr), 2
when FILE is missing or cannot be read.
`,
  run(args, io) {
    return runRawDump('wire', args, io, false);
  },
};
