import type { RetryBudgetPolicy } from './retryBudget.js';

export interface RetryPolicy {
  /** Attempts per call, the first included; 1 turns retries off. */
  maxAttempts: number;
  /** Ceiling of the first backoff; doubles with every retry. */
  baseDelayMs: number;
  /** Ceiling the doubling stops at. */
  maxDelayMs: number;
  budget: RetryBudgetPolicy;
}

/** Statuses whose Retry-After we wait for (RFC 9110 §10.2.3 names 503 and 429's RFC 6585 §4). */
const RETRY_AFTER_STATUSES = new Set([429, 503]);

/**
 * Backoff with full jitter: uniform in [0, min(maxDelayMs, baseDelayMs · 2^(retry-1))). Spreading
 * the whole range, not a band around the ceiling, keeps clients that failed together from retrying
 * together ("Exponential Backoff And Jitter", AWS Architecture Blog, 2015).
 */
export function fullJitterDelay(
  retry: number,
  policy: Pick<RetryPolicy, 'baseDelayMs' | 'maxDelayMs'>,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, retry - 1));
  return Math.floor(random() * ceiling);
}

export interface FailedAttempt {
  /** The attempt that just failed, 1 for the first. */
  attempt: number;
  /** Set by the caller for reads; writes are never repeated, whatever went wrong. */
  idempotent: boolean;
  /** Whether the failure is of a kind a repeat can fix (see classify.ts). */
  retryable: boolean;
  status?: number | undefined;
  retryAfterSeconds?: number | undefined;
  /** Time left of the whole-call deadline. */
  remainingMs: number;
}

export type RetryDecision =
  | { retry: true; delayMs: number }
  | {
      retry: false;
      reason: 'not-idempotent' | 'not-retryable' | 'attempts-spent' | 'retry-after-too-long' | 'no-time-left';
    };

/**
 * Whether and when to repeat a failed attempt. The retry budget is asked separately, and only
 * after this says yes, so a call that would not retry anyway does not spend it.
 */
export function planRetry(
  failed: FailedAttempt,
  policy: Pick<RetryPolicy, 'maxAttempts' | 'baseDelayMs' | 'maxDelayMs'>,
  random: () => number = Math.random,
): RetryDecision {
  if (!failed.idempotent) return { retry: false, reason: 'not-idempotent' };
  if (!failed.retryable) return { retry: false, reason: 'not-retryable' };
  if (failed.attempt >= policy.maxAttempts) return { retry: false, reason: 'attempts-spent' };
  const askedMs =
    failed.status !== undefined &&
    RETRY_AFTER_STATUSES.has(failed.status) &&
    failed.retryAfterSeconds !== undefined
      ? failed.retryAfterSeconds * 1000
      : undefined;
  // Waiting past the deadline only to time out helps nobody: fail now, and the error carries the
  // upstream's Retry-After so our caller knows when to come back.
  if (askedMs !== undefined && askedMs >= failed.remainingMs) {
    return { retry: false, reason: 'retry-after-too-long' };
  }
  const delayMs = askedMs ?? fullJitterDelay(failed.attempt, policy, random);
  if (delayMs >= failed.remainingMs) return { retry: false, reason: 'no-time-left' };
  return { retry: true, delayMs };
}
