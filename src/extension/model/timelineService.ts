/**
 * What the worker answers the timeline: its layout, a group's goroutine lanes, and slices. All
 * of it reads the analysis pass's data (the overview, the summaries, each generation's start
 * state), so until the pass is done the layout is empty and says it is not complete.
 */
import type { AnalysisData, TraceAnalysisView } from '../../analysis/index.js';
import type { SliceAnswer, SliceQuery, TimelineLane, TimelineLayout } from '../../shared/timeline.js';
import { TimelineGroups, timelineLayout } from './timelineLayout.js';
import { TimelineSlices } from './timelineSlices.js';

export interface TimelineInputs {
  data: AnalysisData | undefined;
  view: TraceAnalysisView | undefined;
  genNumber(index: number): number;
}

export class TimelineService {
  private built: { data: AnalysisData; groups: TimelineGroups; slices: TimelineSlices } | undefined;

  constructor(private readonly inputs: () => TimelineInputs) {}

  layout(): TimelineLayout {
    const b = this.build();
    if (!b) return { durationNs: 0, generations: [], lanes: [], groups: [], complete: false };
    return timelineLayout(b.data.summaries, b.data.timeline, b.groups, this.inputs().genNumber, true);
  }

  groupLanes(group: number, offset: number, limit: number): TimelineLane[] {
    return this.build()?.groups.lanes(group, offset, limit) ?? [];
  }

  async slices(q: SliceQuery): Promise<SliceAnswer> {
    const b = this.build();
    if (!b) return { query: q, strings: [], lanes: [], exact: false };
    return b.slices.slices(q);
  }

  private build(): TimelineService['built'] {
    if (this.built) return this.built;
    const { data, view } = this.inputs();
    if (!data || !view) return undefined;
    const table = data.summaries.goroutines;
    const groups = new TimelineGroups(table);
    const labels = new Map<number, string>();
    const slices = new TimelineSlices({
      spans: view,
      overview: data.timeline,
      originNs: Number.isNaN(data.summaries.firstNs) ? 0 : data.summaries.firstNs,
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
    this.built = { data, groups, slices };
    return this.built;
  }
}
