import { z } from 'zod';
import { isRealIsoDate } from '../lib/dates.js';
import { decimalToCents, normalizeDecimal } from '../lib/decimal.js';
import { COUNTRY_CODES, CURRENCY_CODES, LANGUAGE_CODES } from './isoCodes.js';
import { rule } from './userErrors.js';

/**
 * Field rules shared by mutation inputs, following Confirma's "Data validation" page
 * (confirma.md §3.1) and FactorCloud's field tables. Each failure carries a stable code.
 */

export const currencyCode = z
  .string()
  .transform((value) => value.trim().toUpperCase())
  .refine((value) => CURRENCY_CODES.has(value), {
    message: 'must be an ISO 4217 currency code such as EUR or SEK',
    ...rule('INVALID_CURRENCY'),
  });

export const countryCode = z
  .string()
  .transform((value) => value.trim().toUpperCase())
  .refine((value) => COUNTRY_CODES.has(value), {
    message: 'must be an ISO 3166-1 alpha-2 country code such as FI or SE',
    ...rule('INVALID_COUNTRY'),
  });

/**
 * ISO 639-1, upper case as Confirma writes it. Confirma's own list includes `DK` for Danish
 * (ISO: `DA`), so that documented spelling is accepted as well.
 */
export const languageCode = z
  .string()
  .transform((value) => value.trim().toUpperCase())
  .refine((value) => LANGUAGE_CODES.has(value) || value === 'DK', {
    message: 'must be an ISO 639-1 language code such as FI, SV or EN',
    ...rule('INVALID_LANGUAGE'),
  });

export const isoDate = z.string().refine(isRealIsoDate, {
  message: 'must be a real calendar date in the form YYYY-MM-DD',
  ...rule('INVALID_DATE'),
});

/** W3C HTML "valid e-mail address" pattern, as Confirma's validation page describes. */
const EMAIL =
  /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/;

export const email = z
  .string()
  .trim()
  .max(254)
  .refine((value) => EMAIL.test(value), {
    message: 'must be an e-mail address such as name@example.com',
    ...rule('INVALID_EMAIL'),
  });

/** Non-empty text of at most `max` characters. */
export function text(max: number) {
  return z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);
}

/**
 * A money amount with at most two decimals (Confirma: number<double>, 2 decimals), normalised
 * to `"123.40"`. `sign` restricts it to positive or non-negative amounts.
 */
export function money(sign: 'any' | 'positive' | 'nonNegative' = 'any') {
  return z.string().transform((value, ctx) => {
    const normalized = normalizeDecimal(value);
    const cents = normalized === undefined ? undefined : decimalToCents(normalized);
    if (normalized === undefined || cents === undefined) {
      ctx.addIssue({
        code: 'custom',
        message: 'must be an amount with at most two decimals, e.g. "250.75"',
        ...rule('TOO_MANY_DECIMALS'),
      });
      return z.NEVER;
    }
    if ((sign === 'positive' && cents <= 0n) || (sign === 'nonNegative' && cents < 0n)) {
      const expected = sign === 'positive' ? 'greater than zero' : 'zero or more';
      ctx.addIssue({ code: 'custom', message: `must be ${expected}`, ...rule('OUT_OF_RANGE') });
      return z.NEVER;
    }
    return normalized;
  });
}

/** Adds an INCONSISTENT issue at `path` unless `total` is exactly the sum of `parts` (in cents). */
export function mustEqualSum(
  ctx: z.RefinementCtx,
  path: (string | number)[],
  total: string,
  parts: string[],
  what: string,
): void {
  const cents = parts.map(decimalToCents);
  const expected = decimalToCents(total);
  if (expected === undefined || cents.some((c) => c === undefined)) return; // reported by money()
  const sum = cents.reduce<bigint>((acc, c) => acc + (c ?? 0n), 0n);
  if (sum !== expected) {
    ctx.addIssue({ code: 'custom', path, message: `must equal ${what}`, ...rule('INCONSISTENT') });
  }
}
