import { describe, expect, it } from 'vitest';
import { fractionDigits, normalizeDecimal, readDecimalText } from '../../src/lib/decimal.js';

describe('normalizeDecimal', () => {
  it.each([
    ['1250.5', '1250.50'],
    ['1240.50', '1240.50'],
    ['100', '100.00'],
    ['-0.00', '0.00'],
    ['-0', '0.00'],
    ['1e3', '1000.00'],
    ['1E3', '1000.00'],
    ['1.5e-1', '0.15'],
    ['1e-3', '0.001'],
    ['-1.5e2', '-150.00'],
    ['1e+21', '1000000000000000000000.00'],
    ['0.125', '0.125'],
    ['007.10', '7.10'],
    ['.5', '0.50'],
    ['+5', '5.00'],
    [' 12 ', '12.00'],
    ['-12.3400', '-12.34'],
    ['202603280001123456789.99', '202603280001123456789.99'],
  ])('normalises %j to %s', (input, expected) => {
    expect(normalizeDecimal(input)).toBe(expected);
  });

  it.each([
    '',
    ' ',
    'abc',
    '.',
    '-',
    '1,000.00',
    '1.000,50',
    '12abc',
    '0x10',
    'NaN',
    'Infinity',
    '1e',
    '1..2',
    '$5',
  ])('refuses %j', (input) => {
    expect(normalizeDecimal(input)).toBeUndefined();
  });

  it('never rounds: the digits of a long fraction survive', () => {
    expect(normalizeDecimal('0.1000000000000000055511151231257827')).toBe(
      '0.1000000000000000055511151231257827',
    );
  });
});

describe('fractionDigits', () => {
  it('counts significant digits after the point', () => {
    expect(fractionDigits('1250.50')).toBe(1);
    expect(fractionDigits('0.125')).toBe(3);
    expect(fractionDigits('100')).toBe(0);
    expect(fractionDigits('100.00')).toBe(0);
  });
});

describe('readDecimalText bounds the digits before writing them out', () => {
  const limits = { integerDigits: 20, fractionDigits: 10 };
  it.each([
    ['1e999999999', 'integerDigits'],
    ['1e100000000', 'integerDigits'],
    [`1e${'9'.repeat(400)}`, 'integerDigits'],
    ['1e-999999999', 'fractionDigits'],
    ['123456789012345678901', 'integerDigits'],
    ['0.00000000001', 'fractionDigits'],
  ])('refuses %s (%s)', (text, problem) => {
    expect(readDecimalText(text, limits)).toEqual({ ok: false, problem });
  });

  it.each([
    ['0e999999999', '0.00'],
    ['0000000000000000000000001.5', '1.50'],
    ['1e19', '10000000000000000000.00'],
    ['12345678901234567890.1234567891', '12345678901234567890.1234567891'],
    ['1000e-13', '0.0000000001'],
  ])('reads %s as %s', (text, value) => {
    expect(readDecimalText(text, limits)).toEqual({ ok: true, value });
  });
});
