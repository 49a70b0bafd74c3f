/**
 * Hand-built v1 traces for the tests: a good one that touches most of the conversion, one with CPU
 * samples, and one per problem Go's v1 parser reports. What Go 1.27's `go tool trace -d=parsed`
 * prints for each is recorded in v1CasesGo.ts (made by running Go's parser on exactly these
 * bytes: see that file).
 */
import { V1TraceWriter } from '../../support/v1TraceWriter.js';

const MAIN = { pc: 0x100, fn: 10, file: 11, line: 5 };
const CALLER = { pc: 0x200, fn: 12, file: 11, line: 9 };
const TOP = { pc: 0x300, fn: 13, file: 11, line: 20 };

/** Strings and stacks most cases use, in a footer after the last batch, with the frequency. */
export function footer(w: V1TraceWriter, freq = 1e9): V1TraceWriter {
  w.frequency(freq);
  w.stack(1, [MAIN]);
  w.stack(2, [CALLER, TOP]);
  return w;
}

export function strings(w: V1TraceWriter): V1TraceWriter {
  for (const [id, s] of [[3, 'label'], [4, 'task name'], [5, 'region'], [6, 'key'], [10, 'main.worker'], [11, 'main.go'], [12, 'main.main'], [13, 'runtime.main']] as const) {
    w.string(id, s);
  }
  return w;
}

/**
 * A good trace touching most of the conversion: goroutines of the start-up dump (created only,
 * waiting, running), the Gomaxprocs that ends it, a syscall that returns at once and one that
 * blocks (with a real exit time on another P), GoStartLabel, a task with a region and a log,
 * GC with a stop-the-world, a goroutine end.
 */
export function goodTrace(version = 19): V1TraceWriter {
  const w = new V1TraceWriter(version);
  w.batch(0, 1000);
  strings(w);
  w.event('GoCreate', [1, 1, 1, 2]);
  w.event('GoCreate', [1, 2, 1, 2]);
  w.event('GoCreate', [1, 3, 1, 2]);
  w.event('GoWaiting', [1, 2]);
  w.event('ProcStart', [1, 7]);
  w.event('GoStartLocal', [1, 1]);
  w.event('Gomaxprocs', [1, 4, 2]);
  w.event('GoCreate', [10, 4, 1, 2]);
  w.event('GoSysCall', [10, 2]);
  w.event('GoSched', [10, 2]);
  w.event('GoStartLabel', [10, 4, 1, 3]);
  w.event('UserTaskCreate', [5, 1, 0, 4, 2]);
  w.event('UserRegion', [5, 1, 0, 5, 2]);
  w.userLog(5, 1, 6, 2, 'hello');
  w.event('UserRegion', [5, 1, 1, 5, 2]);
  w.event('UserTaskEnd', [5, 1, 2]);
  w.event('HeapAlloc', [5, 4096]);
  w.event('GoSysCall', [5, 2]);
  w.event('GoSysBlock', [5]);
  w.event('ProcStop', [5]);
  w.batch(1, 1100);
  w.event('ProcStart', [1, 8]);
  // The syscall really returned at tick 1098, before this batch's first event.
  w.event('GoSysExit', [1, 4, 2, 1098]);
  w.event('GoStartLocal', [1, 4]);
  w.event('GCStart', [1, 0, 2]);
  w.event('GCSTWStart', [1, 0]);
  w.event('GCSTWDone', [1]);
  w.event('GCDone', [1]);
  w.event('GoEnd', [1]);
  w.event('ProcStop', [1]);
  return footer(w);
}


/** A trace with CPU samples (Go 1.19+): one on a P with a goroutine, one without either. */
export function cpuSamples(): V1TraceWriter {
  const w = new V1TraceWriter(19);
  w.batch(0, 1000);
  strings(w);
  w.event('ProcStart', [1, 7]);
  w.event('Gomaxprocs', [1, 2, 2]);
  w.event('GoCreate', [1, 5, 1, 2]);
  w.event('GoStartLocal', [1, 5]);
  w.event('HeapAlloc', [10, 1 << 20]);
  w.event('GoEnd', [10]);
  w.event('ProcStop', [1]);
  // The samples' batch: the runtime writes them for no P; the real P and G are arguments.
  w.batch(-1, 1000);
  w.event('CPUSample', [0, 1005, 0, 5, 2]);
  w.event('CPUSample', [0, 1003, -1, 0, 1]);
  w.event('CPUSample', [0, 1025, 0, 5, 0]);
  return footer(w);
}

/** The smallest good trace: one P that starts and stops. */
export function minimal(version = 19): V1TraceWriter {
  const w = new V1TraceWriter(version);
  w.batch(0, 50);
  w.event('ProcStart', [1, 3]);
  w.event('ProcStop', [2]);
  return footer(w);
}

/** A batch of P 0 with a ProcStart, then the given events, then the footer. */
function withEvents(add: (w: V1TraceWriter) => void, version = 19, freq = 1e9): V1TraceWriter {
  const w = new V1TraceWriter(version);
  w.batch(0, 100);
  strings(w);
  w.event('ProcStart', [1, 3]);
  add(w);
  return footer(w, freq);
}

export interface V1Case {
  /** What is wrong (or right) with it. */
  what: string;
  build: () => V1TraceWriter;
  /** Bytes cut off the end. */
  cut?: number;
  /** The problem code our reader gives. */
  code?: string;
}

/** A case's bytes. */
export function caseBytes(c: V1Case): Uint8Array {
  const w = c.build();
  return w.build(c.cut === undefined ? undefined : w.length - c.cut).bytes;
}

export const CASES: Record<string, V1Case> = {
  good19: { what: 'a good Go 1.19 trace', build: () => goodTrace(19) },
  good11: { what: 'a good Go 1.11 trace (STW kinds 0 and 1 stand for reasons 1 and 2)', build: () => goodTrace(11) },
  good21: { what: 'a good Go 1.21 trace (STW kinds are reasons)', build: () => goodTrace(21) },
  cpuSamples: { what: 'CPU samples, sorted by their own time, on their P', build: cpuSamples },
  minimal: { what: 'one P that starts and stops', build: () => minimal() },
  empty: { what: 'a header and nothing else', build: () => new V1TraceWriter(19), code: 'missing-frequency' },
  unknownType: {
    what: 'a type byte no version defines',
    build: () => withEvents((w) => w.raw([0x3f])),
    code: 'unknown-event-type',
  },
  cpuSampleIn111: {
    what: 'a CPU sample in a Go 1.11 trace (the type came with 1.19)',
    build: () => withEvents((w) => w.event('CPUSample', [0, 100, 0, 0, 0]), 11),
    code: 'unknown-event-type',
  },
  cutVarint: {
    what: 'the file ends inside an argument',
    build: () => minimal().raw([33 | (1 << 6), 1, 0x80]),
    code: 'malformed-varint',
  },
  overlongVarint: {
    what: 'an argument longer than 64 bits',
    build: () => withEvents((w) => w.raw([33 | (1 << 6), 1, ...new Array(10).fill(0xff), 1])),
    code: 'malformed-varint',
  },
  argBlockTooBig: {
    what: 'a length-prefixed argument block over 2048 bytes',
    build: () => withEvents((w) => w.raw([13 | (3 << 6), 0xb8, 0x17])),
    code: 'malformed-event',
  },
  cutArgBlock: {
    what: 'the file ends inside a length-prefixed argument block',
    build: () => minimal().raw([13 | (3 << 6), 10, 1, 2, 3]),
    code: 'event-truncated',
  },
  cutString: {
    what: 'the file ends inside a string',
    build: () => minimal().raw([37, 40, 10, 0x61, 0x62]),
    code: 'event-truncated',
  },
  cutLogMessage: {
    what: "the file ends inside a log message (the first pass takes it for the end, the batch's parse does not)",
    build: () => minimal().userLog(1, 1, 6, 2, 'hello'),
    cut: 2,
    code: 'event-truncated',
  },
  emptyString: {
    what: 'a string of length 0',
    build: () => withEvents((w) => w.raw([37, 40, 0])),
    code: 'malformed-event',
  },
  stringIdZero: {
    what: 'a string with ID 0',
    build: () => withEvents((w) => w.string(0, 'x')),
    code: 'malformed-event',
  },
  duplicateString: {
    what: 'two strings with one ID',
    build: () => withEvents((w) => w.string(3, 'again')),
    code: 'duplicate-id',
  },
  noFrequency: {
    what: 'no Frequency event',
    build: () => {
      const w = new V1TraceWriter(19);
      w.batch(0, 100).event('ProcStart', [1, 3]).event('ProcStop', [1]);
      return w;
    },
    code: 'missing-frequency',
  },
  zeroFrequency: { what: 'a frequency of 0', build: () => minimal().frequency(0), code: 'time-order' },
  eventBeforeBatch: {
    what: 'an event before the first batch',
    build: () => footer(new V1TraceWriter(19).event('HeapAlloc', [1, 5]).batch(0, 1)),
    code: 'malformed-event',
  },
  batchWrongArgs: {
    what: 'a batch header with three values',
    build: () => footer(new V1TraceWriter(19).raw([1 | (2 << 6), 0, 5, 5])),
    code: 'malformed-event',
  },
  pidTooLarge: {
    what: 'a P beyond int32',
    build: () => footer(new V1TraceWriter(19).batch(2 ** 31, 5)),
    code: 'malformed-event',
  },
  wrongArgCount: {
    what: 'a GoCreate without its stack ID',
    build: () => withEvents((w) => w.event('GoCreate', [1, 9, 1])),
    code: 'malformed-event',
  },
  tooManyFrames: {
    what: 'a stack of 1001 frames',
    build: () => withEvents((w) => w.event('Stack', [7, 1001])),
    code: 'oversized-stack',
  },
  stackWrongArgs: {
    what: 'a stack with fewer frames than it says',
    build: () => withEvents((w) => w.stack(7, [{ pc: 1, fn: 10, file: 11, line: 1 }], 2)),
    code: 'malformed-event',
  },
  noOrdering: {
    what: 'a goroutine started with a sequence number it never reaches',
    build: () => withEvents((w) => w.event('GoStart', [1, 5, 3])),
    code: 'ordering-failed',
  },
  impossibleTransition: {
    what: 'two Ps start the same goroutine',
    build: () => {
      const w = new V1TraceWriter(19);
      w.batch(2, 100).event('ProcStart', [0, 3]).event('GoCreate', [1, 5, 1, 2]).event('GoEnd', [1]);
      w.batch(0, 104).event('GoStartLocal', [1, 5]);
      w.batch(1, 106).event('GoStartLocal', [1, 5]);
      strings(w);
      return footer(w);
    },
    code: 'ordering-failed',
  },
  timeOrder: {
    what: 'a goroutine started on another P before it was created',
    build: () => {
      const w = new V1TraceWriter(19);
      w.batch(0, 100).event('ProcStart', [0, 3]).event('GoCreate', [10, 5, 1, 2]);
      w.batch(1, 100).event('ProcStart', [0, 4]).event('GoStart', [5, 5, 1]);
      strings(w);
      return footer(w);
    },
    code: 'time-order',
  },
  straySyscallExit: {
    what: 'a syscall exit with a real time, without a syscall block before it',
    build: () =>
      withEvents((w) => {
        w.event('GoCreate', [1, 5, 1, 2]).event('GoStart', [1, 5, 1]).event('GoBlock', [1, 2]).event('GoSysExit', [1, 5, 2, 150]);
      }),
    code: 'ordering-failed',
  },
  syscallExitForward: {
    what: 'a syscall exit whose real time is later than the events after it (it moves forward)',
    build: () =>
      withEvents((w) => {
        w.event('GoCreate', [1, 5, 1, 2]).event('GoStartLocal', [1, 5]).event('GoSysCall', [1, 2]).event('GoSysBlock', [1]);
        w.event('GoSysExit', [1, 5, 2, 140]).event('HeapAlloc', [1, 1]).event('HeapAlloc', [1, 2]).event('HeapAlloc', [30, 3]);
      }),
  },
  stopNotRunning: {
    what: 'a P stopped that never started',
    build: () => footer(new V1TraceWriter(19).batch(0, 5).event('ProcStop', [1])),
    code: 'bad-state-transition',
  },
  taskConflict: {
    what: 'two tasks with one ID',
    build: () => withEvents((w) => w.event('UserTaskCreate', [1, 1, 0, 4, 2]).event('UserTaskCreate', [1, 1, 0, 4, 2])),
    code: 'bad-state-transition',
  },
  regionMisuse: {
    what: 'a region ended that is not the innermost',
    build: () =>
      withEvents((w) => {
        w.event('UserRegion', [1, 1, 0, 5, 2]).event('UserRegion', [1, 1, 0, 6, 2]).event('UserRegion', [1, 1, 1, 5, 2]);
      }),
    code: 'bad-state-transition',
  },
  regionMode: {
    what: 'a region event that neither begins nor ends',
    build: () => withEvents((w) => w.event('UserRegion', [1, 1, 2, 5, 2])),
    code: 'malformed-event',
  },
  futileWakeup: {
    what: 'an event type the conversion does not know (FutileWakeup): the events before it come out',
    build: () => withEvents((w) => w.event('HeapAlloc', [1, 64]).event('FutileWakeup', [1])),
    code: 'bad-event-type',
  },
};
