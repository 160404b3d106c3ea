import { z } from 'zod';
import { rule } from './userErrors.js';

/**
 * The one rule for a Confirma identifier given by a caller (invoice numbers and agency case ids):
 * a positive whole number of at most 30 digits. Confirma's identifiers are integers
 * (confirma.md §3.4) and case ids exceed 64 bits in the docs' own examples, hence 30 digits.
 * Leading zeros are dropped: `"007"` names invoice 7, and the id goes to Confirma as a JSON
 * number in some bodies, where `007` is not valid JSON.
 */
const MAX_DIGITS = 30;
const CONFIRMA_ID = new RegExp(`^0*[1-9]\\d{0,${MAX_DIGITS - 1}}$`);

export const CONFIRMA_ID_FORM = `a positive whole number of at most ${MAX_DIGITS} digits (Confirma identifiers are integers)`;

/** The id without surrounding spaces or leading zeros, or `undefined` when it breaks the rule. */
export function readConfirmaId(value: string): string | undefined {
  const trimmed = value.trim();
  if (!CONFIRMA_ID.test(trimmed)) return undefined;
  return trimmed.replace(/^0+/, '');
}

/** The rule as a zod string schema for mutation inputs; `what` names the identifier. */
export const confirmaId = (what: string) =>
  z.string().transform((value, ctx) => {
    const id = readConfirmaId(value);
    if (id !== undefined) return id;
    ctx.addIssue({
      code: 'custom',
      message: `must be ${CONFIRMA_ID_FORM}: ${what}`,
      ...rule('INVALID_FORMAT'),
    });
    return z.NEVER;
  });
