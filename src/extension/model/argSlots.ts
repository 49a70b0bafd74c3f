/** Per v2 wire type: bit masks of its argument slots (after dt) by what they hold. */
import { argKind, V2_SPECS } from '../../parser/index.js';

export interface SlotMasks {
  goroutine: number;
  proc: number;
  thread: number;
  string: number;
  stack: number;
}

const SLOT_MASKS: SlotMasks[] = V2_SPECS.map((spec) => {
  const masks = { goroutine: 0, proc: 0, thread: 0, string: 0, stack: 0 };
  spec.args.slice(1).forEach((name, i) => {
    const kind = argKind(name);
    if (kind === 'goroutine' || kind === 'proc' || kind === 'thread' || kind === 'string' || kind === 'stack') masks[kind] |= 1 << i;
  });
  return masks;
});

export function slotMasks(type: number): SlotMasks | undefined {
  return SLOT_MASKS[type];
}
