/**
 * One place that decides a trace's format: openTrace reads the header once and returns a handle
 * saying what the file is (a v1 or v2 trace, not a trace, or a version Go does not know, with
 * the problem) and offering each entry point of its family, which then do not read the header
 * again:
 *
 *   const trace = await openTrace(source);
 *   trace.kind, trace.version, trace.goReleases, trace.problem
 *   await trace.openEventStream()   // OrderedReader (v2) or V1OrderedReader (v1): Go's Reader
 *   await trace.check()             // every problem (checkTrace)
 *   await trace.checkOrdering()     // the stream run to its end: Go's error, if any
 *   await trace.dumpWire(write)     // go-trace wire: Go's raw reader (v2) or the v1 dump
 *   await trace.openTraceReader()   // v2: the generation reader (a v1 trace gets an empty one)
 *
 * A root module: it opens what the folders below provide, and none of them imports it.
 */
import type { ByteSource } from './bytes/byteSource.js';
import { checkTrace, type CheckResult } from './check.js';
import { readFormatInfo, type FormatInfo, type FormatKind, type TraceHeader } from './format/formatInfo.js';
import type { FormatVersion } from './format/version.js';
import { checkOrdering, type OrderingCheck } from './order/checkOrdering.js';
import type { Problem } from './problems.js';
import { openEventStream, type EventStream, type EventStreamOptions } from './stream/openEventStream.js';
import { TraceReader, type TraceReaderOptions } from './traceReader.js';
import { dumpV1Wire } from './v1/v1WireDump.js';
import { RawReader, WireError, type RawReaderOptions } from './wire/rawReader.js';
import { dumpEvents } from './wire/wireDump.js';

/** Writes a piece of a dump; a promise makes the dump wait (stdout full). */
export type DumpWrite = (text: string) => void | Promise<void>;

/** A trace's format and the entry points of its family. */
export class TraceFormat implements FormatInfo {
  readonly kind: FormatKind;
  readonly version: number;
  readonly format: FormatVersion | undefined;
  readonly headerSize: number;
  readonly goReleases: string | undefined;
  readonly problem: Problem | undefined;
  readonly header: TraceHeader | undefined;

  constructor(readonly source: ByteSource, info: FormatInfo) {
    this.kind = info.kind;
    this.version = info.version;
    this.format = info.format;
    this.headerSize = info.headerSize;
    this.goReleases = info.goReleases;
    this.problem = info.problem;
    this.header = info.header;
  }

  /**
   * The ordered event stream: a V1OrderedReader for a v1 trace (read whole by its first
   * loadGeneration, as Go reads it), an OrderedReader otherwise (a file that is not a v2 trace
   * gets one that yields nothing and reports why).
   */
  openEventStream(options: EventStreamOptions = {}): Promise<EventStream> {
    return openEventStream(this.source, { ...options, format: this });
  }

  /** Every problem in the trace (checkTrace: v1 traces the way Go reads them). */
  check(options: TraceReaderOptions = {}): Promise<CheckResult> {
    return checkTrace(this.source, { ...options, format: this });
  }

  /** The ordered stream run to its end (go-trace check's ordering half): the events, and Go's error if any. */
  async checkOrdering(): Promise<OrderingCheck> {
    return checkOrdering(await this.openEventStream({ reuseEvents: true }));
  }

  /** The v2 generation reader. Any other file gets a reader with no generations and a problem saying why. */
  openTraceReader(options: TraceReaderOptions = {}): Promise<TraceReader> {
    return TraceReader.open(this.source, { ...options, format: this });
  }

  /**
   * Go's raw reader (the v2 wire events). It reads the header as its stream's first bytes, as
   * Go's does, and throws WireError with Go's text when the file is not a trace it knows.
   */
  openRawReader(options: RawReaderOptions = {}): Promise<RawReader> {
    return RawReader.open(this.source, options);
  }

  /**
   * What `go-trace wire` prints: Go's raw reader's dump (`go tool trace -d=wire`) for a v2 trace
   * and for a file that is not one (which it refuses with Go's text); the v1 dump (v1WireDump.ts)
   * for a v1 trace, which Go's refuses. Returns the error text that stopped the dump, if any,
   * after the lines before it.
   */
  async dumpWire(write: DumpWrite): Promise<string | undefined> {
    if (this.kind === 'v1') return dumpV1Wire(this.source, write, this);
    let reader: RawReader;
    try {
      reader = await this.openRawReader();
    } catch (e) {
      if (!(e instanceof WireError)) throw e;
      return e.message;
    }
    return dumpEvents(reader, write);
  }
}

/** Reads the header of `source` (once) and returns its format handle. Never throws for bad input. */
export async function openTrace(source: ByteSource): Promise<TraceFormat> {
  return new TraceFormat(source, await readFormatInfo(source));
}
