/**
 * A clock snapshot's wall time as Go's time.Time.Format(time.RFC3339Nano) prints it, in UTC:
 * "2006-01-02T15:04:05.999999999Z", the fraction without trailing zeros (none when zero).
 * Go prints the local time of the machine reading the trace; the reference outputs were made in UTC.
 */
import { asInt64 } from './resources.js';

const pad = (n: number, w: number) => String(n).padStart(w, '0');

/** Civil date of a day count since 1970-01-01 (proleptic Gregorian). */
function civil(days: number): [number, number, number] {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [era * 400 + yoe + (m <= 2 ? 1 : 0), m, d];
}

/** sec and nsec as the wire has them (uint64s Go converts to int64). */
export function formatWallTime(secU: number, nsecU: number): string {
  let sec = asInt64(secU);
  let nsec = asInt64(nsecU);
  // time.Unix normalises nsec into [0, 1e9).
  if (nsec < 0 || nsec >= 1e9) {
    const carry = Math.floor(nsec / 1e9);
    sec += carry;
    nsec -= carry * 1e9;
  }
  const days = Math.floor(sec / 86400);
  const rem = sec - days * 86400;
  const [y, mo, d] = civil(days);
  const year = y < 0 ? '-' + pad(-y, 4) : pad(y, 4);
  let text = `${year}-${pad(mo, 2)}-${pad(d, 2)}T${pad(Math.floor(rem / 3600), 2)}:${pad(Math.floor(rem / 60) % 60, 2)}:${pad(rem % 60, 2)}`;
  if (nsec !== 0) text += '.' + pad(nsec, 9).replace(/0+$/, '');
  return text + 'Z';
}
