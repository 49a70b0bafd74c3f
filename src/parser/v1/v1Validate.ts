/**
 * Go's checks of the merged v1 stream (tracev1's postProcessTrace): a P does not run two
 * goroutines at once, a goroutine is blocked before it is unblocked, GC, STW, sweep and mark
 * assist phases nest, task IDs are unique and regions end in the order they began. The first
 * violation ends the reading, with Go's text. On the way, as in Go: a GoStart takes the stack of
 * the goroutine's creation, GC starts move to the GC pseudo-P, unblocks after a network block to
 * the netpoll pseudo-P, and stack IDs of stacks that do not exist become 0.
 */
import { quote } from '../order/formatEvent.js';
import { formatUint64 } from '../order/resources.js';
import { uint32 } from './v1Batches.js';
import { GC_P, NETPOLL_P, TIMER_P, V1Ev, V1_SPECS } from './v1Events.js';
import type { V1EventList } from './v1EventList.js';
import { GoroutineMap } from './goroutineMap.js';
import { V1Error } from './v1Error.js';

const G_DEAD = 0;
const G_RUNNABLE = 1;
const G_RUNNING = 2;
const G_WAITING = 3;

interface GDesc {
  state: number;
  /** Type of the event that last changed the goroutine's state, or -1. */
  lastType: number;
  /** The new-goroutine stack of its GoCreate, until its first GoStart; -1 for none. */
  createStack: number;
  markAssist: boolean;
}

interface PDesc {
  running: boolean;
  g: number;
  sweeping: boolean;
}

const newG = (): GDesc => ({ state: G_DEAD, lastType: -1, createStack: -1, markAssist: false });
const newP = (): PDesc => ({ running: false, g: 0, sweeping: false });

/** An event as Go's v1 Event.String() prints it (its error messages quote it with %q). */
export function v1EventString(list: V1EventList, i: number): string {
  const spec = V1_SPECS[list.type[i]];
  let s = `${list.ts[i]} ${spec.name} p=${list.p[i]} g=${formatUint64(list.g[i])} stk=${list.stk[i]}`;
  spec.args.forEach((a, k) => (s += ` ${a}=${formatUint64(list.arg(i, k))}`));
  return s;
}

export function validateV1(list: V1EventList, stacks: ReadonlyMap<number, readonly number[]>): void {
  const gs = new GoroutineMap<GDesc>();
  const ps = new GoroutineMap<PDesc>();
  const tasks = new Map<number, number>();
  const regions = new GoroutineMap<number[]>();
  gs.set(0, { ...newG(), state: G_RUNNING });
  // Stacks that exist and have frames, by ID.
  const hasFrames = new GoroutineMap<true>();
  for (const [id, pcs] of stacks) if (pcs.length > 0) hasFrames.set(id, true);
  let inGC = false;
  let inSTW = false;

  // Go reads a copy from its maps and writes it back where it means to: an absent entry is only
  // created where Go writes one.
  const g = (id: number): GDesc => gs.get(id) ?? newG();
  const p = (id: number): PDesc => ps.get(id) ?? newP();

  // The event being checked, for the messages (made only when one is needed).
  let i = 0;
  let type = 0;
  let evG = 0;
  let evP = 0;
  let ts = 0;
  const fail = (message: string, code: 'bad-state-transition' | 'malformed-event' = 'bad-state-transition') => new V1Error(code, message, list.off[i]);
  const gText = () => formatUint64(evG);
  const checkRunning = (pd: PDesc, gd: GDesc, allowG0: boolean): void => {
    const name = V1_SPECS[type].name;
    if (gd.state !== G_RUNNING) throw fail(`g ${gText()} is not running while ${name} (time ${ts})`);
    if (pd.g !== evG) throw fail(`p ${evP} is not running g ${gText()} while ${name} (time ${ts})`);
    if (!allowG0 && evG === 0) throw fail(`g 0 did ${name} (time ${ts})`);
  };

  for (i = 0; i < list.length; i++) {
    type = list.type[i];
    evG = list.g[i];
    evP = list.p[i];
    ts = list.ts[i];

    switch (type) {
      case V1Ev.ProcStart: {
        const pd = p(evP);
        if (pd.running) throw fail(`p ${evP} is running before start (time ${ts})`);
        pd.running = true;
        ps.set(evP, pd);
        break;
      }
      case V1Ev.ProcStop: {
        const pd = p(evP);
        if (!pd.running) throw fail(`p ${evP} is not running before stop (time ${ts})`);
        if (pd.g !== 0) throw fail(`p ${evP} is running a goroutine ${formatUint64(pd.g)} during stop (time ${ts})`);
        pd.running = false;
        ps.set(evP, pd);
        break;
      }
      case V1Ev.GCStart:
        if (inGC) throw fail(`previous GC is not ended before a new one (time ${ts})`);
        inGC = true;
        // Attributed to the global GC state.
        list.p[i] = GC_P;
        break;
      case V1Ev.GCDone:
        if (!inGC) throw fail(`bogus GC end (time ${ts})`);
        inGC = false;
        break;
      case V1Ev.STWStart:
        if (inSTW) throw fail(`previous STW is not ended before a new one (time ${ts})`);
        inSTW = true;
        break;
      case V1Ev.STWDone:
        if (!inSTW) throw fail(`bogus STW end (time ${ts})`);
        inSTW = false;
        break;
      case V1Ev.GCSweepStart: {
        const pd = p(evP);
        if (pd.sweeping) throw fail(`previous sweeping is not ended before a new one (time ${ts})`);
        pd.sweeping = true;
        ps.set(evP, pd);
        break;
      }
      case V1Ev.GCMarkAssistStart: {
        const gd = g(evG);
        if (gd.markAssist) throw fail(`previous mark assist is not ended before a new one (time ${ts})`);
        gd.markAssist = true;
        gs.set(evG, gd);
        break;
      }
      case V1Ev.GCMarkAssistDone: {
        // A mark assist may be under way when tracing starts: no check.
        const gd = g(evG);
        gd.markAssist = false;
        gs.set(evG, gd);
        break;
      }
      case V1Ev.GCSweepDone: {
        const pd = p(evP);
        if (!pd.sweeping) throw fail(`bogus sweeping end (time ${ts})`);
        pd.sweeping = false;
        ps.set(evP, pd);
        break;
      }
      case V1Ev.GoWaiting:
      case V1Ev.GoInSyscall: {
        const gd = g(evG);
        if (gd.state !== G_RUNNABLE) {
          throw fail(`g ${gText()} is not runnable before ${type === V1Ev.GoWaiting ? 'EvGoWaiting' : 'EvGoInSyscall'} (time ${ts})`);
        }
        gd.state = G_WAITING;
        gd.lastType = type;
        gs.set(evG, gd);
        break;
      }
      case V1Ev.GoCreate: {
        checkRunning(p(evP), g(evG), true);
        const child = list.a0[i];
        if (gs.has(child)) throw fail(`g ${formatUint64(child)} already exists (time ${ts})`);
        gs.set(child, { state: G_RUNNABLE, lastType: type, createStack: list.a1[i], markAssist: false });
        break;
      }
      case V1Ev.GoStart:
      case V1Ev.GoStartLabel: {
        const gd = g(evG);
        const pd = p(evP);
        if (gd.state !== G_RUNNABLE) throw fail(`g ${gText()} is not runnable before start (time ${ts})`);
        if (pd.g !== 0) throw fail(`p ${evP} is already running g ${formatUint64(pd.g)} while start g ${gText()} (time ${ts})`);
        gd.state = G_RUNNING;
        pd.g = evG;
        if (gd.createStack >= 0) {
          list.stk[i] = uint32(gd.createStack);
          gd.createStack = -1;
        }
        gd.lastType = -1;
        gs.set(evG, gd);
        ps.set(evP, pd);
        break;
      }
      case V1Ev.GoEnd:
      case V1Ev.GoStop: {
        const gd = g(evG);
        const pd = p(evP);
        checkRunning(pd, gd, false);
        gd.state = G_DEAD;
        pd.g = 0;
        // A goroutine's regions end with it.
        if (type === V1Ev.GoEnd) regions.delete(evG);
        gs.set(evG, gd);
        ps.set(evP, pd);
        break;
      }
      case V1Ev.GoSched:
      case V1Ev.GoPreempt: {
        const gd = g(evG);
        const pd = p(evP);
        checkRunning(pd, gd, false);
        gd.state = G_RUNNABLE;
        pd.g = 0;
        gd.lastType = type;
        gs.set(evG, gd);
        ps.set(evP, pd);
        break;
      }
      case V1Ev.GoUnblock: {
        const gd = g(evG);
        const pd = p(evP);
        if (gd.state !== G_RUNNING) throw fail(`g ${gText()} is not running while unpark (time ${ts})`);
        if (evP !== TIMER_P && pd.g !== evG) throw fail(`p ${evP} is not running g ${gText()} while unpark (time ${ts})`);
        const target = list.a0[i];
        const g1 = g(target);
        if (g1.state !== G_WAITING) throw fail(`g ${formatUint64(target)} is not waiting before unpark (time ${ts})`);
        if (g1.lastType === V1Ev.GoBlockNet) list.p[i] = NETPOLL_P;
        g1.state = G_RUNNABLE;
        g1.lastType = type;
        gs.set(target, g1);
        break;
      }
      case V1Ev.GoSysCall: {
        const gd = g(evG);
        checkRunning(p(evP), gd, false);
        gd.lastType = type;
        gs.set(evG, gd);
        break;
      }
      case V1Ev.GoSysBlock: {
        const gd = g(evG);
        const pd = p(evP);
        checkRunning(pd, gd, false);
        gd.state = G_WAITING;
        pd.g = 0;
        gs.set(evG, gd);
        ps.set(evP, pd);
        break;
      }
      case V1Ev.GoSysExit: {
        const gd = g(evG);
        if (gd.state !== G_WAITING) throw fail(`g ${gText()} is not waiting during syscall exit (time ${ts})`);
        gd.state = G_RUNNABLE;
        gd.lastType = type;
        gs.set(evG, gd);
        break;
      }
      case V1Ev.GoSleep:
      case V1Ev.GoBlock:
      case V1Ev.GoBlockSend:
      case V1Ev.GoBlockRecv:
      case V1Ev.GoBlockSelect:
      case V1Ev.GoBlockSync:
      case V1Ev.GoBlockCond:
      case V1Ev.GoBlockNet:
      case V1Ev.GoBlockGC: {
        const gd = g(evG);
        const pd = p(evP);
        checkRunning(pd, gd, false);
        gd.state = G_WAITING;
        gd.lastType = type;
        pd.g = 0;
        gs.set(evG, gd);
        ps.set(evP, pd);
        break;
      }
      case V1Ev.UserTaskCreate: {
        const id = list.a0[i];
        const prev = tasks.get(id);
        if (prev !== undefined) {
          throw fail(`task id conflicts (id:${formatUint64(id)}), ${quote(v1EventString(list, i))} vs ${quote(v1EventString(list, prev))}`);
        }
        tasks.set(id, i);
        break;
      }
      case V1Ev.UserTaskEnd:
        tasks.delete(list.a0[i]);
        break;
      case V1Ev.UserRegion: {
        const mode = list.a1[i];
        const open = regions.get(evG);
        if (mode === 0) {
          if (open) open.push(i);
          else regions.set(evG, [i]);
        } else if (mode === 1) {
          if (open && open.length > 0) {
            const s = open[open.length - 1];
            if (list.a0[s] !== list.a0[i] || list.a2[s] !== list.a2[i]) {
              throw fail(`misuse of region in goroutine ${gText()}: span end ${quote(v1EventString(list, i))} when the inner-most active span start event is ${quote(v1EventString(list, s))}`);
            }
            open.pop();
            if (open.length === 0) regions.delete(evG);
          }
        } else {
          throw fail(`invalid user region mode: ${quote(v1EventString(list, i))}`, 'malformed-event');
        }
        break;
      }
      default:
        break;
    }
    // Events may not name stacks that do not exist or have no frames.
    const stk = list.stk[i];
    if (stk !== 0 && hasFrames.get(stk) === undefined) list.stk[i] = 0;
  }
}
