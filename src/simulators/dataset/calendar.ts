import type { Random } from '../random.js';
import type { IsoDate, IsoDateTime, TimestampWithoutZone } from './types.js';

/**
 * Calendar arithmetic on `YYYY-MM-DD`, all in UTC so the host's time zone never shifts a day.
 * The simulators keep their own helpers rather than sharing src/lib: they stand in for systems
 * outside this service and must not change when the service's own code does.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** True when `value` is `YYYY-MM-DD` and names a day that exists (no 2026-02-30). */
export function isRealDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return new Date(toMs(date) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((toMs(to) - toMs(from)) / DAY_MS);
}

export function minDate(a: IsoDate, b: IsoDate): IsoDate {
  return a <= b ? a : b;
}

/** A random moment on `date` between `fromHour`:00 and `toHour`:59, with milliseconds. */
export function timeOn(random: Random, date: IsoDate, fromHour = 7, toHour = 17): IsoDateTime {
  const ms = random.int(fromHour, toHour) * 3_600_000 + random.int(0, 59) * 60_000 + random.int(0, 59_999);
  return new Date(toMs(date) + ms).toISOString();
}

/** A moment `minMinutes`–`maxMinutes` after `moment` (random seconds and milliseconds). */
export function later(
  random: Random,
  moment: IsoDateTime,
  minMinutes: number,
  maxMinutes: number,
): IsoDateTime {
  const ms = random.int(minMinutes, maxMinutes) * 60_000 + random.int(0, 59_999);
  return new Date(new Date(moment).getTime() + ms).toISOString();
}

export function dateOf(moment: IsoDateTime): IsoDate {
  return moment.slice(0, 10);
}

/** `YYYY-MM-DD HH:MM:SS`, the form Postgres prints a timestamp without time zone in. */
export function timestampWithoutZone(random: Random, date: IsoDate): TimestampWithoutZone {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${date} ${pad(random.int(8, 17))}:${pad(random.int(0, 59))}:${pad(random.int(0, 59))}`;
}

function toMs(date: IsoDate): number {
  const ms = new Date(`${date}T00:00:00Z`).getTime();
  if (Number.isNaN(ms)) throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
  return ms;
}
