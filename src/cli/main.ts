/** go-trace: command-line access to the parser (wire dump, problem check, text/binary conversion). */
import { Command, CliIO, EXIT_USAGE } from './command.js';
import { commands } from './commands/index.js';

function usage(): string {
  const lines = ['usage: go-trace COMMAND [ARGS]', '', 'commands:'];
  for (const c of commands) lines.push(`  ${c.name.padEnd(10)} ${c.summary}`);
  lines.push('', "Run 'go-trace COMMAND --help' for a command's options.");
  return lines.join('\n') + '\n';
}

/** A stdout writer that keeps order and respects back-pressure across many small writes. */
function stdio(): CliIO & { flush(): Promise<void> } {
  let pending: string[] = [];
  let size = 0;
  const flushSync = () => {
    if (pending.length) process.stdout.write(pending.join(''));
    pending = [];
    size = 0;
  };
  return {
    out(text) {
      pending.push(text);
      size += text.length;
      if (size > 1 << 16) flushSync();
    },
    err(text) {
      flushSync();
      process.stderr.write(text);
    },
    flush() {
      flushSync();
      return new Promise((resolve) => process.stdout.write('', () => resolve()));
    },
  };
}

export async function main(argv: string[]): Promise<number> {
  const io = stdio();
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(usage());
    await io.flush();
    return name ? 0 : EXIT_USAGE;
  }
  const command: Command | undefined = commands.find((c) => c.name === name);
  if (!command) {
    io.err(`go-trace: unknown command ${JSON.stringify(name)}\n${usage()}`);
    return EXIT_USAGE;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(command.help.endsWith('\n') ? command.help : command.help + '\n');
    await io.flush();
    return 0;
  }
  let code: number;
  try {
    code = await command.run(rest, io);
  } catch (e) {
    io.err(`go-trace ${name}: ${e instanceof Error ? e.message : String(e)}\n`);
    code = EXIT_USAGE;
  }
  await io.flush();
  return code;
}

if (require.main === module) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
