import type { z } from 'zod';
import { rule } from './userErrors.js';

/**
 * Debtor and vendor `Zipcode` (factorcloud.md §5.6: "US, Mexican or Canadian format"), checked
 * against `Country` (`USA`/`MEX`/`CAN`, §3) when one is given. The docs name the formats without
 * spelling them out; these are the national postal formats: US ZIP and ZIP+4, Mexican five-digit
 * código postal, Canadian `A#A #A#` (the space and the letter case are taken as optional, since
 * people type both).
 * Client `ZipCode` is not checked: create-client gives no format and the read object says
 * "non-US formats allowed" (§5.3, §4.2).
 */

const FORMATS = {
  USA: { pattern: /^\d{5}(?:-\d{4})?$/, shape: 'a US ZIP code (##### or #####-####)' },
  MEX: { pattern: /^\d{5}$/, shape: 'a Mexican postal code (#####)' },
  CAN: { pattern: /^[A-Za-z]\d[A-Za-z] ?\d[A-Za-z]\d$/, shape: 'a Canadian postal code (A#A #A#)' },
} as const;

type ZipCountry = keyof typeof FORMATS;

function isZipCountry(value: string): value is ZipCountry {
  return Object.hasOwn(FORMATS, value);
}

const ANY_SHAPE = 'a US (##### or #####-####), Mexican (#####) or Canadian (A#A #A#) postal code';

/** What `zipCode` must look like for `country`, or `undefined` when it already does. */
export function zipCodeProblem(zipCode: string, country: string | undefined): string | undefined {
  const zip = zipCode.trim();
  if (country !== undefined && isZipCountry(country)) {
    const format = FORMATS[country];
    return format.pattern.test(zip) ? undefined : `must be ${format.shape} for country ${country}`;
  }
  const fitsOne = Object.values(FORMATS).some((format) => format.pattern.test(zip));
  return fitsOne ? undefined : `must be ${ANY_SHAPE}`;
}

/**
 * A Canadian code in the canonical form (`k1a0b1` → `K1A 0B1`), the form the docs' "Canadian
 * format" most likely means; other codes are sent as typed (trimmed).
 */
export function canonicalZipCode(zipCode: string): string {
  return FORMATS.CAN.pattern.test(zipCode)
    ? `${zipCode.slice(0, 3)} ${zipCode.slice(-3)}`.toUpperCase()
    : zipCode;
}

/**
 * Cross-field rule for a party input. It may run on unparsed input (when another field failed),
 * hence the defensive reads; a blank zip is "not given". An unknown country is reported on its own
 * field, so the zip is then only held to the three formats.
 */
export function checkZipCode(party: { zipCode?: unknown; country?: unknown }, ctx: z.RefinementCtx): void {
  if (typeof party.zipCode !== 'string' || party.zipCode.trim() === '') return;
  const country = typeof party.country === 'string' ? party.country.trim().toUpperCase() : undefined;
  const problem = zipCodeProblem(party.zipCode, country);
  if (problem === undefined) return;
  ctx.addIssue({ code: 'custom', path: ['zipCode'], message: problem, ...rule('INVALID_FORMAT') });
}
