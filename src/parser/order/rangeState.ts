/**
 * Special time ranges in flight on one resource (a goroutine, a proc): stop-the-world, sweep,
 * mark assist. A range is named by the type of the event that begins it and, for
 * stop-the-world, the string ID of its kind.
 */
import { V2_SPECS } from '../format/v2Events.js';
import { badTransition } from './orderError.js';

export interface RangeType {
  /** Type of the Begin event. */
  typ: number;
  /** String ID of the subtype (stop-the-world kind), or 0. */
  desc: number;
}

/** The range an event belongs to: an End or Active event names its Begin. */
export function rangeTypeOf(type: number, desc: number): RangeType {
  const start = V2_SPECS[type].startEv;
  return { typ: start !== 0 ? start : type, desc };
}

const formatRange = (r: RangeType) => `{${r.typ} ${r.desc}}`;

export class RangeState {
  readonly inFlight: RangeType[] = [];

  has(r: RangeType): boolean {
    return this.inFlight.some((x) => x.typ === r.typ && x.desc === r.desc);
  }

  begin(r: RangeType): void {
    if (this.has(r)) throw badTransition(`discovered event already in-flight for when starting event ${V2_SPECS[r.typ].name}`);
    this.inFlight.push(r);
  }

  /** An Active event: opens the range in the first generation, confirms it later. */
  active(r: RangeType, initialGen: boolean): void {
    if (initialGen) {
      if (this.has(r)) throw badTransition(`found named active range already in first gen: ${formatRange(r)}`);
      this.inFlight.push(r);
    } else if (!this.has(r)) {
      throw badTransition(`resource is missing active range: ${V2_SPECS[r.typ].name} [${this.inFlight.map(formatRange).join(' ')}]`);
    }
  }

  /** Ends the range an End event of `type` closes; returns its subtype. */
  end(type: number): number {
    const start = V2_SPECS[type].startEv;
    const i = this.inFlight.findIndex((r) => r.typ === start);
    if (i < 0) throw badTransition(`tried to end event ${V2_SPECS[start].name}, but not in-flight`);
    const desc = this.inFlight[i].desc;
    // Swap with the last and drop it, which keeps Go's order of what remains.
    this.inFlight[i] = this.inFlight[this.inFlight.length - 1];
    this.inFlight.pop();
    return desc;
  }
}
