/**
 * What the worker answers the timeline: its layout, a group's goroutine lanes, and slices. All
 * of it reads the analysis pass's data (the overview, the summaries, each generation's start
 * state). While the pass runs it answers from the generations passed so far (the layout says it
 * is not complete and ends where they end; slices past them are not exact), so the first
 * generation is drawn long before the pass ends.
 */
import type { AnalysisData, SpanSource, TraceAnalysisView } from '../../analysis/index.js';
import type { RelationsQuery, SliceAnswer, SliceQuery, SliceRelations, TimelineLane, TimelineLayout, TimelinePlace } from '../../shared/timeline.js';
import type { PassSoFar } from './analysisRun.js';
import { timelinePlace, type PlaceInputs } from './timelinePlace.js';
import { TimelineRelations } from './timelineRelations.js';
import type { CounterAnswer, CounterQuery } from '../../shared/timelineCounters.js';
import { passedEndNs } from './gcPeriods.js';
import { counterLanes, counterPoints } from './timelineCounters.js';
import { GoroutineAnnotations } from './laneAnnotations.js';
import { TimelineGroups, timelineLayout } from './timelineLayout.js';
import { withMarks, type LayoutExtras } from './timelineMarks.js';
import { TimelineSlices } from './timelineSlices.js';
import { TaskLanes } from './taskLanes.js';
import type { RangeStats, RangeStatsQuery } from '../../shared/timelineRangeStats.js';
import { timelineRangeStats } from './timelineRangeStats.js';

export interface TimelineInputs {
  data: AnalysisData | undefined;
  view: TraceAnalysisView | undefined;
  /** While the pass runs: what it has built so far (analysisRun.ts). */
  soFar?: PassSoFar;
  genNumber(index: number): number;
  /**
   * The trace's first and last event (ns), as the header and the trees count them (from the
   * batches): the timeline's times count from the same origin, so its times and the trees' agree.
   */
  firstNs: number;
  lastNs: number;
  /** The problems' marks (once made) and a flight-recorder snapshot's window text (timelineMarks.ts). */
  marks?: LayoutExtras['marks'];
  windowText?: string;
}

type TimelineBasis = Pick<AnalysisData, 'summaries' | 'timeline' | 'counters'>;

interface Built {
  data: TimelineBasis;
  /** Once the pass is done; a partial build's are made per chunk count (groups()). */
  groups?: TimelineGroups;
  slices: TimelineSlices;
  originNs: number;
  /** Chunks passed when built; undefined once the pass is done (then it never changes). */
  partialChunks?: number;
}

export class TimelineService {
  private built: Built | undefined;
  /** The goroutine groups of a partial build, and the chunk count they were made at. */
  private partialGroups: { chunks: number; groups: TimelineGroups } | undefined;
  /** The regions and logs over goroutine lanes (laneAnnotations.ts). */
  private readonly notes = new PerBuild((b, s, endNs) => new GoroutineAnnotations(s.regions, s.tasks, { startNs: b.originNs, endNs }));
  /** The task lanes' rows (taskLanes.ts). */
  private readonly taskRows = new PerBuild((b, s, endNs) => new TaskLanes(s.tasks, b.originNs, endNs));

  constructor(
    private readonly inputs: () => TimelineInputs,
    /** Awaited now and then during long work (deriving a generation), so other requests get answers. */
    private readonly yieldNow?: () => Promise<void>,
  ) {}

  layout(): TimelineLayout {
    const b = this.build();
    if (!b) return { durationNs: 0, generations: [], lanes: [], groups: [], complete: false };
    const i = this.inputs();
    const complete = b.partialChunks === undefined;
    let durationNs: number;
    if (complete) {
      const last = Number.isNaN(i.lastNs) ? b.data.summaries.lastNs : i.lastNs;
      durationNs = Number.isNaN(last) ? 0 : Math.max(0, last - b.originNs);
    } else durationNs = Math.max(0, passedEndNs(b.data.timeline) - b.originNs);
    const layout = timelineLayout(b.data.summaries, b.data.timeline, this.groups(b), i.genNumber, { originNs: b.originNs, durationNs }, complete, counterLanes(b.data.counters));
    layout.lanes.push(...(this.tasks()?.lanes() ?? []));
    return withMarks(layout, i, b.originNs);
  }

  /** The counter lanes' points over a range at a resolution (timelineCounters.ts). */
  counters(q: CounterQuery): CounterAnswer {
    const b = this.build();
    if (!b) return { query: q, lanes: [] };
    return counterPoints(b.data.counters, b.originNs, q);
  }

  groupLanes(group: number, offset: number, limit: number): TimelineLane[] {
    const b = this.build();
    return b ? this.groups(b).lanes(group, offset, limit) : [];
  }

  async slices(q: SliceQuery): Promise<SliceAnswer> {
    const b = this.build();
    if (!b) return { query: q, strings: [], lanes: [], exact: false };
    const answer = await b.slices.slices(q);
    // Up to where the generations passed end (a span starting there is the next one's), the
    // answer is final; past it, it will grow: it is asked again.
    if (b.partialChunks !== undefined && q.toNs + b.originNs >= passedEndNs(b.data.timeline)) answer.exact = false;
    return answer;
  }

  /** Cause and effect around a goroutine's slice (timelineRelations.ts); once the pass is done. */
  async relations(q: RelationsQuery): Promise<SliceRelations> {
    const b = this.complete();
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

  /** Where a tree row is on the timeline (timelinePlace.ts), once the pass is done; `chunkOf` maps a byte offset to its chunk. */
  async place(nodeId: string, events: Pick<PlaceInputs, 'wireEvent' | 'ownerEvent'>, chunkOf: (offset: number) => number | undefined): Promise<TimelinePlace | undefined> {
    const b = this.complete();
    if (!b) return undefined;
    return timelinePlace(nodeId, {
      ...events,
      summaries: b.data.summaries,
      originNs: b.originNs,
      groupOf: (g) => this.groups(b).placeOf(g),
      taskLane: (task) => this.tasks()?.placeOf(task)?.lane,
      spanAt: async (offset) => {
        const k = chunkOf(offset);
        return k === undefined ? undefined : b.slices.laneOfEvent(k, offset);
      },
    });
  }

  private complete(): Built | undefined {
    const b = this.build();
    return b && b.partialChunks === undefined ? b : undefined;
  }

  private annotations(): GoroutineAnnotations | undefined {
    return this.built && this.notes.get(this.built);
  }

  private tasks(): TaskLanes | undefined {
    return this.built && this.taskRows.get(this.built);
  }

  /** A partial build's groups are made again when more chunks have passed (the table grew). */
  private groups(b: Built): TimelineGroups {
    if (b.groups) return b.groups;
    const chunks = b.partialChunks ?? 0;
    if (this.partialGroups?.chunks !== chunks) this.partialGroups = { chunks, groups: new TimelineGroups(b.data.summaries.goroutines) };
    return this.partialGroups.groups;
  }

  /**
   * The pass's data: all of it once done (built once); while it runs, what it has so far (the
   * slices and their span cache are kept; the handlers' data grows in place).
   */
  private build(): Built | undefined {
    if (this.built && this.built.partialChunks === undefined) return this.built;
    const i = this.inputs();
    if (i.data && i.view) {
      this.partialGroups = undefined;
      this.built = this.make(i.data, i.view, undefined, i.firstNs);
      return this.built;
    }
    const so = i.soFar;
    if (!so || so.chunks === 0) return undefined;
    if (this.built) {
      // The summaries' proc and thread maps are copies: take them again when a chunk has passed.
      if (this.built.partialChunks !== so.chunks) Object.assign(this.built, { data: so.data(), partialChunks: so.chunks });
      return this.built;
    }
    this.built = this.make(so.data(), so.spans, so.chunks, i.firstNs);
    return this.built;
  }

  private make(data: TimelineBasis, spans: SpanSource, partialChunks: number | undefined, firstNs: number): Built {
    const originNs = Number.isNaN(firstNs) ? (Number.isNaN(data.summaries.firstNs) ? 0 : data.summaries.firstNs) : firstNs;
    const table = data.summaries.goroutines;
    const labels = new Map<number, string>();
    const slices = new TimelineSlices({
      spans,
      overview: data.timeline,
      originNs,
      partial: partialChunks !== undefined,
      annotations: () => this.annotations(),
      tasks: () => this.tasks(),
      ...(this.yieldNow ? { yieldNow: this.yieldNow } : {}),
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
    if (partialChunks !== undefined) return { data, slices, originNs, partialChunks };
    return { data, groups: new TimelineGroups(table), slices, originNs };
  }

  /** What happened in a range (timelineRangeStats.ts); while the pass runs, over the chunks passed (not exact). */
  async rangeStats(q: RangeStatsQuery): Promise<RangeStats> {
    const b = this.build();
    const i = this.inputs();
    if (!b) return { query: q, groups: [], waitingReasons: [], events: [], totalEvents: 0, cpuSamples: 0, gc: { count: 0, ns: 0 }, stw: { count: 0, ns: 0, reasons: [] }, generations: 0, derived: 0, exact: false, approximate: ['The trace is still being summarized.'], reading: true };
    return timelineRangeStats({
      overview: b.data.timeline,
      table: b.data.summaries.goroutines,
      eventCounts: b.data.summaries.eventCounts,
      groups: this.groups(b).groups,
      groupOfRow: this.groups(b).groupOfRows(),
      originNs: b.originNs,
      chunk: (k) => b.slices.chunk(k),
      spans: i.data && i.view ? i.view : i.soFar?.spans,
      partial: b.partialChunks !== undefined,
      ...(this.yieldNow ? { yieldNow: this.yieldNow } : {}),
      key: b.slices,
    }, q);
  }
}

/**
 * A value made from the pass's summaries: once the pass is done, and while it runs again for each
 * chunk passed (the summaries grow). `endNs`: the trace's last event, or where the chunks passed end.
 */
class PerBuild<T> {
  private made: { built: Built; chunks: number | undefined; value: T } | undefined;

  constructor(private readonly make: (b: Built, s: TimelineBasis['summaries'], endNs: number) => T) {}

  get(b: Built): T {
    if (this.made?.built !== b || this.made.chunks !== b.partialChunks) {
      const s = b.data.summaries;
      const endNs = b.partialChunks === undefined ? s.lastNs : passedEndNs(b.data.timeline);
      this.made = { built: b, chunks: b.partialChunks, value: this.make(b, s, endNs) };
    }
    return this.made.value;
  }
}
