/**
 * Where trace bytes come from. The parser reads through this interface only, so it runs the same
 * on a file handle (Node), a Blob (browser) or bytes in memory, without holding the whole file.
 */
export interface ByteSource {
  /** Total size in bytes. */
  readonly size: number;
  /**
   * Reads up to `length` bytes at `offset`. Returns fewer only at the end of the source. The
   * caller may keep the returned bytes; nobody writes to them afterwards.
   */
  read(offset: number, length: number): Promise<Uint8Array>;
  close?(): Promise<void>;
}

/** A source over bytes already in memory. */
export function memorySource(bytes: Uint8Array): ByteSource {
  return {
    size: bytes.length,
    read(offset, length) {
      const start = Math.min(Math.max(offset, 0), bytes.length);
      return Promise.resolve(bytes.subarray(start, Math.min(start + Math.max(length, 0), bytes.length)));
    },
  };
}

/** The first `size` bytes of a source (reading one generation on its own: its end is the end). */
export function prefixSource(source: ByteSource, size: number): ByteSource {
  const end = Math.min(Math.max(0, size), source.size);
  return {
    size: end,
    read(offset, length) {
      const n = Math.max(0, Math.min(length, end - offset));
      return n === 0 ? Promise.resolve(new Uint8Array(0)) : source.read(offset, n);
    },
  };
}
