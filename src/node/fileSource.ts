/** A ByteSource over a file, for Node (the CLI, the extension host and its worker). */
import { open } from 'node:fs/promises';
import type { ByteSource } from '../parser/index.js';

export async function openFileSource(path: string): Promise<ByteSource> {
  const handle = await open(path, 'r');
  const { size } = await handle.stat();
  return {
    size,
    async read(offset, length) {
      const want = Math.max(0, Math.min(length, size - offset));
      // A fresh buffer per read: callers keep slices of it (a generation holds its batches).
      // Not zero-filled (it is overwritten at once), and a plain Uint8Array view, so the parser's
      // hot loops see one array type rather than Buffer and Uint8Array both.
      const raw = Buffer.allocUnsafeSlow(want);
      const bytes = new Uint8Array(raw.buffer, raw.byteOffset, want);
      let got = 0;
      while (got < want) {
        const { bytesRead } = await handle.read(bytes, got, want - got, offset + got);
        if (bytesRead === 0) break;
        got += bytesRead;
      }
      return got === want ? bytes : bytes.subarray(0, got);
    },
    close: () => handle.close(),
  };
}
