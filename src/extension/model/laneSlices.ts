/**
 * The timeline's level of detail for one lane: spans come in time order and leave as slices at
 * most about one per pixel. A span at least a pixel wide is a slice of its own, exact; a run of
 * narrower ones is merged into one slice, drawn as the state that held longest in it, until the
 * run is a pixel wide or a gap of a pixel follows. A span cut at a generation's edge and its
 * continuation in the next generation are joined back into one slice.
 */
import type { LaneSlices } from '../../shared/timeline.js';

/** A span as pushed: times in the query's frame (ns since the trace's first event). */
export interface LaneSpan {
  start: number;
  end: number;
  /** Index into SLICE_STATES. */
  state: number;
  /** Index into the answer's strings, or -1. */
  label: number;
  offset: number;
  goroutine: number;
  proc: number;
  /** 0 exact; 1 from the overview (a bucket's longest-held state); n > 1 merged here. */
  merged: number;
}

const STATES = 8;

export class LaneSliceBuilder {
  readonly out: LaneSlices;
  /** The run of narrow spans not yet emitted. */
  private runStart = 0;
  private runEnd = 0;
  private runCount = 0;
  private readonly runTime = new Float64Array(STATES);
  private runFirst: LaneSpan | undefined;

  constructor(
    lane: string,
    /** The resolution: a span narrower than this is merged with its neighbours. */
    private readonly nsPerPx: number,
  ) {
    this.out = { lane, start: [], end: [], state: [], label: [], merged: [], offset: [], goroutine: [], proc: [] };
  }

  push(s: LaneSpan): void {
    if (s.end <= s.start) return;
    if (s.end - s.start >= this.nsPerPx) {
      this.flush();
      this.emit(s);
      return;
    }
    if (this.runCount > 0 && s.start - this.runEnd >= this.nsPerPx) this.flush();
    if (this.runCount === 0) {
      this.runStart = s.start;
      this.runEnd = s.end;
      this.runFirst = { ...s };
      this.runTime.fill(0);
    }
    this.runCount++;
    this.runEnd = Math.max(this.runEnd, s.end);
    if (s.state >= 0 && s.state < STATES) this.runTime[s.state] += s.end - s.start;
    if (this.runEnd - this.runStart >= this.nsPerPx) this.flush();
  }

  /** Emits what is pending; call once the last span is pushed. */
  finish(): LaneSlices {
    this.flush();
    return this.out;
  }

  private flush(): void {
    const n = this.runCount;
    if (n === 0) return;
    this.runCount = 0;
    if (n === 1) {
      this.emit(this.runFirst!);
      return;
    }
    let best = 0;
    for (let k = 1; k < STATES; k++) if (this.runTime[k] > this.runTime[best]) best = k;
    this.emit({ start: this.runStart, end: this.runEnd, state: best, label: -1, offset: -1, goroutine: -1, proc: -1, merged: n });
  }

  private emit(s: LaneSpan): void {
    const o = this.out;
    const last = o.start.length - 1;
    // The same span cut at a generation's edge: one slice again.
    if (
      last >= 0 && o.end[last] === s.start && o.state[last] === s.state && o.label[last] === s.label &&
      o.goroutine[last] === s.goroutine && o.proc[last] === s.proc && o.merged[last] === s.merged && (s.merged === 0 || s.merged === 1)
    ) {
      o.end[last] = s.end;
      return;
    }
    o.start.push(s.start);
    o.end.push(s.end);
    o.state.push(s.state);
    o.label.push(s.label);
    o.merged.push(s.merged);
    o.offset.push(s.offset);
    o.goroutine.push(s.goroutine);
    o.proc.push(s.proc);
  }
}
