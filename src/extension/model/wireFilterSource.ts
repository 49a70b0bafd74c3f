/**
 * The filter's event source for a v2 trace without an owner field (types, time range, text): the
 * wire events of each generation, one partition per generation. A generation's matches are found
 * in the batches that can hold one (a batch's type mask, its time span, a text that names none of
 * the generation's strings skips it all) and put in time order: the batches of one thread are in
 * time order, so sorting by time (stably, by thread) merges the threads' runs. A filter on types
 * alone knows every generation's count from the index without reading a batch.
 *
 * The goroutine and proc an event runs on are not in the wire event: the row gets them by ordering
 * its generation again (wireContexts.ts), for the first generation of a page; elsewhere "?".
 */
import { ARG_STRIDE, BatchKind, decodeEventBatch, EventColumns, V2_SPECS, viewEvent, type ByteSource } from '../../parser/index.js';
import type { TreeNode } from '../../shared/protocol.js';
import { slotMasks } from './argSlots.js';
import type { BatchCache } from './batchCache.js';
import { eventRow } from './eventNodes.js';
import { hasEventFields, spanInRange, textIdsOf, type FilterQuery } from './filterQuery.js';
import { contextRow } from './filterRows.js';
import type { MatchSource } from './filterRun.js';
import { batchHasTypes, threadOfBatch, type GenerationInfo } from './generationIndex.js';
import { eventId } from './nodeIds.js';
import type { WireContexts } from './wireContexts.js';
import { WireEventView } from './wireEventView.js';
import { WireMatches } from './wireMatches.js';


const EMPTY = (): WireMatches => new WireMatches(new Uint32Array(0), new Uint32Array(0), new Float64Array(0), new Float64Array(0));

interface TypeMask {
  lo: number;
  hi: number;
  set: Uint8Array;
}

function maskOf(types: Iterable<number>): TypeMask {
  const m: TypeMask = { lo: 0, hi: 0, set: new Uint8Array(256) };
  for (const t of types) {
    m.set[t] = 1;
    if (t < 32) m.lo |= 1 << t;
    else if (t < 64) m.hi |= 1 << (t - 32);
  }
  return m;
}

export interface WireSourceContext {
  source: ByteSource;
  generations: readonly GenerationInfo[];
  /** Whether every generation has been read. */
  readingDone(): boolean;
  traceStartNs: number;
  cache: BatchCache;
  contexts: WireContexts;
}

export class WireFilterSource implements MatchSource<WireMatches> {
  private readonly types: TypeMask | undefined;
  /** Types with a string or stack argument: the only ones a text can match. */
  private readonly textTypes: TypeMask | undefined;
  private readonly columns = new EventColumns(4096);

  constructor(
    private readonly q: FilterQuery,
    private readonly ctx: WireSourceContext,
  ) {
    if (q.types) this.types = maskOf(V2_SPECS.flatMap((s, t) => (q.types!.has(s.name) ? [t] : [])));
    if (q.text) this.textTypes = maskOf(V2_SPECS.flatMap((_, t) => (slotMasks(t)!.string | slotMasks(t)!.stack ? [t] : [])));
  }

  partitions(): number {
    return this.ctx.generations.length;
  }

  complete(): boolean {
    return this.ctx.readingDone();
  }

  knownCount(i: number): number | undefined {
    const g = this.ctx.generations[i];
    if (!this.types || !g.typeCounts || (hasEventFields({ ...this.q, types: undefined }))) return undefined;
    let n = 0;
    for (let t = 0; t < g.typeCounts.length; t++) if (this.types.set[t]) n += g.typeCounts[t];
    return n;
  }

  async find(i: number, shouldStop: () => boolean): Promise<WireMatches | undefined> {
    const g = this.ctx.generations[i];
    const q = this.q;
    const start = this.ctx.traceStartNs;
    if (!spanInRange(q, g.startNs - start, g.endNs - start)) return EMPTY();
    const text = q.text ? textIdsOf(g.tables, q.text) : undefined;
    if (text && text.strings.size === 0) return EMPTY();
    const types = this.types;
    const textTypes = this.textTypes;
    const batch: number[] = [];
    const event: number[] = [];
    const offset: number[] = [];
    const time: number[] = [];
    const c = this.columns;
    const order = [...g.threads, -1];
    for (const m of order) {
      for (const bi of g.batchesByThread.get(m) ?? []) {
        const b = g.batches[bi];
        if (b.kind !== BatchKind.Events || b.eventCount === 0) continue;
        if (types && !batchHasTypes(b, types.lo, types.hi)) continue;
        if (textTypes && !batchHasTypes(b, textTypes.lo, textTypes.hi)) continue;
        if (!spanInRange(q, b.firstNs - start, b.lastNs - start)) continue;
        if (shouldStop()) return undefined;
        c.clear();
        const payload = await this.ctx.source.read(b.payloadOffset, b.size);
        decodeEventBatch(payload, 0, payload.length, b.payloadOffset, bi, b.ticks, g.tables, c);
        for (let k = 0; k < c.length; k++) {
          const type = c.type[k];
          if (types && !types.set[type]) continue;
          const t = c.time[k] - start;
          if ((q.fromNs !== undefined && t < q.fromNs) || (q.toNs !== undefined && t > q.toNs)) continue;
          if (text) {
            const masks = slotMasks(type);
            if (!masks) continue;
            const a = k * ARG_STRIDE;
            if (!anySlotIn(c.args, a, masks.string, text.strings) && !anySlotIn(c.args, a, masks.stack, text.stacks)) continue;
          }
          batch.push(bi);
          event.push(k);
          offset.push(c.offset[k]);
          time.push(c.time[k]);
        }
      }
    }
    // Time order; equal times keep the threads' order (a stable sort by the position found).
    const idx = Array.from(time.keys()).sort((x, y) => time[x] - time[y] || x - y);
    const pick = <T extends Uint32Array | Float64Array>(out: T, src: number[]): T => {
      idx.forEach((j, k) => (out[k] = src[j]));
      return out;
    };
    const n = idx.length;
    return new WireMatches(pick(new Uint32Array(n), batch), pick(new Uint32Array(n), event), pick(new Float64Array(n), offset), pick(new Float64Array(n), time));
  }

  async rows(i: number, m: WireMatches, from: number, to: number, _first: number, lead: boolean): Promise<TreeNode[]> {
    const g = this.ctx.generations[i];
    if (lead) await this.ctx.contexts.derive(g.genIndex, m, from, to);
    const batches = new Map<number, EventColumns>();
    for (let k = from; k < to; k++) if (!batches.has(m.batch[k])) batches.set(m.batch[k], await this.ctx.cache.events(g, m.batch[k]));
    const out: TreeNode[] = [];
    for (let k = from; k < to; k++) {
      const columns = batches.get(m.batch[k])!;
      if (m.event[k] >= columns.length) continue;
      const place = { genNumber: g.genNumber, batch: m.batch[k], event: m.event[k], thread: threadOfBatch(g.batches[m.batch[k]]) };
      const row = eventRow(new WireEventView(viewEvent(columns, m.event[k], g.tables), place), eventId(g.genIndex, m.batch[k], m.event[k]), this.ctx.traceStartNs);
      const known = m.g !== undefined && m.p !== undefined && !Number.isNaN(m.g[k]);
      out.push(contextRow(row, g.genNumber, { g: known ? m.g![k] : undefined, p: known ? m.p![k] : undefined, m: g.batches[m.batch[k]].m }, known ? 'ordered' : 'wire'));
    }
    return out;
  }
}

function anySlotIn(args: Float64Array, base: number, mask: number, set: Set<number>): boolean {
  for (let k = 0; mask !== 0; k++, mask >>>= 1) if (mask & 1 && set.has(args[base + k])) return true;
  return false;
}
