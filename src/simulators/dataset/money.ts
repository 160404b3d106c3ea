import type { Amount } from './types.js';

/**
 * Money is generated and summed as integer cents, then written once as two-decimal text.
 * Adding euro floats (0.1 + 0.2) would drift, and the dataset promises exact totals.
 */

export function centsToAmount(cents: number): Amount {
  if (!Number.isSafeInteger(cents)) throw new RangeError(`cents must be a safe integer, got ${cents}`);
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

export function amountToCents(amount: Amount): number {
  const match = /^(-?)(\d+)\.(\d{2})$/.exec(amount);
  if (!match) throw new RangeError(`not a two-decimal amount: ${amount}`);
  const [, sign, whole = '0', fraction = '0'] = match;
  const cents = Number(whole) * 100 + Number(fraction);
  return sign === '-' ? -cents : cents;
}

/** `percent` of `cents`, rounded half up to a whole cent (integer inputs, one rounding). */
export function percentOf(cents: number, percent: number): number {
  return Math.round((cents * percent) / 100);
}
