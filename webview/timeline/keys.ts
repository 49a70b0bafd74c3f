/**
 * The timeline's keys: W/S zoom and A/D pan as in `go tool trace` and Perfetto (Shift for bigger
 * steps), arrows move the keyboard focus between lanes and slices, Enter selects; [ and ] step to
 * the previous and next slice of the selected goroutine, U to its unblocker, C to its creator. Pure.
 */

export type KeyAction =
  | { kind: 'zoom'; factor: number }
  | { kind: 'pan'; fraction: number }
  | { kind: 'row'; delta: number }
  | { kind: 'slice'; delta: number }
  | { kind: 'activate' }
  | { kind: 'fit' }
  | { kind: 'zoomSelection' }
  | { kind: 'relation'; which: Relation }
  | { kind: 'clear' };

import type { Relation } from './causeEffect.js';

export interface KeyLike {
  key: string;
  shiftKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
}

export const ZOOM_STEP = 0.8;
export const PAN_STEP = 0.1;

export function keyAction(e: KeyLike): KeyAction | undefined {
  if (e.ctrlKey || e.metaKey || e.altKey) return undefined; // leave editor shortcuts alone
  const big = e.shiftKey;
  switch (e.key.toLowerCase()) {
    case 'w':
      return { kind: 'zoom', factor: big ? ZOOM_STEP * ZOOM_STEP * ZOOM_STEP : ZOOM_STEP };
    case 's':
      return { kind: 'zoom', factor: 1 / (big ? ZOOM_STEP * ZOOM_STEP * ZOOM_STEP : ZOOM_STEP) };
    case 'a':
      return { kind: 'pan', fraction: -(big ? 5 * PAN_STEP : PAN_STEP) };
    case 'd':
      return { kind: 'pan', fraction: big ? 5 * PAN_STEP : PAN_STEP };
    case 'arrowup':
      return { kind: 'row', delta: -1 };
    case 'arrowdown':
      return { kind: 'row', delta: 1 };
    case 'pageup':
      return { kind: 'row', delta: -20 };
    case 'pagedown':
      return { kind: 'row', delta: 20 };
    case 'arrowleft':
      return { kind: 'slice', delta: -1 };
    case 'arrowright':
      return { kind: 'slice', delta: 1 };
    case 'enter':
    case ' ':
      return { kind: 'activate' };
    case '0':
    case 'f':
      return { kind: 'fit' };
    case 'z':
      return { kind: 'zoomSelection' };
    case 'escape':
      return { kind: 'clear' };
    case '[':
      return { kind: 'relation', which: 'prev' };
    case ']':
      return { kind: 'relation', which: 'next' };
    case 'u':
      return { kind: 'relation', which: 'unblocker' };
    case 'c':
      return { kind: 'relation', which: 'creator' };
  }
  return undefined;
}
