/**
 * The ordered event stream: Go's Reader (src/internal/trace/reader.go) over this parser's
 * generation reader. Per generation: a Sync event, then the events of every thread merged by time
 * along the frontier, each let through the ordering state machines, with the CPU samples
 * interleaved by time; a final Sync after the last. Times are forced strictly increasing.
 * The first error ends the stream, as in Go, after the events before it.
 *
 *   const r = await OrderedReader.open(source);
 *   for (;;) {
 *     const e = r.next();                     // synchronous while a generation is loaded
 *     if (e) { use(e); continue; }
 *     if (r.needsGeneration) { await r.loadGeneration(); continue; }
 *     break;                                  // the end, or r.failure
 *   }
 *
 * One generation is held in memory at a time.
 */
import type { ByteSource } from '../bytes/byteSource.js';
import { BatchKind } from '../framing/batch.js';
import { TraceVersion } from '../format/version.js';
import { V2_SPECS } from '../format/v2Events.js';
import type { Generation } from '../generation/generation.js';
import type { CpuSample } from '../generation/tables.js';
import type { Problem } from '../problems.js';
import { TraceReader, TraceReaderOptions } from '../traceReader.js';
import { BatchCursor, CursorBatch } from './batchCursor.js';
import { Frontier } from './frontier.js';
import { goSort } from './goSort.js';
import { GenerationView } from './generationView.js';
import { judgeGeneration } from './goErrors.js';
import { HANDLERS } from './handlers/dispatch.js';
import { OrderError, type EventLocation } from './orderError.js';
import type { OrderedEvent } from './orderedEvent.js';
import { Ordering } from './ordering.js';
import { restoreOrdering, snapshotOrdering, type OrderingSnapshot } from './orderingSnapshot.js';
import type { PendingEvent } from './pendingEvent.js';
import { formatSeq } from './sequence.js';
import { goStatusName, procStatusName } from './resources.js';
import { Event, sampleEvent, syncEvent } from './toOrderedEvent.js';

/**
 * Per type, four entries: the argument slots (after dt) of its stack IDs (two at most) and of its
 * string IDs (two at most), in the order Go checks them; -1 for none. A flat table, read for
 * every event.
 */
const ID_SLOTS: Int8Array = (() => {
  const t = new Int8Array(V2_SPECS.length * 4).fill(-1);
  V2_SPECS.forEach((spec, type) => {
    spec.stackIds.slice(0, 2).forEach((i, k) => (t[type * 4 + k] = i - 1));
    spec.stringIds.slice(0, 2).forEach((i, k) => (t[type * 4 + 2 + k] = i - 1));
  });
  return t;
})();

function argAt(p: PendingEvent, i: number): number {
  return i === 0 ? p.a0 : i === 1 ? p.a1 : i === 2 ? p.a2 : p.a3;
}

/** Where a generation is in the file: its index, number, first byte and just past its last. */
export interface GenerationExtent {
  index: number;
  gen: number;
  offset: number;
  end: number;
}

/** A generation read and judged, waiting to be installed. */
type Loaded =
  | { kind: 'generation'; view: GenerationView; cursors: BatchCursor[]; samples: CpuSample[]; minTime: number; deferred?: OrderError; more: boolean; extent: GenerationExtent }
  | { kind: 'error'; error: OrderError }
  | { kind: 'end' };

export interface OrderedReaderOptions extends TraceReaderOptions {
  /**
   * Each event returned by next() is valid only until the following call, which may reuse its
   * object (as Go's Reader hands out events by value): no allocation per event for a caller
   * that looks at each event once. A caller keeping events must copy what it needs.
   */
  reuseEvents?: boolean;
  /**
   * Order one generation again, on its own: the state the whole stream had at its start
   * (snapshot(), taken when its Sync was handed out). With `startAt` (its offset and index) and a
   * source that ends where it ends, the events are exactly those the whole stream gave.
   */
  resume?: OrderingSnapshot;
}

export class OrderedReader {
  /** Go's error that ended the stream, as a problem (its message is Go's text). */
  failure: Problem | undefined;
  private done = false;
  private reuseEvents = false;
  /** The installed generation's ID presence maps, when its tables are compact (else undefined). */
  private stackPresence: Uint8Array | undefined;
  private stringPresence: Uint8Array | undefined;
  /** The cursor whose event was tried last, and where that event is. */
  private tried: BatchCursor | undefined;
  private triedOffset = 0;
  private triedEvent = 0;
  /** Reuse mode: the event last returned, taken back at the next call. */
  private returned: Event | undefined;
  private lastTs = 0;
  private syncs = 0;
  private readonly ordering: Ordering;
  private readonly frontier = new Frontier();
  private samples: CpuSample[] = [];
  private sampleIndex = 0;
  private view: GenerationView | undefined;
  private loaded: Loaded | undefined;
  /** Go 1.26+: the error reading the next generation, reported after a Sync. */
  private readGenError: OrderError | undefined;
  /** Before Go 1.26: an error left for after the generation read before it. */
  private spillError: OrderError | undefined;
  private spillErrorSynced = false;
  /** Before Go 1.26: whether a generation follows the installed one. */
  private more = true;
  private readonly v126: boolean;

  private constructor(readonly trace: TraceReader) {
    this.v126 = trace.version >= TraceVersion.Go126;
    this.ordering = new Ordering(trace.version, HANDLERS);
    if (!trace.header || trace.header.v1) {
      this.done = true;
      const p = trace.problems.items.find((x) => x.severity === 'error' || x.code === 'v1-not-decoded');
      if (p) this.failure = p;
    }
  }

  static async open(source: ByteSource, options: OrderedReaderOptions = {}): Promise<OrderedReader> {
    const trace = await TraceReader.open(source, {
      // Retained payloads are views into the chunks read: small chunks keep less slack alive.
      chunkSize: 256 << 10,
      ...options,
      problemLimits: options.problemLimits ?? { total: Number.MAX_SAFE_INTEGER, perCodeAndGeneration: Number.MAX_SAFE_INTEGER },
    });
    const r = new OrderedReader(trace);
    r.reuseEvents = options.reuseEvents === true;
    if (options.resume) {
      restoreOrdering(r.ordering, options.resume);
      r.lastTs = options.resume.lastTs;
      r.syncs = options.resume.syncs;
    }
    return r;
  }

  /**
   * The ordering state at the start of the generation whose Sync next() returned last: call it
   * right after that Sync, before the next call of next(). See OrderedReaderOptions.resume.
   */
  snapshot(): OrderingSnapshot {
    return snapshotOrdering(this.ordering, this.lastTs - 1, this.syncs - 1);
  }

  /** The trace's problems as the generation reader found them, and the ordering's failure. */
  get problems(): readonly Problem[] {
    return this.trace.problems.items;
  }

  /** next() returned undefined because the next generation must be read first (loadGeneration). */
  get needsGeneration(): boolean {
    return !this.done && this.wantsGeneration && this.loaded === undefined;
  }

  private wantsGeneration = false;
  private extent: GenerationExtent | undefined;

  /** The generation whose events next() hands out (from its Sync on). */
  get generation(): GenerationExtent | undefined {
    return this.extent;
  }

  /** Reads the next generation's bytes (the only asynchronous step). */
  async loadGeneration(): Promise<void> {
    if (this.loaded !== undefined) return;
    const before = this.trace.problems.items.length;
    const g = await this.trace.nextGeneration();
    const problems = this.trace.problems.items.slice(before);
    const verdict = judgeGeneration(problems, this.v126, g?.eventBatchCount ?? 0, (g?.batches.length ?? 0) > 0);
    if (verdict.immediate) {
      this.loaded = { kind: 'error', error: verdict.immediate };
    } else if (!g || verdict.cleanEnd) {
      this.loaded = this.v126 || this.syncs > 0 ? { kind: 'end' } : { kind: 'error', error: new OrderError('missing-frequency', 'no frequency event found') };
    } else {
      this.loaded = await this.prepare(g, verdict.deferred);
    }
  }

  private async prepare(g: Generation, deferred: OrderError | undefined): Promise<Loaded> {
    const view = new GenerationView(g.gen, g.index, g.tables);
    const byM = new Map<number, CursorBatch[]>();
    for (let i = 0; i < g.batches.length; i++) {
      const b = g.batches[i];
      if (b.kind !== BatchKind.Events) continue;
      const payload = g.payloads[i] ?? (await this.trace.source.read(b.payloadOffset, b.size));
      let list = byM.get(b.m);
      if (!list) byM.set(b.m, (list = []));
      list.push({ payload, payloadOffset: b.payloadOffset, index: i, ticks: b.time });
    }
    const cursors = [...byM].map(([m, batches]) => new BatchCursor(m, batches, g.tables));
    // Go sorts the samples by time from their file order, with its unstable sort.
    const samples = [...g.tables.cpuSamples].sort((a, b) => a.offset - b.offset);
    goSort(samples, (a, b) => a.time < b.time);
    return {
      kind: 'generation', view, cursors, samples, minTime: g.startTime, deferred,
      more: g.ending === 'next-generation',
      extent: { index: g.index, gen: g.gen, offset: g.offset, end: g.end },
    };
  }

  /**
   * The next event, or undefined: at the end, after a failure (see `failure`), or when the next
   * generation must be loaded first (see `needsGeneration`).
   */
  next(): OrderedEvent | undefined {
    if (this.returned !== undefined) {
      this.ordering.queue.recycle(this.returned);
      this.returned = undefined;
    }
    if (this.done) return undefined;
    let e: Event | undefined;
    try {
      e = this.step();
    } catch (err) {
      if (!(err instanceof OrderError)) throw err;
      this.fail(err);
      return undefined;
    }
    if (e === undefined) return undefined;
    if (e.time <= this.lastTs) e.time = this.lastTs + 1;
    this.lastTs = e.time;
    if (this.reuseEvents) this.returned = e;
    return e;
  }

  private fail(err: OrderError): void {
    this.done = true;
    // The event concerned: where the error says, else the event last tried, else the reader's place.
    const at: EventLocation = err.at ?? (this.tried ? { offset: this.triedOffset, batch: this.tried.batchIndex, event: this.triedEvent } : { offset: this.trace.position });
    this.failure = {
      code: err.code,
      severity: 'error',
      message: err.message,
      offset: at.offset,
      ...(this.view ? { generation: this.view.gen, generationIndex: this.view.index } : {}),
      ...(at.batch !== undefined ? { batch: at.batch } : {}),
      ...(at.event !== undefined ? { event: at.event } : {}),
    };
  }

  private step(): Event | undefined {
    const queued = this.ordering.queue.pop();
    if (queued) return this.emit(queued);
    if (this.frontier.length === 0 && this.sampleIndex >= this.samples.length) return this.nextGeneration();
    if (this.sampleIndex < this.samples.length) {
      const s = this.samples[this.sampleIndex];
      if (this.frontier.length === 0 || s.time < this.frontier.items[0].ev.time) {
        this.sampleIndex++;
        // Go checks a sample's table IDs against the wrong argument: never fails.
        return sampleEvent(s, this.view!);
      }
    }
    if (!this.tryAdvance(0)) {
      this.frontier.sort();
      let ok = false;
      for (let i = 1; i < this.frontier.length; i++) {
        if (this.tryAdvance(i)) {
          ok = true;
          break;
        }
      }
      if (!ok) {
        const err = new OrderError('ordering-failed', `broken trace: failed to advance: frontier:\n[gen=${this.view!.gen}]\n\n${this.dumpFrontier()}\n${this.dumpOrdering()}\n`);
        const first = this.frontier.items[0];
        err.at = { offset: first.evOffset, batch: first.batchIndex, event: first.evIndex };
        throw err;
      }
    }
    return this.emit(this.ordering.queue.pop()!);
  }

  private tryAdvance(i: number): boolean {
    const c = this.frontier.items[i];
    // Kept for the error report: the cursor moves on once its event is through.
    this.tried = c;
    this.triedOffset = c.evOffset;
    this.triedEvent = c.evIndex;
    this.ordering.srcOffset = c.evOffset;
    if (!this.ordering.advance(c.ev, c.m, this.view!.gen, c)) return false;
    if (c.next()) this.frontier.update(i);
    else this.frontier.remove(i);
    return true;
  }

  /** An event from the orderer's queue, once its stack and string IDs are checked. */
  private emit(p: PendingEvent): Event {
    const base = p.type * 4;
    const s0 = ID_SLOTS[base];
    if (s0 >= 0) {
      this.checkId(p, s0, true);
      const s1 = ID_SLOTS[base + 1];
      if (s1 >= 0) this.checkId(p, s1, true);
    }
    const r0 = ID_SLOTS[base + 2];
    if (r0 >= 0) {
      this.checkId(p, r0, false);
      const r1 = ID_SLOTS[base + 3];
      if (r1 >= 0) this.checkId(p, r1, false);
    }
    return p;
  }

  /** Throws Go's error unless argument `slot` of p names a stack (or string) of the generation. */
  private checkId(p: PendingEvent, slot: number, stack: boolean): void {
    const id = argAt(p, slot);
    const presence = stack ? this.stackPresence : this.stringPresence;
    if (presence !== undefined) {
      if (id < presence.length && presence[id | 0] === 1) return;
    } else if (stack ? this.view!.hasStack(id) : this.view!.hasString(id)) {
      return;
    }
    throw stack
      ? new OrderError('dangling-stack-ref', `found invalid stack ID ${id} for event ${V2_SPECS[p.type].name}`)
      : new OrderError('dangling-string-ref', `found invalid string ID ${id} for event ${V2_SPECS[p.type].name}`);
  }

  /** Between generations: Go 1.26's rules, or the older ones with a batch read ahead. */
  private nextGeneration(): Event | undefined {
    if (!this.v126) {
      if (this.spillError) {
        if (this.spillErrorSynced) throw this.spillError;
        this.spillErrorSynced = true;
        return this.sync(undefined);
      }
      if (this.view && !this.more) {
        this.done = true;
        return this.sync(undefined);
      }
    } else if (this.readGenError) {
      throw this.readGenError;
    }
    const loaded = this.loaded;
    if (!loaded) {
      this.wantsGeneration = true;
      return undefined;
    }
    this.loaded = undefined;
    this.wantsGeneration = false;
    switch (loaded.kind) {
      case 'error':
        this.view = undefined;
        if (this.v126) this.readGenError = loaded.error;
        else {
          this.spillError = loaded.error;
          this.spillErrorSynced = true;
        }
        return this.sync(undefined);
      case 'end':
        this.view = undefined;
        this.done = true;
        return this.sync(undefined);
      case 'generation':
        return this.install(loaded);
    }
  }

  private install(g: Extract<Loaded, { kind: 'generation' }>): Event {
    this.view = g.view;
    this.extent = g.extent;
    this.stackPresence = g.view.tables.stacks.presence;
    this.stringPresence = g.view.tables.strings.presence;
    this.tried = undefined;
    this.ordering.table = g.view;
    this.more = g.more;
    if (g.deferred) this.spillError = g.deferred;
    this.samples = g.samples;
    this.sampleIndex = 0;
    for (const c of g.cursors) if (c.next()) this.frontier.insert(c);
    return this.sync(g.view, g.minTime);
  }

  private sync(view: GenerationView | undefined, time = this.lastTs): Event {
    this.syncs++;
    return syncEvent(time, this.syncs, view);
  }

  private dumpFrontier(): string {
    let s = '';
    for (const c of this.frontier.items) {
      const spec = V2_SPECS[c.ev.type];
      s += `M ${c.m} [${spec.name} time=${c.ev.time}`;
      spec.args.slice(1).forEach((name, i) => (s += ` ${name}=${c.ev.arg(i)}`));
      s += ']\n';
    }
    return s;
  }

  private dumpOrdering(): string {
    const o = this.ordering;
    let s = '';
    for (const [id, g] of o.gStates) s += `G ${id} [status=${goStatusName(g.status)} seq=${formatSeq(g.seq)}]\n`;
    s += '\n';
    for (const [id, p] of o.pStates) s += `P ${id} [status=${procStatusName(p.status)} seq=${formatSeq(p.seq)}]\n`;
    s += '\n';
    for (const [id, m] of o.mStates) s += `M ${id} [g=${m.g} p=${m.p}]\n`;
    s += '\n';
    s += `GC ${o.gcSeq} ${['Undetermined', 'NotRunning', 'Running'][o.gcState] ?? 'Bad'}\n`;
    return s;
  }
}
