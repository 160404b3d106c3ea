import type { z } from 'zod';
import type { UpstreamResponse } from '../../http/upstreamTypes.js';
import { isSuccess, refusalOf } from '../writeOutcome.js';
import type { WriteOutcome } from '../writeOutcome.js';
import { hasNoValues } from './keys.js';

/** How FactorCloud replies read, shared by the entries of endpoints/. */

export const FACTORCLOUD = 'factorcloud' as const;

/** Where a reply came from, for contract-breach errors. */
export const where = (endpoint: string) => ({ upstream: FACTORCLOUD, endpoint });

/** Read entries accept a 404 themselves: it means "not known". */
export const NOT_KNOWN: readonly number[] = [404];

/**
 * A read's reply. Unknown keys are undocumented: a 404, or a 200 that says nothing (`isEmpty`),
 * means "not known" and reads as null.
 */
export function knownOrNull<P, R>(
  isEmpty: (body: unknown) => boolean,
  read: (body: unknown, params: P) => R,
): (response: UpstreamResponse, params: P) => R | null {
  return ({ status, body }, params) => (status === 404 || isEmpty(body) ? null : read(body, params));
}

/**
 * FactorCloud documents no error statuses or bodies (factorcloud.md §7), so a 4xx answer to a
 * write is read by status alone: the caller's request was refused, and the caller can act on it.
 *
 * Left out on purpose: 401/403 (our credentials, not the caller's input), 407, 408 and 429 (the
 * upstream is unavailable or slow); those stay UpstreamErrors and become field errors, like 5xx.
 */
export const WRITE_REFUSAL_STATUSES: readonly number[] = Array.from(
  { length: 100 },
  (_, i) => 400 + i,
).filter((status) => ![401, 403, 407, 408, 429].includes(status));

/**
 * A write's reply: a refusal (see WRITE_REFUSAL_STATUSES) is an outcome, not an exception, and
 * its body is never read; 5xx, timeouts and credential refusals stay UpstreamErrors.
 */
export function writeReply<P, T>(
  read: (reply: unknown, params: P, status: number) => T,
): (response: UpstreamResponse, params: P) => WriteOutcome<T> {
  return ({ status, body }, params) =>
    isSuccess(status) ? { ok: true, status, value: read(body, params, status) } : refusalOf(status);
}

/**
 * The create calls answer with "an echo JSON object with the in-system information", which "may
 * be different" from what was sent (factorcloud.md §1.5); no example of it survived. An echo that
 * is empty, says nothing, or does not fit the read object is therefore not a contract breach: it
 * reads as `null`, and the caller re-reads the record (or, without a read call, keeps what it sent).
 */
export function readEcho<S extends z.ZodType>(
  schema: S,
  body: unknown,
  keys: readonly string[],
): z.output<S> | null {
  if (hasNoValues(body, keys)) return null;
  const parsed = schema.safeParse(body);
  return parsed.success ? parsed.data : null;
}
