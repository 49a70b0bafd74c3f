/**
 * The Timeline pane of the viewer: hidden until asked for (the header's button, or the command
 * "Go Trace: Show Timeline"), then the timeline view (webview/timeline/) mounted once, fed by the
 * worker through the RPC. Selecting a slice selects the event that began it in the trees (found
 * by its byte offset), so the event pane shows it with its stack, as for a tree row. "Show in
 * Timeline" goes the other way: a tree row's place (the worker's timelinePlace) is shown here.
 */
import type { Filter } from '../src/shared/protocol.js';
import type { RowLocation } from '../src/shared/rpc.js';
import type { RpcClient } from './rpc.js';
import { el } from './dom.js';
import { sameFilter } from './filter/filterInput.js';
import type { TimelineSource } from './timeline/timelineSource.js';
import type { TimelineViewState } from './timeline/timelineState.js';
import { mountTimeline, type TimelineHandle } from './timeline/timelineView.js';
import { RangeStatsPanel } from './timeline/rangeStatsPanel.js';

export interface TimelinePaneHooks {
  /** Reveal and select a tree row (a slice's event). */
  reveal(location: RowLocation): void;
  /** The pane was shown or hidden, or the view's state changed: save it. */
  onStateChange(): void;
  /** Says something to the user (a row with no place on the timeline). */
  notice(text: string): void;
}

export class TimelinePane {
  readonly element: HTMLElement;
  private handle: TimelineHandle | undefined;
  private viewState: TimelineViewState | undefined;
  /** The filter bar's filter, handed to the view once it is mounted. */
  private filter: Filter = {};

  constructor(
    private readonly rpc: RpcClient,
    private readonly hooks: TimelinePaneHooks,
    saved: TimelineViewState | undefined,
  ) {
    this.viewState = saved;
    this.element = el('section', 'pane timeline-pane');
    this.element.id = 'timeline-pane';
    this.element.setAttribute('aria-label', 'Timeline');
    this.element.hidden = true;
  }

  get shown(): boolean {
    return !this.element.hidden;
  }

  /** The view's state to save (once shown). */
  get state(): TimelineViewState | undefined {
    return this.handle?.state() ?? this.viewState;
  }

  show(shown: boolean): void {
    this.element.hidden = !shown;
    if (shown && !this.handle) {
      const source = this.source();
      // The statistics of a range dragged on the ruler, under the timeline; hidden when it is cleared.
      const stats = source.rangeStats ? new RangeStatsPanel(source.rangeStats) : undefined;
      this.handle = mountTimeline(this.element, source, this.viewState, {
        onStateChange: (s) => {
          this.viewState = s;
          this.hooks.onStateChange();
        },
        onRangeSelected: (r) => stats?.show(r),
      });
      if (stats) this.element.appendChild(stats.element);
      this.handle.setFilter(this.filter);
    }
    this.hooks.onStateChange();
  }

  /** Shows the pane at a tree row's place; says so when the row has none (yet). */
  async showRow(nodeId: string): Promise<void> {
    this.show(true);
    const place = await this.rpc.call('timelinePlace', { nodeId });
    if (place) this.handle?.reveal(place);
    else this.hooks.notice('This row has no place on the timeline yet: the timeline is ready once the trace is summarized.');
  }

  /** The filter bar's filter: the timeline highlights its slices. */
  setFilter(filter: Filter): void {
    if (sameFilter(filter, this.filter)) return;
    this.filter = filter;
    this.handle?.setFilter(filter);
  }

  toggle(): void {
    this.show(!this.shown);
  }

  private source(): TimelineSource {
    const rpc = this.rpc;
    return {
      // A failed request (shown in the error box) leaves the view empty, not broken.
      layout: async () => (await rpc.call('timelineLayout', {})) ?? { durationNs: 0, generations: [], lanes: [], groups: [], complete: false },
      slices: async (q) => (await rpc.call('timelineSlices', q)) ?? { query: q, strings: [], lanes: [], exact: false },
      counters: async (q) => (await rpc.call('timelineCounters', q)) ?? { query: q, lanes: [] },
      relations: async (q) => (await rpc.call('timelineRelations', q)) ?? { query: q, chain: [] },
      rangeStats: async (q) => (await rpc.call('timelineRangeStats', q)) ?? undefined,
      goroutinePlace: async (g) => (await rpc.call('timelinePlace', { nodeId: `goroutines/g${g}` })) ?? undefined,
      groupLanes: async (group, offset, limit) => (await rpc.call('timelineGroupLanes', { group, offset, limit })) ?? [],
      select: (_lane, slice) => {
        if (slice.offset < 0) return;
        void rpc.call('locateOffset', { offset: slice.offset }).then((loc) => {
          if (loc) this.hooks.reveal(loc);
        });
      },
    };
  }
}
