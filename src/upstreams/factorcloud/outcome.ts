/**
 * How a FactorCloud write ended. FactorCloud documents no error statuses or bodies (factorcloud.md
 * §7), so a 4xx answer to a write is read by status alone: the caller's request was refused, and
 * the caller can act on it (fix the input, pick another key). The body is never read or kept.
 *
 * Left out on purpose: 401/403 (our credentials, not the caller's input), 407, 408 and 429 (the
 * upstream is unavailable or slow); those stay UpstreamErrors and become field errors, like 5xx.
 */
export const WRITE_REFUSAL_STATUSES: readonly number[] = Array.from(
  { length: 100 },
  (_, i) => 400 + i,
).filter((status) => ![401, 403, 407, 408, 429].includes(status));

export type WriteRefusalKind = 'CONFLICT' | 'NOT_FOUND' | 'REJECTED';

export interface WriteRefusal {
  ok: false;
  refusal: WriteRefusalKind;
  /** The HTTP status FactorCloud answered with; null when we refused before sending. */
  status: number | null;
}

export interface WriteAccepted<T> {
  ok: true;
  status: number;
  value: T;
}

export type WriteOutcome<T> = WriteAccepted<T> | WriteRefusal;

export function refusalOf(status: number): WriteRefusal {
  const refusal: WriteRefusalKind = status === 409 ? 'CONFLICT' : status === 404 ? 'NOT_FOUND' : 'REJECTED';
  return { ok: false, refusal, status };
}

/** Our own refusal, before anything was sent: the thing already exists (or is being created). */
export const ALREADY_EXISTS: WriteRefusal = { ok: false, refusal: 'CONFLICT', status: null };

export function isSuccess(status: number): boolean {
  return status >= 200 && status < 300;
}
