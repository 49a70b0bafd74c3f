/**
 * An ordered event as text, exactly as Go's Event.String() prints it (what
 * `go tool trace -d=parsed` prints per event, without the final newline). Strings are quoted
 * with Go's %q.
 */
import { goQuote } from '../text/goQuote.js';
import { encodeTraceString } from '../text/traceString.js';
import type { StackFrame } from './generationView.js';
import type { EventStack, OrderedEvent } from './orderedEvent.js';
import { formatUint64, type ResourceId, type Uint64 } from './resources.js';
import { formatWallTime } from './wallTime.js';

const quoteCache = new Map<string, string>();

/** Go's %q of a string. */
export function quote(s: string): string {
  let q = quoteCache.get(s);
  if (q === undefined) {
    q = goQuote(encodeTraceString(s));
    if (quoteCache.size > 50000) quoteCache.clear();
    quoteCache.set(s, q);
  }
  return q;
}

const value = (v: Uint64) => `Value{Uint64(${formatUint64(v)})}`;
const resource = (r: ResourceId) => (r.kind === 'None' ? 'None' : `${r.kind}(${r.id})`);

/** Text of each stack's frames, by its (per-generation, shared) frames array. */
const framesText = new WeakMap<readonly StackFrame[], string>();

function frames(fs: readonly StackFrame[]): string {
  let s = framesText.get(fs);
  if (s === undefined) {
    s = '';
    for (const f of fs) s += `\t${f.func} @ 0x${f.pc.toString(16)}\n\t\t${f.file}:${f.line}\n`;
    framesText.set(fs, s);
  }
  return s;
}

function stackText(label: string, st: EventStack): string {
  return `\n${label}=\n${frames(st.frames)}`;
}

export function formatEvent(e: OrderedEvent): string {
  let s = `M=${e.m} P=${e.p} G=${e.g} ${e.kind} Time=${e.time}`;
  switch (e.kind) {
    case 'Metric':
      s += ` Name=${quote(e.metric!.name)} Value=${value(e.metric!.value)}`;
      break;
    case 'Label':
      s += ` Label=${quote(e.label!.label)} Resource=${resource(e.label!.resource)}`;
      break;
    case 'RangeBegin':
    case 'RangeActive':
    case 'RangeEnd': {
      const r = e.range!;
      s += ` Name=${quote(r.name)} Scope=${resource(r.scope)}`;
      if (e.kind === 'RangeEnd') s += ` Attributes=[${(r.attributes ?? []).map((a) => `${quote(a.name)}=${value(a.value)}`).join(' ')}]`;
      break;
    }
    case 'TaskBegin':
    case 'TaskEnd': {
      const t = e.task!;
      s += ` ID=${formatUint64(t.id)} Parent=${formatUint64(t.parent)} Type=${quote(t.type)}`;
      break;
    }
    case 'RegionBegin':
    case 'RegionEnd':
      s += ` Task=${formatUint64(e.region!.task)} Type=${quote(e.region!.type)}`;
      break;
    case 'Log':
      s += ` Task=${formatUint64(e.log!.task)} Category=${quote(e.log!.category)} Message=${quote(e.log!.message)}`;
      break;
    case 'StateTransition': {
      const t = e.transition!;
      s += ` ${t.resource.kind === 'Goroutine' ? 'GoID' : 'ProcID'}=${t.resource.id} ${t.from}->${t.to} Reason=${quote(t.reason)}`;
      if (t.stack) s += stackText('TransitionStack', t.stack);
      break;
    }
    case 'Experimental': {
      const x = e.experimental!;
      s += ` Name=${x.name} Args=[${x.args.map((a) => `${a.name}=${value(a.value)}`).join(', ')}]`;
      break;
    }
    case 'Sync': {
      const y = e.sync!;
      s += ` N=${y.n}`;
      if (y.clock) s += ` Trace=${y.clock.trace} Mono=${formatUint64(y.clock.mono)} Wall=${formatWallTime(y.clock.wallSec, y.clock.wallNsec)}`;
      break;
    }
    default:
      break;
  }
  if (e.stack) s += stackText('Stack', e.stack);
  return s;
}
