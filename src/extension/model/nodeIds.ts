/**
 * Node IDs: stable, readable strings that say where a row is, so the host, the worker and the
 * webview can name a row without holding it. Parsing an ID is the only way the worker finds its
 * data, so IDs carry indices (generation index in the file, batch index in the generation, event
 * index in the batch), never generation numbers (a flight-recorder snapshot starts anywhere).
 *
 *   g3                 generation (index 3 in the file)
 *   g3/m12             thread (M) 12 of generation 3
 *   g3/nothread        batches written without a thread (strings, stacks, CPU samples, sync...)
 *   g0/p2              a v1 trace (one generation, g0): the batches of P 2 (v1 batches are per P;
 *                      g0/p-1 holds those written without a P); its batches and events are
 *                      g0/b40 and g0/b40/e7 as above (batch index in the file, raw event index in
 *                      the batch, its EvBatch header not counted)
 *   g3/b40             batch 40 of generation 3
 *   g3/b40/e7          event 7 of that batch
 *   g3/strings         the strings table; g3/strings/s5 is string ID 5
 *   g3/stacks          the stacks table; g3/stacks/s9 is stack ID 9, g3/stacks/s9/f0 its first frame
 *   g3/samples         CPU samples; g3/samples/c4 is sample 4, g3/samples/c4/f0 a frame of its stack
 *   ev:g3/b40/e7/a2    event tree: argument 2 of the event; .../s0 its first stack, .../s0/f1 a frame
 *   goroutines         the Goroutines root (from the summaries); goroutines/g5 goroutine 5,
 *                      goroutines/g5/e3 its event 3 (in the ordered stream), goroutines/g5/e3/f0 a frame
 *   procs, procs/p2    the Procs root and proc 2; procs/p2/e3 its event 3, procs/p2/e3/f0 a frame
 *   threads, threads/m7  the Threads root and thread (M) 7; threads/m7/e3, threads/m7/e3/f0 likewise
 *   ev:goroutines/g5/e3/a1  event tree of such an event: argument 1; .../i0 an info row, .../s0 a
 *                      stack, .../s0/f2 a frame (the same under procs/... and threads/...)
 *   eventCounts        the Event counts root; eventCounts/c0 generation 0's counts (index in the
 *                      file), eventCounts/c0/t4 its fifth event type (by count)
 *   tasks, tasks/t2    the Tasks root and task 2 (index in the summary's list; a child task is
 *                      listed under its parent, with the same ID); tasks/t2/r7 region 7 (index
 *                      in the Regions list) under task 2, tasks/t2/l3 its log 3 (in the order
 *                      kept), tasks/t2/l3/f0 a frame of that log's stack
 *   regions, regions/r7  the Regions root and region 7 (index in the summary's list)
 *
 * The root of either tree is the empty ID "".
 */

export const ROOT_ID = '';

export type NodeRef =
  | { kind: 'root' }
  | { kind: 'generation'; genIndex: number }
  | { kind: 'thread'; genIndex: number; m: number }
  | { kind: 'noThread'; genIndex: number }
  | { kind: 'v1Proc'; genIndex: number; p: number }
  | { kind: 'batch'; genIndex: number; batch: number }
  | { kind: 'event'; genIndex: number; batch: number; event: number }
  | { kind: 'stringsTable'; genIndex: number }
  | { kind: 'string'; genIndex: number; id: number }
  | { kind: 'stacksTable'; genIndex: number }
  | { kind: 'tableStack'; genIndex: number; id: number }
  | { kind: 'tableFrame'; genIndex: number; id: number; frame: number }
  | { kind: 'samplesTable'; genIndex: number }
  | { kind: 'sample'; genIndex: number; sample: number }
  | { kind: 'sampleFrame'; genIndex: number; sample: number; frame: number }
  | { kind: 'eventArg'; genIndex: number; batch: number; event: number; arg: number }
  | { kind: 'eventInfo'; genIndex: number; batch: number; event: number; info: number }
  | { kind: 'eventStack'; genIndex: number; batch: number; event: number; stack: number }
  | { kind: 'eventFrame'; genIndex: number; batch: number; event: number; stack: number; frame: number }
  | { kind: 'goroutines' }
  | { kind: 'goroutine'; goroutine: number }
  | { kind: 'goroutineEvent'; goroutine: number; event: number }
  | { kind: 'goroutineFrame'; goroutine: number; event: number; frame: number }
  | { kind: 'tasks' }
  | { kind: 'task'; task: number }
  | { kind: 'taskRegion'; task: number; region: number }
  | { kind: 'taskLog'; task: number; log: number }
  | { kind: 'taskLogFrame'; task: number; log: number; frame: number }
  | { kind: 'regions' }
  | { kind: 'region'; region: number }
  | { kind: 'procs' }
  | { kind: 'proc'; proc: number }
  | { kind: 'procEvent'; proc: number; event: number }
  | { kind: 'procFrame'; proc: number; event: number; frame: number }
  | { kind: 'threads' }
  | { kind: 'osThread'; thread: number }
  | { kind: 'threadEvent'; thread: number; event: number }
  | { kind: 'threadFrame'; thread: number; event: number; frame: number }
  | { kind: 'summaryEventArg'; owner: SummaryOwner; id: number; event: number; arg: number }
  | { kind: 'summaryEventInfo'; owner: SummaryOwner; id: number; event: number; info: number }
  | { kind: 'summaryEventStack'; owner: SummaryOwner; id: number; event: number; stack: number }
  | { kind: 'summaryEventFrame'; owner: SummaryOwner; id: number; event: number; stack: number; frame: number }
  | { kind: 'eventCounts' }
  | { kind: 'eventCountsGeneration'; genIndex: number }
  | { kind: 'eventCountsType'; genIndex: number; type: number };

/** Where a node is: the IDs of its ancestors from the root down, and its own ID. */
export interface NodeLocation {
  path: string[];
  select: string;
}

/** Whose events a summary row lists: a goroutine's, a proc's or a thread's (in the ordered stream). */
export type SummaryOwner = 'goroutine' | 'proc' | 'thread';

/** One event in a summary row's list: the owner, its ID, the event's index in the list. */
export interface SummaryEventRef {
  owner: SummaryOwner;
  id: number;
  event: number;
}

/** Kinds of the summary roots and their descendants (no generation in them). */
export const SUMMARY_REF_KINDS: ReadonlySet<NodeRef['kind']> = new Set([
  'goroutines', 'goroutine', 'goroutineEvent', 'goroutineFrame', 'tasks', 'task', 'taskRegion', 'taskLog', 'taskLogFrame', 'regions', 'region',
  'procs', 'proc', 'procEvent', 'procFrame', 'threads', 'osThread', 'threadEvent', 'threadFrame',
  'eventCounts', 'eventCountsGeneration', 'eventCountsType',
]);

export const GOROUTINES_ID = 'goroutines';
export const TASKS_ID = 'tasks';
export const REGIONS_ID = 'regions';
export const goroutineNodeId = (g: number): string => `goroutines/g${g}`;
export const goroutineEventId = (g: number, event: number): string => `goroutines/g${g}/e${event}`;
export const goroutineFrameId = (g: number, event: number, frame: number): string => `goroutines/g${g}/e${event}/f${frame}`;
export const taskNodeId = (task: number): string => `tasks/t${task}`;
export const taskRegionId = (task: number, region: number): string => `tasks/t${task}/r${region}`;
export const taskLogId = (task: number, log: number): string => `tasks/t${task}/l${log}`;
export const taskLogFrameId = (task: number, log: number, frame: number): string => `tasks/t${task}/l${log}/f${frame}`;
export const regionNodeId = (region: number): string => `regions/r${region}`;
export const PROCS_ID = 'procs';
export const THREADS_ID = 'threads';
export const procNodeId = (p: number): string => `procs/p${p}`;
export const osThreadNodeId = (m: number): string => `threads/m${m}`;
export const EVENT_COUNTS_ID = 'eventCounts';
export const eventCountsGenerationId = (genIndex: number): string => `eventCounts/c${genIndex}`;
export const eventCountsTypeId = (genIndex: number, type: number): string => `eventCounts/c${genIndex}/t${type}`;

const OWNER_PREFIX: Record<SummaryOwner, string> = { goroutine: 'goroutines/g', proc: 'procs/p', thread: 'threads/m' };
const OWNER_OF_PREFIX: Record<string, SummaryOwner> = { 'goroutines/g': 'goroutine', 'procs/p': 'proc', 'threads/m': 'thread' };

/** The row of a goroutine, proc or thread under its summary root. */
export const summaryOwnerNodeId = (owner: SummaryOwner, id: number): string => `${OWNER_PREFIX[owner]}${id}`;
/** An event of a goroutine, proc or thread: goroutines/g5/e3, procs/p2/e3, threads/m7/e3. */
export const summaryEventId = (owner: SummaryOwner, id: number, event: number): string => `${OWNER_PREFIX[owner]}${id}/e${event}`;
export const summaryFrameId = (owner: SummaryOwner, id: number, event: number, frame: number): string => `${OWNER_PREFIX[owner]}${id}/e${event}/f${frame}`;
/** A frame listed under an event's row (the frames of an owner's event: goroutines/g5/e3/f0). */
export const eventRowFrameId = (eventRowId: string, frame: number): string => `${eventRowId}/f${frame}`;

/** The summary event a node is or belongs to (its frames' rows, its event-tree rows); undefined otherwise. */
export function summaryEventOf(ref: NodeRef | undefined): SummaryEventRef | undefined {
  if (!ref) return undefined;
  switch (ref.kind) {
    case 'goroutineEvent':
    case 'goroutineFrame':
      return { owner: 'goroutine', id: ref.goroutine, event: ref.event };
    case 'procEvent':
    case 'procFrame':
      return { owner: 'proc', id: ref.proc, event: ref.event };
    case 'threadEvent':
    case 'threadFrame':
      return { owner: 'thread', id: ref.thread, event: ref.event };
    case 'summaryEventArg':
    case 'summaryEventInfo':
    case 'summaryEventStack':
    case 'summaryEventFrame':
      return { owner: ref.owner, id: ref.id, event: ref.event };
    default:
      return undefined;
  }
}

/** Whether selecting a node of this ID shows an event in the event tree (generation or summary event). */
export function isEventNodeId(id: string): boolean {
  const k = parseNodeId(id)?.kind;
  return k === 'event' || k === 'goroutineEvent' || k === 'procEvent' || k === 'threadEvent' || k === 'taskLog';
}

export const generationId = (genIndex: number): string => `g${genIndex}`;
export const threadId = (genIndex: number, m: number): string => `g${genIndex}/m${m}`;
export const noThreadId = (genIndex: number): string => `g${genIndex}/nothread`;
/** A v1 trace's P (-1: no P), whose batches it lists. */
export const v1ProcId = (genIndex: number, p: number): string => `g${genIndex}/p${p}`;
export const batchId = (genIndex: number, batch: number): string => `g${genIndex}/b${batch}`;
export const eventId = (genIndex: number, batch: number, event: number): string => `g${genIndex}/b${batch}/e${event}`;
export const stringsTableId = (genIndex: number): string => `g${genIndex}/strings`;
export const stringId = (genIndex: number, id: number): string => `g${genIndex}/strings/s${id}`;
export const stacksTableId = (genIndex: number): string => `g${genIndex}/stacks`;
export const tableStackId = (genIndex: number, id: number): string => `g${genIndex}/stacks/s${id}`;
export const tableFrameId = (genIndex: number, id: number, frame: number): string => `g${genIndex}/stacks/s${id}/f${frame}`;
export const samplesTableId = (genIndex: number): string => `g${genIndex}/samples`;
export const sampleId = (genIndex: number, sample: number): string => `g${genIndex}/samples/c${sample}`;
export const sampleFrameId = (genIndex: number, sample: number, frame: number): string => `g${genIndex}/samples/c${sample}/f${frame}`;

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
  [new RegExp(`^tasks/t${N}/r${N}$`), ([task, region]) => ({ kind: 'taskRegion', task, region })],
  [new RegExp(`^tasks/t${N}/l${N}$`), ([task, log]) => ({ kind: 'taskLog', task, log })],
  [new RegExp(`^tasks/t${N}/l${N}/f${N}$`), ([task, log, frame]) => ({ kind: 'taskLogFrame', task, log, frame })],
  [/^regions$/, () => ({ kind: 'regions' })],
  [new RegExp(`^regions/r${N}$`), ([region]) => ({ kind: 'region', region })],
  [/^procs$/, () => ({ kind: 'procs' })],
  [new RegExp(`^procs/p${N}$`), ([proc]) => ({ kind: 'proc', proc })],
  [new RegExp(`^procs/p${N}/e${N}$`), ([proc, event]) => ({ kind: 'procEvent', proc, event })],
  [new RegExp(`^procs/p${N}/e${N}/f${N}$`), ([proc, event, frame]) => ({ kind: 'procFrame', proc, event, frame })],
  [/^threads$/, () => ({ kind: 'threads' })],
  [new RegExp(`^threads/m${N}$`), ([thread]) => ({ kind: 'osThread', thread })],
  [new RegExp(`^threads/m${N}/e${N}$`), ([thread, event]) => ({ kind: 'threadEvent', thread, event })],
  [new RegExp(`^threads/m${N}/e${N}/f${N}$`), ([thread, event, frame]) => ({ kind: 'threadFrame', thread, event, frame })],
  [/^eventCounts$/, () => ({ kind: 'eventCounts' })],
  [new RegExp(`^eventCounts/c${N}$`), ([genIndex]) => ({ kind: 'eventCountsGeneration', genIndex })],
  [new RegExp(`^eventCounts/c${N}/t${N}$`), ([genIndex, type]) => ({ kind: 'eventCountsType', genIndex, type })],
  [new RegExp(`^g${N}$`), ([genIndex]) => ({ kind: 'generation', genIndex })],
  [new RegExp(`^g${N}/m(-1|0|[1-9][0-9]{0,15})$`), ([genIndex, m]) => ({ kind: 'thread', genIndex, m })],
  [new RegExp(`^g${N}/nothread$`), ([genIndex]) => ({ kind: 'noThread', genIndex })],
  [new RegExp(`^g${N}/p(-1|0|[1-9][0-9]{0,15})$`), ([genIndex, p]) => ({ kind: 'v1Proc', genIndex, p })],
  [new RegExp(`^g${N}/b${N}$`), ([genIndex, batch]) => ({ kind: 'batch', genIndex, batch })],
  [new RegExp(`^g${N}/b${N}/e${N}$`), ([genIndex, batch, event]) => ({ kind: 'event', genIndex, batch, event })],
  [new RegExp(`^g${N}/strings$`), ([genIndex]) => ({ kind: 'stringsTable', genIndex })],
  [new RegExp(`^g${N}/strings/s${N}$`), ([genIndex, id]) => ({ kind: 'string', genIndex, id })],
  [new RegExp(`^g${N}/stacks$`), ([genIndex]) => ({ kind: 'stacksTable', genIndex })],
  [new RegExp(`^g${N}/stacks/s${N}$`), ([genIndex, id]) => ({ kind: 'tableStack', genIndex, id })],
  [new RegExp(`^g${N}/stacks/s${N}/f${N}$`), ([genIndex, id, frame]) => ({ kind: 'tableFrame', genIndex, id, frame })],
  [new RegExp(`^g${N}/samples$`), ([genIndex]) => ({ kind: 'samplesTable', genIndex })],
  [new RegExp(`^g${N}/samples/c${N}$`), ([genIndex, sample]) => ({ kind: 'sample', genIndex, sample })],
  [new RegExp(`^g${N}/samples/c${N}/f${N}$`), ([genIndex, sample, frame]) => ({ kind: 'sampleFrame', genIndex, sample, frame })],
  [new RegExp(`^ev:g${N}/b${N}/e${N}/a${N}$`), ([genIndex, batch, event, arg]) => ({ kind: 'eventArg', genIndex, batch, event, arg })],
  [new RegExp(`^ev:g${N}/b${N}/e${N}/i${N}$`), ([genIndex, batch, event, info]) => ({ kind: 'eventInfo', genIndex, batch, event, info })],
  [new RegExp(`^ev:g${N}/b${N}/e${N}/s${N}$`), ([genIndex, batch, event, stack]) => ({ kind: 'eventStack', genIndex, batch, event, stack })],
  [new RegExp(`^ev:g${N}/b${N}/e${N}/s${N}/f${N}$`), ([genIndex, batch, event, stack, frame]) => ({ kind: 'eventFrame', genIndex, batch, event, stack, frame })],
];

/** Event-tree rows of a summary event: ev:<owner prefix><id>/e<event>/<a|i|s><n>[/f<frame>]. */
const SUMMARY_DETAIL = new RegExp(`^ev:(goroutines/g|procs/p|threads/m)${N}/e${N}/([ais])${N}(?:/f${N})?$`);

function parseSummaryDetail(id: string): NodeRef | undefined {
  const m = SUMMARY_DETAIL.exec(id);
  if (!m) return undefined;
  const owner = OWNER_OF_PREFIX[m[1]];
  const [n, event, k] = [Number(m[2]), Number(m[3]), Number(m[5])];
  if (![n, event, k].every(Number.isSafeInteger)) return undefined;
  const base = { owner, id: n, event };
  if (m[6] !== undefined) {
    const frame = Number(m[6]);
    return m[4] === 's' && Number.isSafeInteger(frame) ? { kind: 'summaryEventFrame', ...base, stack: k, frame } : undefined;
  }
  if (m[4] === 'a') return { kind: 'summaryEventArg', ...base, arg: k };
  if (m[4] === 'i') return { kind: 'summaryEventInfo', ...base, info: k };
  return { kind: 'summaryEventStack', ...base, stack: k };
}

/** Parses a node ID; undefined for anything malformed (IDs come from the webview: never trust them). */
export function parseNodeId(id: string): NodeRef | undefined {
  if (id === ROOT_ID) return { kind: 'root' };
  if (id.length > 200) return undefined;
  if (/^ev:(goroutines|procs|threads)\//.test(id)) return parseSummaryDetail(id);
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
  return eventId(ref.genIndex, ref.batch, ref.event);
}
