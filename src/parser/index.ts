/**
 * The Go trace parser: a small typed API over the wire format. Pure TypeScript, no Node or
 * VS Code API, so it runs in the extension host, a worker, the CLI and a browser alike.
 *
 *   const reader = await TraceReader.open(source);       // header, or a problem
 *   for (let g; (g = await reader.nextGeneration()); ) {  // one generation at a time
 *     await reader.decodeEvents(g, columns);              // its events, in typed arrays
 *   }
 *   reader.problems.items                                 // everything that was wrong
 */
export type { ByteSource } from './bytes/byteSource.js';
export { memorySource, prefixSource } from './bytes/byteSource.js';
export { TraceReader } from './traceReader.js';
export type { TraceHeader, TraceReaderOptions } from './traceReader.js';
export { Generation } from './generation/generation.js';
export type { GenerationEnding } from './generation/generation.js';
export { GenerationTables } from './generation/tables.js';
export type { Frame, Stack, ClockSnapshot, CpuSample, ExperimentalData } from './generation/tables.js';
export { EventColumns, ARG_STRIDE } from './generation/eventColumns.js';
export { BatchKind, BATCH_KIND_NAMES } from './framing/batch.js';
export type { BatchRef } from './framing/batch.js';
export { V2_SPECS, specsForVersion, Ev, EXPERIMENT_NAMES, GO_STATUS_NAMES, PROC_STATUS_NAMES } from './format/v2Events.js';
export type { EventSpec } from './format/v2Events.js';
export { readHeader, goReleasesFor, TraceVersion, isV1, HEADER_SCAN_LIMIT } from './format/version.js';
// The format, decided once: the header read, the versions table, each family's entry points.
export { openTrace, TraceFormat } from './openTrace.js';
export type { DumpWrite } from './openTrace.js';
export { FORMAT_VERSIONS, formatVersion } from './format/version.js';
export type { FormatFamily, FormatVersion } from './format/version.js';
export { readFormatInfo } from './format/formatInfo.js';
export type { FormatInfo, FormatKind } from './format/formatInfo.js';
export { checkTrace } from './check.js';
export type { CheckResult } from './check.js';
export { formatProblem, hasErrors } from './problems.js';
export type { Problem, ProblemCode, Severity } from './problems.js';
export { ProblemList, DEFAULT_PROBLEM_LIMITS } from './problemList.js';
export { PROBLEM_CODES, PROBLEM_CODE_LIST, breaksTrace, goText, severityLabel, severityOf } from './problemCodes.js';
export type { ProblemCodeInfo, SeverityRule } from './problemCodes.js';
export { formatProblemGroups, groupProblems } from './problemGroups.js';
export type { ConsequenceCount, ProblemGroup } from './problemGroups.js';
export type { ProblemLimits } from './problemList.js';
export { viewEvent, argKind, frameViews } from './eventView.js';
export type { EventView, ArgView, ArgKind, FrameView, StackView } from './eventView.js';
export { decodeEventBatch } from './generation/eventDecoder.js';
// A generation's decoding as a job for another thread (src/node/parallelCheck.ts).
export { makeDecodeJob, runDecodeJob, ProblemRun } from './generation/decodeJob.js';
export type { DecodeJob, DecodeJobResult } from './generation/decodeJob.js';
// The ordered event stream (Go's Reader: frontier merge, ordering state machines, Event.String).
export { OrderedReader } from './order/orderedReader.js';
export type { OrderedReaderOptions, GenerationExtent } from './order/orderedReader.js';
// Any generation ordered again on its own, from the state the whole stream had at its start.
export { openGenerationStream } from './order/generationStream.js';
export type { OrderingSnapshot } from './order/orderingSnapshot.js';
export { checkOrdering, withOrderingFailure } from './order/checkOrdering.js';
export type { OrderingCheck } from './order/checkOrdering.js';
// One entry point for every format: OrderedReader (v2) or V1OrderedReader (v1, Go 1.11–1.21).
export { openEventStream } from './stream/openEventStream.js';
export type { EventStream, EventStreamOptions } from './stream/openEventStream.js';
export { V1OrderedReader } from './v1/v1OrderedReader.js';
export type { V1ReaderOptions } from './v1/v1OrderedReader.js';
export { checkV1Trace } from './v1/v1Check.js';
// v1 files event by event, as written (the viewer's index and event views, the wire dump).
export { readWhole } from './v1/v1OrderedReader.js';
export { MAX_V1_BYTES, v1SizeProblem } from './v1/v1Trace.js';
export { V1Scanner, newRawEvent } from './v1/v1Scanner.js';
export type { V1RawEvent } from './v1/v1Scanner.js';
export { V1Error } from './v1/v1Error.js';
export { V1Ev, V1_SPECS, V1GoEffect, V1_GO_EFFECT, STW_REASONS, stwReason } from './v1/v1Events.js';
export { int32, int64, uint32 } from './v1/v1Batches.js';
export { formatV1RawEvent, dumpV1Wire } from './v1/v1WireDump.js';
export { scanV1From } from './v1/v1ScanFrom.js';
// Go's raw reader and `go tool trace -d=wire` (go-trace wire, the wire dump view).
export { RawReader, WireError } from './wire/rawReader.js';
export type { RawEvent } from './wire/rawReader.js';
export { formatRawEvent, dumpEvents, dumpWire } from './wire/wireDump.js';
// Trace strings (bytes that need not be UTF-8) and the text form of Go's parser tests.
export { decodeTraceString } from './text/traceString.js';
export { displayTraceText, escapeTraceLines, goQuoteShort, goQuoteString, isPlainTraceText } from './text/traceText.js';
export { rawTextToBinary, RawTextError } from './wire/rawText.js';
export { formatEvent } from './order/formatEvent.js';
export { NONE, NO_TASK, BACKGROUND_TASK, formatUint64, GoState, ProcState } from './order/resources.js';
export { BAD_STATE, TransitionResource, newTransitionCodes, readTransition } from './order/transitionCodes.js';
export type { TransitionCodes } from './order/transitionCodes.js';
export type { ResourceId, ResourceKind, Uint64 } from './order/resources.js';
export type {
  OrderedEvent, EventKind, EventStack, StateTransition, RangeInfo, TaskInfo, SyncInfo, ClockSnapshotInfo,
} from './order/orderedEvent.js';
export type { StackFrame } from './order/generationView.js';
// Summaries in one pass over the ordered stream: goroutines, procs and threads, tasks and regions, event counts.
export * from './summary/index.js';
