/** The handler of each timed event type, by wire byte; a type without one cannot be ordered. */
import { Ev } from '../../format/v2Events.js';
import type { Handler } from '../ordering.js';
import { procStart, procStatus, procSteal, procStop } from './procHandlers.js';
import { goCreate, goStart, goStatus, goStopExec, goSwitch, goUnblock } from './goroutineHandlers.js';
import { goCreateSyscall, goDestroySyscall, goSyscallBegin, goSyscallEnd, goSyscallEndBlocked } from './syscallHandlers.js';
import { gcActive, gcBegin, gcEnd, heapMetric } from './gcHandlers.js';
import { gcSweepActive, gcSweepBegin, gcSweepEnd, goRangeActive, goRangeBegin, goRangeEnd } from './rangeHandlers.js';
import { annotation, experimental, userRegionBegin, userRegionEnd, userTaskBegin, userTaskEnd } from './annotationHandlers.js';

function build(): (Handler | undefined)[] {
  const t: (Handler | undefined)[] = new Array(256).fill(undefined);
  t[Ev.ProcsChange] = annotation;
  t[Ev.ProcStart] = procStart;
  t[Ev.ProcStop] = procStop;
  t[Ev.ProcSteal] = procSteal;
  t[Ev.ProcStatus] = procStatus;

  t[Ev.GoCreate] = goCreate;
  t[Ev.GoCreateSyscall] = goCreateSyscall;
  t[Ev.GoStart] = goStart;
  t[Ev.GoDestroy] = goStopExec;
  t[Ev.GoDestroySyscall] = goDestroySyscall;
  t[Ev.GoStop] = goStopExec;
  t[Ev.GoBlock] = goStopExec;
  t[Ev.GoUnblock] = goUnblock;
  t[Ev.GoSyscallBegin] = goSyscallBegin;
  t[Ev.GoSyscallEnd] = goSyscallEnd;
  t[Ev.GoSyscallEndBlocked] = goSyscallEndBlocked;
  t[Ev.GoStatus] = goStatus;

  t[Ev.STWBegin] = goRangeBegin;
  t[Ev.STWEnd] = goRangeEnd;

  t[Ev.GCActive] = gcActive;
  t[Ev.GCBegin] = gcBegin;
  t[Ev.GCEnd] = gcEnd;
  t[Ev.GCSweepActive] = gcSweepActive;
  t[Ev.GCSweepBegin] = gcSweepBegin;
  t[Ev.GCSweepEnd] = gcSweepEnd;
  t[Ev.GCMarkAssistActive] = goRangeActive;
  t[Ev.GCMarkAssistBegin] = goRangeBegin;
  t[Ev.GCMarkAssistEnd] = goRangeEnd;
  t[Ev.HeapAlloc] = heapMetric;
  t[Ev.HeapGoal] = heapMetric;

  t[Ev.GoLabel] = annotation;
  t[Ev.UserTaskBegin] = userTaskBegin;
  t[Ev.UserTaskEnd] = userTaskEnd;
  t[Ev.UserRegionBegin] = userRegionBegin;
  t[Ev.UserRegionEnd] = userRegionEnd;
  t[Ev.UserLog] = annotation;

  t[Ev.GoSwitch] = goSwitch;
  t[Ev.GoSwitchDestroy] = goSwitch;
  t[Ev.GoCreateBlocked] = goCreate;
  t[Ev.GoStatusStack] = goStatus;

  for (let type = Ev.Span; type <= Ev.GoroutineStackFree; type++) t[type] = experimental;
  return t;
}

export const HANDLERS: readonly (Handler | undefined)[] = build();
