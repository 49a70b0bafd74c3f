/**
 * The summary header: the trace's vital figures from TraceSummary, a progress bar while the
 * host is still reading, and the #banner for truncated or broken traces. Each figure is in an
 * element with data-field=<TraceSummary key> (the DOM contract the end-to-end tests use).
 */
import type { TraceSummary } from '../src/shared/protocol.js';
import { codicon, el } from './dom.js';
import { formatBytes, formatCount, formatDuration } from './format.js';

type Field = keyof TraceSummary;

/** Figures in display order: the key, its caption, and how to show it (undefined: hide it). */
const FIGURES: { key: Field; caption: string; show(s: TraceSummary): string | undefined }[] = [
  { key: 'goReleases', caption: 'Go', show: (s) => s.goReleases },
  { key: 'formatVersion', caption: 'Format', show: (s) => (s.formatVersion === undefined ? undefined : formatVersion(s.formatVersion)) },
  { key: 'fileSize', caption: 'Size', show: (s) => `${formatBytes(s.fileSize)} (${formatCount(s.fileSize)} bytes)` },
  { key: 'wallClockStart', caption: 'Started', show: (s) => (s.wallClockStart === undefined ? undefined : formatWallClock(s.wallClockStart)) },
  { key: 'durationNs', caption: 'Duration', show: (s) => (s.durationNs === undefined ? undefined : formatDuration(s.durationNs)) },
  { key: 'generations', caption: 'Generations', show: (s) => formatGenerations(s) },
  { key: 'threads', caption: 'Threads', show: (s) => formatCount(s.threads) },
  { key: 'procs', caption: 'Procs', show: (s) => formatCount(s.procs) },
  { key: 'goroutines', caption: 'Goroutines', show: (s) => `${formatCount(s.goroutines)}${s.summaries === 'computing' ? ' (summarizing…)' : ''}` },
  { key: 'tasks', caption: 'Tasks', show: (s) => (s.tasks === undefined ? undefined : formatCount(s.tasks)) },
  { key: 'regions', caption: 'Regions', show: (s) => (s.regions === undefined ? undefined : formatCount(s.regions)) },
  { key: 'events', caption: 'Events', show: (s) => formatCount(s.events) },
  { key: 'cpuSamples', caption: 'CPU samples', show: (s) => formatCount(s.cpuSamples) },
  { key: 'problems', caption: 'Problems', show: (s) => formatProblems(s.problems) },
  { key: 'flightRecorderWindow', caption: 'Flight recorder window', show: (s) => s.flightRecorderWindow },
];

export class SummaryView {
  readonly element: HTMLElement;
  private readonly title = el('h1', 'summary-title');
  private readonly figures = new Map<Field, HTMLElement>();
  private readonly progress = el('progress', 'parse-progress');
  private readonly progressText = el('span', 'progress-text');
  private readonly progressBox = el('div', 'progress-box');

  constructor(
    /** Where the banner goes: it is inserted before this element when needed. */
    private readonly bannerAnchor: () => HTMLElement,
    /** Shown, with a reading state, before the host's first summary arrives. */
    fileName = '',
  ) {
    this.element = el('section', 'summary');
    this.element.id = 'summary';
    this.element.setAttribute('aria-label', 'Trace summary');
    this.title.dataset.field = 'fileName';
    this.title.textContent = fileName || 'Opening trace…';
    if (fileName) this.title.title = fileName;
    const list = el('dl', 'figures');
    for (const f of FIGURES) {
      const item = el('div', 'figure');
      item.hidden = true;
      const value = el('dd');
      value.dataset.field = f.key;
      if (f.key === 'events') value.title = 'events in the trace\'s batches, as the generation rows and Event counts count them (not the Sync event the reader adds per generation)';
      item.append(el('dt', undefined, f.caption), value);
      list.append(item);
      this.figures.set(f.key, value);
    }
    this.progress.setAttribute('aria-label', 'Reading the trace');
    this.progressText.dataset.field = 'parsedBytes';
    // Before the first summary: an indeterminate bar (no value) and what is going on.
    this.progressText.textContent = `Reading${fileName ? ` ${fileName}` : ''}…`;
    this.progressBox.append(this.progress, this.progressText);
    this.element.append(this.title, list, this.progressBox);
    this.element.setAttribute('aria-busy', 'true');
  }

  update(s: TraceSummary): void {
    this.title.textContent = s.fileName;
    this.title.title = s.fileName;
    for (const f of FIGURES) {
      const value = this.figures.get(f.key)!;
      const text = f.show(s);
      value.parentElement!.hidden = text === undefined;
      value.textContent = text ?? '';
    }
    const problems = this.figures.get('problems')!;
    problems.classList.toggle('has-errors', s.problems.errors > 0);
    problems.classList.toggle('has-warnings', s.problems.errors === 0 && s.problems.warnings > 0);

    this.progressBox.hidden = s.done;
    this.element.setAttribute('aria-busy', String(!s.done));
    if (!s.done) {
      this.progress.max = Math.max(1, s.fileSize);
      this.progress.value = Math.min(s.parsedBytes, s.fileSize);
      const pct = s.fileSize > 0 ? Math.floor((100 * s.parsedBytes) / s.fileSize) : 0;
      this.progressText.textContent = `Reading… ${pct}% (${formatBytes(s.parsedBytes)} of ${formatBytes(s.fileSize)})`;
    }
    this.updateBanner(s.banner);
  }

  /** #banner exists only while the trace is truncated or broken. */
  private updateBanner(banner: TraceSummary['banner']): void {
    let node = document.getElementById('banner');
    if (!banner) {
      node?.remove();
      return;
    }
    if (!node) {
      node = el('div', 'banner');
      node.id = 'banner';
      node.setAttribute('role', 'alert');
      const anchor = this.bannerAnchor();
      anchor.parentElement!.insertBefore(node, anchor);
    }
    node.className = `banner banner-${banner.severity}`;
    node.replaceChildren(codicon(banner.severity === 'error' ? 'error' : 'warning'), el('span', 'banner-text', banner.text));
  }
}

function formatVersion(v: number): string {
  // The header says "go 1.N trace"; the protocol carries N (Go's own numbering of versions).
  return Number.isInteger(v) && v < 100 ? `go 1.${v} trace` : `version ${v}`;
}

function formatGenerations(s: TraceSummary): string {
  const n = formatCount(s.generations);
  if (s.firstGeneration === undefined || s.lastGeneration === undefined) return n;
  return `${n} (${s.firstGeneration}–${s.lastGeneration})`;
}

function formatProblems(p: TraceSummary['problems']): string {
  const parts: string[] = [];
  if (p.errors) parts.push(`${formatCount(p.errors)} error${p.errors === 1 ? '' : 's'}`);
  if (p.warnings) parts.push(`${formatCount(p.warnings)} warning${p.warnings === 1 ? '' : 's'}`);
  if (p.infos) parts.push(`${formatCount(p.infos)} info`);
  return parts.length ? parts.join(', ') : 'none';
}

function formatWallClock(iso: string): string {
  const d = new Date(iso);
  // Keep the host's text if it is not a date we can read; it is shown as text either way.
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
}
