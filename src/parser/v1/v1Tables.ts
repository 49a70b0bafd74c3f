/**
 * The lookup tables of a converted v1 trace, in the form the ordered events of v2 traces use
 * (GenerationTables behind a GenerationView): Go converts a v1 trace into one large generation
 * with one table. On top of the trace's own strings come the UserLog messages (v1 writes them
 * inline, so they get IDs after the largest string ID) and the texts the conversion names
 * (block reasons, stop-the-world reasons), after those.
 */
import { GenerationTables } from '../generation/tables.js';
import { GenerationView } from '../order/generationView.js';
import type { V1Batches } from './v1Batches.js';
import { STW_REASONS } from './v1Events.js';
import { V1Error } from './v1Error.js';

/** The texts the conversion uses, in Go's order (their IDs follow in this order). */
export const enum Builtin {
  Forever = 0,
  Preempted,
  Gosched,
  Sleep,
  ChanSend,
  ChanRecv,
  Network,
  Sync,
  SyncCond,
  Select,
  Empty,
  MarkAssistWait,
  /** STW reasons follow, STW_REASONS[k] at StwUnknown + k. */
  StwUnknown,
}

const BUILTIN_TEXTS: readonly string[] = [
  'forever', 'preempted', 'runtime.Gosched', 'sleep', 'chan send', 'chan receive', 'network', 'sync',
  'sync.(*Cond).Wait', 'select', '', 'GC mark assist wait for work', ...STW_REASONS,
];

export interface V1Tables {
  view: GenerationView;
  /** String ID of UserLog message k. */
  inlineId(k: number): number;
  /** String ID of a builtin text. */
  builtinId(b: number): number;
}

export function buildV1Tables(b: V1Batches): V1Tables {
  const t = new GenerationTables();
  let max = 0;
  for (const [id, s] of b.strings) {
    t.strings.insert(id, s);
    if (id > max) max = id;
  }
  const inline = b.inlineStrings;
  if (max + inline.length + BUILTIN_TEXTS.length >= 2 ** 64) throw new V1Error('malformed-event', 'trace contains too many strings', 0);
  const add = (id: number, s: string) => {
    if (t.strings.insert(id, s) !== undefined) {
      throw new V1Error('duplicate-id', `couldn't add strings: multiple strings with the same ID: id=${id}, new=${s}, existing=${t.strings.get(id)}`, 0);
    }
  };
  const inlineBase = max + 1;
  inline.forEach((s, k) => add(inlineBase + k, s));
  const builtinBase = max + inline.length + 1;
  BUILTIN_TEXTS.forEach((s, k) => add(builtinBase + k, s));
  t.strings.compact();
  for (const [id, pcs] of b.stacks) t.stacks.insert(id, { pcs });
  t.stacks.compact();
  for (const [pc, f] of b.pcs) t.frames.set(pc, { pc, funcId: f.fn, fileId: f.file, line: f.line });
  return {
    view: new GenerationView(1, 0, t),
    inlineId: (k) => inlineBase + k,
    builtinId: (k) => builtinBase + k,
  };
}
