/**
 * The filter engine: which events match a Filter (event type, goroutine, proc, thread, time range,
 * free text). It runs in the worker over every generation, decoding each batch again from the
 * file, and keeps only the positions of the matches, packed in typed arrays.
 *
 * What the fields match:
 * - goroutine: an argument g or new_g equal to it;
 * - proc: an argument p equal to it;
 * - thread: the M the batch was written by, or an argument m equal to it;
 * - fromNs/toNs: the event time since the trace's first event;
 * - text (case-insensitive): any string argument (log keys and messages, task and region names,
 *   block reasons, labels), or a function name or file in any of the event's stacks.
 */
import { argKind, BatchKind, decodeEventBatch, EventColumns, V2_SPECS, ARG_STRIDE, type ByteSource } from '../../parser/index.js';
import type { Filter } from '../../shared/protocol.js';
import type { GenerationInfo } from './generationIndex.js';

/** Most matches kept; the count goes on past it, the rows shown stop there. */
export const MAX_FILTER_MATCHES = 2_000_000;

/** Per type byte: bit masks of argument slots (after dt) by what they hold. */
const SLOT_MASKS = V2_SPECS.map((spec) => {
  const masks = { goroutine: 0, proc: 0, thread: 0, string: 0, stack: 0 };
  spec.args.slice(1).forEach((name, i) => {
    const kind = argKind(name);
    if (kind === 'goroutine' || kind === 'proc' || kind === 'thread' || kind === 'string' || kind === 'stack') masks[kind] |= 1 << i;
  });
  return masks;
});

export function slotMasks(type: number): (typeof SLOT_MASKS)[number] | undefined {
  return SLOT_MASKS[type];
}

/** True when the filter keeps every event. */
export function isEmptyFilter(f: Filter): boolean {
  return (
    (f.eventTypes === undefined || f.eventTypes.length === 0) &&
    f.goroutine === undefined &&
    f.proc === undefined &&
    f.thread === undefined &&
    f.fromNs === undefined &&
    f.toNs === undefined &&
    (f.text === undefined || f.text.trim() === '')
  );
}

/** Checks a filter that came from the webview; returns why it is unusable, or undefined. */
export function filterError(f: Filter): string | undefined {
  for (const key of ['goroutine', 'proc', 'thread', 'fromNs', 'toNs'] as const) {
    const v = f[key];
    if (v !== undefined && (typeof v !== 'number' || !Number.isFinite(v))) return `${key} must be a number`;
  }
  if (f.eventTypes !== undefined && (!Array.isArray(f.eventTypes) || f.eventTypes.some((t) => typeof t !== 'string'))) return 'eventTypes must be a list of names';
  if (f.text !== undefined && typeof f.text !== 'string') return 'text must be a string';
  if (f.text !== undefined && f.text.length > 1000) return 'the search text is too long (1000 characters at most)';
  return undefined;
}

/** One generation's view of the filter: the string and stack IDs its text matches. */
class GenerationMatcher {
  private readonly textStrings: Set<number> | undefined;
  private readonly textStacks: Set<number> | undefined;

  constructor(
    private readonly filter: CompiledFilter,
    g: GenerationInfo,
  ) {
    const needle = filter.text;
    if (needle === undefined) return;
    this.textStrings = new Set();
    for (const [id, s] of g.tables.strings.entries()) if (s.toLowerCase().includes(needle)) this.textStrings.add(id);
    this.textStacks = new Set();
    for (const [id] of g.tables.stacks.entries()) {
      for (const f of g.tables.framesOf(id)) {
        if (this.textStrings.has(f.funcId) || this.textStrings.has(f.fileId)) {
          this.textStacks.add(id);
          break;
        }
      }
    }
  }

  matches(c: EventColumns, i: number, batchThread: number): boolean {
    const f = this.filter;
    const type = c.type[i];
    if (f.types && !f.types.has(type)) return false;
    const t = c.time[i] - f.traceStartNs;
    if (f.fromNs !== undefined && t < f.fromNs) return false;
    if (f.toNs !== undefined && t > f.toNs) return false;
    const masks = SLOT_MASKS[type];
    const a = i * ARG_STRIDE;
    if (f.goroutine !== undefined && !anySlotEquals(c.args, a, masks.goroutine, f.goroutine)) return false;
    if (f.proc !== undefined && !anySlotEquals(c.args, a, masks.proc, f.proc)) return false;
    if (f.thread !== undefined && batchThread !== f.thread && !anySlotEquals(c.args, a, masks.thread, f.thread)) return false;
    if (this.textStrings) {
      if (!anySlotIn(c.args, a, masks.string, this.textStrings) && !anySlotIn(c.args, a, masks.stack, this.textStacks!)) return false;
    }
    return true;
  }
}

function anySlotEquals(args: Float64Array, base: number, mask: number, value: number): boolean {
  for (let k = 0; mask !== 0; k++, mask >>>= 1) if (mask & 1 && args[base + k] === value) return true;
  return false;
}

function anySlotIn(args: Float64Array, base: number, mask: number, set: Set<number>): boolean {
  for (let k = 0; mask !== 0; k++, mask >>>= 1) if (mask & 1 && set.has(args[base + k])) return true;
  return false;
}

interface CompiledFilter {
  types: Set<number> | undefined;
  goroutine?: number;
  proc?: number;
  thread?: number;
  fromNs?: number;
  toNs?: number;
  text?: string;
  traceStartNs: number;
}

function compile(f: Filter, traceStartNs: number): CompiledFilter {
  let types: Set<number> | undefined;
  if (f.eventTypes && f.eventTypes.length > 0) {
    const names = new Set(f.eventTypes);
    types = new Set();
    V2_SPECS.forEach((s, type) => names.has(s.name) && types!.add(type));
  }
  const text = f.text?.trim().toLowerCase();
  return {
    types,
    goroutine: f.goroutine,
    proc: f.proc,
    thread: f.thread,
    fromNs: f.fromNs,
    toNs: f.toNs,
    text: text ? text : undefined,
    traceStartNs,
  };
}

/** Positions of the matching events: generation index, batch index, event index in the batch. */
export class FilterMatches {
  count = 0;
  private data = new Uint32Array(3 * 1024);

  get kept(): number {
    return Math.min(this.count, MAX_FILTER_MATCHES);
  }

  add(gen: number, batch: number, event: number): void {
    if (this.count < MAX_FILTER_MATCHES) {
      const at = this.count * 3;
      if (at + 3 > this.data.length) {
        const bigger = new Uint32Array(Math.min(this.data.length * 2, MAX_FILTER_MATCHES * 3));
        bigger.set(this.data);
        this.data = bigger;
      }
      this.data[at] = gen;
      this.data[at + 1] = batch;
      this.data[at + 2] = event;
    }
    this.count++;
  }

  at(i: number): { gen: number; batch: number; event: number } {
    return { gen: this.data[i * 3], batch: this.data[i * 3 + 1], event: this.data[i * 3 + 2] };
  }
}

/**
 * Runs the filter over every generation. `shouldStop` is polled between batches, so a newer
 * filter (the user typing) cancels an older one.
 */
export async function runFilter(
  source: ByteSource,
  generations: readonly GenerationInfo[],
  filter: Filter,
  traceStartNs: number,
  shouldStop: () => boolean = () => false,
): Promise<FilterMatches | undefined> {
  const compiled = compile(filter, traceStartNs);
  const out = new FilterMatches();
  const columns = new EventColumns(4096);
  for (const g of generations) {
    const matcher = new GenerationMatcher(compiled, g);
    for (let bi = 0; bi < g.batches.length; bi++) {
      const b = g.batches[bi];
      if (b.kind !== BatchKind.Events || b.eventCount === 0) continue;
      if (shouldStop()) return undefined;
      columns.clear();
      const payload = await source.read(b.payloadOffset, b.size);
      decodeEventBatch(payload, 0, payload.length, b.payloadOffset, bi, b.ticks, g.tables, columns);
      const thread = b.m;
      for (let i = 0; i < columns.length; i++) if (matcher.matches(columns, i, thread)) out.add(g.index, bi, i);
    }
  }
  return out;
}
