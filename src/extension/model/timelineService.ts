/**
 * What the worker answers the timeline: its layout, a group's goroutine lanes, and slices. All
 * of it reads the analysis pass's data (the overview, the summaries, each generation's start
 * state), so until the pass is done the layout is empty and says it is not complete.
 */
import type { AnalysisData, TraceAnalysisView } from '../../analysis/index.js';
import type { RelationsQuery, SliceAnswer, SliceQuery, SliceRelations, TimelineLane, TimelineLayout, TimelinePlace } from '../../shared/timeline.js';
import { timelinePlace, type PlaceInputs } from './timelinePlace.js';
import { TimelineRelations } from './timelineRelations.js';
import type { CounterAnswer, CounterQuery } from '../../shared/timelineCounters.js';
import { counterLanes, counterPoints } from './timelineCounters.js';
import { TimelineGroups, timelineLayout } from './timelineLayout.js';
import { TimelineSlices } from './timelineSlices.js';

export interface TimelineInputs {
  data: AnalysisData | undefined;
  view: TraceAnalysisView | undefined;
  genNumber(index: number): number;
  /**
   * The trace's first and last event (ns), as the header and the trees count them (from the
   * batches): the timeline's times count from the same origin, so its times and the trees' agree.
   */
  firstNs: number;
  lastNs: number;
}

export class TimelineService {
  private built: { data: AnalysisData; groups: TimelineGroups; slices: TimelineSlices; originNs: number } | undefined;

  constructor(private readonly inputs: () => TimelineInputs) {}

  layout(): TimelineLayout {
    const b = this.build();
    if (!b) return { durationNs: 0, generations: [], lanes: [], groups: [], complete: false };
    const i = this.inputs();
    const last = Number.isNaN(i.lastNs) ? b.data.summaries.lastNs : i.lastNs;
    const durationNs = Number.isNaN(last) ? 0 : Math.max(0, last - b.originNs);
    return timelineLayout(b.data.summaries, b.data.timeline, b.groups, i.genNumber, { originNs: b.originNs, durationNs }, true, counterLanes(b.data.counters));
  }

  /** The counter lanes' points over a range at a resolution (timelineCounters.ts). */
  counters(q: CounterQuery): CounterAnswer {
    const b = this.build();
    if (!b) return { query: q, lanes: [] };
    return counterPoints(b.data.counters, b.originNs, q);
  }

  groupLanes(group: number, offset: number, limit: number): TimelineLane[] {
    return this.build()?.groups.lanes(group, offset, limit) ?? [];
  }

  async slices(q: SliceQuery): Promise<SliceAnswer> {
    const b = this.build();
    if (!b) return { query: q, strings: [], lanes: [], exact: false };
    return b.slices.slices(q);
  }

  /** Cause and effect around a goroutine's slice (timelineRelations.ts). */
  async relations(q: RelationsQuery): Promise<SliceRelations> {
    const b = this.build();
    if (!b) return { query: q, chain: [] };
    const chunks = b.data.timeline.chunks;
    const table = b.data.summaries.goroutines;
    return new TimelineRelations({
      originNs: b.originNs,
      chunk: (k) => b.slices.chunk(k),
      chunkAt: (ns) => chunks.findIndex((c) => ns >= c.startNs && ns <= c.endNs),
      creationNs: (g) => {
        const r = table.row(g);
        return r < 0 ? NaN : table.f.creationNs[r];
      },
    }).relations(q);
  }

  /** Where a tree row is on the timeline (timelinePlace.ts); `chunkOf` maps a byte offset to its chunk. */
  async place(nodeId: string, events: Pick<PlaceInputs, 'wireEvent' | 'ownerEvent'>, chunkOf: (offset: number) => number | undefined): Promise<TimelinePlace | undefined> {
    const b = this.build();
    if (!b) return undefined;
    return timelinePlace(nodeId, {
      ...events,
      summaries: b.data.summaries,
      originNs: b.originNs,
      groupOf: (g) => b.groups.placeOf(g),
      spanAt: async (offset) => {
        const k = chunkOf(offset);
        return k === undefined ? undefined : b.slices.laneOfEvent(k, offset);
      },
    });
  }

  private build(): TimelineService['built'] {
    if (this.built) return this.built;
    const { data, view, firstNs } = this.inputs();
    if (!data || !view) return undefined;
    const originNs = Number.isNaN(firstNs) ? (Number.isNaN(data.summaries.firstNs) ? 0 : data.summaries.firstNs) : firstNs;
    const table = data.summaries.goroutines;
    const groups = new TimelineGroups(table);
    const labels = new Map<number, string>();
    const slices = new TimelineSlices({
      spans: view,
      overview: data.timeline,
      originNs,
      goroutineLabel: (id) => {
        let l = labels.get(id);
        if (l === undefined) {
          const name = table.get(id)?.startFunction ?? '';
          l = name ? `G${id} ${name}` : `G${id}`;
          if (labels.size < 100_000) labels.set(id, l);
        }
        return l;
      },
    });
    this.built = { data, groups, slices, originNs };
    return this.built;
  }
}
