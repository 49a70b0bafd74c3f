/**
 * What Go 1.27.3 (go tool trace -d=parsed) printed for each hand-built trace of v1Cases.ts: its
 * stdout, exit code and first stderr line. Recorded by writing each case to a file (caseBytes)
 * and running Go on it; remake the same way when a case changes.
 */
export interface GoParsed {
  exit: number;
  stderr: string;
  stdout: string;
}

export const GO_PARSED: Record<string, GoParsed> = {
  good19: {
    exit: 0,
    stderr: "",
    stdout: `M=-1 P=-1 G=-1 Sync Time=-1 N=1
M=-1 P=0 G=2 StateTransition Time=3 GoID=2 Undetermined->Waiting Reason=""
M=7 P=0 G=-1 StateTransition Time=4 ProcID=0 Undetermined->Running Reason=""
M=7 P=0 G=1 StateTransition Time=5 GoID=1 Undetermined->Running Reason=""
M=-1 P=-1 G=-1 StateTransition Time=6 GoID=3 Undetermined->Runnable Reason=""
M=7 P=0 G=1 StateTransition Time=16 GoID=4 NotExist->Runnable Reason=""
TransitionStack=
	main.worker @ 0x100
		main.go:5

Stack=
	main.main @ 0x200
		main.go:9
	runtime.main @ 0x300
		main.go:20

M=7 P=0 G=1 StateTransition Time=26 GoID=1 Running->Syscall Reason=""
TransitionStack=
	main.main @ 0x200
		main.go:9
	runtime.main @ 0x300
		main.go:20

Stack=
	main.main @ 0x200
		main.go:9
	runtime.main @ 0x300
		main.go:20

M=7 P=0 G=1 StateTransition Time=27 GoID=1 Syscall->Running Reason=""
M=7 P=0 G=1 StateTransition Time=36 GoID=1 Running->Runnable Reason="runtime.Gosched"
TransitionStack=
	main.main @ 0x200
		main.go:9
	runtime.main @ 0x300
		main.go:20

Stack=
	main.main @ 0x200
		main.go:9
	runtime.main @ 0x300
		main.go:20

M=7 P=0 G=4 StateTransition Time=46 GoID=4 Runnable->Running Reason=""
M=7 P=0 G=4 Label Time=47 Label="label" Resource=Goroutine(4)
M=7 P=0 G=4 TaskBegin Time=51 ID=1 Parent=18446744073709551615 Type="task name"
Stack=
	main.main @ 0x200
		main.go:9
	runtime.main @ 0x300
		main.go:20

M=7 P=0 G=4 RegionBegin Time=56 Task=1 Type="region"
Stack=
	main.main @ 0x200
		main.go:9
	runtime.main @ 0x300
		main.go:20

M=7 P=0 G=4 Log Time=61 Task=1 Category="key" Message="hello"
Stack=
	main.main @ 0x200
		main.go:9
	runtime.main @ 0x300
		main.go:20

M=7 P=0 G=4 RegionEnd Time=66 Task=1 Type="region"
Stack=
	main.main @ 0x200
		main.go:9
	runtime.main @ 0x300
		main.go:20

M=7 P=0 G=4 TaskEnd Time=71 ID=1 Parent=0 Type="task name"
Stack=
	main.main @ 0x200
		main.go:9
	runtime.main @ 0x300
		main.go:20

M=7 P=0 G=4 Metric Time=76 Name="/memory/classes/heap/objects:bytes" Value=Value{Uint64(4096)}
M=7 P=0 G=4 StateTransition Time=81 GoID=4 Running->Syscall Reason=""
TransitionStack=
	main.main @ 0x200
		main.go:9
	runtime.main @ 0x300
		main.go:20

Stack=
	main.main @ 0x200
		main.go:9
	runtime.main @ 0x300
		main.go:20

M=7 P=0 G=-1 StateTransition Time=91 ProcID=0 Running->Idle Reason=""
M=-1 P=1000003 G=4 StateTransition Time=97 GoID=4 Syscall->Runnable Reason=""
M=8 P=1 G=-1 StateTransition Time=100 ProcID=1 Undetermined->Running Reason=""
M=8 P=1 G=4 StateTransition Time=102 GoID=4 Runnable->Running Reason=""
M=-1 P=1000004 G=4 RangeBegin Time=103 Name="GC concurrent mark phase" Scope=None
Stack=
	main.main @ 0x200
		main.go:9
	runtime.main @ 0x300
		main.go:20

M=8 P=1 G=4 RangeBegin Time=104 Name="stop-the-world (GC mark termination)" Scope=Goroutine(4)
M=8 P=1 G=4 RangeEnd Time=105 Name="stop-the-world (GC mark termination)" Scope=Goroutine(4) Attributes=[]
M=8 P=1 G=4 RangeEnd Time=106 Name="GC concurrent mark phase" Scope=None Attributes=[]
M=8 P=1 G=4 StateTransition Time=107 GoID=4 Running->NotExist Reason=""
M=8 P=1 G=-1 StateTransition Time=108 ProcID=1 Running->Idle Reason=""
M=-1 P=-1 G=-1 Sync Time=109 N=2
`,
  },
  good11: {
    exit: 0,
    stderr: "",
    stdout: `M=-1 P=-1 G=-1 Sync Time=-1 N=1
M=-1 P=0 G=2 StateTransition Time=3 GoID=2 Undetermined->Waiting Reason=""
M=7 P=0 G=-1 StateTransition Time=4 ProcID=0 Undetermined->Running Reason=""
M=7 P=0 G=1 StateTransition Time=5 GoID=1 Undetermined->Running Reason=""
M=-1 P=-1 G=-1 StateTransition Time=6 GoID=3 Undetermined->Runnable Reason=""
M=7 P=0 G=1 StateTransition Time=16 GoID=4 NotExist->Runnable Reason=""
TransitionStack=
	main.worker @ 0x100
		main.go:5

Stack=
	main.main @ 0x200
		main.go:9
	runtime.main @ 0x300
		main.go:20

M=7 P=0 G=1 StateTransition Time=26 GoID=1 Running->Syscall Reason=""
TransitionStack=
	main.main @ 0x200
		main.go:9
	runtime.main @ 0x300
		main.go:20

Stack=
	main.main @ 0x200
		main.go:9
	runtime.main @ 0x300
		main.go:20

M=7 P=0 G=1 StateTransition Time=27 GoID=1 Syscall->Running Reason=""
M=7 P=0 G=1 StateTransition Time=36 GoID=1 Running->Runnable Reason="runtime.Gosched"
TransitionStack=
	main.main @ 0x200
		main.go:9
	runtime.main @ 0x300
		main.go:20

Stack=
	main.main @ 0x200
		main.go:9
	runtime.main @ 0x300
		main.go:20

M=7 P=0 G=4 StateTransition Time=46 GoID=4 Runnable->Running Reason=""
M=7 P=0 G=4 Label Time=47 Label="label" Resource=Goroutine(4)
M=7 P=0 G=4 TaskBegin Time=51 ID=1 Parent=18446744073709551615 Type="task name"
Stack=
	main.main @ 0x200
		main.go:9
	runtime.main @ 0x300
		main.go:20

M=7 P=0 G=4 RegionBegin Time=56 Task=1 Type="region"
Stack=
	main.main @ 0x200
		main.go:9
	runtime.main @ 0x300
		main.go:20

M=7 P=0 G=4 Log Time=61 Task=1 Category="key" Message="hello"
Stack=
	main.main @ 0x200
		main.go:9
	runtime.main @ 0x300
		main.go:20

M=7 P=0 G=4 RegionEnd Time=66 Task=1 Type="region"
Stack=
	main.main @ 0x200
		main.go:9
	runtime.main @ 0x300
		main.go:20

M=7 P=0 G=4 TaskEnd Time=71 ID=1 Parent=0 Type="task name"
Stack=
	main.main @ 0x200
		main.go:9
	runtime.main @ 0x300
		main.go:20

M=7 P=0 G=4 Metric Time=76 Name="/memory/classes/heap/objects:bytes" Value=Value{Uint64(4096)}
M=7 P=0 G=4 StateTransition Time=81 GoID=4 Running->Syscall Reason=""
TransitionStack=
	main.main @ 0x200
		main.go:9
	runtime.main @ 0x300
		main.go:20

Stack=
	main.main @ 0x200
		main.go:9
	runtime.main @ 0x300
		main.go:20

M=7 P=0 G=-1 StateTransition Time=91 ProcID=0 Running->Idle Reason=""
M=-1 P=1000003 G=4 StateTransition Time=97 GoID=4 Syscall->Runnable Reason=""
M=8 P=1 G=-1 StateTransition Time=100 ProcID=1 Undetermined->Running Reason=""
M=8 P=1 G=4 StateTransition Time=102 GoID=4 Runnable->Running Reason=""
M=-1 P=1000004 G=4 RangeBegin Time=103 Name="GC concurrent mark phase" Scope=None
Stack=
	main.main @ 0x200
		main.go:9
	runtime.main @ 0x300
		main.go:20

M=8 P=1 G=4 RangeBegin Time=104 Name="stop-the-world (GC mark termination)" Scope=Goroutine(4)
M=8 P=1 G=4 RangeEnd Time=105 Name="stop-the-world (GC mark termination)" Scope=Goroutine(4) Attributes=[]
M=8 P=1 G=4 RangeEnd Time=106 Name="GC concurrent mark phase" Scope=None Attributes=[]
M=8 P=1 G=4 StateTransition Time=107 GoID=4 Running->NotExist Reason=""
M=8 P=1 G=-1 StateTransition Time=108 ProcID=1 Running->Idle Reason=""
M=-1 P=-1 G=-1 Sync Time=109 N=2
`,
  },
  good21: {
    exit: 0,
    stderr: "",
    stdout: `M=-1 P=-1 G=-1 Sync Time=-1 N=1
M=-1 P=0 G=2 StateTransition Time=3 GoID=2 Undetermined->Waiting Reason=""
M=7 P=0 G=-1 StateTransition Time=4 ProcID=0 Undetermined->Running Reason=""
M=7 P=0 G=1 StateTransition Time=5 GoID=1 Undetermined->Running Reason=""
M=-1 P=-1 G=-1 StateTransition Time=6 GoID=3 Undetermined->Runnable Reason=""
M=7 P=0 G=1 StateTransition Time=16 GoID=4 NotExist->Runnable Reason=""
TransitionStack=
	main.worker @ 0x100
		main.go:5

Stack=
	main.main @ 0x200
		main.go:9
	runtime.main @ 0x300
		main.go:20

M=7 P=0 G=1 StateTransition Time=26 GoID=1 Running->Syscall Reason=""
TransitionStack=
	main.main @ 0x200
		main.go:9
	runtime.main @ 0x300
		main.go:20

Stack=
	main.main @ 0x200
		main.go:9
	runtime.main @ 0x300
		main.go:20

M=7 P=0 G=1 StateTransition Time=27 GoID=1 Syscall->Running Reason=""
M=7 P=0 G=1 StateTransition Time=36 GoID=1 Running->Runnable Reason="runtime.Gosched"
TransitionStack=
	main.main @ 0x200
		main.go:9
	runtime.main @ 0x300
		main.go:20

Stack=
	main.main @ 0x200
		main.go:9
	runtime.main @ 0x300
		main.go:20

M=7 P=0 G=4 StateTransition Time=46 GoID=4 Runnable->Running Reason=""
M=7 P=0 G=4 Label Time=47 Label="label" Resource=Goroutine(4)
M=7 P=0 G=4 TaskBegin Time=51 ID=1 Parent=18446744073709551615 Type="task name"
Stack=
	main.main @ 0x200
		main.go:9
	runtime.main @ 0x300
		main.go:20

M=7 P=0 G=4 RegionBegin Time=56 Task=1 Type="region"
Stack=
	main.main @ 0x200
		main.go:9
	runtime.main @ 0x300
		main.go:20

M=7 P=0 G=4 Log Time=61 Task=1 Category="key" Message="hello"
Stack=
	main.main @ 0x200
		main.go:9
	runtime.main @ 0x300
		main.go:20

M=7 P=0 G=4 RegionEnd Time=66 Task=1 Type="region"
Stack=
	main.main @ 0x200
		main.go:9
	runtime.main @ 0x300
		main.go:20

M=7 P=0 G=4 TaskEnd Time=71 ID=1 Parent=0 Type="task name"
Stack=
	main.main @ 0x200
		main.go:9
	runtime.main @ 0x300
		main.go:20

M=7 P=0 G=4 Metric Time=76 Name="/memory/classes/heap/objects:bytes" Value=Value{Uint64(4096)}
M=7 P=0 G=4 StateTransition Time=81 GoID=4 Running->Syscall Reason=""
TransitionStack=
	main.main @ 0x200
		main.go:9
	runtime.main @ 0x300
		main.go:20

Stack=
	main.main @ 0x200
		main.go:9
	runtime.main @ 0x300
		main.go:20

M=7 P=0 G=-1 StateTransition Time=91 ProcID=0 Running->Idle Reason=""
M=-1 P=1000003 G=4 StateTransition Time=97 GoID=4 Syscall->Runnable Reason=""
M=8 P=1 G=-1 StateTransition Time=100 ProcID=1 Undetermined->Running Reason=""
M=8 P=1 G=4 StateTransition Time=102 GoID=4 Runnable->Running Reason=""
M=-1 P=1000004 G=4 RangeBegin Time=103 Name="GC concurrent mark phase" Scope=None
Stack=
	main.main @ 0x200
		main.go:9
	runtime.main @ 0x300
		main.go:20

M=8 P=1 G=4 RangeBegin Time=104 Name="stop-the-world ()" Scope=Goroutine(4)
M=8 P=1 G=4 RangeEnd Time=105 Name="stop-the-world ()" Scope=Goroutine(4) Attributes=[]
M=8 P=1 G=4 RangeEnd Time=106 Name="GC concurrent mark phase" Scope=None Attributes=[]
M=8 P=1 G=4 StateTransition Time=107 GoID=4 Running->NotExist Reason=""
M=8 P=1 G=-1 StateTransition Time=108 ProcID=1 Running->Idle Reason=""
M=-1 P=-1 G=-1 Sync Time=109 N=2
`,
  },
  cpuSamples: {
    exit: 0,
    stderr: "",
    stdout: `M=-1 P=-1 G=-1 Sync Time=-1 N=1
M=7 P=0 G=-1 StateTransition Time=0 ProcID=0 Undetermined->Running Reason=""
M=-1 P=-1 G=-1 StackSample Time=2
Stack=
	main.worker @ 0x100
		main.go:5

M=7 P=0 G=-1 StateTransition Time=3 GoID=5 NotExist->Runnable Reason=""
TransitionStack=
	main.worker @ 0x100
		main.go:5

Stack=
	main.main @ 0x200
		main.go:9
	runtime.main @ 0x300
		main.go:20

M=7 P=0 G=5 StateTransition Time=4 GoID=5 Runnable->Running Reason=""
M=-1 P=0 G=5 StackSample Time=5
Stack=
	main.main @ 0x200
		main.go:9
	runtime.main @ 0x300
		main.go:20

M=7 P=0 G=5 Metric Time=13 Name="/memory/classes/heap/objects:bytes" Value=Value{Uint64(1048576)}
M=7 P=0 G=5 StateTransition Time=23 GoID=5 Running->NotExist Reason=""
M=-1 P=0 G=5 StackSample Time=24
Stack=

M=7 P=0 G=-1 StateTransition Time=25 ProcID=0 Running->Idle Reason=""
M=-1 P=-1 G=-1 Sync Time=26 N=2
`,
  },
  minimal: {
    exit: 0,
    stderr: "",
    stdout: `M=-1 P=-1 G=-1 Sync Time=-1 N=1
M=3 P=0 G=-1 StateTransition Time=0 ProcID=0 Undetermined->Running Reason=""
M=3 P=0 G=-1 StateTransition Time=2 ProcID=0 Running->Idle Reason=""
M=-1 P=-1 G=-1 Sync Time=3 N=2
`,
  },
  empty: {
    exit: 1,
    stderr: "no EvFrequency event",
    stdout: '',
  },
  unknownType: {
    exit: 1,
    stderr: "unknown event type 63",
    stdout: '',
  },
  cpuSampleIn111: {
    exit: 1,
    stderr: "unknown event type 49",
    stdout: '',
  },
  cutVarint: {
    exit: 1,
    stderr: "failed to read event 33 argument: malformatted base-128 varint",
    stdout: '',
  },
  overlongVarint: {
    exit: 1,
    stderr: "failed to read event 33 argument: malformatted base-128 varint",
    stdout: '',
  },
  argBlockTooBig: {
    exit: 1,
    stderr: "failed to read event 13 argument: length-prefixed argument too big: 3000 bytes, limit is 2048",
    stdout: '',
  },
  cutArgBlock: {
    exit: 1,
    stderr: "failed to read trace: EOF",
    stdout: '',
  },
  cutString: {
    exit: 1,
    stderr: "failed to read trace: EOF",
    stdout: '',
  },
  cutLogMessage: {
    exit: 1,
    stderr: "failed to read trace: unexpected EOF",
    stdout: '',
  },
  emptyString: {
    exit: 1,
    stderr: "string has invalid length 0",
    stdout: '',
  },
  stringIdZero: {
    exit: 1,
    stderr: "string has invalid id 0",
    stdout: '',
  },
  duplicateString: {
    exit: 1,
    stderr: "string has duplicate id 3",
    stdout: '',
  },
  noFrequency: {
    exit: 1,
    stderr: "no EvFrequency event",
    stdout: '',
  },
  zeroFrequency: {
    exit: 1,
    stderr: "time stamps out of order",
    stdout: '',
  },
  eventBeforeBatch: {
    exit: 1,
    stderr: "read event 33 with current P of 0, but P has no batches yet",
    stdout: '',
  },
  batchWrongArgs: {
    exit: 1,
    stderr: "EvBatch has wrong number of arguments: got 3, want 2",
    stdout: '',
  },
  pidTooLarge: {
    exit: 1,
    stderr: "processor ID 2147483648 is larger than maximum of 18446744073709551615",
    stdout: '',
  },
  wrongArgCount: {
    exit: 1,
    stderr: "GoCreate has wrong number of arguments: want 4, got 3",
    stdout: '',
  },
  tooManyFrames: {
    exit: 1,
    stderr: "EvStack has bad number of frames: 1001",
    stdout: '',
  },
  stackWrongArgs: {
    exit: 1,
    stderr: "EvStack has wrong number of arguments: want 10, got 6",
    stdout: '',
  },
  noOrdering: {
    exit: 1,
    stderr: "no consistent ordering of events possible",
    stdout: '',
  },
  impossibleTransition: {
    exit: 1,
    stderr: "encountered impossible goroutine state transition",
    stdout: '',
  },
  timeOrder: {
    exit: 1,
    stderr: "time stamps out of order",
    stdout: '',
  },
  straySyscallExit: {
    exit: 1,
    stderr: "stray syscall exit",
    stdout: '',
  },
  syscallExitForward: {
    exit: 0,
    stderr: "",
    stdout: `M=-1 P=-1 G=-1 Sync Time=-1 N=1
M=3 P=0 G=-1 StateTransition Time=0 ProcID=0 Undetermined->Running Reason=""
M=3 P=0 G=5 StateTransition Time=2 GoID=5 Undetermined->Running Reason=""
M=3 P=0 G=5 StateTransition Time=3 GoID=5 Running->Syscall Reason=""
TransitionStack=
	main.main @ 0x200
		main.go:9
	runtime.main @ 0x300
		main.go:20

Stack=
	main.main @ 0x200
		main.go:9
	runtime.main @ 0x300
		main.go:20

M=3 P=0 G=-1 Metric Time=6 Name="/memory/classes/heap/objects:bytes" Value=Value{Uint64(1)}
M=3 P=0 G=-1 Metric Time=7 Name="/memory/classes/heap/objects:bytes" Value=Value{Uint64(2)}
M=3 P=0 G=-1 Metric Time=37 Name="/memory/classes/heap/objects:bytes" Value=Value{Uint64(3)}
M=-1 P=1000003 G=5 StateTransition Time=39 GoID=5 Syscall->Runnable Reason=""
M=-1 P=-1 G=-1 Sync Time=40 N=2
`,
  },
  stopNotRunning: {
    exit: 1,
    stderr: "p 0 is not running before stop (time 0)",
    stdout: '',
  },
  taskConflict: {
    exit: 1,
    stderr: "task id conflicts (id:1), \"2 UserTaskCreate p=0 g=0 stk=2 taskid=1 pid=0 typeid=4\" vs \"1 UserTaskCreate p=0 g=0 stk=2 taskid=1 pid=0 typeid=4\"",
    stdout: '',
  },
  regionMisuse: {
    exit: 1,
    stderr: "misuse of region in goroutine 0: span end \"3 UserRegion p=0 g=0 stk=2 taskid=1 mode=1 typeid=5\" when the inner-most active span start event is \"2 UserRegion p=0 g=0 stk=2 taskid=1 mode=0 typeid=6\"",
    stdout: '',
  },
  regionMode: {
    exit: 1,
    stderr: "invalid user region mode: \"1 UserRegion p=0 g=0 stk=2 taskid=1 mode=2 typeid=5\"",
    stdout: '',
  },
  futileWakeup: {
    exit: 1,
    stderr: "unexpected event type 36",
    stdout: `M=-1 P=-1 G=-1 Sync Time=-1 N=1
M=3 P=0 G=-1 StateTransition Time=0 ProcID=0 Undetermined->Running Reason=""
M=3 P=0 G=-1 Metric Time=1 Name="/memory/classes/heap/objects:bytes" Value=Value{Uint64(64)}
`,
  },
};
