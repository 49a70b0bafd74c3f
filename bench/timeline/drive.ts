/**
 * How bench:timeline drives the Timeline pane, through its UI only (keys and the wheel, as a
 * user would; webview/timeline/keys.ts and timelineInput.ts):
 *   expandAllGroups  every goroutine group opened with the keyboard: PageDown to the last row
 *                    (the last group's header while all are closed), then ArrowRight (opens a
 *                    header) and ArrowUp (the group above, still closed) once per group, so each
 *                    press lands on a header whatever the groups' sizes;
 *   drive            from the whole trace (0) zoom in to the narrowest span (1 µs) with W and the
 *                    wheel over the middle of the lanes, panning with D, A and Shift+D/A at
 *                    several zoom levels on the way and at the bottom, then zoom out with S and
 *                    the wheel to the whole trace again. Keys come at a key-repeat pace
 *                    (BENCH_KEY_MS, default 33 ms); each phase change is marked in the page.
 */
import type { Frame } from 'playwright-core';
import type { VSCode } from '../../test/e2e/harness';
import { HEADER_WIDTH } from '../../webview/timeline/laneDrawing.js';
import { ZOOM_STEP } from '../../webview/timeline/keys.js';
import { MIN_SPAN_NS } from '../../webview/timeline/timeMapping.js';

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
export const LANES = '#timeline-pane canvas.timeline-lanes';

/** Marks the start of a phase in the page (performance.now(), the frame records' clock). */
export const markPhase = (wv: Frame, name: string) =>
  wv.evaluate((n) => {
    const w = window as unknown as { __benchPhases?: [string, number][] };
    (w.__benchPhases ??= []).push([n, performance.now()]);
  }, name);

export interface ExpandResult { groups: number; ms: number; spacerPx: number; expectedPx: number }

/** Opens every goroutine group by the keyboard (see above); the lanes canvas keeps the focus. */
export async function expandAllGroups(vs: VSCode, wv: Frame, groups: number, rowsClosed: number, expectedPx: number): Promise<ExpandResult> {
  const canvas = wv.locator(LANES);
  await canvas.focus();
  const t0 = Date.now();
  for (let i = 0; i < Math.ceil(rowsClosed / 20) + 1; i++) await vs.page.keyboard.press('PageDown');
  for (let i = 0; i < groups; i++) {
    await vs.page.keyboard.press('ArrowRight');
    await vs.page.keyboard.press('ArrowUp');
  }
  // The spacer gives the scroll height: rows' total height minus the lanes' height.
  const spacerPx = await wv.evaluate(() => {
    const s = document.querySelector('#timeline-pane .timeline-spacer') as HTMLElement | null;
    const sc = document.querySelector('#timeline-pane .timeline-scroller') as HTMLElement | null;
    return (s ? parseFloat(s.style.height) || 0 : 0) + (sc ? sc.clientHeight : 0);
  });
  const ms = Date.now() - t0;
  // Down one page: the screen full of goroutine lanes (the first groups' lanes).
  await vs.page.keyboard.press('PageDown');
  return { groups, ms, spacerPx, expectedPx };
}

export interface DriveOptions {
  durationNs: number;
  keyMs: number;
  /** Zoom steps between pan bursts. */
  panEvery: number;
}

export interface DriveResult {
  zoomSteps: number; panKeys: number; wheelEvents: number; ms: number;
  /** How long each key press or wheel notch took playwright to deliver (ms). */
  inputMs: number[];
  /** The visible range at each pan burst, at the narrowest zoom and at the end. */
  ranges: string[]; narrowest: string; end: string;
}

export async function drive(vs: VSCode, wv: Frame, o: DriveOptions): Promise<DriveResult> {
  const canvas = wv.locator(LANES);
  const size = await canvas.evaluate((c) => ({ w: c.clientWidth, h: c.clientHeight }));
  // The pointer in the middle of the slice area: wheel zooms (and W, once the pointer has moved
  // there) anchor on it. hover() places it through the frames' own offsets.
  await canvas.hover({ position: { x: HEADER_WIDTH + Math.max(1, size.w - HEADER_WIDTH) / 2, y: Math.max(1, size.h / 2) } });
  await canvas.focus();
  const range = () => wv.locator('#timeline-pane .timeline-range').innerText().then((t) => t.trim(), () => '?');
  const steps = Math.ceil(Math.log(Math.max(2, o.durationNs / MIN_SPAN_NS)) / Math.log(1 / ZOOM_STEP)) + 2;
  let next = Date.now();
  const inputMs: number[] = [];
  const ranges: string[] = [];
  const paced = async (act: () => Promise<void>) => {
    next += o.keyMs;
    const t = Date.now();
    await act();
    inputMs.push(Date.now() - t);
    const wait = next - Date.now();
    if (wait > 0) await sleep(wait);
    else next = Date.now();
  };
  const key = (k: string) => paced(() => vs.page.keyboard.press(k));
  const wheel = (dy: number) => paced(() => vs.page.mouse.wheel(0, dy));
  let panKeys = 0;
  let wheels = 0;
  const panBurst = async () => {
    ranges.push(await range());
    await markPhase(wv, 'pan');
    for (const k of ['d', 'd', 'd', 'd', 'Shift+D', 'a', 'a', 'a', 'a', 'a', 'a', 'a', 'a', 'Shift+A', 'd', 'd', 'd', 'd']) {
      await key(k);
      panKeys++;
    }
  };

  const t0 = Date.now();
  await key('0');
  await sleep(500);
  next = Date.now();
  await markPhase(wv, 'zoom in');
  for (let i = 0; i < steps; i++) {
    // every fourth step a wheel notch up (zooms in about 1.26x at the pointer), else W (1.25x)
    if (i % 4 === 3) {
      await wheel(-100);
      wheels++;
    } else await key('w');
    if ((i + 1) % o.panEvery === 0 && i + 1 < steps) {
      await panBurst();
      await markPhase(wv, 'zoom in');
    }
  }
  await panBurst();
  const narrowest = await range();
  await markPhase(wv, 'zoom out');
  for (let i = 0; i < steps; i++) {
    if (i % 4 === 3) {
      await wheel(100);
      wheels++;
    } else await key('s');
  }
  const ms = Date.now() - t0;
  return { zoomSteps: 2 * steps, panKeys, wheelEvents: wheels, ms, inputMs, ranges, narrowest, end: await range() };
}
