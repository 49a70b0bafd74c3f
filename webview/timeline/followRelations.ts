/**
 * The selection's cause and effect, in the view: asks the worker for the selected goroutine
 * slice's relations, keeps the toolbar's buttons ([, ], Unblocked by, Created by) in step with
 * them, and follows one when asked (a button, or the keys [ ] U C). The pure parts are in
 * causeEffect.ts.
 */
import type { TimelinePlace } from '../../src/shared/timeline.js';
import { followViewport, relationText, targetOf, type Relation } from './causeEffect.js';
import type { SliceRef } from './laneDrawing.js';
import type { TimelineModel } from './timelineModel.js';
import type { TimelineSource } from './timelineSource.js';
import type { Viewport } from './timeMapping.js';

export interface FollowDeps {
  model: TimelineModel;
  source: TimelineSource;
  buttons: Record<Relation, HTMLButtonElement>;
  setViewport(v: Viewport): void;
  /** Shows a goroutine's lane at an instant and selects its slice there (keeping the zoom). */
  reveal(place: TimelinePlace, keepZoom: boolean): void;
  announce(text: string): void;
  invalidate(): void;
}

export class FollowRelations {
  /** The selection the last request was for (an answer for an older one is dropped). */
  private asked: SliceRef | undefined;

  constructor(private readonly d: FollowDeps) {
    for (const [which, b] of Object.entries(d.buttons) as [Relation, HTMLButtonElement][]) b.addEventListener('click', () => this.follow(which));
    this.update();
  }

  /** The selection changed: ask for its relations if it is a goroutine's slice. */
  selected(ref: SliceRef | undefined): void {
    const m = this.d.model;
    m.relations = undefined;
    this.asked = ref;
    this.update();
    const g = ref && /^g(\d+)$/.exec(ref.lane);
    if (!ref || !g || !this.d.source.relations) return;
    this.d.source.relations({ goroutine: Number(g[1]), atNs: (ref.startNs + ref.endNs) / 2 }).then(
      (r) => {
        if (this.asked !== ref) return;
        m.relations = r;
        this.update();
        this.d.invalidate();
      },
      () => undefined,
    );
  }

  follow(which: Relation): void {
    const m = this.d.model;
    const t = targetOf(m.relations, which);
    if (!t) {
      this.d.announce(relationText(m.relations, which));
      return;
    }
    const duration = m.layout?.durationNs ?? 0;
    if (t.kind === 'span') {
      const ref = { lane: `g${t.goroutine}`, startNs: t.span.startNs, endNs: t.span.endNs };
      m.selected = ref;
      this.d.setViewport(followViewport(m.viewport, ref.startNs, ref.endNs, duration));
      this.d.announce(`Selected G${t.goroutine}'s ${which === 'prev' ? 'previous' : 'next'} slice`);
      this.selected(ref);
      this.d.invalidate();
      return;
    }
    const text = `${which === 'unblocker' ? 'the unblocker' : 'the creator'}, G${t.goroutine}`;
    const go = (place: TimelinePlace | undefined) => this.d.reveal({ ...(place ?? { lane: `g${t.goroutine}` }), startNs: t.atNs, endNs: t.atNs, text }, true);
    if (this.d.source.goroutinePlace) this.d.source.goroutinePlace(t.goroutine).then(go, () => go(undefined));
    else go(undefined);
  }

  private update(): void {
    const r = this.d.model.relations;
    for (const [which, b] of Object.entries(this.d.buttons) as [Relation, HTMLButtonElement][]) {
      b.disabled = !targetOf(r, which);
      b.title = r ? relationText(r, which) : 'Select a goroutine slice';
    }
  }
}
