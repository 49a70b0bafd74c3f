/**
 * Node IDs: stable, readable strings that say where a row is, so the host, the worker and the
 * webview can name a row without holding it. Parsing an ID is the only way the worker finds its
 * data, so IDs carry indices (generation index in the file, batch index in the generation, event
 * index in the batch), never generation numbers (a flight-recorder snapshot starts anywhere).
 *
 *   g3                 generation (index 3 in the file)
 *   g3/m12             thread (M) 12 of generation 3
 *   g3/nothread        batches written without a thread (strings, stacks, CPU samples, sync...)
 *   g3/b40             batch 40 of generation 3
 *   g3/b40/e7          event 7 of that batch
 *   g3/strings         the strings table; g3/strings/s5 is string ID 5
 *   g3/stacks          the stacks table; g3/stacks/s9 is stack ID 9, g3/stacks/s9/f0 its first frame
 *   g3/samples         CPU samples; g3/samples/c4 is sample 4, g3/samples/c4/f0 a frame of its stack
 *   ev:g3/b40/e7/a2    event tree: argument 2 of the event; .../s0 its first stack, .../s0/f1 a frame
 *   goroutines         the Goroutines root (from the summaries); goroutines/g5 goroutine 5,
 *                      goroutines/g5/e3 its event 3 (in the ordered stream), goroutines/g5/e3/f0 a frame
 *   tasks, tasks/t2    the Tasks root and task 2 (index in the summary's list)
 *   regions, regions/r7  the Regions root and region 7 (index in the summary's list)
 *
 * The root of either tree is the empty ID "".
 */

export const ROOT_ID = '';

export type NodeRef =
  | { kind: 'root' }
  | { kind: 'generation'; gen: number }
  | { kind: 'thread'; gen: number; m: number }
  | { kind: 'noThread'; gen: number }
  | { kind: 'batch'; gen: number; batch: number }
  | { kind: 'event'; gen: number; batch: number; event: number }
  | { kind: 'stringsTable'; gen: number }
  | { kind: 'string'; gen: number; id: number }
  | { kind: 'stacksTable'; gen: number }
  | { kind: 'tableStack'; gen: number; id: number }
  | { kind: 'tableFrame'; gen: number; id: number; frame: number }
  | { kind: 'samplesTable'; gen: number }
  | { kind: 'sample'; gen: number; sample: number }
  | { kind: 'sampleFrame'; gen: number; sample: number; frame: number }
  | { kind: 'eventArg'; gen: number; batch: number; event: number; arg: number }
  | { kind: 'eventInfo'; gen: number; batch: number; event: number; info: number }
  | { kind: 'eventStack'; gen: number; batch: number; event: number; stack: number }
  | { kind: 'eventFrame'; gen: number; batch: number; event: number; stack: number; frame: number }
  | { kind: 'goroutines' }
  | { kind: 'goroutine'; goroutine: number }
  | { kind: 'goroutineEvent'; goroutine: number; event: number }
  | { kind: 'goroutineFrame'; goroutine: number; event: number; frame: number }
  | { kind: 'tasks' }
  | { kind: 'task'; task: number }
  | { kind: 'regions' }
  | { kind: 'region'; region: number };

/** Kinds of the summary roots and their descendants (no generation in them). */
export const SUMMARY_REF_KINDS: ReadonlySet<NodeRef['kind']> = new Set(['goroutines', 'goroutine', 'goroutineEvent', 'goroutineFrame', 'tasks', 'task', 'regions', 'region']);

export const GOROUTINES_ID = 'goroutines';
export const TASKS_ID = 'tasks';
export const REGIONS_ID = 'regions';
export const goroutineNodeId = (g: number): string => `goroutines/g${g}`;
export const goroutineEventId = (g: number, event: number): string => `goroutines/g${g}/e${event}`;
export const goroutineFrameId = (g: number, event: number, frame: number): string => `goroutines/g${g}/e${event}/f${frame}`;
export const taskNodeId = (task: number): string => `tasks/t${task}`;
export const regionNodeId = (region: number): string => `regions/r${region}`;

export const generationId = (gen: number): string => `g${gen}`;
export const threadId = (gen: number, m: number): string => `g${gen}/m${m}`;
export const noThreadId = (gen: number): string => `g${gen}/nothread`;
export const batchId = (gen: number, batch: number): string => `g${gen}/b${batch}`;
export const eventId = (gen: number, batch: number, event: number): string => `g${gen}/b${batch}/e${event}`;
export const stringsTableId = (gen: number): string => `g${gen}/strings`;
export const stringId = (gen: number, id: number): string => `g${gen}/strings/s${id}`;
export const stacksTableId = (gen: number): string => `g${gen}/stacks`;
export const tableStackId = (gen: number, id: number): string => `g${gen}/stacks/s${id}`;
export const tableFrameId = (gen: number, id: number, frame: number): string => `g${gen}/stacks/s${id}/f${frame}`;
export const samplesTableId = (gen: number): string => `g${gen}/samples`;
export const sampleId = (gen: number, sample: number): string => `g${gen}/samples/c${sample}`;
export const sampleFrameId = (gen: number, sample: number, frame: number): string => `g${gen}/samples/c${sample}/f${frame}`;

const EVENT_TREE_PREFIX = 'ev:';
export const eventArgId = (event: string, arg: number): string => `${EVENT_TREE_PREFIX}${event}/a${arg}`;
export const eventInfoId = (event: string, info: number): string => `${EVENT_TREE_PREFIX}${event}/i${info}`;
export const eventStackId = (event: string, stack: number): string => `${EVENT_TREE_PREFIX}${event}/s${stack}`;
export const eventFrameId = (event: string, stack: number, frame: number): string => `${EVENT_TREE_PREFIX}${event}/s${stack}/f${frame}`;

// One pattern per shape; numbers are plain decimals, one capture group each (a thread may be -1).
const N = '(0|[1-9][0-9]{0,15})';
const PATTERNS: [RegExp, (n: number[]) => NodeRef][] = [
  [/^goroutines$/, () => ({ kind: 'goroutines' })],
  [new RegExp(`^goroutines/g${N}$`), ([goroutine]) => ({ kind: 'goroutine', goroutine })],
  [new RegExp(`^goroutines/g${N}/e${N}$`), ([goroutine, event]) => ({ kind: 'goroutineEvent', goroutine, event })],
  [new RegExp(`^goroutines/g${N}/e${N}/f${N}$`), ([goroutine, event, frame]) => ({ kind: 'goroutineFrame', goroutine, event, frame })],
  [/^tasks$/, () => ({ kind: 'tasks' })],
  [new RegExp(`^tasks/t${N}$`), ([task]) => ({ kind: 'task', task })],
  [/^regions$/, () => ({ kind: 'regions' })],
  [new RegExp(`^regions/r${N}$`), ([region]) => ({ kind: 'region', region })],
  [new RegExp(`^g${N}$`), ([gen]) => ({ kind: 'generation', gen })],
  [new RegExp(`^g${N}/m(-1|0|[1-9][0-9]{0,15})$`), ([gen, m]) => ({ kind: 'thread', gen, m })],
  [new RegExp(`^g${N}/nothread$`), ([gen]) => ({ kind: 'noThread', gen })],
  [new RegExp(`^g${N}/b${N}$`), ([gen, batch]) => ({ kind: 'batch', gen, batch })],
  [new RegExp(`^g${N}/b${N}/e${N}$`), ([gen, batch, event]) => ({ kind: 'event', gen, batch, event })],
  [new RegExp(`^g${N}/strings$`), ([gen]) => ({ kind: 'stringsTable', gen })],
  [new RegExp(`^g${N}/strings/s${N}$`), ([gen, id]) => ({ kind: 'string', gen, id })],
  [new RegExp(`^g${N}/stacks$`), ([gen]) => ({ kind: 'stacksTable', gen })],
  [new RegExp(`^g${N}/stacks/s${N}$`), ([gen, id]) => ({ kind: 'tableStack', gen, id })],
  [new RegExp(`^g${N}/stacks/s${N}/f${N}$`), ([gen, id, frame]) => ({ kind: 'tableFrame', gen, id, frame })],
  [new RegExp(`^g${N}/samples$`), ([gen]) => ({ kind: 'samplesTable', gen })],
  [new RegExp(`^g${N}/samples/c${N}$`), ([gen, sample]) => ({ kind: 'sample', gen, sample })],
  [new RegExp(`^g${N}/samples/c${N}/f${N}$`), ([gen, sample, frame]) => ({ kind: 'sampleFrame', gen, sample, frame })],
  [new RegExp(`^ev:g${N}/b${N}/e${N}/a${N}$`), ([gen, batch, event, arg]) => ({ kind: 'eventArg', gen, batch, event, arg })],
  [new RegExp(`^ev:g${N}/b${N}/e${N}/i${N}$`), ([gen, batch, event, info]) => ({ kind: 'eventInfo', gen, batch, event, info })],
  [new RegExp(`^ev:g${N}/b${N}/e${N}/s${N}$`), ([gen, batch, event, stack]) => ({ kind: 'eventStack', gen, batch, event, stack })],
  [new RegExp(`^ev:g${N}/b${N}/e${N}/s${N}/f${N}$`), ([gen, batch, event, stack, frame]) => ({ kind: 'eventFrame', gen, batch, event, stack, frame })],
];

/** Parses a node ID; undefined for anything malformed (IDs come from the webview: never trust them). */
export function parseNodeId(id: string): NodeRef | undefined {
  if (id === ROOT_ID) return { kind: 'root' };
  if (id.length > 200) return undefined;
  for (const [re, make] of PATTERNS) {
    const m = re.exec(id);
    if (!m) continue;
    const nums = m.slice(1).map(Number);
    if (nums.some((n) => !Number.isSafeInteger(n))) return undefined;
    return make(nums);
  }
  return undefined;
}

/** The event a node of the event tree belongs to, as a generation-tree event ID. */
export function eventOfDetailId(id: string): string | undefined {
  const ref = parseNodeId(id);
  if (!ref || !('event' in ref) || !('batch' in ref)) return undefined;
  return eventId(ref.gen, ref.batch, ref.event);
}
