/**
 * Wall-clock time in IANA time zones, by `Intl` (the zone data Node ships, DST included).
 * Upstream timestamps without an offset are read in their upstream's zone and leave the graph
 * with an RFC 3339 offset; "today" is the business zone's calendar day.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string): Intl.DateTimeFormat {
  let format = formatters.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(zone, format);
  }
  return format;
}

/** True when `name` is an IANA zone this runtime knows (`Europe/Helsinki`, `UTC`). */
export function isTimeZone(name: string): boolean {
  try {
    formatter(name);
    return true;
  } catch {
    return false;
  }
}

/** The zone's wall clock at `ms`, as the milliseconds of that wall time read as UTC. */
function wallClockMs(zone: string, ms: number): number {
  const parts: Record<string, number> = {};
  for (const part of formatter(zone).formatToParts(ms)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const date = new Date(0);
  date.setUTCFullYear(parts.year ?? 1970, (parts.month ?? 1) - 1, parts.day ?? 1);
  date.setUTCHours(parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0, 0);
  return date.getTime();
}

/** The zone's offset from UTC at the instant `ms`, in minutes (Helsinki in summer: 180). */
export function offsetMinutes(zone: string, ms: number): number {
  return Math.round((wallClockMs(zone, ms) - (ms - (((ms % 1000) + 1000) % 1000))) / 60_000);
}

/** The calendar day (`YYYY-MM-DD`) in `zone` at `now`. */
export function todayIn(zone: string, now: Date = new Date()): string {
  return new Date(wallClockMs(zone, now.getTime())).toISOString().slice(0, 10);
}

const DAY_MS = 86_400_000;

/**
 * The offset (minutes) of the wall time `localMs` (wall clock read as UTC) in `zone`. Where DST
 * makes a wall time happen twice, the earlier instant is meant (the offset in force before the
 * change); where it skips a wall time, the offset in force before the change is used too.
 */
export function offsetOfWallTime(zone: string, localMs: number): number {
  const before = offsetMinutes(zone, localMs - DAY_MS);
  const after = offsetMinutes(zone, localMs + DAY_MS);
  const fits = (offset: number) => offsetMinutes(zone, localMs - offset * 60_000) === offset;
  if (fits(before)) return before;
  return fits(after) ? after : before;
}

/** `+03:00`, `-05:00`, `+00:00`. */
export function formatOffset(minutes: number): string {
  const abs = Math.abs(minutes);
  const hours = String(Math.floor(abs / 60)).padStart(2, '0');
  return `${minutes < 0 ? '-' : '+'}${hours}:${String(abs % 60).padStart(2, '0')}`;
}

const BARE_DAY = /^\d{4}-\d{2}-\d{2}$/;
const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/i;

/**
 * An ISO 8601 timestamp as RFC 3339: seconds written out, `T` between date and time, and an
 * offset. A timestamp without one is a wall time in `zone` and gets that zone's offset then
 * (`2022-02-10 14:31:14` in Europe/Helsinki: `2022-02-10T14:31:14+02:00`). A bare day sent
 * where a timestamp belongs (Confirma's case example sends `closedAt: "2026-11-02"`) is taken
 * as the start of that day in `zone` (assumption: the docs are silent). Text that is no
 * timestamp is returned as it is, and the DateTime scalar refuses it as a field error.
 */
export function withOffset(text: string, zone: string): string {
  const trimmed = text.trim();
  const match = TIMESTAMP.exec(BARE_DAY.test(trimmed) ? `${trimmed}T00:00:00` : trimmed);
  if (!match) return text;
  const [, year, month, day, hour, minute, second = '00', fraction = '', zoneText] = match;
  const wall = `${year}-${month}-${day}T${hour}:${minute}:${second}${fraction}`;
  if (zoneText?.toUpperCase() === 'Z') return `${wall}Z`;
  if (zoneText) return `${wall}${zoneText.slice(0, 3)}:${zoneText.slice(-2)}`;
  const localMs = Date.UTC(
    Number(year),
    Number(month) - 1,
    Number(day),
    Number(hour),
    Number(minute),
    Number(second),
  );
  return `${wall}${formatOffset(offsetOfWallTime(zone, localMs))}`;
}
