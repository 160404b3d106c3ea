/**
 * The three HTTP-date forms a recipient must accept (RFC 9110 §5.6.7), each capturing its day of
 * the month. `Date.parse` reads all three, but it also reads many forms that are not HTTP dates
 * (ISO 8601, other zones), so the shape is checked first.
 */
const HTTP_DATE_FORMS = [
  /^[A-Z][a-z]{2}, (\d{2}) [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/, // IMF-fixdate
  /^[A-Z][a-z]+, (\d{2})-[A-Z][a-z]{2}-\d{2} \d{2}:\d{2}:\d{2} GMT$/, // rfc850-date
  /^[A-Z][a-z]{2} [A-Z][a-z]{2} ([ \d]\d) \d{2}:\d{2}:\d{2} \d{4}$/, // asctime-date
];

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
  const at = parseHttpDate(trimmed);
  if (at === undefined) return undefined;
  return Math.max(0, Math.ceil((at - now) / 1000));
}

/**
 * Milliseconds since the epoch of an HTTP date, or `undefined` when it is not one. A two-digit
 * rfc850 year is read as Date.parse reads it (00–49 as 20xx, 50–99 as 19xx); RFC 9110 asks for
 * "not more than 50 years ahead", which differs only for 2050–2076, a Retry-After no upstream sends.
 */
export function parseHttpDate(text: string): number | undefined {
  const day = HTTP_DATE_FORMS.map((form) => form.exec(text)?.[1]).find((found) => found !== undefined);
  if (day === undefined) return undefined;
  // asctime-date names no zone but is GMT; without the suffix Date.parse would read local time.
  const at = Date.parse(text.endsWith(' GMT') ? text : `${text} GMT`);
  if (Number.isNaN(at)) return undefined;
  // Date.parse rolls 31 Feb over into March; a date whose day does not survive is not a date.
  return new Date(at).getUTCDate() === Number(day) ? at : undefined;
}
