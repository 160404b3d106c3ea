import { describe, expect, it } from 'vitest';
import { CircuitBreaker } from '../../src/http/breaker.js';
import type { BreakerState } from '../../src/http/observer.js';
import { RetryBudget } from '../../src/http/retryBudget.js';

/** A clock the test moves by hand. */
function manualClock(start = 1_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

function breakerWithLog(threshold = 3, cooldownMs = 5_000) {
  const clock = manualClock();
  const changes: BreakerState[] = [];
  const breaker = new CircuitBreaker(
    { failureThreshold: threshold, cooldownMs },
    (s) => changes.push(s),
    clock.now,
  );
  /** One admitted call with the given outcome. */
  const call = (verdict: 'success' | 'failure' | 'neutral') => {
    const admission = breaker.admit();
    if (!admission.admitted) throw new Error('expected the breaker to admit the call');
    breaker.record(verdict, admission.probe);
  };
  return { breaker, clock, changes, call };
}

describe('CircuitBreaker', () => {
  it('opens after the threshold of consecutive failures and then refuses calls', () => {
    const { breaker, changes, call } = breakerWithLog(3);
    call('failure');
    call('failure');
    expect(breaker.state).toBe('closed');
    call('failure');
    expect(breaker.state).toBe('open');
    expect(breaker.admit()).toEqual({ admitted: false, retryAfterMs: 5_000 });
    expect(changes).toEqual(['open']);
  });

  it('starts counting again after a success, and ignores neutral outcomes', () => {
    const { breaker, call } = breakerWithLog(3);
    call('failure');
    call('failure');
    call('success');
    call('failure');
    call('neutral');
    call('failure');
    expect(breaker.state).toBe('closed');
    call('failure');
    expect(breaker.state).toBe('open');
  });

  it('says how long is left of the cool-down, and goes half-open when it is over', () => {
    const { breaker, clock, call } = breakerWithLog(1, 5_000);
    call('failure');
    clock.advance(3_000);
    expect(breaker.admit()).toEqual({ admitted: false, retryAfterMs: 2_000 });
    clock.advance(2_000);
    expect(breaker.state).toBe('half-open');
  });

  it('lets exactly one probe through while half-open', () => {
    const { breaker, clock, call } = breakerWithLog(1);
    call('failure');
    clock.advance(5_000);
    expect(breaker.admit()).toEqual({ admitted: true, probe: true });
    expect(breaker.admit()).toMatchObject({ admitted: false });
    expect(breaker.admit()).toMatchObject({ admitted: false });
  });

  it('closes when the probe succeeds', () => {
    const { breaker, clock, changes, call } = breakerWithLog(2);
    call('failure');
    call('failure');
    clock.advance(5_000);
    call('success');
    expect(breaker.state).toBe('closed');
    expect(changes).toEqual(['open', 'half-open', 'closed']);
    // A fresh count: one failure does not re-open a breaker with threshold 2.
    call('failure');
    expect(breaker.state).toBe('closed');
  });

  it('re-opens for a whole new cool-down when the probe fails', () => {
    const { breaker, clock, changes, call } = breakerWithLog(1, 5_000);
    call('failure');
    clock.advance(5_000);
    call('failure');
    expect(breaker.state).toBe('open');
    expect(breaker.admit()).toEqual({ admitted: false, retryAfterMs: 5_000 });
    expect(changes).toEqual(['open', 'half-open', 'open']);
  });

  it('lets the next call probe when the probe never reached the upstream', () => {
    const { breaker, clock, call } = breakerWithLog(1);
    call('failure');
    clock.advance(5_000);
    call('neutral');
    expect(breaker.state).toBe('half-open');
    expect(breaker.admit()).toEqual({ admitted: true, probe: true });
  });

  it('ignores late results of calls admitted before it opened', () => {
    const { breaker, call } = breakerWithLog(1);
    const early = breaker.admit();
    call('failure');
    expect(early).toEqual({ admitted: true, probe: false });
    breaker.record('success', false);
    expect(breaker.state).toBe('open');
  });

  it('refuses a threshold that is not a positive integer', () => {
    expect(() => new CircuitBreaker({ failureThreshold: 0, cooldownMs: 1 })).toThrow(RangeError);
  });
});

describe('RetryBudget', () => {
  const policy = { percent: 20, minRetries: 2, windowMs: 10_000 };

  it('allows the floor of retries with no traffic at all, then no more', () => {
    const budget = new RetryBudget(policy, manualClock().now);
    expect([budget.tryRetry(), budget.tryRetry(), budget.tryRetry()]).toEqual([true, true, false]);
  });

  it('adds percent of the recent calls on top of the floor', () => {
    const budget = new RetryBudget(policy, manualClock().now);
    for (let i = 0; i < 50; i += 1) budget.recordCall();
    let granted = 0;
    while (budget.tryRetry()) granted += 1;
    expect(granted).toBe(2 + 10);
  });

  it('forgets calls and retries older than the window', () => {
    const clock = manualClock();
    const budget = new RetryBudget(policy, clock.now);
    for (let i = 0; i < 50; i += 1) budget.recordCall();
    while (budget.tryRetry());
    expect(budget.tryRetry()).toBe(false);
    clock.advance(10_000);
    // The 50 calls aged out with the retries they paid for: the floor is back, nothing more.
    expect([budget.tryRetry(), budget.tryRetry(), budget.tryRetry()]).toEqual([true, true, false]);
  });

  it('ages out in steps: half a window later, half the traffic still counts', () => {
    const clock = manualClock(0);
    const budget = new RetryBudget({ percent: 100, minRetries: 0, windowMs: 10_000 }, clock.now);
    for (let i = 0; i < 5; i += 1) budget.recordCall();
    clock.advance(5_000);
    for (let i = 0; i < 5; i += 1) budget.recordCall();
    clock.advance(5_000);
    let granted = 0;
    while (budget.tryRetry()) granted += 1;
    expect(granted).toBe(5);
  });
});
