/**
 * Inputs for the raw reader and what Go 1.27 does with them, recorded by running
 * `go tool trace -d=wire` on each input (events) and Go's header scan, fmt.Fscanf with the
 * format "go 1.%d trace\x00\x00\x00" on a bufio.Reader (headers), in a scratch directory.
 */

export interface WireCase {
  /** The whole file, hex. */
  hex: string;
  /** Go's stdout. */
  out: string;
  /** Go's stderr line ('' when none). */
  err: string;
  code: number;
}

export const WIRE_CASES: Record<string, WireCase> = {
  "batch-and-events": {
    hex: "676f20312e32362074726163650000000101ffffffffffffffffff0105898080808080808080000d01000110ac0207808080808080801034",
    out: "EventBatch gen=1 m=18446744073709551615 time=5 size=9\nProcStatus dt=1 p=0 pstatus=1\nGoStart dt=300 g=7 g_seq=9007199254740992\nEndOfGeneration\n",
    err: "",
    code: 0,
  },
  "empty-name-byte": {
    hex: "676f20312e3236207472616365000000357f34",
    out: "\n\nEndOfGeneration\n",
    err: "",
    code: 0,
  },
  "invalid-zero": {
    hex: "676f20312e32362074726163650000003400",
    out: "EndOfGeneration\n",
    err: "invalid event type: 0",
    code: 1,
  },
  "invalid-v22-gostwitch": {
    hex: "676f20312e3232207472616365000000100102032d0102",
    out: "GoStart dt=1 g=2 g_seq=3\n",
    err: "invalid event type: 45",
    code: 1,
  },
  "invalid-137": {
    hex: "676f20312e323620747261636500000089",
    out: "",
    err: "invalid event type: 137",
    code: 1,
  },
  "v25-endofgen-invalid": {
    hex: "676f20312e323520747261636500000034",
    out: "",
    err: "invalid event type: 52",
    code: 1,
  },
  "eof-at-arg-start": {
    hex: "676f20312e32362074726163650000001001",
    out: "",
    err: "",
    code: 0,
  },
  "eof-inside-arg": {
    hex: "676f20312e3236207472616365000000100180",
    out: "",
    err: "unexpected EOF",
    code: 1,
  },
  "overflow-10th-byte": {
    hex: "676f20312e323620747261636500000010ffffffffffffffffff02",
    out: "",
    err: "binary: varint overflows a 64-bit integer",
    code: 1,
  },
  "overflow-11-bytes": {
    hex: "676f20312e3236207472616365000000108080808080808080808000",
    out: "",
    err: "binary: varint overflows a 64-bit integer",
    code: 1,
  },
  "max-uint64-10th-byte-1": {
    hex: "676f20312e323620747261636500000025ffffffffffffffffff010000",
    out: "HeapAlloc dt=18446744073709551615 heapalloc_value=0\n",
    err: "invalid event type: 0",
    code: 1,
  },
  "string-data": {
    hex: "676f20312e3236207472616365000000040501046d61696e05020005030600ff225c0ae2",
    out: "Strings\nString id=1\n\tdata=\"main\"\nString id=2\nString id=3\n\tdata=\"\\x00\\xff\\\"\\\\\\n\\xe2\"\n",
    err: "",
    code: 0,
  },
  "string-data-truncated": {
    hex: "676f20312e323620747261636500000005010a616263",
    out: "",
    err: "",
    code: 0,
  },
  "string-len-truncated": {
    hex: "676f20312e3236207472616365000000050180",
    out: "",
    err: "unexpected EOF",
    code: 1,
  },
  "string-len-huge": {
    hex: "676f20312e323620747261636500000005018080808080808080800110010203",
    out: "String id=1\nGoStart dt=1 g=2 g_seq=3\n",
    err: "",
    code: 0,
  },
  "string-len-2^63-1": {
    hex: "676f20312e32362074726163650000000501ffffffffffffffff7f41",
    out: "",
    err: "",
    code: 0,
  },
  "stack-frames": {
    hex: "676f20312e32362074726163650000000203010280a0800203042affffffffffffffffff01050680808080808080801034",
    out: "Stacks\nStack id=1 nframes=2\n\tpc=4198400 func=3 file=4 line=42\n\tpc=18446744073709551615 func=5 file=6 line=1152921504606846976\nEndOfGeneration\n",
    err: "",
    code: 0,
  },
  "stack-nframes-2^63": {
    hex: "676f20312e323620747261636500000003078080808080808080800134",
    out: "Stack id=7 nframes=9223372036854775808\nEndOfGeneration\n",
    err: "",
    code: 0,
  },
  "stack-nframes-huge-eof": {
    hex: "676f20312e32362074726163650000000307c0843d010203040506",
    out: "",
    err: "",
    code: 0,
  },
  "stack-frames-unexpected-eof": {
    hex: "676f20312e3236207472616365000000030702010203040581",
    out: "",
    err: "unexpected EOF",
    code: 1,
  },
  "stack-frames-overflow": {
    hex: "676f20312e3236207472616365000000030702010203ffffffffffffffffffff",
    out: "",
    err: "binary: varint overflows a 64-bit integer",
    code: 1,
  },
  "experimental-batch": {
    hex: "676f20312e3233207472616365000000310101ffffffffffffffffff0163030180402d0101",
    out: "ExperimentalBatch exp=1 gen=1 m=18446744073709551615 time=99\n\tdata=\"\\x01\\x80@\"\n",
    err: "",
    code: 0,
  },
  "experimental-batch-empty-data": {
    hex: "676f20312e323620747261636500000031010102030034",
    out: "ExperimentalBatch exp=1 gen=1 m=2 time=3\nEndOfGeneration\n",
    err: "",
    code: 0,
  },
  "v1-header": {
    hex: "676f20312e31392074726163650000004101",
    out: "",
    err: "invalid event type: 65",
    code: 1,
  },
  "header-only": {
    hex: "676f20312e3236207472616365000000",
    out: "",
    err: "",
    code: 0,
  },
  "v22-frequency": {
    hex: "676f20312e323220747261636500000008a8d6b907",
    out: "Frequency freq=15625000\n",
    err: "",
    code: 0,
  },
  "sync-clock": {
    hex: "676f20312e323520747261636500000032088094ebdc03330163e9a087be067b",
    out: "Sync\nFrequency freq=1000000000\nClockSnapshot dt=1 mono=99 sec=1740755049 nsec=123\n",
    err: "",
    code: 0,
  },
  "all-names-v26": {
    hex: "676f20312e323620747261636500000001000000000203000004050000060700000000000800090000000a0000000b000c000000000d0000000e000000000f0000100000001100120013000000140000001500000000160000001700180019000000001a0000001b001c00001d0000001e00001f0000200000210000002200002300002400250000260000270000280000000000290000002a000000002b000000002c00000000002d0000002e0000002f000000003000000000003100000000003233000000003435363738393a3b3c3d3e3f404142434445464748494a4b4c4d4e4f505152535455565758595a5b5c5d5e5f606162636465666768696a6b6c6d6e6f707172737475767778797a7b7c7d7e7f8000000000810000000082000083000000840000008500008600000087000000880000",
    out: "EventBatch gen=0 m=0 time=0 size=0\nStacks\nStack id=0 nframes=0\nStrings\nString id=0\nCPUSamples\nCPUSample time=0 m=0 p=0 g=0 stack=0\nFrequency freq=0\nProcsChange dt=0 procs_value=0 stack=0\nProcStart dt=0 p=0 p_seq=0\nProcStop dt=0\nProcSteal dt=0 p=0 p_seq=0 m=0\nProcStatus dt=0 p=0 pstatus=0\nGoCreate dt=0 new_g=0 new_stack=0 stack=0\nGoCreateSyscall dt=0 new_g=0\nGoStart dt=0 g=0 g_seq=0\nGoDestroy dt=0\nGoDestroySyscall dt=0\nGoStop dt=0 reason_string=0 stack=0\nGoBlock dt=0 reason_string=0 stack=0\nGoUnblock dt=0 g=0 g_seq=0 stack=0\nGoSyscallBegin dt=0 p_seq=0 stack=0\nGoSyscallEnd dt=0\nGoSyscallEndBlocked dt=0\nGoStatus dt=0 g=0 m=0 gstatus=0\nSTWBegin dt=0 kind_string=0 stack=0\nSTWEnd dt=0\nGCActive dt=0 gc_seq=0\nGCBegin dt=0 gc_seq=0 stack=0\nGCEnd dt=0 gc_seq=0\nGCSweepActive dt=0 p=0\nGCSweepBegin dt=0 stack=0\nGCSweepEnd dt=0 swept_value=0 reclaimed_value=0\nGCMarkAssistActive dt=0 g=0\nGCMarkAssistBegin dt=0 stack=0\nGCMarkAssistEnd dt=0\nHeapAlloc dt=0 heapalloc_value=0\nHeapGoal dt=0 heapgoal_value=0\nGoLabel dt=0 label_string=0\nUserTaskBegin dt=0 task=0 parent_task=0 name_string=0 stack=0\nUserTaskEnd dt=0 task=0 stack=0\nUserRegionBegin dt=0 task=0 name_string=0 stack=0\nUserRegionEnd dt=0 task=0 name_string=0 stack=0\nUserLog dt=0 task=0 key_string=0 value_string=0 stack=0\nGoSwitch dt=0 g=0 g_seq=0\nGoSwitchDestroy dt=0 g=0 g_seq=0\nGoCreateBlocked dt=0 new_g=0 new_stack=0 stack=0\nGoStatusStack dt=0 g=0 m=0 gstatus=0 stack=0\nExperimentalBatch exp=0 gen=0 m=0 time=0\nSync\nClockSnapshot dt=0 mono=0 sec=0 nsec=0\nEndOfGeneration\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\nSpan dt=0 id=0 npages_value=0 kindclass=0\nSpanAlloc dt=0 id=0 npages_value=0 kindclass=0\nSpanFree dt=0 id=0\nHeapObject dt=0 id=0 type=0\nHeapObjectAlloc dt=0 id=0 type=0\nHeapObjectFree dt=0 id=0\nGoroutineStack dt=0 id=0 order=0\nGoroutineStackAlloc dt=0 id=0 order=0\nGoroutineStackFree dt=0 id=0\n",
    err: "",
    code: 0,
  },
};

/** Header bytes (hex) and Go's scan: whether it matched, the number, and the bytes consumed. */
export const HEADER_CASES: { hex: string; ok: boolean; version: number; consumed: number }[] = [
  { hex: "676f20312e3236207472616365000000", ok: true, version: 26, consumed: 16 },
  { hex: "676f20312e323620747261636500000072657374", ok: true, version: 26, consumed: 16 },
  { hex: "676f20312e30303236207472616365000000", ok: true, version: 26, consumed: 18 },
  { hex: "676f2020312e3236207472616365000000", ok: true, version: 26, consumed: 17 },
  { hex: "676f09312e3236207472616365000000", ok: true, version: 26, consumed: 16 },
  { hex: "676f0a312e3236207472616365000000", ok: false, version: 0, consumed: 3 },
  { hex: "676f312e3236207472616365000000", ok: false, version: 0, consumed: 3 },
  { hex: "676f20312e203236207472616365000000", ok: true, version: 26, consumed: 17 },
  { hex: "676f20312e09093236207472616365000000", ok: true, version: 26, consumed: 18 },
  { hex: "676f20312e0a3236207472616365000000", ok: false, version: 0, consumed: 6 },
  { hex: "676f20312e0d3236207472616365000000", ok: true, version: 26, consumed: 17 },
  { hex: "676f20312e0d0a3236207472616365000000", ok: false, version: 0, consumed: 7 },
  { hex: "676f20312e2b3236207472616365000000", ok: false, version: 0, consumed: 5 },
  { hex: "676f20312e2d3236207472616365000000", ok: false, version: 0, consumed: 5 },
  { hex: "676f20312e32367472616365000000", ok: false, version: 26, consumed: 8 },
  { hex: "676f20312e323620207472616365000000", ok: true, version: 26, consumed: 17 },
  { hex: "676f20312e3236c2a07472616365000000", ok: true, version: 26, consumed: 17 },
  { hex: "676fe38080e2808020312e3236207472616365000000", ok: true, version: 26, consumed: 22 },
  { hex: "676f20312e3236c2857472616365000000", ok: true, version: 26, consumed: 17 },
  { hex: "676f20312e32360a7472616365000000", ok: false, version: 26, consumed: 8 },
  { hex: "676f20312e32362074726163650000", ok: false, version: 26, consumed: 15 },
  { hex: "676f20312e3236207472616365000078", ok: false, version: 26, consumed: 15 },
  { hex: "676f20312e34323934393637323935207472616365000000", ok: true, version: 4294967295, consumed: 24 },
  { hex: "676f20312e34323934393637323936207472616365000000", ok: false, version: 0, consumed: 15 },
  { hex: "676f20312e303030303030303030303030303030303030303030303030303236207472616365000000", ok: true, version: 26, consumed: 41 },
  { hex: "676f20312e3939393939393939393939393939393939393939207472616365000000", ok: false, version: 0, consumed: 25 },
  { hex: "676f20312e207472616365000000", ok: false, version: 0, consumed: 6 },
  { hex: "676f20312e", ok: false, version: 0, consumed: 5 },
  { hex: "676f", ok: false, version: 0, consumed: 2 },
  { hex: "", ok: false, version: 0, consumed: 0 },
  { hex: "476f20312e3236207472616365000000", ok: false, version: 0, consumed: 0 },
  { hex: "20676f20312e3236207472616365000000", ok: false, version: 0, consumed: 0 },
  { hex: "676f20312e30783161207472616365000000", ok: false, version: 0, consumed: 7 },
  { hex: "676f20312e3236200d207472616365000000", ok: true, version: 26, consumed: 18 },
  { hex: "676f20312e3236200d0a7472616365000000", ok: false, version: 26, consumed: 9 },
  { hex: "676f200b0c312e32360b0c7472616365000000", ok: true, version: 26, consumed: 19 },
  { hex: "676f20312ee2808a3236207472616365000000", ok: true, version: 26, consumed: 19 },
  { hex: "676f20312e3236205452414345000000", ok: false, version: 26, consumed: 8 },
  { hex: "676f20312ed9a2d9a6207472616365000000", ok: false, version: 0, consumed: 5 },
  { hex: "676f20312e3131207472616365000000", ok: true, version: 11, consumed: 16 },
  { hex: "676f20312e30207472616365000000", ok: true, version: 0, consumed: 15 },
  { hex: "676fc220312e3236207472616365000000", ok: false, version: 0, consumed: 3 },
  { hex: "676f20312e3236e37472616365000000", ok: false, version: 26, consumed: 8 },
];
