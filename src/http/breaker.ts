import type { BreakerState } from './observer.js';

export interface BreakerPolicy {
  /** Consecutive upstream-health failures that open the breaker. */
  failureThreshold: number;
  /** How long an open breaker refuses calls before it lets one probe through. */
  cooldownMs: number;
}

export type Admission = { admitted: true; probe: boolean } | { admitted: false; retryAfterMs: number };

/**
 * What an attempt says about the upstream's health: `failure` for timeouts, connection errors and
 * 5xx; `success` for any answer that proves it is up (a 404 or a malformed body included);
 * `neutral` when the attempt never reached it (our own queue, our own shutdown).
 */
export type HealthVerdict = 'success' | 'failure' | 'neutral';

/**
 * A circuit breaker that opens after `failureThreshold` consecutive health failures.
 *
 * Consecutive failures rather than a failure rate over a window: a rate needs a minimum volume
 * and a window length to mean anything, and this subgraph's traffic per upstream is bursty (one
 * query fans out into many calls, then nothing). A run of failures with no success in between is
 * the plain signal of an outage; a flaky upstream that still answers most calls keeps the breaker
 * closed and is handled by retries under their budget instead.
 *
 * Open: every call fails fast until the cool-down ends. Half-open: exactly one call (the probe)
 * goes through; its success closes the breaker, its failure opens it for another cool-down.
 * Time is read through `now` so the state machine can be driven without waiting.
 *
 * Not cockatiel's CircuitBreakerPolicy (3.2.1; 4.x needs Node 22): there, calls arriving while
 * half-open wait for the probe instead of failing fast, a probe that never reached the upstream
 * (`neutral`) closes the breaker, and its clock is Date.now, read only when a call comes.
 */
export class CircuitBreaker {
  private current: BreakerState = 'closed';
  private consecutiveFailures = 0;
  private openedAt = 0;
  private probeInFlight = false;

  constructor(
    private readonly policy: BreakerPolicy,
    private readonly onChange: (state: BreakerState) => void = () => {},
    private readonly now: () => number = Date.now,
  ) {
    if (!Number.isInteger(policy.failureThreshold) || policy.failureThreshold < 1) {
      throw new RangeError(`failureThreshold must be a positive integer, got ${policy.failureThreshold}`);
    }
  }

  get state(): BreakerState {
    this.coolDown();
    return this.current;
  }

  /** Whether a call may go to the upstream now; a refusal says how long until the next probe. */
  admit(): Admission {
    this.coolDown();
    if (this.current === 'closed') return { admitted: true, probe: false };
    if (this.current === 'half-open' && !this.probeInFlight) {
      this.probeInFlight = true;
      return { admitted: true, probe: true };
    }
    // Half-open with the probe still out: the answer is moments away, so the wait is the minimum.
    return {
      admitted: false,
      retryAfterMs: Math.max(0, this.openedAt + this.policy.cooldownMs - this.now()),
    };
  }

  /** Reports the outcome of an admitted attempt; `probe` as returned by `admit`. */
  record(verdict: HealthVerdict, probe: boolean): void {
    if (probe) {
      this.probeInFlight = false;
      if (verdict === 'success') this.close();
      else if (verdict === 'failure') this.open();
      // neutral: the probe told us nothing, so the next call may probe instead.
      return;
    }
    // Attempts admitted before the breaker opened may finish after it; only the probe decides then.
    if (this.current !== 'closed' || verdict === 'neutral') return;
    if (verdict === 'success') {
      this.consecutiveFailures = 0;
      return;
    }
    this.consecutiveFailures += 1;
    if (this.consecutiveFailures >= this.policy.failureThreshold) this.open();
  }

  private coolDown(): void {
    if (this.current === 'open' && this.now() >= this.openedAt + this.policy.cooldownMs) {
      this.transition('half-open');
    }
  }

  private open(): void {
    this.openedAt = this.now();
    this.transition('open');
  }

  private close(): void {
    this.consecutiveFailures = 0;
    this.transition('closed');
  }

  private transition(state: BreakerState): void {
    if (state === this.current) return;
    this.current = state;
    this.onChange(state);
  }
}
