import { z } from 'zod';
import { isRealDate } from '../dataset/calendar.js';
import type { JsonReply } from '../http.js';
import { COUNTRY_CODES, CURRENCY_CODES, LANGUAGE_CODES, postalCodeProblem } from './isoCodes.js';

/**
 * Request validation shared by the Confirma write endpoints: the data types of the docs' "Data
 * validation" page (confirma.md §3.1) as zod schemas, and one way of turning the first problem
 * into a 400 whose message names the field (`invoice.header.currencyCode must be …`).
 */

export type Parsed<T> = { ok: true; value: T } | { ok: false; reply: JsonReply };

export function badRequest(message: string): JsonReply {
  return { status: 400, body: { message } };
}

/**
 * Docs list statuses but no error bodies (§3.2); every simulator error is `{"message": "..."}`.
 * Only the first problem is reported: a client fixes one field at a time and the message stays
 * short enough to log.
 */
export function parseRequest<S extends z.ZodType>(schema: S, body: unknown): Parsed<z.output<S>> {
  const result = schema.safeParse(body, { reportInput: true });
  if (result.success) return { ok: true, value: result.data };
  const issue = result.error.issues[0];
  return { ok: false, reply: badRequest(issue ? describeIssue(issue) : 'Request body is not valid') };
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const field = fieldName(issue.path);
  if (issue.code === 'invalid_type' && issue.input === undefined) {
    return field ? `${field} is required` : 'Request body is required';
  }
  const subject = field || 'Request body';
  const shown = shownInput(issue.input);
  const rule =
    issue.code === 'invalid_type'
      ? `must be ${EXPECTED[issue.expected] ?? issue.expected}`
      : lowerFirst(issue.message);
  return `${subject} ${rule}${shown === undefined ? '' : ` (got ${shown})`}`;
}

const EXPECTED: Readonly<Record<string, string>> = {
  object: 'a JSON object',
  array: 'an array',
  string: 'a string',
  number: 'a number',
  int: 'an integer',
  boolean: 'true or false',
};

/** `['actions', 2, 'data', 'dueDate']` → `actions[2].data.dueDate`. */
export function fieldName(path: readonly PropertyKey[]): string {
  return path
    .map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i === 0 ? '' : '.'}${String(part)}`))
    .join('');
}

function shownInput(input: unknown): string | undefined {
  if (typeof input === 'string') return input.length <= 40 ? JSON.stringify(input) : undefined;
  if (typeof input === 'number' || typeof input === 'boolean') return String(input);
  return undefined;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** The body of a POST as JSON; `undefined` when it is empty or not JSON. */
export function jsonBody(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    const parsed: unknown = JSON.parse(text);
    return parsed;
  } catch {
    return undefined;
  }
}

// --- Field types (confirma.md §3.1) -------------------------------------------------------------

export const text = z.string().trim().min(1, 'must not be empty');
export const optionalText = z.string().nullish();

export const isoDate = z
  .string()
  .refine(isRealDate, { message: 'must be a real date in YYYY-MM-DD format', abort: true });

export const currencyCode = z.string().refine((code) => CURRENCY_CODES.has(code), {
  message: 'must be an ISO 4217 currency code in upper case, e.g. EUR',
  abort: true,
});

export const countryCode = z.string().refine((code) => COUNTRY_CODES.has(code), {
  message: 'must be an ISO 3166-1 alpha-2 country code, e.g. FI',
  abort: true,
});

/**
 * ISO 639-1 writes language codes in lower case, the docs' examples in upper case: the simulator
 * accepts either and stores upper case.
 */
export const languageCode = z
  .string()
  .transform((code) => code.toUpperCase())
  .refine((code) => LANGUAGE_CODES.has(code), {
    message: 'must be an ISO 639-1 language code, e.g. FI',
    abort: true,
  });

/** The W3C HTML `type=email` rule, which is what the docs cite ("W3C-style regex check"). */
const W3C_EMAIL =
  /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/;
export const email = z.string().regex(W3C_EMAIL, 'must be an e-mail address');

/** "Common URL pattern" (§3.1): http(s), a dotted host, optional path. Empty means "none". */
export const website = z
  .string()
  .regex(/^(?:$|(?:https?:\/\/)?[a-z0-9-]+(?:\.[a-z0-9-]+)+(?::\d{1,5})?(?:[/?#]\S*)?$)/i, 'must be a URL');

/**
 * Money: "number<double>, 2 decimals" (§3.1). The check reads the number's shortest decimal form,
 * which is exact for anything a client can write with two decimals, and the value becomes integer
 * cents from that text, never through float arithmetic. Bounded well inside safe integers.
 */
export const money = z
  .number()
  .refine(
    (value) => /^-?\d+(\.\d{1,2})?$/.test(String(value)) && Math.abs(value) < 1e11,
    // Aborting keeps object-level refinements from ever seeing an untransformed (float) amount.
    { message: 'must be a number with at most 2 decimals', abort: true },
  )
  .transform(centsOf);

function centsOf(value: number): number {
  const [whole = '0', fraction = ''] = String(Math.abs(value)).split('.');
  const cents = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  return value < 0 ? -cents : cents;
}

export const positiveInteger = z.number().int('must be an integer').positive('must be positive');

/**
 * Finnish business ID (Y-tunnus), `1234567-8`. The docs' own examples also show the older
 * six-digit form (`123456-7`, §4.1, §4.12), which is the same ID without its leading zero: the
 * simulator accepts it and stores the seven-digit form. Docs are silent on the check digit; the
 * simulator does not verify it because the docs' `123456-7` would fail the mod-11 check.
 */
export const businessCode = z
  .string()
  .regex(/^\d{6,7}-\d$/, 'must be a Finnish business ID (Y-tunnus) like 1234567-8')
  .transform((code) => code.padStart(9, '0'));

/** Adds a postal-code issue at `path` when both codes are present and they do not fit. */
export function checkPostalCode(
  ctx: z.RefinementCtx,
  path: PropertyKey[],
  country: string | null | undefined,
  postalCode: string | null | undefined,
): void {
  if (!country || !postalCode) return;
  const problem = postalCodeProblem(country, postalCode);
  if (problem) ctx.addIssue({ code: 'custom', path, message: problem, input: postalCode });
}

/** Reads a query flag `true`/`false` (any case); `null` when absent, `undefined` when malformed. */
export function queryFlag(query: URLSearchParams, name: string): boolean | null | undefined {
  const raw = query.get(name)?.trim().toLowerCase();
  if (!raw) return null;
  if (raw === 'true') return true;
  if (raw === 'false') return false;
  return undefined;
}
