import { describe, expect, it } from 'vitest';
import {
  addDays,
  addOneYear,
  isRealIsoDate,
  parseIsoDateTime,
  parseLooseDate,
  toIsoDate,
  todayIsoDate,
} from '../../src/lib/dates.js';

describe('isRealIsoDate', () => {
  it.each([
    ['2026-02-28', true],
    ['2026-02-29', false],
    ['2028-02-29', true],
    ['2000-02-29', true],
    ['2100-02-29', false],
    ['2026-04-31', false],
    ['2026-13-01', false],
    ['2026-00-10', false],
    ['2026-01-00', false],
    ['2026-1-01', false],
    ['2026-01-01T00:00:00Z', false],
    ['', false],
  ])('says %s is a real date: %s', (value, expected) => {
    expect(isRealIsoDate(value)).toBe(expected);
  });
});

describe('date arithmetic', () => {
  it('rolls 29 Feb to 1 Mar when adding a year', () => {
    expect(addOneYear('2028-02-29')).toBe('2029-03-01');
  });

  it('keeps the same calendar day when adding a year otherwise', () => {
    expect(addOneYear('2026-03-31')).toBe('2027-03-31');
    expect(addOneYear('2027-02-28')).toBe('2028-02-28');
  });

  it('adds days across month and year ends, forwards and backwards', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -30)).toBe('2026-01-30');
  });

  it('formats dates in UTC whatever the offset', () => {
    expect(toIsoDate(new Date('2026-03-01T23:30:00-05:00'))).toBe('2026-03-02');
    expect(todayIsoDate(new Date('2026-03-01T00:30:00+02:00'))).toBe('2026-02-28');
  });
});

describe('parseLooseDate', () => {
  it.each([
    ['2026-03-01', '2026-03-01'],
    [' 2026-03-01 ', '2026-03-01'],
    ['2026-03-01 10:20:30', '2026-03-01'],
    ['2026-03-01 10:20:30.123456', '2026-03-01'],
    ['2026-03-01T10:20:30Z', '2026-03-01'],
    ['03-31-21', '2021-03-31'],
    ['03-31-2021', '2021-03-31'],
    ['03/31/2021', '2021-03-31'],
    ['02-29-28', '2028-02-29'],
  ])('reads %j as %s', (value, expected) => {
    expect(parseLooseDate(value)).toBe(expected);
  });

  it.each([
    '2026-02-30',
    '2026-02-30 10:00:00',
    '02-29-26',
    '13-01-21',
    '31-03-21',
    '2026-3-1',
    'string',
    '',
  ])('refuses %j', (value) => {
    expect(parseLooseDate(value)).toBeUndefined();
  });
});

describe('parseIsoDateTime', () => {
  it.each([
    ['2019-08-24T14:15:22.123Z', '2019-08-24T14:15:22.123Z'],
    ['2026-03-27T00:00:00Z', '2026-03-27T00:00:00Z'],
    ['2026-03-27T08:15:00+02:00', '2026-03-27T08:15:00+02:00'],
    ['2026-03-27T08:15', '2026-03-27T08:15'],
    ['2026-03-27 08:15:00', '2026-03-27T08:15:00'],
    ['2019-08-24', '2019-08-24'],
  ])('accepts %j as %s', (value, expected) => {
    expect(parseIsoDateTime(value)).toBe(expected);
  });

  it.each([
    '2026-02-30T10:00:00Z',
    '2026-03-27T24:00:00Z',
    '2026-03-27T10:60:00Z',
    '2026-03-27T10:00:61Z',
    '03-27-2026',
    'string',
    '',
  ])('refuses %j', (value) => {
    expect(parseIsoDateTime(value)).toBeUndefined();
  });
});
