import { describe, expect, it } from 'vitest';
import { statusFailure } from '../../src/http/failures.js';
import { parseHttpDate, parseRetryAfter } from '../../src/http/retryAfter.js';
import { fullJitterDelay, planRetry } from '../../src/http/retryPlan.js';
import type { FailedAttempt } from '../../src/http/retryPlan.js';

const POLICY = { maxAttempts: 3, baseDelayMs: 100, maxDelayMs: 1_000 };
const NOW = Date.UTC(2026, 2, 28, 12, 0, 0);

/** A deterministic stand-in for Math.random that walks through `values`. */
function sequence(...values: number[]): () => number {
  let i = 0;
  return () => values[i++ % values.length] ?? 0;
}

describe('fullJitterDelay', () => {
  it('spans [0, base · 2^(retry-1)) and doubles its ceiling with every retry', () => {
    expect(fullJitterDelay(1, POLICY, () => 0)).toBe(0);
    expect(fullJitterDelay(1, POLICY, () => 0.999999)).toBe(99);
    expect(fullJitterDelay(2, POLICY, () => 0.999999)).toBe(199);
    expect(fullJitterDelay(3, POLICY, () => 0.999999)).toBe(399);
    expect(fullJitterDelay(3, POLICY, () => 0.5)).toBe(200);
  });

  it('never exceeds maxDelayMs, however many retries', () => {
    expect(fullJitterDelay(30, POLICY, () => 0.999999)).toBe(999);
  });

  it('stays inside its bounds for any random draw', () => {
    for (let retry = 1; retry <= 8; retry += 1) {
      const ceiling = Math.min(POLICY.maxDelayMs, POLICY.baseDelayMs * 2 ** (retry - 1));
      for (let i = 0; i < 200; i += 1) {
        const delay = fullJitterDelay(retry, POLICY);
        expect(delay).toBeGreaterThanOrEqual(0);
        expect(delay).toBeLessThan(ceiling);
        expect(Number.isInteger(delay)).toBe(true);
      }
    }
  });
});

describe('planRetry', () => {
  const failed = (overrides: Partial<FailedAttempt>): FailedAttempt => ({
    attempt: 1,
    idempotent: true,
    retryable: true,
    remainingMs: 10_000,
    ...overrides,
  });

  it('retries a retryable failure of an idempotent request after a jittered backoff', () => {
    expect(planRetry(failed({ status: 503 }), POLICY, sequence(0.5))).toEqual({ retry: true, delayMs: 50 });
  });

  it('never retries a request that is not marked idempotent, whatever the failure', () => {
    expect(planRetry(failed({ idempotent: false, status: 503 }), POLICY)).toEqual({
      retry: false,
      reason: 'not-idempotent',
    });
  });

  it('does not retry failures a repeat cannot fix', () => {
    expect(planRetry(failed({ retryable: false, status: 400 }), POLICY).retry).toBe(false);
  });

  it('stops after maxAttempts attempts in all', () => {
    expect(planRetry(failed({ attempt: 2 }), POLICY).retry).toBe(true);
    expect(planRetry(failed({ attempt: 3 }), POLICY)).toEqual({ retry: false, reason: 'attempts-spent' });
  });

  it.each([429, 503])('waits exactly the Retry-After of a %i', (status) => {
    expect(planRetry(failed({ status, retryAfterSeconds: 2 }), POLICY, () => 0.99)).toEqual({
      retry: true,
      delayMs: 2_000,
    });
  });

  it('ignores Retry-After on other statuses and backs off as usual', () => {
    expect(planRetry(failed({ status: 502, retryAfterSeconds: 60 }), POLICY, () => 0.5)).toEqual({
      retry: true,
      delayMs: 50,
    });
  });

  it('fails at once when the asked wait does not fit in the time left', () => {
    const decision = planRetry(failed({ status: 503, retryAfterSeconds: 10, remainingMs: 9_000 }), POLICY);
    expect(decision).toEqual({ retry: false, reason: 'retry-after-too-long' });
  });

  it('does not start a backoff that would outlast the deadline', () => {
    expect(planRetry(failed({ remainingMs: 40 }), POLICY, () => 0.5)).toEqual({
      retry: false,
      reason: 'no-time-left',
    });
  });
});

describe('Retry-After', () => {
  it('reads all three HTTP-date forms as the same instant (RFC 9110 §5.6.7)', () => {
    const at = Date.UTC(1994, 10, 6, 8, 49, 37);
    expect(parseHttpDate('Sun, 06 Nov 1994 08:49:37 GMT')).toBe(at);
    expect(parseHttpDate('Sunday, 06-Nov-94 08:49:37 GMT')).toBe(at);
    expect(parseHttpDate('Sun Nov  6 08:49:37 1994')).toBe(at);
  });

  it('reads a two-digit year as this century up to 49 and the last from 50', () => {
    expect(parseHttpDate('Saturday, 28-Mar-26 12:02:00 GMT')).toBe(NOW + 120_000);
    expect(parseHttpDate('Sunday, 28-Mar-49 12:00:00 GMT')).toBe(Date.UTC(2049, 2, 28, 12));
    expect(parseHttpDate('Sunday, 28-Mar-77 12:00:00 GMT')).toBe(Date.UTC(1977, 2, 28, 12));
  });

  it('reads an asctime date as GMT whatever the local time zone', () => {
    // The local zone is read when a Date is made, so this holds on a machine set to UTC too.
    const zone = process.env.TZ;
    process.env.TZ = 'Europe/Berlin';
    try {
      expect(parseHttpDate('Sun Mar 29 12:00:00 2026')).toBe(Date.UTC(2026, 2, 29, 12));
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });

  it('refuses dates that do not exist and forms that are not HTTP dates', () => {
    expect(parseHttpDate('Tue, 31 Feb 2026 12:00:00 GMT')).toBeUndefined();
    expect(parseHttpDate('Sat, 28 Mar 2026 25:00:00 GMT')).toBeUndefined();
    expect(parseHttpDate('2026-03-28T12:00:00Z')).toBeUndefined();
    expect(parseHttpDate('Sat, 28 Mar 2026 12:00:00 CET')).toBeUndefined();
    expect(parseRetryAfter('+5', NOW)).toBeUndefined();
  });

  it('turns an HTTP date into seconds to wait, rounded up, and carries them on the error', () => {
    expect(parseRetryAfter('Sat, 28 Mar 2026 12:00:01 GMT', NOW - 1)).toBe(2);
    expect(parseRetryAfter('Sun Mar 29 12:00:00 2026', NOW)).toBe(86_400);
    const error = statusFailure(429, '7', { upstream: 'factorcloud', endpoint: 'get-client' });
    expect(error.retryAfterSeconds).toBe(7);
    expect(planRetry({ ...failedFrom(error), remainingMs: 5_000 }, POLICY)).toEqual({
      retry: false,
      reason: 'retry-after-too-long',
    });
  });
});

function failedFrom(error: { status: number | undefined; retryAfterSeconds: number | undefined }) {
  return { attempt: 1, idempotent: true, retryable: true, ...error, remainingMs: 0 };
}
