/** A go-trace subcommand. Each lives in its own file under commands/ and is listed in main.ts. */
export interface CliIO {
  out(text: string): void;
  err(text: string): void;
}

export interface Command {
  name: string;
  /** One line for the command list. */
  summary: string;
  /** Full --help text. */
  help: string;
  /** Returns the exit code: 0 success, 1 problem found, 2 could not run. */
  run(args: string[], io: CliIO): Promise<number>;
}

/** Exit codes shared by every command. */
export const EXIT_OK = 0;
export const EXIT_PROBLEM = 1;
export const EXIT_USAGE = 2;
