/** An event as plain text, for "Copy Event": one readable line per fact, frames indented; trace strings as the rows show them. */
import type { EventView } from '../../parser/index.js';
import { argValueText, frameFileText, frameFuncText } from './eventNodes.js';
import { formatNs, formatOffset } from './format.js';

export function eventText(view: EventView, where: { genNumber: number; batch: number; event: number; thread: number }, traceStartNs: number): string {
  const lines = [
    `${view.name} at +${formatNs(view.time - traceStartNs)} (${view.time} ns)`,
    `offset ${formatOffset(view.offset)}, generation ${where.genNumber}, batch ${where.batch}, event ${where.event}, ${where.thread >= 0 ? `M ${where.thread}` : 'no thread'}`,
  ];
  for (const a of view.args) if (a.kind !== 'stack') lines.push(`${a.name}: ${argValueText(a)}`);
  for (const s of view.stacks) {
    lines.push(`${s.arg} ${s.id}${s.missing ? ' (not in the stack table)' : ''}:`);
    for (const f of s.frames) lines.push(`  ${frameFuncText(f)}`, `      ${frameFileText(f)}`);
  }
  return lines.join('\n') + '\n';
}
