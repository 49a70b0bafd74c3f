/**
 * The ordered event stream of a v1 (Go 1.11–1.21) trace, with the surface of OrderedReader
 * (next / needsGeneration / loadGeneration / failure / problems), yielding the events Go's
 * Reader yields for it: a Sync, the converted events, a final Sync.
 *
 * Go reads a v1 trace whole before it yields anything, and fails as a whole at the first problem
 * of the file or of the ordering (nothing is printed then); only a problem met while converting
 * (an event type the conversion does not know, a string or stack that does not exist) comes after
 * the events before it. The same here: the first loadGeneration() reads and parses the whole
 * file; next() converts one event at a time.
 *
 *   const r = await V1OrderedReader.open(source);
 *   for (;;) {
 *     const e = r.next();
 *     if (e) { use(e); continue; }
 *     if (r.needsGeneration) { await r.loadGeneration(); continue; }
 *     break;                                  // the end, or r.failure
 *   }
 */
import type { ByteSource } from '../bytes/byteSource.js';
import { readFormatInfo, type FormatInfo } from '../format/formatInfo.js';
import type { OrderedEvent } from '../order/orderedEvent.js';
import { syncEvent } from '../order/toOrderedEvent.js';
import type { Problem } from '../problems.js';
import { V1Batches } from './v1Batches.js';
import { V1Converter } from './v1Convert.js';
import { V1Error } from './v1Error.js';
import { parseV1Trace, v1SizeProblem, type V1Trace } from './v1Trace.js';

export interface V1ReaderOptions {
  /** Largest file read (it is held whole, with about 60 bytes per event). Default MAX_V1_BYTES (v1Trace.ts: 1 GiB). */
  maxV1Bytes?: number;
  /** Bytes per read from the source. Default 16 MiB. */
  chunkSize?: number;
  /**
   * Each event returned by next() is valid only until the following call, which may reuse its
   * object (fewer allocations when events are only looked at once, as a check does).
   */
  reuseEvents?: boolean;
  /** The source's header as openTrace (or readFormatInfo) read it: not read again. */
  format?: FormatInfo;
}

/** Reads the whole source into one buffer (v1 traces are parsed whole). */
export async function readWhole(source: ByteSource, chunkSize = 16 << 20): Promise<Uint8Array> {
  const out = new Uint8Array(source.size);
  let at = 0;
  while (at < out.length) {
    const chunk = await source.read(at, Math.min(chunkSize, out.length - at));
    if (chunk.length === 0) break;
    out.set(chunk, at);
    at += chunk.length;
  }
  return at === out.length ? out : out.subarray(0, at);
}

type State = 'unloaded' | 'streaming' | 'done';

export class V1OrderedReader {
  /** The problem that ended the stream (Go's text), if any. */
  failure: Problem | undefined;
  /** The parsed trace, once loaded. */
  trace: V1Trace | undefined;
  /** Format version from the header (11, 19 or 21), 0 if the header is not a v1 one. */
  readonly version: number;
  private state: State = 'unloaded';
  private converter: V1Converter | undefined;
  private syncs = 0;
  private readonly problemList: Problem[] = [];

  private constructor(
    readonly source: ByteSource,
    private readonly headerSize: number,
    version: number,
    private readonly options: V1ReaderOptions,
    headerProblem: Problem | undefined,
  ) {
    this.version = version;
    if (headerProblem) this.fail(headerProblem);
  }

  /** Reads the header; the trace itself is read by the first loadGeneration(). */
  static async open(source: ByteSource, options: V1ReaderOptions = {}): Promise<V1OrderedReader> {
    const f = options.format ?? (await readFormatInfo(source));
    if (f.problem) return new V1OrderedReader(source, 0, 0, options, { ...f.problem });
    if (f.kind !== 'v1') {
      return new V1OrderedReader(source, f.headerSize, 0, options, {
        code: 'unsupported-version', severity: 'error', message: `go 1.${f.version} is not a v1 trace format`, offset: 0,
      });
    }
    return new V1OrderedReader(source, f.headerSize, f.version, options, undefined);
  }

  /** Every problem found: in a v1 trace the first one ends the stream, so at most one. */
  get problems(): readonly Problem[] {
    return this.problemList;
  }

  /**
   * File offset of the v1 event the event next() returned last was converted from (where the
   * viewer finds it among the raw events); undefined for the Syncs, which no v1 event makes.
   */
  get sourceOffset(): number | undefined {
    if (this.state !== 'streaming') return undefined;
    const off = this.converter!.sourceOffset;
    return off >= 0 ? off : undefined;
  }

  /** next() returned undefined because the trace must be read first (loadGeneration). */
  get needsGeneration(): boolean {
    return this.state === 'unloaded';
  }

  /** Reads and parses the whole trace (the only asynchronous step). */
  async loadGeneration(): Promise<void> {
    if (this.state !== 'unloaded') return;
    const tooLarge = v1SizeProblem(this.source.size, this.options.maxV1Bytes);
    if (tooLarge) {
      this.fail(tooLarge);
      return;
    }
    const data = await readWhole(this.source, this.options.chunkSize);
    try {
      this.trace = parseV1Trace(new V1Batches(data, this.headerSize, this.version));
    } catch (e) {
      if (!(e instanceof V1Error)) throw e;
      this.fail(e.toProblem());
      return;
    }
    this.converter = new V1Converter(this.trace.events, this.trace.tables, this.version, this.options.reuseEvents === true);
    this.state = 'streaming';
  }

  /** The next event, or undefined: at the end, after a failure, or before loadGeneration(). */
  next(): OrderedEvent | undefined {
    if (this.state !== 'streaming') return undefined;
    const c = this.converter!;
    if (this.syncs === 0) {
      // A Sync first, just before the first event, if there is one.
      const first = c.firstTime;
      if (first !== undefined) {
        this.syncs++;
        return syncEvent(first - 1, this.syncs, undefined);
      }
    }
    let e: OrderedEvent | undefined;
    try {
      e = c.next();
    } catch (err) {
      if (!(err instanceof V1Error)) throw err;
      this.fail(err.toProblem());
      return undefined;
    }
    if (e) {
      e.srcOffset = c.sourceOffset;
      return e;
    }
    // And a Sync after the last.
    this.state = 'done';
    this.syncs++;
    return syncEvent(c.lastTs + 1, this.syncs, undefined);
  }

  private fail(p: Problem): void {
    this.state = 'done';
    this.failure = p;
    this.problemList.push(p);
  }
}
