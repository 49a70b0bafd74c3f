/**
 * The lines of the "Show Wire Dump" document: what `go-trace wire` (Go's `go tool trace -d=wire`)
 * prints for a raw event, how many lines that takes, and the map from byte offsets to lines, so
 * problem links and "Show Wire Dump" land on the line of the raw event that holds the byte. The
 * document itself is built a window at a time (wireDumpWindow.ts).
 *
 * An event takes 1 line, plus one per stack frame, plus one for its data: the same count whether
 * or not the text is built, so the worker can place problems without building the text.
 */
import { formatRawEvent, V1Ev, type RawEvent, type V1RawEvent } from '../../parser/index.js';

export class WireLineMap {
  /** File offset of each event, ascending, and the line its text starts on. */
  private readonly offsets: number[] = [];
  private readonly lines: number[] = [];

  add(offset: number, line: number): void {
    this.offsets.push(offset);
    this.lines.push(line);
  }

  /** The line of the last event starting at or before `offset`; 0 (the header line) before the first. */
  lineOf(offset: number): number {
    let lo = 0;
    let hi = this.offsets.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      if (this.offsets[mid] <= offset) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return found < 0 ? 0 : this.lines[found];
  }
}

/** Lines an event takes in the dump (see the file comment). */
export function wireLineCount(ev: RawEvent): number {
  if (ev.deferred) return 2;
  const frames = ev.spec.isStack ? Math.max(0, (ev.args.length - ev.spec.args.length) >> 2) : 0;
  return 1 + frames + (ev.data !== null ? 1 : 0);
}

/** A raw v2 event's text, without the final newline. */
export function rawEventText(ev: RawEvent): string {
  if (!ev.deferred) return formatRawEvent(ev);
  // An event too large to hold in memory (a huge stack or data): its header and a note, 2 lines.
  const header = formatRawEvent({ ...ev, deferred: null, data: null, args: ev.args.slice(0, ev.spec.args.length) });
  const what = ev.deferred.kind === 'frames' ? `${ev.deferred.count} frames` : `${ev.deferred.count} data bytes`;
  return `${header}\n\t(${what} at byte ${ev.deferred.offset} not shown: too large)`;
}

/** Lines a raw v1 event takes in the dump (formatV1RawEvent's text). */
export function v1WireLineCount(ev: V1RawEvent): number {
  if (ev.stringBytes) return 2;
  let n = 1;
  if (ev.type === V1Ev.Stack) for (let k = 2; k + 3 < ev.n; k += 4) n++;
  if (ev.type === V1Ev.UserLog && ev.message !== undefined) n++;
  return n;
}
