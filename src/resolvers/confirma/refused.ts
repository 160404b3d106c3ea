import type { WriteRefusal } from '../../upstreams/writeOutcome.js';
import type { UserError } from '../../validation/userErrors.js';
import { refusal } from '../refusals.js';

/**
 * A Confirma write refused with a 4xx, as the caller's user error (refusals.ts words it by status).
 * Every Confirma write a resolver sends reaches Confirma, so its refusal has a status; one
 * without is worded by its kind.
 */
export function refusedByConfirma(outcome: WriteRefusal, field: string[], what: string): UserError {
  if (outcome.status !== null) return refusal('Confirma', outcome.status, field, what);
  return {
    field,
    code: outcome.refusal,
    message: `${field.join('.')}: the ${what} was refused before it was sent`,
  };
}
