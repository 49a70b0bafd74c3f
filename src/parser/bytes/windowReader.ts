/**
 * Sequential access to a ByteSource through large chunks, so the framing scan costs one read per
 * few megabytes instead of one per batch. Chunks are never overwritten, so slices of them stay
 * valid for as long as someone holds them (a generation keeps its batches' payloads that way).
 */
import type { ByteSource } from './byteSource.js';

export const DEFAULT_CHUNK_SIZE = 4 << 20;

export class WindowReader {
  /** Current chunk and the file offset of its first byte. */
  private chunk: Uint8Array = new Uint8Array(0);
  private chunkStart = 0;

  constructor(
    readonly source: ByteSource,
    private readonly chunkSize = DEFAULT_CHUNK_SIZE,
  ) {}

  get size(): number {
    return this.source.size;
  }

  /**
   * Makes bytes [offset, offset + length) available, or as many as the source has. Returns the
   * chunk and the index of `offset` in it; `available` counts the bytes from there to the chunk's end.
   */
  async window(offset: number, length: number): Promise<{ bytes: Uint8Array; index: number; available: number }> {
    const wanted = Math.min(length, Math.max(0, this.source.size - offset));
    let index = offset - this.chunkStart;
    if (index < 0 || index + wanted > this.chunk.length) {
      this.chunk = await this.source.read(offset, Math.max(wanted, this.chunkSize));
      this.chunkStart = offset;
      index = 0;
    }
    return { bytes: this.chunk, index, available: this.chunk.length - index };
  }
}
