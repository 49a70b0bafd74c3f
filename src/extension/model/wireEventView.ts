/**
 * A v2 wire event as the event renderer shows it (eventView.ts): its arguments by name with
 * resolved values (the parser's EventView), its stacks, and where it is: its generation, batch,
 * index there and the thread (M) that wrote the batch.
 */
import type { EventView as DecodedEvent } from '../../parser/index.js';
import { argValueText, shortArg } from './argText.js';
import type { EventArg, EventFact, EventRowFacts, EventStack, EventView } from './eventView.js';
import { formatNs, formatOffset } from './format.js';

/** Where a wire event is: generation number as written, batch index, event index, its batch's thread (-1: none). */
export interface WireEventPlace {
  genNumber: number;
  batch: number;
  event: number;
  thread: number;
}

export class WireEventView implements EventView {
  constructor(
    private readonly view: DecodedEvent,
    private readonly place: WireEventPlace,
  ) {}

  get name(): string {
    return this.view.name;
  }

  get time(): number {
    return this.view.time;
  }

  row(start: number): EventRowFacts {
    const v = this.view;
    return {
      parts: v.args.filter((a) => a.kind !== 'seq' && a.kind !== 'stack').map(shortArg),
      tooltip: `${v.name} at ${formatNs(v.time - start)}, byte offset ${formatOffset(v.offset)}`,
      icon: 'symbol-event',
      frames: [],
      offset: v.offset,
    };
  }

  facts(start: number): EventFact[] {
    const v = this.view;
    const m = this.place.thread;
    return [
      { index: 0, label: 'event', value: v.name, offset: v.offset },
      { index: 1, label: 'time', value: `+${formatNs(v.time - start)} (${v.time} ns)` },
      { index: 2, label: 'offset', value: formatOffset(v.offset), offset: v.offset },
      { index: 3, label: 'thread', value: m >= 0 ? `M ${m}` : 'none' },
    ];
  }

  /** Every argument but the stacks (listed as stacks), by its place in the event. */
  args(): EventArg[] {
    const out: EventArg[] = [];
    this.view.args.forEach((a, index) => {
      if (a.kind === 'stack') return;
      const value = argValueText(a);
      out.push({ index, label: a.name, value, tooltip: `${a.name} (${a.kind}) = ${value}` });
    });
    return out;
  }

  stacks(): EventStack[] {
    return this.view.stacks.map((s) => ({
      label: s.arg === 'stack' ? 'stack' : s.arg,
      description: s.missing ? `stack ${s.id} (not in the stack table)` : `stack ${s.id}, ${s.frames.length} frames`,
      textLine: `${s.arg} ${s.id}${s.missing ? ' (not in the stack table)' : ''}:`,
      frames: s.frames,
      missing: s.missing,
    }));
  }

  textHead(start: number): string[] {
    const v = this.view;
    const { genNumber, batch, event, thread } = this.place;
    return [
      `${v.name} at +${formatNs(v.time - start)} (${v.time} ns)`,
      `offset ${formatOffset(v.offset)}, generation ${genNumber}, batch ${batch}, event ${event}, ${thread >= 0 ? `M ${thread}` : 'no thread'}`,
    ];
  }
}
