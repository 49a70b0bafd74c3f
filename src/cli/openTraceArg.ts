/** Opens the FILE argument of a command; on failure says why on stderr (the caller exits 2). */
import { stat } from 'node:fs/promises';
import { openFileSource } from '../node/fileSource.js';
import type { ByteSource } from '../parser/index.js';
import type { CliIO } from './command.js';

export async function openTraceArg(command: string, path: string, io: CliIO): Promise<ByteSource | undefined> {
  try {
    const st = await stat(path);
    if (!st.isFile()) throw new Error(`${path} is not a regular file`);
    return await openFileSource(path);
  } catch (e) {
    io.err(`go-trace ${command}: ${e instanceof Error ? e.message : String(e)}\n`);
    return undefined;
  }
}
