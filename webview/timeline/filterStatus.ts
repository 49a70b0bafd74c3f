/**
 * The timeline toolbar's filter text ("Filter: 12 of 340 visible slices match"), kept up to date
 * after each draw, with a title saying how the filter bar's fields apply to slices. The text is
 * said once through the view's live region after the filter changes, not on every pan or zoom.
 */
import { el } from '../dom.js';
import { filterStatusText, type FilterCount, type SliceMatcher } from './sliceFilter.js';

const HOW =
  'Slices matching the filter bar are outlined, the others dimmed. Goroutine: its lane, and the proc and thread slices running it; ' +
  'proc: its lane, and the slices on it; thread: its lane; time: slices overlapping the range; text: the slice, its lane, or a region or log on it.';
const NO_TYPES = ' Event types have no slice to match and are left out of the timeline.';

export class FilterStatus {
  readonly element = el('span', 'timeline-filter');
  private matcher: SliceMatcher | undefined;
  private toAnnounce = false;

  constructor() {
    this.element.hidden = true;
  }

  /** The filter changed; undefined or inactive matchers show no count. */
  set(matcher: SliceMatcher | undefined): void {
    // Said when a filter is set, changed or cleared; an empty filter over none says nothing.
    this.toAnnounce = shows(this.matcher) || shows(matcher);
    this.matcher = matcher;
  }

  /** After a draw with this count: the text shown; returns it once after a change, to announce. */
  update(count: FilterCount | undefined): string | undefined {
    const text = filterStatusText(this.matcher, count) ?? '';
    if (this.element.textContent !== text) this.element.textContent = text;
    this.element.hidden = text === '';
    const title = this.matcher ? HOW + (this.matcher.ignoresEventTypes ? NO_TYPES : '') : '';
    if (this.element.title !== title) this.element.title = title;
    if (!this.toAnnounce) return undefined;
    this.toAnnounce = false;
    return text || 'Timeline filter cleared';
  }
}

function shows(m: SliceMatcher | undefined): boolean {
  return m !== undefined && (m.active || m.ignoresEventTypes);
}
