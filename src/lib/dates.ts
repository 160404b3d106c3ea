/** Calendar-date helpers on `YYYY-MM-DD` strings, all in UTC so a server's zone never shifts a day. */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * True when `value` is `YYYY-MM-DD` and names a day that exists (no 2026-02-30) in a year from
 * 0100 on (`Date` reads years below 100 as 19YY). Counted rather than built as a `Date`: this
 * runs for every date and timestamp of every upstream reply.
 */
export function isRealIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  return year >= 100 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0);
}

export function toIsoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function todayIsoDate(now: Date = new Date()): string {
  return toIsoDate(now);
}

export function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return toIsoDate(date);
}

/** The same calendar day one year later (29 Feb rolls to 1 Mar). */
export function addOneYear(isoDate: string): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCFullYear(date.getUTCFullYear() + 1);
  return toIsoDate(date);
}

const DATE_TIME_PREFIX = /^(\d{4}-\d{2}-\d{2})[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;
const US_DATE = /^(\d{2})[-/](\d{2})[-/](\d{2}|\d{4})$/;

/**
 * Reads the date formats FactorCloud is documented or likely to send and returns `YYYY-MM-DD`,
 * or `undefined` when the text is not a real date.
 * - `YYYY-MM-DD` (schedules and invoices, factorcloud.md §1.3)
 * - `YYYY-MM-DD HH:MM:SS` (Postgres "timestamp without time zone", the documented column type)
 * - `MM-DD-YY` / `MM-DD-YYYY` / `MM/DD/YYYY` (the post-payments example uses `03-31-21`);
 *   two-digit years are read as 20YY, since the API postdates 2000.
 */
export function parseLooseDate(value: string): string | undefined {
  const text = value.trim();
  if (isRealIsoDate(text)) return text;
  const dateTime = DATE_TIME_PREFIX.exec(text);
  if (dateTime?.[1] && isRealIsoDate(dateTime[1])) return dateTime[1];
  const us = US_DATE.exec(text);
  if (us) {
    const [, month, day, year] = us;
    const fullYear = year?.length === 2 ? `20${year}` : year;
    const iso = `${fullYear}-${month}-${day}`;
    if (isRealIsoDate(iso)) return iso;
  }
  return undefined;
}

const ISO_DATE_TIME =
  /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * Validates an ISO 8601 timestamp (or a bare date, as Confirma's `closedAt` example shows) and
 * returns it with a `T` separator; `undefined` when it is not one.
 */
export function parseIsoDateTime(value: string): string | undefined {
  const text = value.trim();
  const match = ISO_DATE_TIME.exec(text);
  if (!match?.[1] || !isRealIsoDate(match[1])) return undefined;
  const [hours, minutes, seconds] = [match[2], match[3], match[4]].map(Number);
  if ((hours ?? 0) > 23 || (minutes ?? 0) > 59 || (seconds ?? 0) > 60) return undefined;
  return text.replace(' ', 'T');
}
