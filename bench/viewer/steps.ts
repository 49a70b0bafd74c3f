/**
 * What the bench does once the viewer is ready, each step timed and bounded (a deadline per
 * step; a step that runs out records "timeout" and the bench goes on):
 *   expand a goroutine, a proc and a thread under their summary roots, until the first page of
 *   their events is visible; apply a filter until its first match shows and until the filter
 *   bar's count says it is complete; Show Wire Dump until the document shows its text.
 * Rows are found through the webview DOM contract (docs/ARCHITECTURE.md). The roots are the last
 * rows of the tree: the End key brings them on screen; ArrowLeft collapses again afterwards, so
 * that every step starts from the same collapsed tree.
 */
import type { Frame, Locator } from 'playwright-core';
import { rowInfo, treeRows, waitTreeIdle, type VSCode } from '../../test/e2e/harness';

export interface StepResult {
  /** 'ok', 'timeout', or 'error: ...'. */
  status: string;
  /** Milliseconds from the action to the first thing shown (first event row, first match, dump text). */
  firstMs?: number;
  /** Milliseconds from the action to complete (page loaded, all matches counted). */
  allMs?: number;
  /** What was expanded or filtered, and what the viewer said about it. */
  target?: string;
  detail?: string;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

class Deadline {
  private readonly end: number;
  constructor(ms: number) { this.end = Date.now() + ms; }
  left(): number {
    const l = this.end - Date.now();
    if (l <= 0) throw new StepTimeout();
    return l;
  }
}
class StepTimeout extends Error { constructor() { super('timeout'); } }

/** Runs a step with its deadline: a timeout (ours or playwright's) becomes status "timeout". */
export async function step(name: string, timeoutMs: number, fn: (d: Deadline) => Promise<StepResult>): Promise<StepResult> {
  const d = new Deadline(timeoutMs);
  let timer: NodeJS.Timeout | undefined;
  const hardStop = new Promise<StepResult>((resolve) => { timer = setTimeout(() => resolve({ status: 'timeout' }), timeoutMs + 5000); });
  try {
    const r = await Promise.race([fn(d), hardStop]);
    return r;
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    if (e instanceof StepTimeout || (e instanceof Error && e.name === 'TimeoutError')) return { status: 'timeout', detail: msg.split('\n')[0] };
    return { status: `error: ${msg.split('\n')[0]}` };
  } finally {
    clearTimeout(timer);
    if (!process.env.E2E_QUIET) console.log(`      [bench] ${name} finished`);
  }
}

const rootRow = (wv: Frame, label: string) =>
  treeRows(wv, 'generation-tree', new RegExp(`^${label}$`)).and(wv.locator('[data-kind=summaryRoot][aria-level="1"]')).first();

/** Brings the summary roots on screen: focus the tree and press Home (they are its first rows). */
export async function showRoots(wv: Frame, d: Deadline): Promise<void> {
  const tree = wv.locator('#generation-tree');
  await tree.focus({ timeout: d.left() });
  await tree.press('Home', { timeout: d.left() });
  await waitTreeIdle(wv, 'generation-tree', d.left());
}

/** Labels of the summary root rows on screen (after showRoots). */
export async function rootLabelsInDom(wv: Frame): Promise<string[]> {
  const rows = wv.locator('#generation-tree [role=treeitem][data-kind=summaryRoot][aria-level="1"]').filter({ visible: true });
  return Promise.all((await rows.all()).map(async (r) => (await rowInfo(r)).label.trim()));
}

/** Selects a row (a click on its label) and expands it with ArrowRight; resolves at the key press. */
async function expandByKey(row: Locator, d: Deadline): Promise<number> {
  await row.scrollIntoViewIfNeeded({ timeout: d.left() });
  await row.locator('.label').click({ timeout: d.left() });
  await sleep(300); // let the selection settle, so the figure is the expansion's
  const t0 = Date.now();
  await row.press('ArrowRight', { timeout: d.left() });
  return t0;
}

/** Collapses a selected, expanded level-2 row and its root: ArrowLeft three times. */
async function collapseBack(wv: Frame, rootLabel: string): Promise<void> {
  try {
    for (let i = 0; i < 3; i++) { await wv.locator('#generation-tree').press('ArrowLeft', { timeout: 5000 }); await sleep(200); }
    await rootRow(wv, rootLabel).waitFor({ timeout: 10_000 });
    if ((await rootRow(wv, rootLabel).getAttribute('aria-expanded')) !== 'false') console.log(`      [bench] ${rootLabel} did not collapse`);
  } catch (e) {
    console.log(`      [bench] collapsing ${rootLabel}: ${e instanceof Error ? e.message.split('\n')[0] : e}`);
  }
}

/** Nanoseconds of "running X unit" in a row description, for picking the busiest row. */
function runningNs(description: string): number {
  const m = /running ([\d.]+) (ns|µs|ms|s)\b/.exec(description);
  if (!m) return -1;
  return Number(m[1]) * { ns: 1, µs: 1e3, ms: 1e6, s: 1e9 }[m[2] as 'ns' | 'µs' | 'ms' | 's'];
}

/** "N events" in a proc's or thread's tooltip. */
function eventsInTooltip(title: string | null): number {
  const m = /^([\d,]+) events?$/m.exec(title ?? '');
  return m ? Number(m[1].replace(/,/g, '')) : -1;
}

export interface ChildPick {
  /** The root: Goroutines, Procs or Threads. */
  root: string;
  kind: 'goroutine' | 'proc' | 'osThread';
  /** The row's label starts with this (e.g. "G 121", "P 0"), or undefined: the busiest on screen. */
  label?: string;
}

/**
 * Expands `pick.root`, finds the child (scrolling down a screen at a time when it is not on
 * screen), expands it, and times its first page of events: the first event row at level 3 shown,
 * then no loading placeholder left.
 */
export async function expandChild(wv: Frame, pick: ChildPick, d: Deadline): Promise<StepResult> {
  await showRoots(wv, d);
  const root = rootRow(wv, pick.root);
  const rootStart = await expandByKey(root, d);
  const children = wv.locator(`#generation-tree [role=treeitem][aria-level="2"][data-kind=${pick.kind}]`).filter({ visible: true });
  await children.first().waitFor({ timeout: d.left() });
  await waitTreeIdle(wv, 'generation-tree', d.left());
  const rootMs = Date.now() - rootStart;

  let target: Locator | undefined;
  if (pick.label) {
    const want = new RegExp(`^${pick.label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(\\s|$)`);
    const tree = wv.locator('#generation-tree');
    for (let i = 0; i < 200 && !target; i++) {
      const hit = children.filter({ has: wv.locator('.label', { hasText: want }) });
      if ((await hit.count()) > 0) target = hit.first();
      else {
        await tree.press('PageDown', { timeout: d.left() });
        await waitTreeIdle(wv, 'generation-tree', d.left());
      }
    }
    if (!target) throw new Error(`no row ${pick.label} under ${pick.root}`);
  } else {
    let best = -1;
    for (const r of await children.all()) {
      const score = pick.kind === 'goroutine' ? runningNs((await rowInfo(r)).description) : eventsInTooltip(await r.getAttribute('title'));
      if (score > best) { best = score; target = r; }
    }
    if (!target) throw new Error(`no rows under ${pick.root}`);
  }
  const info = await rowInfo(target);
  const t0 = await expandByKey(target, d);
  await wv.locator('#generation-tree [role=treeitem][aria-level="3"][data-kind=event]').filter({ visible: true }).first().waitFor({ timeout: d.left() });
  const firstMs = Date.now() - t0;
  await waitTreeIdle(wv, 'generation-tree', d.left());
  const allMs = Date.now() - t0;
  const setSize = await wv.locator('#generation-tree [role=treeitem][aria-level="3"]').filter({ visible: true }).first().getAttribute('aria-setsize');
  await collapseBack(wv, pick.root);
  return {
    status: 'ok', firstMs, allMs, target: `${info.label.trim()} (${setSize ?? '?'} rows)`,
    detail: `${pick.root} expanded in ${rootMs} ms; ${info.description.trim()}`,
  };
}

export interface FilterSpec {
  /** 'type' (#filter-type, an event type name), or an input: 'goroutine', 'proc', 'thread', 'text', 'from', 'to'. */
  field: string;
  value: string;
}

/** "type=GoBlock;goroutine=121" → specs. */
export function parseFilters(text: string): FilterSpec[] {
  return text.split(';').map((s) => s.trim()).filter(Boolean).map((s) => {
    const i = s.indexOf('=');
    return { field: s.slice(0, i), value: s.slice(i + 1) };
  });
}

/** Applies one filter and times its first match row and its final count; then clears it. */
export async function applyFilter(wv: Frame, f: FilterSpec, d: Deadline): Promise<StepResult> {
  const status = wv.locator('#filter-status');
  const matchRows = wv.locator('#generation-tree [role=treeitem][aria-level="1"][data-kind=event]').filter({ visible: true });
  let t0: number;
  if (f.field === 'type') {
    const select = wv.locator('#filter-type');
    // the type list comes from the host's eventTypes message; wait for the option
    await select.locator(`option[value="${f.value}"]`).waitFor({ state: 'attached', timeout: d.left() });
    t0 = Date.now();
    await select.selectOption(f.value, { timeout: d.left() });
  } else {
    const input = wv.locator(`#filter-${f.field}`);
    await input.fill(f.value, { timeout: d.left() });
    t0 = Date.now();
    await input.press('Enter', { timeout: d.left() });
  }
  // first match: an event row at the top level (the generation tree becomes the matches)
  const first = matchRows.first().waitFor({ timeout: d.left() }).then(() => Date.now() - t0, () => undefined);
  // all matches: the status says "N events match" (or "1 event matches"), the bar is not busy
  await status.filter({ hasText: /\bmatch(es)?\b/ }).waitFor({ timeout: d.left() });
  const allMs = Date.now() - t0;
  const statusText = (await status.innerText()).trim();
  // no match row to wait for when nothing matches
  const firstMs = /^0 events/.test(statusText) ? undefined : await first;
  await clearFilter(wv, d);
  return { status: 'ok', firstMs, allMs, target: `${f.field}=${f.value}`, detail: statusText };
}

async function clearFilter(wv: Frame, d: Deadline): Promise<void> {
  await wv.locator('#filter-clear').click({ timeout: d.left() }).catch(() => undefined);
  await wv.locator('#filter-status').filter({ hasText: /^\s*[\d,]+ events\s*$/ }).waitFor({ timeout: d.left() });
  await wv.locator('#generation-tree [role=treeitem][aria-level="1"][data-kind=generation]').filter({ visible: true }).first().waitFor({ timeout: d.left() });
}

/** Show Wire Dump from the command palette: until its tab is active and shows text. */
export async function showWireDump(vs: VSCode, traceName: string, d: Deadline): Promise<StepResult> {
  await vs.focusWorkbench();
  await vs.page.keyboard.press('F1');
  const input = vs.page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: d.left() });
  await input.fill('>Go Trace: Show Wire Dump');
  const row = vs.page.locator('.quick-input-list .monaco-list-row').filter({ has: vs.page.locator('.label-name', { hasText: /^\s*Go Trace: Show Wire Dump\s*$/ }) }).first();
  await row.waitFor({ timeout: d.left() });
  const t0 = Date.now();
  await vs.page.keyboard.press('Enter');
  // The window at the selected event (name.wire@START.txt), or the dump's start (name.wire.txt).
  const tab = vs.page.locator(`.tab[data-resource-name^="${traceName}.wire"]`).first();
  await tab.waitFor({ timeout: d.left() });
  const firstMs = Date.now() - t0;
  const line = vs.page.locator('.editor-group-container.active .monaco-editor .view-lines .view-line').filter({ hasText: /\S/ }).first();
  await line.waitFor({ timeout: d.left() });
  const allMs = Date.now() - t0;
  return { status: 'ok', firstMs, allMs, target: `${traceName}.wire.txt`, detail: ((await line.textContent()) ?? '').trim().slice(0, 80) };
}
