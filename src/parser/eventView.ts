/**
 * One decoded event as an object with named, resolved arguments and its stacks: what a viewer
 * shows for a row. Made on demand (never in the hot loop).
 */
import { GO_STATUS_NAMES, PROC_STATUS_NAMES, V2_SPECS } from './format/v2Events.js';
import { ARG_STRIDE, EventColumns } from './generation/eventColumns.js';
import type { GenerationTables } from './generation/tables.js';

export type ArgKind = 'goroutine' | 'proc' | 'thread' | 'seq' | 'string' | 'stack' | 'value' | 'task' | 'gstatus' | 'pstatus' | 'raw';

export interface ArgView {
  /** Name as Go's spec spells it, e.g. "reason_string". */
  name: string;
  kind: ArgKind;
  value: number;
  /** Resolved text: the string for a string ID, the status name for a status. */
  text?: string;
}

export interface FrameView {
  pc: number;
  func: string;
  file: string;
  line: number;
}

export interface StackView {
  /** Argument the stack came from: "stack" (the event's own) or "new_stack" (a new goroutine's start). */
  arg: string;
  id: number;
  frames: FrameView[];
  /** The ID is not in the generation's stack table. */
  missing: boolean;
}

export interface EventView {
  type: number;
  name: string;
  /** Time in ns (Go's per-batch conversion). */
  time: number;
  offset: number;
  batch: number;
  args: ArgView[];
  stacks: StackView[];
}

/** The kind of an argument, from the naming rule of Go's spec ("name_type"). */
export function argKind(name: string): ArgKind {
  if (name === 'g' || name === 'new_g') return 'goroutine';
  if (name === 'p') return 'proc';
  if (name === 'm') return 'thread';
  if (name === 'gstatus') return 'gstatus';
  if (name === 'pstatus') return 'pstatus';
  if (name === 'task' || name === 'parent_task') return 'task';
  if (name === 'stack' || name === 'new_stack') return 'stack';
  if (name.endsWith('_seq') || name === 'seq') return 'seq';
  if (name.endsWith('_string')) return 'string';
  if (name.endsWith('_value')) return 'value';
  return 'raw';
}

export function frameViews(tables: GenerationTables, stackId: number): FrameView[] {
  return tables.framesOf(stackId).map((f) => ({
    pc: f.pc,
    func: tables.strings.get(f.funcId) ?? '',
    file: tables.strings.get(f.fileId) ?? '',
    line: f.line,
  }));
}

export function viewEvent(columns: EventColumns, i: number, tables: GenerationTables): EventView {
  const type = columns.type[i];
  const spec = V2_SPECS[type];
  const args: ArgView[] = [];
  const stacks: StackView[] = [];
  const names = spec.args.slice(1);
  for (let k = 0; k < names.length && k < ARG_STRIDE; k++) {
    const name = names[k];
    const value = columns.args[i * ARG_STRIDE + k];
    const kind = argKind(name);
    const arg: ArgView = { name, kind, value };
    if (kind === 'string') arg.text = tables.strings.get(value) ?? `<missing string ${value}>`;
    else if (kind === 'gstatus') arg.text = GO_STATUS_NAMES[value] ?? 'Bad';
    else if (kind === 'pstatus') arg.text = PROC_STATUS_NAMES[value] ?? 'Bad';
    else if (kind === 'thread' && value >= 2 ** 63) arg.value = -1;
    args.push(arg);
    if (kind === 'stack') stacks.push({ arg: name, id: value, frames: frameViews(tables, value), missing: !tables.stacks.has(value) });
  }
  // The event's own stack first, as Go's spec orders StackIDs.
  stacks.sort((a, b) => (a.arg === 'stack' ? -1 : b.arg === 'stack' ? 1 : 0));
  return { type, name: spec.name || `Invalid(${type})`, time: columns.time[i], offset: columns.offset[i], batch: columns.batch[i], args, stacks };
}
