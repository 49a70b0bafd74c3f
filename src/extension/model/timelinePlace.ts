/**
 * "Show in Timeline": where a tree row is on the timeline. A goroutine, proc or thread row is its
 * lane over its life; a task its task lane over its time; a region its goroutine's lane over the region; an event
 * (of the generation tree or of an owner's list) its instant, on the lane of the span it began
 * when it began one (found by its byte offset among the generation's spans), else on its owner's.
 * Times count from the timeline's origin, as its slices do.
 */
import type { TraceSummaries } from '../../parser/index.js';
import type { TimelinePlace } from '../../shared/timeline.js';
import type { EventView } from './eventView.js';
import { parseNodeId, summaryEventOf, type NodeRef, type SummaryEventRef } from './nodeIds.js';

const PREFIX = { goroutine: 'g', proc: 'p', thread: 'm' } as const;

export interface PlaceInputs {
  summaries: TraceSummaries;
  originNs: number;
  /** A goroutine's group and place in it (the timeline's groups). */
  groupOf(goroutine: number): { group: number; indexInGroup: number } | undefined;
  /** The generation-tree event of a row (its time and offset). */
  wireEvent(ref: { genIndex: number; batch: number; event: number }): Promise<EventView | undefined>;
  /** An owner's event (its time). */
  ownerEvent(ref: SummaryEventRef): Promise<EventView | undefined>;
  /** The lane of the span an event began, found by the event's byte offset; undefined if none. */
  spanAt(offset: number): Promise<string | undefined>;
  /** A task's lane (taskLanes.ts), by its index in the summaries' tasks. */
  taskLane?(task: number): string | undefined;
}

export async function timelinePlace(nodeId: string, p: PlaceInputs): Promise<TimelinePlace | undefined> {
  const ref = parseNodeId(nodeId);
  if (!ref) return undefined;
  const s = p.summaries;
  const o = p.originNs;
  const onLane = (lane: string, startNs: number, endNs: number, text: string): TimelinePlace | undefined => {
    if (Number.isNaN(startNs)) return undefined;
    const place: TimelinePlace = { lane, startNs: startNs - o, endNs: (Number.isNaN(endNs) ? startNs : endNs) - o, text };
    const m = /^g(\d+)$/.exec(lane);
    const g = m ? p.groupOf(Number(m[1])) : undefined;
    if (g) Object.assign(place, g);
    return place;
  };
  switch (ref.kind) {
    case 'goroutine': {
      const r = s.goroutines.row(ref.goroutine);
      if (r < 0) return undefined;
      const f = s.goroutines.f;
      return onLane(`g${ref.goroutine}`, f.creationNs[r] || f.startNs[r], f.endNs[r], `G${ref.goroutine}`);
    }
    case 'proc': {
      const x = s.procs.get(ref.proc);
      return x && onLane(`p${ref.proc}`, x.firstNs, x.lastNs, `P${ref.proc}`);
    }
    case 'osThread': {
      const x = s.threads.get(ref.thread);
      return x && onLane(`m${ref.thread}`, x.firstNs, x.lastNs, `M${ref.thread}`);
    }
    case 'task': {
      const t = s.tasks[ref.task];
      if (!t) return undefined;
      const start = Number.isNaN(t.startNs) ? s.firstNs : t.startNs;
      const end = Number.isNaN(t.endNs) ? s.lastNs : t.endNs;
      if (Number.isNaN(start)) return undefined;
      const lane = p.taskLane?.(ref.task);
      return { ...(lane ? { lane } : {}), startNs: start - o, endNs: end - o, text: `task ${t.id}` };
    }
    case 'region':
    case 'taskRegion': {
      const x = s.regions[ref.region];
      if (!x) return undefined;
      return onLane(`g${x.goroutine}`, Number.isNaN(x.startNs) ? s.firstNs : x.startNs, Number.isNaN(x.endNs) ? s.lastNs : x.endNs, `region ${x.name}`);
    }
  }
  const owned = summaryEventOf(ref);
  if (owned) {
    const view = await p.ownerEvent(owned);
    if (!view || Number.isNaN(view.time)) return undefined;
    const offset = view.row(o).offset;
    const lane = (offset !== undefined && (await p.spanAt(offset))) || `${PREFIX[owned.owner]}${owned.id}`;
    return onLane(lane, view.time, view.time, `event ${view.name}`);
  }
  const at = wirePlace(ref);
  if (!at) return undefined;
  const view = await p.wireEvent(at);
  if (!view || Number.isNaN(view.time)) return undefined;
  const offset = view.row(o).offset;
  const lane = offset !== undefined ? await p.spanAt(offset) : undefined;
  if (lane) return onLane(lane, view.time, view.time, `event ${view.name}`);
  return { startNs: view.time - o, endNs: view.time - o, text: `event ${view.name}` };
}

function wirePlace(ref: NodeRef): { genIndex: number; batch: number; event: number } | undefined {
  switch (ref.kind) {
    case 'event':
    case 'eventArg':
    case 'eventInfo':
    case 'eventStack':
    case 'eventFrame':
      return { genIndex: ref.genIndex, batch: ref.batch, event: ref.event };
  }
  return undefined;
}
