/** go-trace raw2bin IN OUT: a trace in the raw text format of Go's parser tests, converted to a binary trace. */
import { readFile, writeFile } from 'node:fs/promises';
import { RawTextError, rawTextToBinary } from '../../parser/index.js';
import { CliIO, Command, EXIT_OK, EXIT_PROBLEM, EXIT_USAGE } from '../command.js';

const USAGE = 'usage: go-trace raw2bin IN OUT   (either may be - for stdin / stdout)';

async function readAll(stream: NodeJS.ReadableStream): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks);
}

function writeStdout(bytes: Uint8Array): Promise<void> {
  return new Promise((resolve, reject) => {
    process.stdout.write(bytes, (err) => (err ? reject(err) : resolve()));
  });
}

/** Where raw2bin reads and writes; replaced in tests. */
export interface Raw2binStreams {
  readStdin(): Promise<Uint8Array>;
  writeStdout(bytes: Uint8Array): Promise<void>;
  stdoutIsTTY(): boolean;
}

const processStreams: Raw2binStreams = {
  readStdin: () => readAll(process.stdin),
  writeStdout,
  stdoutIsTTY: () => process.stdout.isTTY === true,
};

/** Runs raw2bin with the given arguments; the command object uses the process's stdin and stdout. */
export async function runRaw2bin(args: string[], io: CliIO, streams: Raw2binStreams = processStreams): Promise<number> {
  const files: string[] = [];
  let force = false;
  let endOfOptions = false;
  for (const a of args) {
    if (!endOfOptions && a === '--') endOfOptions = true;
    else if (!endOfOptions && (a === '-f' || a === '--force')) force = true;
    else if (!endOfOptions && a.startsWith('-') && a !== '-') {
      io.err(`go-trace raw2bin: unknown option ${a}\n${USAGE}\n`);
      return EXIT_USAGE;
    } else files.push(a);
  }
  if (files.length !== 2) {
    io.err(`${USAGE}\n`);
    return EXIT_USAGE;
  }
  const [input, output] = files;
  if (output === '-' && !force && streams.stdoutIsTTY()) {
    io.err('go-trace raw2bin: refusing to write a binary trace to a terminal (redirect stdout, or use -f)\n');
    return EXIT_USAGE;
  }

  let text: Uint8Array;
  try {
    text = input === '-' ? await streams.readStdin() : await readFile(input);
  } catch (e) {
    io.err(`go-trace raw2bin: cannot read ${input}: ${e instanceof Error ? e.message : String(e)}\n`);
    return EXIT_USAGE;
  }

  let bytes: Uint8Array;
  try {
    bytes = rawTextToBinary(text);
  } catch (e) {
    if (!(e instanceof RawTextError)) throw e;
    const where = input === '-' ? '<stdin>' : input;
    io.err(`${where}:${e.line > 0 ? `${e.line}:` : ''} ${e.message.replace(/^line \d+: /, '')}\n`);
    return EXIT_PROBLEM;
  }

  try {
    if (output === '-') await streams.writeStdout(bytes);
    else await writeFile(output, bytes);
  } catch (e) {
    io.err(`go-trace raw2bin: cannot write ${output}: ${e instanceof Error ? e.message : String(e)}\n`);
    return EXIT_USAGE;
  }
  return EXIT_OK;
}

export const raw2binCommand: Command = {
  name: 'raw2bin',
  summary: "convert a trace in the raw text format of Go's parser tests to a binary trace",
  help: `usage: go-trace raw2bin [-f] IN OUT

Reads IN, a trace in the text format of Go's internal/trace/raw package (the '-- trace --' part
of Go's parser test files, or what 'go-trace bin2raw' prints), and writes the binary trace to
OUT, as Go's raw TextReader and Writer do: the header "go 1.NN trace", then each line's event
with minimal uvarint arguments (Stack frames and String / ExperimentalBatch data included).
Nothing but the syntax is checked: sizes and IDs are written as given, so broken traces can be
made on purpose. Use 'go-trace check' on the result to see what a parser makes of it.

The text: a "Trace Go1.NN" line (NN = 22, 23, 25 or 26), then one event per line, its name and
name=value arguments in the order of that version's event table; '#' starts a comment line.

IN and OUT may be - for standard input and output. A binary trace is not written to a terminal
unless -f is given.

Exit status: 0 on success, 1 on a syntax error in the text (printed as IN:LINE: message, with
Go's wording), 2 on a usage error or when IN cannot be read or OUT cannot be written.
`,
  run(args, io) {
    return runRaw2bin(args, io);
  },
};
