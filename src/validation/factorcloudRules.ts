import { z } from 'zod';
import { centsToDecimal, decimalToCents } from '../lib/decimal.js';
import { email, isoDate, money, text } from './rules.js';
import { rule } from './userErrors.js';

/**
 * Field rules from FactorCloud's field tables (factorcloud.md §3, §5). The docs give no length
 * limits; `MAX_TEXT` is the graph's own sanity bound, not FactorCloud's.
 */

export const MAX_TEXT = 255;

/** GraphQL sends an omitted optional field as null or not at all; both become `undefined`. */
function optional<T extends z.ZodType>(schema: T) {
  return schema.nullish().transform((value) => value ?? undefined);
}

/** A required key or name: trimmed, non-empty. */
export const required = text(MAX_TEXT);

/** Optional text: trimmed; blank means "not given", so it is not sent. */
export const optionalText = optional(
  z.string().trim().max(MAX_TEXT, `must be at most ${MAX_TEXT} characters`),
).transform((value) => (value === '' ? undefined : value));

/** "State … two character format" (create-client; create-debtor examples `KY`, `NY`, `BC`). */
export const state = optional(
  z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/, {
      message: 'must be a two-letter state or province code such as KY or BC',
      ...rule('INVALID_FORMAT'),
    }),
);

/** The three phone/fax formats create-debtor and create-vendor accept (§3). */
const PHONE = /^(?:\d{3}-\d{3}-\d{4}|\d{10}|\(\d{3}\) \d{3}-\d{4})$/;
export const phone = optional(
  z
    .string()
    .trim()
    .regex(PHONE, {
      message: 'must be ###-###-####, ########## or (###) ###-####',
      ...rule('INVALID_FORMAT'),
    }),
);

/** Debtor and vendor `Country` (§3): `USA`, `MEX` or `CAN`. */
export const debtorCountry = optional(
  z
    .string()
    .trim()
    .toUpperCase()
    .refine((value) => value === 'USA' || value === 'MEX' || value === 'CAN', {
      message: 'must be USA, MEX or CAN',
      ...rule('INVALID_VALUE'),
    }),
);

export const optionalEmail = optional(email);
export const optionalDate = optional(isoDate);

/** Standard Base64 (RFC 4648 §4) with padding; whitespace and the URL-safe alphabet are refused. */
export function isBase64(value: string): boolean {
  return value.length > 0 && value.length % 4 === 0 && /^[A-Za-z0-9+/]+={0,2}$/.test(value);
}

export const base64 = z.string().refine(isBase64, {
  message: 'must be Base64 (A–Z, a–z, 0–9, +, /, padded with = to a multiple of 4)',
  ...rule('INVALID_FORMAT'),
});
export const optionalBase64 = optional(base64);

export const positiveMoney = money('positive');
export const optionalNonNegativeMoney = optional(money('nonNegative'));

/**
 * Checks `total` against the exact sum of `parts`, in integer cents (never floats), and reports a
 * mismatch on `path`. Skipped while a part or the total is itself invalid (that is reported on
 * its own field already), and when there are no parts (reported as a missing list).
 */
export function checkSum(
  ctx: z.RefinementCtx,
  total: unknown,
  parts: readonly unknown[],
  path: (string | number)[],
  what: string,
): void {
  if (parts.length === 0) return;
  const totalCents = typeof total === 'string' ? decimalToCents(total) : undefined;
  let sum = 0n;
  for (const part of parts) {
    const cents = typeof part === 'string' ? decimalToCents(part) : undefined;
    if (cents === undefined) return;
    sum += cents;
  }
  if (totalCents === undefined || totalCents === sum) return;
  ctx.addIssue({
    code: 'custom',
    path,
    message: `must equal the sum of the ${what} (${centsToDecimal(sum)})`,
    params: { code: 'INCONSISTENT' },
  });
}

/**
 * A member of each element of a list that may still be unparsed input (cross-field rules run
 * even when fields failed): `undefined` where an element is not an object.
 */
export function membersOf(list: unknown, key: string): unknown[] {
  if (!Array.isArray(list)) return [];
  return list.map((item: unknown) =>
    typeof item === 'object' && item !== null
      ? Object.entries(item).find(([name]) => name === key)?.[1]
      : undefined,
  );
}

/** Reports every value that occurs more than once, at each later occurrence's path. */
export function checkUnique(
  ctx: z.RefinementCtx,
  values: readonly (string | undefined)[],
  pathOf: (index: number) => (string | number)[],
  what: string,
): void {
  const seen = new Set<string>();
  values.forEach((value, index) => {
    if (value === undefined) return;
    if (seen.has(value)) {
      ctx.addIssue({
        code: 'custom',
        path: pathOf(index),
        message: `repeats ${what} ${JSON.stringify(value)}; each must be unique`,
        params: { code: 'INCONSISTENT' },
      });
    }
    seen.add(value);
  });
}
