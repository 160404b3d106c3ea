import { addDays, isRealDate } from '../dataset/calendar.js';
import type { IsoDate } from '../dataset/types.js';
import { DEFAULT_WINDOW_DAYS } from './distribution.js';

export interface DateWindow {
  fromDate: IsoDate;
  toDate: IsoDate;
}

/**
 * The `fromDate`–`toDate` window of GET /payments and GET /settlements (confirma.md §3.3, §4.9,
 * §4.10), both days included. Read the way GET /invoice/distribution reads its window, so all
 * three list endpoints agree: nothing given → the 30 days up to today; only `fromDate` → up to
 * today; only `toDate` → the 30 days up to it. Values are `YYYY-MM-DD`; docs are silent on
 * date-times here, and the simulator refuses them (400) rather than guess a time zone. An empty
 * parameter counts as not given. Returns the 400 message when a value is malformed.
 */
export function parseDateWindow(query: URLSearchParams, today: IsoDate): DateWindow | string {
  const read = (name: string): string | null => query.get(name)?.trim() || null;
  for (const name of ['fromDate', 'toDate']) {
    const value = read(name);
    if (value !== null && !isRealDate(value)) return `${name} must be a date in YYYY-MM-DD format`;
  }
  const given = { from: read('fromDate'), to: read('toDate') };
  const toDate = given.to ?? today;
  const fromDate = given.from ?? addDays(toDate, -DEFAULT_WINDOW_DAYS);
  if (fromDate > toDate) return 'fromDate must not be after toDate';
  return { fromDate, toDate };
}

export function inWindow(window: DateWindow, date: IsoDate): boolean {
  return date >= window.fromDate && date <= window.toDate;
}
