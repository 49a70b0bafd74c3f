/**
 * Events of the ordered stream listed under a goroutine, a proc or a thread of the summary roots:
 * what the model keeps of each (no reference to the stream), and each as the event renderer
 * shows it (OwnerEventView: its row with the frames under it, and the event tree: where and
 * when, Go's G, P and M, the arguments by name, the stacks). Every string here is trace data:
 * the webview shows it as text, quoted as Go quotes it (names as they are only when Go would
 * escape nothing in them; Go's String() form with its frames escaped likewise).
 */
import { displayTraceText, escapeTraceLines, formatEvent, formatUint64, goQuoteShort, goQuoteString, NO_TASK, V2_SPECS, type OrderedEvent, type ResourceId, type StackFrame, type Uint64 } from '../../parser/index.js';
import type { EventArg, EventFact, EventRowFacts, EventStack, EventView } from './eventView.js';
import { formatNs, formatOffset } from './format.js';
import type { SummaryOwner } from './nodeIds.js';

/** Longest string shown in a row's description; the event tree shows it whole. */
const SHORT_TEXT = 60;

/** One stack of an event: the event's own, or its state transition's. */
export interface SummaryEventStack {
  label: string;
  id: number;
  frames: readonly StackFrame[];
}

/** One event of a goroutine, proc or thread, as the model keeps it for paging. */
export interface SummaryEventEntry {
  time: number;
  /** The wire event type's name ("GoStart"), or the API kind for events without one (Sync). */
  name: string;
  /** Go's API kind: "StateTransition", "RegionBegin", ... */
  kind: string;
  /** Wire type (-1 for Sync): with the thread and the time it finds the event in its batch. */
  type: number;
  /** Go's Event.String() form (go-trace parsed). */
  text: string;
  /** What the row says after the time. */
  detail: string;
  /** Context before the event (-1 = none). */
  m: number;
  p: number;
  g: number;
  /** The generation index of its generation (position in the file). */
  genIndex: number;
  /** The ID of the goroutine or proc whose state it changes, -1 if none (helps find it in its batch). */
  resource: number;
  /** A v1 trace's event: the file offset of the raw v1 event it was converted from. */
  sourceOffset?: number;
  /** The arguments as Go's API gives them: name, value as text. */
  args: { name: string; value: string }[];
  stacks: SummaryEventStack[];
  /** The frames listed under the row: the transition's stack, else the event's. */
  frames: readonly StackFrame[];
}

const quote = goQuoteString;

/** "G 5", "P 2", "M 7", or "none". */
export function resourceText(r: ResourceId): string {
  switch (r.kind) {
    case 'Goroutine':
      return `G ${r.id}`;
    case 'Proc':
      return `P ${r.id}`;
    case 'Thread':
      return `M ${r.id}`;
    default:
      return 'none';
  }
}

const taskText = (t: Uint64): string => (t === NO_TASK ? 'none' : formatUint64(t));

function eventArgs(e: OrderedEvent): { name: string; value: string }[] {
  const out: { name: string; value: string }[] = [];
  const add = (name: string, value: string): void => void out.push({ name, value });
  const st = e.transition;
  if (st) {
    add('resource', resourceText(st.resource));
    add('from', st.from);
    add('to', st.to);
    if (st.reason) add('reason', quote(st.reason));
  }
  if (e.range) {
    add('range', quote(e.range.name));
    add('scope', resourceText(e.range.scope));
    for (const a of e.range.attributes ?? []) add(`attribute ${displayTraceText(a.name)}`, formatUint64(a.value));
  }
  if (e.task) {
    add('task', formatUint64(e.task.id));
    add('parent', taskText(e.task.parent));
    add('type', quote(e.task.type));
  }
  if (e.region) {
    add('task', formatUint64(e.region.task));
    add('type', quote(e.region.type));
  }
  if (e.log) {
    add('task', taskText(e.log.task));
    add('category', quote(e.log.category));
    add('message', quote(e.log.message));
  }
  if (e.label) {
    add('label', quote(e.label.label));
    add('resource', resourceText(e.label.resource));
  }
  if (e.metric) {
    add('metric', displayTraceText(e.metric.name));
    add('value', formatUint64(e.metric.value));
  }
  if (e.sync) add('generation', String(e.sync.n));
  if (e.experimental) {
    add('name', e.experimental.name);
    add('experiment', e.experimental.experiment);
    for (const a of e.experimental.args) add(a.name, formatUint64(a.value));
  }
  return out;
}

/** What the model keeps of an ordered event listed under a goroutine, proc or thread. */
export function summaryEventEntry(e: OrderedEvent, genIndex: number): SummaryEventEntry {
  const name = (e.type >= 0 && V2_SPECS[e.type]?.name) || e.kind;
  let detail = '';
  const st = e.transition;
  if (st) detail = `${resourceText(st.resource)} ${st.from}→${st.to}${st.reason ? ` (${displayTraceText(st.reason)})` : ''}`;
  else if (e.region) detail = `region ${quote(e.region.type)}`;
  else if (e.task) detail = `task ${quote(e.task.type)}`;
  else if (e.log) detail = `${quote(e.log.category)}: ${goQuoteShort(e.log.message, SHORT_TEXT)}`;
  else if (e.range) detail = displayTraceText(e.range.name);
  else if (e.label) detail = quote(e.label.label);
  else if (e.metric) detail = `${displayTraceText(e.metric.name)} = ${formatUint64(e.metric.value)}`;
  const stacks: SummaryEventStack[] = [];
  if (e.stack && e.stack.frames.length > 0) stacks.push({ label: 'stack', id: e.stack.id, frames: e.stack.frames });
  if (st?.stack && st.stack.frames.length > 0 && st.stack !== e.stack) stacks.push({ label: 'transition stack', id: st.stack.id, frames: st.stack.frames });
  const frames = st?.stack && st.stack.frames.length > 0 && !e.stack ? st.stack.frames : (e.stack?.frames ?? []);
  let text: string;
  try {
    text = formatEvent(e);
  } catch {
    text = name;
  }
  const resource = st && (st.resource.kind === 'Goroutine' || st.resource.kind === 'Proc') ? st.resource.id : -1;
  return { time: e.time, name, kind: e.kind, type: e.type, text, detail, m: e.m, p: e.p, g: e.g, genIndex, resource, args: eventArgs(e), stacks, frames };
}

/** Where the event is in the file, when its batch was found (see TraceModel.locateSummaryEvent). */
export interface WireLocation {
  /** Generation number as written, batch index, event index in the batch. */
  genNumber: number;
  batch: number;
  event: number;
  offset: number;
}

const idText = (v: number, prefix: string): string => (v >= 0 ? `${prefix} ${v}` : 'none');

/** An owner's event as the event renderer shows it; `owner` is whose list its row is in, `wire` where it is in the file. */
export class OwnerEventView implements EventView {
  constructor(
    private readonly e: SummaryEventEntry,
    private readonly where: { owner?: SummaryOwner; wire?: WireLocation } = {},
  ) {}

  get name(): string {
    return this.e.name;
  }

  get time(): number {
    return this.e.time;
  }

  row(): EventRowFacts {
    const e = this.e;
    // Under a goroutine it is that goroutine's; under a proc or a thread, say which one ran.
    const context = this.where.owner === 'goroutine' || e.g < 0 ? '' : `on G ${e.g}`;
    return { parts: [context, e.detail], tooltip: escapeTraceLines(e.text), icon: 'symbol-event', frames: e.frames, offset: e.sourceOffset };
  }

  facts(traceStartNs: number): EventFact[] {
    const e = this.e;
    const wire = this.where.wire;
    const facts: EventFact[] = [
      { index: 0, label: 'event', value: e.name, tooltip: escapeTraceLines(e.text), ...(wire ? { offset: wire.offset } : {}) },
      { index: 1, label: 'time', value: `+${formatNs(e.time - traceStartNs)} (${e.time} ns)` },
    ];
    if (wire) facts.push({ index: 2, label: 'offset', value: formatOffset(wire.offset), tooltip: `generation ${wire.genNumber}, batch ${wire.batch}, event ${wire.event}`, offset: wire.offset });
    facts.push(
      { index: 3, label: 'thread', value: idText(e.m, 'M') },
      { index: 4, label: 'proc', value: idText(e.p, 'P') },
      { index: 5, label: 'goroutine', value: idText(e.g, 'G') },
      { index: 6, label: 'kind', value: e.kind },
    );
    return facts;
  }

  args(): EventArg[] {
    return this.e.args.map((a, index) => ({ index, label: a.name, value: a.value, tooltip: `${a.name} = ${a.value}` }));
  }

  stacks(): EventStack[] {
    return this.e.stacks.map((s) => ({ label: s.label, description: `stack ${s.id}, ${s.frames.length} frames`, textLine: `${s.label} ${s.id}:`, frames: s.frames, missing: false }));
  }

  textHead(traceStartNs: number): string[] {
    const e = this.e;
    const wire = this.where.wire;
    const lines = [`${e.name} at +${formatNs(e.time - traceStartNs)} (${e.time} ns)`];
    if (wire) lines.push(`offset ${formatOffset(wire.offset)}, generation ${wire.genNumber}, batch ${wire.batch}, event ${wire.event}`);
    lines.push(`thread ${idText(e.m, 'M')}, proc ${idText(e.p, 'P')}, goroutine ${idText(e.g, 'G')}`, `parsed: ${escapeTraceLines(e.text.split('\n')[0])}`);
    return lines;
  }
}
