const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** The three HTTP-date forms a recipient must accept (RFC 9110 §5.6.7), all in GMT. */
const IMF_FIXDATE = /^[A-Z][a-z]{2}, (\d{2}) ([A-Z][a-z]{2}) (\d{4}) (\d{2}):(\d{2}):(\d{2}) GMT$/;
const RFC850_DATE = /^[A-Z][a-z]+, (\d{2})-([A-Z][a-z]{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2}) GMT$/;
const ASCTIME_DATE = /^[A-Z][a-z]{2} ([A-Z][a-z]{2}) ([ \d]\d) (\d{2}):(\d{2}):(\d{2}) (\d{4})$/;

/**
 * Retry-After is either delay-seconds or an HTTP date (RFC 9110 §10.2.3); the answer is whole
 * seconds from `now`, 0 for a date in the past, and `undefined` for anything else (a header we
 * cannot read is treated as absent, not as "retry at once").
 */
export function parseRetryAfter(value: string | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  // delay-seconds = 1*DIGIT: no sign, no fraction.
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const at = parseHttpDate(trimmed, now);
  if (at === undefined) return undefined;
  return Math.max(0, Math.ceil((at - now) / 1000));
}

/** Milliseconds since the epoch of an HTTP date, or `undefined` when it is not one. */
export function parseHttpDate(text: string, now = Date.now()): number | undefined {
  let m = IMF_FIXDATE.exec(text);
  if (m) return utc(Number(m[3]), m[2], m[1], m[4], m[5], m[6]);
  m = RFC850_DATE.exec(text);
  if (m) return utc(fullYear(Number(m[3]), now), m[2], m[1], m[4], m[5], m[6]);
  m = ASCTIME_DATE.exec(text);
  if (m) return utc(Number(m[6]), m[1], m[2], m[3], m[4], m[5]);
  return undefined;
}

/**
 * rfc850-date has a two-digit year: a date that looks more than 50 years in the future is the
 * most recent past year with those digits (RFC 9110 §5.6.7).
 */
function fullYear(twoDigits: number, now: number): number {
  const thisYear = new Date(now).getUTCFullYear();
  const year = Math.floor(thisYear / 100) * 100 + twoDigits;
  return year > thisYear + 50 ? year - 100 : year;
}

function utc(
  year: number,
  monthName: string | undefined,
  ...parts: Array<string | undefined>
): number | undefined {
  const month = MONTHS.indexOf(monthName ?? '');
  const [day, hour, minute, second] = parts.map((part) => Number(part?.trim()));
  if (month < 0 || day === undefined || hour === undefined || minute === undefined || second === undefined) {
    return undefined;
  }
  const at = Date.UTC(year, month, day, hour, minute, second);
  // Date.UTC rolls 31 Feb over into March; a date that does not round-trip is not a date.
  const check = new Date(at);
  const valid =
    check.getUTCDate() === day && check.getUTCHours() === hour && check.getUTCMinutes() === minute;
  return valid && second < 60 ? at : undefined;
}
