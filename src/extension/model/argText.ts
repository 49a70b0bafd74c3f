/** A wire event's arguments as text (v2 and v1 events: the parser's ArgView), in the event tree and in a row. */
import { goQuoteShort, goQuoteString, type ArgView } from '../../parser/index.js';

/** Longest string argument shown in a row's description; the event tree shows it whole. */
const SHORT_TEXT = 60;

/** An argument's value as text: the resolved string (Go's quoted form) or status name, else the number. */
export function argValueText(a: ArgView): string {
  if (a.kind === 'string') return goQuoteString(a.text ?? '');
  if (a.text !== undefined) return a.text;
  if (a.kind === 'thread' && a.value === -1) return 'none';
  if (a.kind === 'goroutine' && a.value >= 2 ** 63) return 'none';
  return String(a.value);
}

/** `name=value` for a row, a long string cut (quoted whole: the ellipsis is outside the quotes). */
export function shortArg(a: ArgView): string {
  if (a.kind === 'string') return `${a.name}=${goQuoteShort(a.text ?? '', SHORT_TEXT)}`;
  let v = argValueText(a);
  if (v.length > SHORT_TEXT) v = v.slice(0, SHORT_TEXT) + '…';
  return `${a.name}=${v}`;
}
