import { z } from 'zod';
import { parseIsoDateTime, parseLooseDate } from '../lib/dates.js';
import { normalizeDecimal } from '../lib/decimal.js';

/**
 * zod building blocks that accept the documented quirks of both upstreams and still refuse
 * anything that would become a silently wrong value:
 * - `""` (and missing keys) stand for null (factorcloud.md §1.5, §6.6);
 * - numbers and booleans may arrive as strings (§6.7);
 * - numbers arrive as exact source text from http/json.ts when a double would round them.
 */

function blank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

/** `read` returns the value, `null` for "no value", or `undefined` when the input is invalid. */
function lenient<T>(read: (value: unknown) => T | null | undefined, expected: string) {
  return z
    .unknown()
    .optional()
    .transform((value, ctx): T | null => {
      if (blank(value)) return null;
      const result = read(value);
      if (result === undefined) {
        ctx.addIssue({ code: 'custom', message: `expected ${expected}` });
        return z.NEVER;
      }
      return result;
    });
}

/** Text; numbers are accepted and turned into their decimal text. */
export const text = lenient((value) => {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}, 'a string');

/** An identifier that one upstream sends as a number and another as a string. */
export const identifier = lenient((value) => {
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
  return undefined;
}, 'an identifier (string or integer)');

export const integer = lenient((value) => {
  // Digits only: Number() would also read "0x10" and "1e3".
  if (typeof value === 'string' && !/^-?\d+$/.test(value.trim())) return undefined;
  const number = typeof value === 'string' ? Number(value.trim()) : value;
  return typeof number === 'number' && Number.isSafeInteger(number) ? number : undefined;
}, 'an integer');

/** Exact money text, at least two fraction digits. */
export const decimal = lenient((value) => {
  if (typeof value === 'number') return Number.isFinite(value) ? normalizeDecimal(String(value)) : undefined;
  if (typeof value === 'string') return normalizeDecimal(value);
  return undefined;
}, 'a decimal number');

const TRUE_WORDS = new Set(['true', 't', '1', 'y', 'yes']);
const FALSE_WORDS = new Set(['false', 'f', '0', 'n', 'no']);

/**
 * Booleans as JSON booleans, 0/1, or words. FactorCloud documents Postgres column types, so the
 * Postgres text forms `t`/`f` are accepted alongside `true`/`false` and `Y`/`N`.
 */
function readBoolean(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (value === 1 || value === 0) return value === 1;
  if (typeof value !== 'string') return undefined;
  const word = value.trim().toLowerCase();
  if (TRUE_WORDS.has(word)) return true;
  if (FALSE_WORDS.has(word)) return false;
  return undefined;
}

export const boolean = lenient(readBoolean, 'a boolean (true/false, t/f, Y/N, 1/0)');

/**
 * A yes/no reading of a field the upstream types as free text with an undocumented value set
 * (FactorCloud `PaymentMade`, factorcloud.md §3): the spellings `boolean` knows are read, and any
 * other value (`"100.00"`, `"Partial"`, an object) is null. Never a contract breach, because the
 * docs promise no boolean there and one odd value must not fail a whole reply.
 */
export const booleanOrNull = z
  .unknown()
  .optional()
  .transform((value): boolean | null => readBoolean(value) ?? null);

/** A calendar date in any format lib/dates.ts reads, returned as `YYYY-MM-DD`. */
export const date = lenient((value) => {
  if (typeof value !== 'string') return undefined;
  // Zero dates are how some SQL back ends spell "no date".
  if (/^0000-00-00/.test(value.trim())) return null;
  return parseLooseDate(value);
}, 'a date (YYYY-MM-DD)');

/** An ISO 8601 timestamp (a bare date is accepted and kept as sent). */
export const dateTime = lenient(
  (value) => (typeof value === 'string' ? parseIsoDateTime(value) : undefined),
  'an ISO 8601 date-time',
);

/** A list that may be missing or null upstream; both mean empty. */
export function list<T extends z.ZodType>(item: T) {
  return z
    .array(item)
    .nullish()
    .transform((items) => items ?? []);
}

/**
 * `list`, also reading a blank string as empty: FactorCloud's examples stringify every value and
 * use `""` for "no value" (factorcloud.md §1.5, §6.6), so an empty `InvoiceArray` may come as `""`.
 * Any other non-array value is still refused.
 */
export function listOrBlank<T extends z.ZodType>(item: T) {
  return z
    .unknown()
    .optional()
    .transform((value) => (blank(value) ? [] : value))
    .pipe(z.array(item));
}
