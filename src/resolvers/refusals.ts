import type { UserError } from '../validation/userErrors.js';

/**
 * A write the upstream refused with a 4xx becomes a typed user error (never its body: the
 * upstream's wording can echo data or credentials). 409 is a conflict, 404 a missing thing,
 * anything else a refusal the upstream did not explain.
 */
export function refusal(upstream: string, status: number, field: string[], what: string): UserError {
  if (status === 409) {
    return {
      field,
      code: 'CONFLICT',
      message: `${field.join('.')}: ${upstream} already has this ${what} (HTTP 409); nothing was created`,
    };
  }
  if (status === 404) {
    return {
      field,
      code: 'NOT_FOUND',
      message: `${field.join('.')}: ${upstream} does not know what this ${what} refers to (HTTP 404)`,
    };
  }
  if (status === 401 || status === 403) {
    return {
      field,
      code: 'REJECTED',
      message: `${field.join('.')}: ${upstream} refused the credentials for this ${what} (HTTP ${status})`,
    };
  }
  return {
    field,
    code: 'REJECTED',
    message: `${field.join('.')}: ${upstream} refused the ${what} (HTTP ${status})`,
  };
}
