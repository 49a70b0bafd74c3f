/**
 * Which rows of a virtualized list are on screen, and where to draw them. Pure arithmetic, no DOM.
 *
 * Browsers cap an element's height (Chromium at about 33.5 million px), so a list of millions of
 * 22 px rows cannot have a spacer of its true height. Above MAX_SCROLL_HEIGHT the spacer is
 * capped and the scrollbar position is mapped proportionally onto the "virtual" scroll offset:
 * the scrollbar still spans the whole list, and rows are drawn relative to the viewport.
 */

/** Tallest spacer we create; comfortably below every browser's limit. */
export const MAX_SCROLL_HEIGHT = 10_000_000;

export interface ScrollGeometry {
  rowCount: number;
  rowHeight: number;
  viewportHeight: number;
}

/** Height of the spacer element for the list. */
export function spacerHeight(g: ScrollGeometry): number {
  return Math.min(g.rowCount * g.rowHeight, MAX_SCROLL_HEIGHT);
}

/** Ratio virtual px per physical px of scrollbar travel (1 unless the list is capped). */
export function scrollScale(g: ScrollGeometry): number {
  const virtualTravel = g.rowCount * g.rowHeight - g.viewportHeight;
  const physicalTravel = spacerHeight(g) - g.viewportHeight;
  if (virtualTravel <= 0 || physicalTravel <= 0) return 1;
  return virtualTravel / physicalTravel;
}

/** Largest virtual scroll offset. */
export function maxVirtualTop(g: ScrollGeometry): number {
  return Math.max(0, g.rowCount * g.rowHeight - g.viewportHeight);
}

export function clampVirtualTop(g: ScrollGeometry, virtualTop: number): number {
  return Math.min(Math.max(0, virtualTop), maxVirtualTop(g));
}

/** The element's scrollTop for a virtual offset. */
export function physicalTop(g: ScrollGeometry, virtualTop: number): number {
  return clampVirtualTop(g, virtualTop) / scrollScale(g);
}

/** The virtual offset for the element's scrollTop. */
export function virtualTopFromPhysical(g: ScrollGeometry, scrollTop: number): number {
  return clampVirtualTop(g, scrollTop * scrollScale(g));
}

export interface VisibleRange {
  /** First row to draw (inclusive). */
  first: number;
  /** Row after the last row to draw (exclusive). */
  end: number;
}

/** Rows to draw for a virtual offset, with `overscan` extra rows above and below. */
export function visibleRange(g: ScrollGeometry, virtualTop: number, overscan = 4): VisibleRange {
  if (g.rowCount <= 0 || g.rowHeight <= 0) return { first: 0, end: 0 };
  const top = clampVirtualTop(g, virtualTop);
  const first = Math.max(0, Math.floor(top / g.rowHeight) - overscan);
  const end = Math.min(g.rowCount, Math.ceil((top + g.viewportHeight) / g.rowHeight) + overscan);
  return { first, end: Math.max(first, end) };
}

/** Where row `row` is drawn inside the spacer (its translateY), given both offsets. */
export function rowOffset(g: ScrollGeometry, row: number, virtualTop: number, physicalScrollTop: number): number {
  return physicalScrollTop + row * g.rowHeight - virtualTop;
}

/**
 * The virtual offset that brings `row` fully into view, moving as little as possible
 * (unchanged if it is already visible).
 */
export function revealRow(g: ScrollGeometry, virtualTop: number, row: number): number {
  const rowTop = row * g.rowHeight;
  const rowBottom = rowTop + g.rowHeight;
  if (rowTop < virtualTop) return clampVirtualTop(g, rowTop);
  if (rowBottom > virtualTop + g.viewportHeight) return clampVirtualTop(g, rowBottom - g.viewportHeight);
  return virtualTop;
}

/** Whole rows that fit in the viewport (at least 1): the PageUp/PageDown step. */
export function rowsPerPage(g: ScrollGeometry): number {
  return Math.max(1, Math.floor(g.viewportHeight / g.rowHeight));
}
