/** A ByteSource over a file, for Node (the CLI, the extension host and its worker). */
import { open } from 'node:fs/promises';
import type { ByteSource } from '../parser/bytes/byteSource.js';

export async function openFileSource(path: string): Promise<ByteSource> {
  const handle = await open(path, 'r');
  const { size } = await handle.stat();
  let scratch = new Uint8Array(0);
  return {
    size,
    async read(offset, length) {
      const want = Math.max(0, Math.min(length, size - offset));
      // Reuse one buffer: ByteSource.read documents that the next read may overwrite it.
      if (scratch.length < want) scratch = new Uint8Array(Math.max(want, scratch.length * 2));
      let got = 0;
      while (got < want) {
        const { bytesRead } = await handle.read(scratch, got, want - got, offset + got);
        if (bytesRead === 0) break;
        got += bytesRead;
      }
      return scratch.subarray(0, got);
    },
    close: () => handle.close(),
  };
}
