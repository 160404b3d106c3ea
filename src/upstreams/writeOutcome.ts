/**
 * How a write to either upstream ended: accepted with what the upstream echoed, or refused with
 * a 4xx the caller can act on (fix the input, pick another key). The refusal's body is never
 * read or kept: an upstream's wording can echo data or credentials. Failures that are not the
 * caller's (5xx, timeouts, our credentials refused) stay UpstreamErrors and become field errors.
 */
export type WriteOutcome<T> = WriteAccepted<T> | WriteRefusal;

export interface WriteAccepted<T> {
  ok: true;
  status: number;
  value: T;
}

export type WriteRefusalKind = 'CONFLICT' | 'NOT_FOUND' | 'REJECTED';

export interface WriteRefusal {
  ok: false;
  refusal: WriteRefusalKind;
  /** The HTTP status the upstream answered with; null when we refused before sending. */
  status: number | null;
}

/** 409 is a conflict (the thing exists), 404 a missing thing, anything else a plain refusal. */
export function refusalOf(status: number, conflict = status === 409): WriteRefusal {
  const refusal: WriteRefusalKind = conflict ? 'CONFLICT' : status === 404 ? 'NOT_FOUND' : 'REJECTED';
  return { ok: false, refusal, status };
}

/** Our own refusal, before anything was sent: the thing already exists (or is being created). */
export const ALREADY_EXISTS: WriteRefusal = { ok: false, refusal: 'CONFLICT', status: null };

export function isSuccess(status: number): boolean {
  return status >= 200 && status < 300;
}
