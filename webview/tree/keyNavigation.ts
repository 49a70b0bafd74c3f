/** Where the cursor goes for the tree's movement keys. Pure: row numbers in, row number out. */

export type MoveKey = 'ArrowUp' | 'ArrowDown' | 'Home' | 'End' | 'PageUp' | 'PageDown';

export function isMoveKey(key: string): key is MoveKey {
  return key === 'ArrowUp' || key === 'ArrowDown' || key === 'Home' || key === 'End' || key === 'PageUp' || key === 'PageDown';
}

/**
 * The row to move to from `current` (-1 when nothing is selected) in a list of `rowCount` rows
 * of which `pageRows` fit on screen. Like VS Code's lists, PageDown first goes to the bottom of
 * the visible page, then a page further.
 */
export function moveTarget(key: MoveKey, current: number, rowCount: number, pageRows: number, firstVisible: number): number {
  if (rowCount <= 0) return -1;
  const last = rowCount - 1;
  const clamp = (r: number) => Math.min(last, Math.max(0, r));
  if (current < 0) return key === 'End' || key === 'ArrowUp' ? last : 0;
  switch (key) {
    case 'ArrowUp':
      return clamp(current - 1);
    case 'ArrowDown':
      return clamp(current + 1);
    case 'Home':
      return 0;
    case 'End':
      return last;
    case 'PageDown': {
      const bottom = firstVisible + pageRows - 1;
      return clamp(current < bottom ? bottom : current + pageRows - 1);
    }
    case 'PageUp': {
      const top = firstVisible;
      return clamp(current > top ? top : current - pageRows + 1);
    }
  }
}
