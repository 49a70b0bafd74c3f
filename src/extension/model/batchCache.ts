/**
 * Decoded events of a few batches, least recently used dropped first. Events are not kept after
 * the first read (memory); opening a batch, paging through it or showing one of its events decodes
 * it again from the file, and this cache makes the repeated requests of one session cheap.
 */
import { decodeEventBatch, EventColumns, type ByteSource } from '../../parser/index.js';
import { BatchKind } from '../../parser/index.js';
import type { GenerationInfo } from './generationIndex.js';

export class BatchCache {
  private readonly entries = new Map<string, EventColumns>();

  constructor(
    private readonly source: ByteSource,
    private readonly capacity = 8,
  ) {}

  /** The events of batch `batch` of generation `g` (empty for a structural batch). */
  async events(g: GenerationInfo, batch: number): Promise<EventColumns> {
    const key = `${g.genIndex}/${batch}`;
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit;
    }
    const b = g.batches[batch];
    const columns = new EventColumns(Math.max(16, b.eventCount));
    if (b.kind === BatchKind.Events) {
      // The size was bounded by the framing (MAX_BATCH_SIZE), so reading it is safe.
      const payload = await this.source.read(b.payloadOffset, b.size);
      // No onDangling: problems were reported on the first read.
      decodeEventBatch(payload, 0, payload.length, b.payloadOffset, batch, b.ticks, g.tables, columns);
    }
    this.entries.set(key, columns);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
    return columns;
  }

  clear(): void {
    this.entries.clear();
  }
}
