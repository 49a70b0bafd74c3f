/**
 * The conversion of a parsed v1 trace into the events of the v2 model, event by event, as Go's
 * tracev1.go converts them, so that each prints as Go prints it:
 *
 * - goroutines and Ps that exist when tracing starts get status events (GoStatus, ProcStatus);
 *   goroutines created before the first Gomaxprocs (the end of the runtime's start-up dump) and
 *   never seen again get a GoStatus Runnable there, and that Gomaxprocs itself is dropped;
 * - the v1 block and stop events become GoBlock / GoStop with Go's reason texts, STW events a
 *   range named by its reason, GC, sweep and mark-assist events ranges;
 * - a syscall (instantaneous in v1) becomes a GoSyscallBegin and, unless the goroutine's next
 *   event is a GoSysBlock, a GoSyscallEnd 1 ns later; a syscall exit becomes GoSyscallEndBlocked;
 * - GoStartLabel is a GoStart and a Label; tasks, regions and logs map one to one;
 * - CPU samples become StackSamples (with the P they were taken on, and no M).
 *
 * The thread of an event is the one that last started its P.
 */
import { Ev, V2_SPECS } from '../format/v2Events.js';
import type { GenerationView } from '../order/generationView.js';
import type { OrderedEvent } from '../order/orderedEvent.js';
import { asInt64, GoStatus, NO_TASK, ProcStatus } from '../order/resources.js';
import { Event } from '../order/toOrderedEvent.js';
import { stwReason, V1Ev, V1_SPECS } from './v1Events.js';
import type { V1EventList } from './v1EventList.js';
import { GoroutineMap } from './goroutineMap.js';
import { V1Error } from './v1Error.js';
import { Builtin, type V1Tables } from './v1Tables.js';

/** Go's ^uint64(0) as this parser keeps uint64s in doubles. */
const U64_MAX = 2 ** 64;


/** A P (int32) as the uint64 argument Go puts it in. */
const procArg = (p: number): number => (p >= 0 ? p : U64_MAX + p);

export class V1Converter {
  /** Time of the last event handed out (ns), -1 before the first. */
  lastTs = -1;
  private next_ = 0;
  /** Events made beside the one converted, handed out before the next is converted. */
  private readonly extra: OrderedEvent[] = [];
  private extraHead = 0;
  private preInit = true;
  /** Goroutines created during start-up, in creation order. */
  private createdPreInit: Map<number, true> | undefined = new Map();
  private readonly procMs = new GoroutineMap<number>();
  private readonly seenProcs = new GoroutineMap<true>();
  private readonly tasks = new Map<number, { name: string; parent: number }>();
  private lastStwReason = 0;
  /** For each GoSysCall: whether the goroutine's next event is a GoSysBlock. */
  private readonly blockedSyscalls: Uint8Array;
  private readonly view: GenerationView;

  /** Reuse mode: the event handed out last, and one to make again. */
  private returned: Event | undefined;
  private spare: Event | undefined;

  constructor(
    private readonly list: V1EventList,
    private readonly tables: V1Tables,
    private readonly version: number,
    /** Each event is valid only until the next call of next(), which may make it again. */
    private readonly reuseEvents = false,
  ) {
    this.view = tables.view;
    this.blockedSyscalls = findBlockedSyscalls(list);
  }

  /**
   * File offset of the v1 event the event handed out last was made from (the events made beside
   * it, and the status events of the start-up dump, come from the event being converted); -1
   * before the first.
   */
  get sourceOffset(): number {
    return this.next_ > 0 ? this.list.off[this.next_ - 1] : -1;
  }

  /** Time of the first event (ns), or undefined when there is none. */
  get firstTime(): number | undefined {
    return this.list.length > 0 ? this.list.ts[0] : undefined;
  }

  /** The next converted event, its time made later than the one before; undefined at the end. */
  next(): OrderedEvent | undefined {
    if (this.returned !== undefined) {
      this.spare = this.returned;
      this.returned = undefined;
    }
    let e: OrderedEvent | undefined;
    for (;;) {
      if (this.extraHead < this.extra.length) {
        e = this.extra[this.extraHead++];
        if (this.extraHead === this.extra.length) this.extra.length = this.extraHead = 0;
        break;
      }
      if (this.next_ >= this.list.length) return undefined;
      e = this.convert(this.next_++);
      if (e !== undefined) break;
    }
    this.checkPrintable(e as Event);
    // Two events may not share a time (status events made up here do).
    if (e.time <= this.lastTs) e.time = this.lastTs + 1;
    this.lastTs = e.time;
    if (this.reuseEvents) this.returned = e as Event;
    return e;
  }

  /** A new event, or the spare one made again. */
  private make(type: number, time: number, m: number, p: number, g: number, table: GenerationView | undefined): Event {
    const e = this.spare;
    if (e === undefined) return new Event(type, time, m, p, g, table);
    this.spare = undefined;
    e.reset(type, time, m, p, g, table);
    return e;
  }

  /**
   * Go looks up an event's strings and stacks when it prints it, and stops there if one does not
   * exist (v1 traces do not have them checked earlier): the same, before the event is handed out.
   */
  private checkPrintable(e: Event): void {
    const spec = V2_SPECS[e.type];
    const at = this.list.off[Math.max(0, this.next_ - 1)];
    const strings = this.view.tables.strings;
    for (const k of spec.stringIds) {
      const id = argOf(e, k - 1);
      if (!strings.has(id)) throw new V1Error('dangling-string-ref', `found invalid string ID ${id} for event ${spec.name}`, at);
    }
    if (e.type === Ev.CPUSample) {
      this.checkStack(e.a0, spec.name, at);
      return;
    }
    for (const k of spec.stackIds) this.checkStack(argOf(e, k - 1), spec.name, at);
  }

  /** Stacks whose frames were checked: true if every function and file name exists. */
  private readonly stackOk = new GoroutineMap<boolean>();

  private checkStack(id: number, event: string, at: number): void {
    if (id === 0) return;
    let ok = this.stackOk.get(id);
    if (ok === undefined) {
      const t = this.view.tables;
      const stack = t.stacks.get(id);
      ok = stack !== undefined && stack.pcs.every((pc) => {
        const f = t.frames.get(pc);
        return !f || (t.strings.has(f.funcId) && t.strings.has(f.fileId));
      });
      this.stackOk.set(id, ok);
    }
    if (!ok) {
      if (!this.view.tables.stacks.has(id)) throw new V1Error('dangling-stack-ref', `found invalid stack ID ${id} for event ${event}`, at);
      throw new V1Error('dangling-string-ref', `a frame of stack ${id} (event ${event}) names a string ID that does not exist`, at);
    }
  }

  private event(type: number, i: number, m: number, g: number): Event {
    return this.make(type, this.list.ts[i], m, this.list.p[i], g, this.view);
  }

  /** Event i as zero or more events: the first is returned, the rest queued; undefined if none. */
  private convert(i: number): OrderedEvent | undefined {
    const L = this.list;
    const type = L.type[i];
    const p = L.p[i];
    const stk = L.stk[i];
    const b = (k: number) => this.tables.builtinId(k);
    let mapped = 0;
    let a0 = L.a0[i];
    let a1 = L.a1[i];
    let a2 = L.a2[i];
    let a3 = 0;
    let taskEnd: { name: string; parent: number } | undefined;

    switch (type) {
      case V1Ev.Gomaxprocs:
        mapped = Ev.ProcsChange;
        if (this.preInit) {
          // The first Gomaxprocs ends the start-up dump: the goroutines created in it and not
          // seen since are runnable (or idle). The event itself is not passed on.
          this.preInit = false;
          for (const id of this.createdPreInit!.keys()) {
            const e = this.make(Ev.GoStatus, L.ts[i], -1, -1, -1, this.view);
            e.a0 = id;
            e.a1 = U64_MAX;
            e.a2 = GoStatus.Runnable;
            this.extra.push(e);
          }
          this.createdPreInit = undefined;
          return undefined;
        }
        break;
      case V1Ev.ProcStart:
        this.procMs.set(p, L.a0[i]);
        if (this.seenProcs.has(p)) {
          mapped = Ev.ProcStart;
          [a0, a1, a2, a3] = [procArg(p), 0, 0, 0];
        } else {
          this.seenProcs.set(p, true);
          mapped = Ev.ProcStatus;
          [a0, a1, a2, a3] = [procArg(p), ProcStatus.Running, 0, 0];
        }
        break;
      case V1Ev.ProcStop:
        if (this.seenProcs.has(p)) {
          mapped = Ev.ProcStop;
          [a0, a1, a2, a3] = [procArg(p), 0, 0, 0];
        } else {
          this.seenProcs.set(p, true);
          mapped = Ev.ProcStatus;
          [a0, a1, a2, a3] = [procArg(p), ProcStatus.Idle, 0, 0];
        }
        break;
      case V1Ev.GCStart:
        mapped = Ev.GCBegin;
        break;
      case V1Ev.GCDone:
        mapped = Ev.GCEnd;
        break;
      case V1Ev.STWStart: {
        const sid = b(Builtin.StwUnknown + stwReason(L.a0[i], this.version));
        this.lastStwReason = sid;
        mapped = Ev.STWBegin;
        [a0, a1, a2, a3] = [sid, 0, 0, 0];
        break;
      }
      case V1Ev.STWDone:
        mapped = Ev.STWEnd;
        [a0, a1, a2, a3] = [this.lastStwReason, 0, 0, 0];
        break;
      case V1Ev.GCSweepStart:
        mapped = Ev.GCSweepBegin;
        break;
      case V1Ev.GCSweepDone:
        mapped = Ev.GCSweepEnd;
        break;
      case V1Ev.GoCreate:
        if (this.preInit) {
          this.createdPreInit!.set(L.a0[i], true);
          return undefined;
        }
        mapped = Ev.GoCreate;
        break;
      case V1Ev.GoStart:
        if (this.preInit) {
          mapped = Ev.GoStatus;
          [a0, a1, a2, a3] = [L.a0[i], U64_MAX, GoStatus.Running, 0];
          this.createdPreInit!.delete(L.a0[i]);
        } else {
          mapped = Ev.GoStart;
        }
        break;
      case V1Ev.GoStartLabel: {
        // A start and a label, in the start's context (a missing thread is 0 here, as in Go).
        const m = asInt64(this.procMs.get(p) ?? 0);
        const g = asInt64(L.g[i]);
        const label = this.event(Ev.GoLabel, i, m, g);
        label.a0 = L.a2[i];
        this.extra.push(label);
        const start = this.event(Ev.GoStart, i, m, g);
        [start.a0, start.a1, start.a2] = [L.a0[i], L.a1[i], L.a2[i]];
        return start;
      }
      case V1Ev.GoEnd:
        mapped = Ev.GoDestroy;
        break;
      case V1Ev.GoStop:
        [mapped, a0, a1, a2, a3] = [Ev.GoBlock, b(Builtin.Forever), stk, 0, 0];
        break;
      case V1Ev.GoSched:
        [mapped, a0, a1, a2, a3] = [Ev.GoStop, b(Builtin.Gosched), stk, 0, 0];
        break;
      case V1Ev.GoPreempt:
        [mapped, a0, a1, a2, a3] = [Ev.GoStop, b(Builtin.Preempted), stk, 0, 0];
        break;
      case V1Ev.GoSleep:
        [mapped, a0, a1, a2, a3] = [Ev.GoBlock, b(Builtin.Sleep), stk, 0, 0];
        break;
      case V1Ev.GoBlock:
        [mapped, a0, a1, a2, a3] = [Ev.GoBlock, b(Builtin.Empty), stk, 0, 0];
        break;
      case V1Ev.GoUnblock:
        mapped = Ev.GoUnblock;
        break;
      case V1Ev.GoBlockSend:
        [mapped, a0, a1, a2, a3] = [Ev.GoBlock, b(Builtin.ChanSend), stk, 0, 0];
        break;
      case V1Ev.GoBlockRecv:
        [mapped, a0, a1, a2, a3] = [Ev.GoBlock, b(Builtin.ChanRecv), stk, 0, 0];
        break;
      case V1Ev.GoBlockSelect:
        [mapped, a0, a1, a2, a3] = [Ev.GoBlock, b(Builtin.Select), stk, 0, 0];
        break;
      case V1Ev.GoBlockSync:
        [mapped, a0, a1, a2, a3] = [Ev.GoBlock, b(Builtin.Sync), stk, 0, 0];
        break;
      case V1Ev.GoBlockCond:
        [mapped, a0, a1, a2, a3] = [Ev.GoBlock, b(Builtin.SyncCond), stk, 0, 0];
        break;
      case V1Ev.GoBlockNet:
        [mapped, a0, a1, a2, a3] = [Ev.GoBlock, b(Builtin.Network), stk, 0, 0];
        break;
      case V1Ev.GoBlockGC:
        [mapped, a0, a1, a2, a3] = [Ev.GoBlock, b(Builtin.MarkAssistWait), stk, 0, 0];
        break;
      case V1Ev.GoSysCall:
        if (this.blockedSyscalls[i]) {
          [mapped, a0, a1, a2, a3] = [Ev.GoSyscallBegin, 0, stk, 0, 0];
        } else {
          // An instantaneous syscall: a begin and an end 1 ns later (a missing thread is 0 here, as in Go).
          const m = asInt64(this.procMs.get(p) ?? 0);
          const g = asInt64(L.g[i]);
          const begin = this.event(Ev.GoSyscallBegin, i, m, g);
          begin.a1 = stk;
          const end = this.event(Ev.GoSyscallEnd, i, m, g);
          end.time = L.ts[i] + 1;
          this.extra.push(end);
          return begin;
        }
        break;
      case V1Ev.GoSysExit:
        mapped = Ev.GoSyscallEndBlocked;
        break;
      case V1Ev.GoSysBlock:
        return undefined;
      case V1Ev.GoWaiting:
      case V1Ev.GoInSyscall:
        // In v1 a goroutine in a syscall at the start has no known thread.
        [mapped, a0, a1, a2, a3] = [Ev.GoStatus, L.a0[i], U64_MAX, type === V1Ev.GoWaiting ? GoStatus.Waiting : GoStatus.Syscall, 0];
        this.createdPreInit?.delete(L.a0[i]);
        break;
      case V1Ev.HeapAlloc:
        mapped = Ev.HeapAlloc;
        break;
      case V1Ev.HeapGoal:
        mapped = Ev.HeapGoal;
        break;
      case V1Ev.GCMarkAssistStart:
        mapped = Ev.GCMarkAssistBegin;
        break;
      case V1Ev.GCMarkAssistDone:
        mapped = Ev.GCMarkAssistEnd;
        break;
      case V1Ev.UserTaskCreate: {
        mapped = Ev.UserTaskBegin;
        const parent = L.a1[i];
        [a0, a1, a2, a3] = [L.a0[i], parent === 0 ? NO_TASK : parent, L.a2[i], stk];
        this.tasks.set(L.a0[i], { name: this.view.tables.strings.get(L.a2[i]) ?? '', parent });
        break;
      }
      case V1Ev.UserTaskEnd: {
        mapped = Ev.UserTaskEnd;
        // The task's parent and type, remembered from its creation (unknown: no parent, no type).
        const t = this.tasks.get(L.a0[i]);
        if (t) this.tasks.delete(L.a0[i]);
        taskEnd = t ?? { name: '', parent: NO_TASK };
        break;
      }
      case V1Ev.UserRegion:
        mapped = L.a1[i] === 0 ? Ev.UserRegionBegin : L.a1[i] === 1 ? Ev.UserRegionEnd : 0;
        [a0, a1, a2, a3] = [L.a0[i], L.a2[i], stk, 0];
        break;
      case V1Ev.UserLog:
        mapped = Ev.UserLog;
        [a0, a1, a2, a3] = [L.a0[i], L.a1[i], this.tables.inlineId(L.a2[i]), stk];
        break;
      case V1Ev.CPUSample: {
        // The stack is always shown, even stack 0; samples have no thread.
        const g = asInt64(L.g[i]);
        const e = this.make(Ev.CPUSample, L.ts[i], -1, p, g === 0 ? -1 : g, undefined);
        e.a0 = stk;
        e.a1 = U64_MAX;
        e.a2 = procArg(p);
        e.a3 = L.g[i];
        e.stack = { id: stk, frames: this.view.frames(stk) };
        return e;
      }
      default:
        break;
    }
    if (mapped === 0) throw new V1Error('bad-event-type', `unexpected event type ${type}`, L.off[i]);
    const stackIds = V2_SPECS[mapped].stackIds;
    if (V1_SPECS[type].stack && stackIds.length > 0) {
      const k = stackIds[0] - 1;
      if (k === 0) a0 = stk;
      else if (k === 1) a1 = stk;
      else if (k === 2) a2 = stk;
      else a3 = stk;
    }
    let m = -1;
    if (p !== -1) m = asInt64(this.procMs.get(p) ?? -1);
    if (type === V1Ev.ProcStop) this.procMs.delete(p);
    const g = asInt64(L.g[i]);
    const e = this.event(mapped, i, m, g === 0 ? -1 : g);
    e.a0 = a0;
    e.a1 = a1;
    e.a2 = a2;
    e.a3 = a3;
    if (taskEnd) {
      e.x0 = taskEnd.parent;
      e.taskName = taskEnd.name;
    }
    return e;
  }
}

function argOf(e: Event, k: number): number {
  return k === 0 ? e.a0 : k === 1 ? e.a1 : k === 2 ? e.a2 : e.a3;
}

/**
 * For each GoSysCall, whether the next event of the same goroutine is a GoSysBlock (Go looks
 * ahead from each syscall; one pass from the end gives the same answers).
 */
function findBlockedSyscalls(list: V1EventList): Uint8Array {
  const out = new Uint8Array(list.length);
  const nextType = new GoroutineMap<number>();
  for (let i = list.length - 1; i >= 0; i--) {
    const g = list.g[i];
    const type = list.type[i];
    if (type === V1Ev.GoSysCall && nextType.get(g) === V1Ev.GoSysBlock) out[i] = 1;
    nextType.set(g, type);
  }
  return out;
}
