import { describe, expect, it } from 'vitest';
import { isTimeZone, todayIn, withOffset } from '../../src/lib/timeZones.js';

describe('withOffset', () => {
  it.each([
    ['2022-02-10 14:31:14', 'Europe/Oslo', '2022-02-10T14:31:14+01:00'],
    ['2022-07-10T14:31:14', 'Europe/Oslo', '2022-07-10T14:31:14+02:00'],
    ['2022-02-10T14:31:14.123', 'Europe/Helsinki', '2022-02-10T14:31:14.123+02:00'],
    ['2022-07-10 09:00', 'America/New_York', '2022-07-10T09:00:00-04:00'],
    ['2024-01-15 00:00:00', 'UTC', '2024-01-15T00:00:00+00:00'],
    // DST: 03:30 happens twice in Helsinki on 2026-10-25 (the earlier, +03:00, is meant) and
    // never on 2026-03-29 (read with the offset before the change).
    ['2026-10-25T03:30:00', 'Europe/Helsinki', '2026-10-25T03:30:00+03:00'],
    ['2026-03-29T03:30:00', 'Europe/Helsinki', '2026-03-29T03:30:00+02:00'],
    ['2019-08-24T14:15:22.123Z', 'Europe/Helsinki', '2019-08-24T14:15:22.123Z'],
    ['2019-08-24T14:15:22+0530', 'UTC', '2019-08-24T14:15:22+05:30'],
    ['2019-08-24', 'Europe/Helsinki', '2019-08-24T00:00:00+03:00'],
  ])('%s in %s is %s', (text, zone, expected) => {
    expect(withOffset(text, zone)).toBe(expected);
  });
});

describe('todayIn', () => {
  it('is the calendar day of the zone, not of UTC', () => {
    const lateEvening = new Date('2026-12-31T22:30:00Z');
    expect(todayIn('Europe/Helsinki', lateEvening)).toBe('2027-01-01');
    expect(todayIn('UTC', lateEvening)).toBe('2026-12-31');
    expect(todayIn('America/New_York', new Date('2026-01-01T03:00:00Z'))).toBe('2025-12-31');
  });

  it('knows IANA names and refuses others', () => {
    expect(isTimeZone('Europe/Helsinki')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
  });
});
