/** Pages of rows: the webview asks for children a page at a time, so no answer is unbounded. */

/** Most rows one request may ask for, whatever the webview sends. */
export const MAX_PAGE = 1000;

export interface Page<T> {
  total: number;
  items: T[];
}

/** Clamps a requested window to [0, total) and a sane size. */
export function pageWindow(total: number, offset: number, limit: number): { start: number; end: number } {
  const start = Number.isSafeInteger(offset) ? Math.min(Math.max(offset, 0), total) : 0;
  const size = Number.isSafeInteger(limit) ? Math.min(Math.max(limit, 0), MAX_PAGE) : 0;
  return { start, end: Math.min(total, start + size) };
}

/** A page of rows made on demand: make(i) is called only for the rows in the window. */
export function pageOf<T>(total: number, offset: number, limit: number, make: (i: number) => T): Page<T> {
  const { start, end } = pageWindow(total, offset, limit);
  const items: T[] = [];
  for (let i = start; i < end; i++) items.push(make(i));
  return { total, items };
}
