/**
 * The timeline's elements: a toolbar (zoom to fit, zoom to selection, group order, the visible
 * and selected ranges), the overview and ruler canvases, the scrolled lanes canvas (sticky, with
 * a spacer giving the scroll height), the tooltip and an aria-live region. Text only through
 * textContent (el()).
 */
import { el } from '../dom.js';

export function buildTimelineDom() {
  const root = el('div', 'timeline');
  const toolbar = el('div', 'timeline-toolbar');
  const fitButton = el('button', 'timeline-button', 'Zoom to fit');
  const selButton = el('button', 'timeline-button', 'Zoom to selection');
  const sortLabel = el('label', 'timeline-sort', 'Sort groups by ');
  const sortSelect = el('select', 'timeline-sort-select');
  for (const [value, text] of [['start', 'start'], ['running', 'running time'], ['blocked', 'blocked time'], ['name', 'name']]) {
    const o = el('option', undefined, text);
    o.value = value;
    sortSelect.appendChild(o);
  }
  sortLabel.appendChild(sortSelect);
  // Cause and effect of the selected goroutine slice (causeEffect.ts); enabled when it has them.
  const relationButtons = {
    prev: el('button', 'timeline-button', '['),
    next: el('button', 'timeline-button', ']'),
    unblocker: el('button', 'timeline-button', 'Unblocked by'),
    creator: el('button', 'timeline-button', 'Created by'),
  };
  for (const b of Object.values(relationButtons)) b.disabled = true;
  relationButtons.prev.setAttribute('aria-label', 'Previous slice of this goroutine');
  relationButtons.next.setAttribute('aria-label', 'Next slice of this goroutine');
  const rangeText = el('span', 'timeline-range');
  const selectionText = el('span', 'timeline-selection');
  toolbar.append(fitButton, selButton, sortLabel, ...Object.values(relationButtons), rangeText, selectionText);
  const overview = el('canvas', 'timeline-overview');
  const ruler = el('canvas', 'timeline-ruler');
  const scroller = el('div', 'timeline-scroller');
  const lanes = el('canvas', 'timeline-lanes');
  lanes.tabIndex = 0;
  lanes.setAttribute('role', 'application');
  lanes.setAttribute('aria-label', 'Timeline. W and S zoom, A and D pan, arrows move between lanes and slices, Enter selects.');
  lanes.setAttribute('aria-roledescription', 'timeline');
  const spacer = el('div', 'timeline-spacer');
  scroller.append(lanes, spacer);
  const tooltip = el('div', 'timeline-tooltip');
  tooltip.setAttribute('role', 'tooltip');
  tooltip.hidden = true;
  const live = el('div', 'timeline-live');
  live.setAttribute('aria-live', 'polite');
  root.append(toolbar, overview, ruler, scroller, tooltip, live);

  return { root, fitButton, selButton, relationButtons, sortSelect, rangeText, selectionText, overview, ruler, scroller, lanes, spacer, tooltip, live };
}
