import { Pool } from 'undici';
import { sendOnce } from './attempt.js';
import { CircuitBreaker } from './breaker.js';
import { CallDeadline, timeoutDeadline } from './deadline.js';
import type { Deadline } from './deadline.js';
import type { BreakerPolicy } from './breaker.js';
import { classifyFailure } from './classify.js';
import type { FailureVerdict } from './classify.js';
import type { UpstreamObserver } from './observer.js';
import { DEFAULT_BREAKER_POLICY, DEFAULT_RETRY_POLICY } from './resilienceConfig.js';
import { RetryBudget } from './retryBudget.js';
import { planRetry } from './retryPlan.js';
import type { RetryPolicy } from './retryPlan.js';
import { Semaphore } from './semaphore.js';
import { createReporter } from './report.js';
import { breakerOpen, requestTimeUp } from './refusals.js';
import type { UpstreamError, UpstreamName } from './errors.js';
import type { UpstreamHttp, UpstreamRequest, UpstreamResponse } from './upstreamTypes.js';
import { afterPendingIo } from './replyTurns.js';
import { sleep } from './sleep.js';

export type { UpstreamHttp, UpstreamRequest, UpstreamResponse } from './upstreamTypes.js';

export interface UpstreamHttpOptions {
  upstream: UpstreamName;
  /** Origin only (scheme, host, port); callers pass the documented paths. */
  origin: string;
  /** Per attempt: establishing a connection. */
  connectTimeoutMs: number;
  /** Per attempt: from sending the request to the end of the response headers. */
  headersTimeoutMs: number;
  /** Per attempt: the longest pause between two chunks of the body. */
  bodyTimeoutMs: number;
  /** Deadline for one whole call: every attempt, the waits between them and queueing for a slot. */
  totalTimeoutMs: number;
  maxConcurrency: number;
  /** Upper bound on a response body we are willing to buffer. */
  maxBodyBytes?: number;
  /** Retries of idempotent requests (default: DEFAULT_RETRY_POLICY). */
  retry?: RetryPolicy;
  breaker?: BreakerPolicy;
  observer?: UpstreamObserver;
  /** Clock of the breaker and the retry budget; tests move it instead of waiting. */
  now?: () => number;
  /** Source of backoff jitter in [0, 1). */
  random?: () => number;
  /** Internal, for bench/machinery.ts only: pieces of call scheduling to leave out (default: none). */
  without?: Partial<Record<Machinery, true>>;
}

/**
 * Hand-written call scheduling the bench can leave out, each with its simple replacement:
 * `slots` (semaphore.ts: slots shared in turn between requests; undici's own pool queue
 * instead), `rounds` (callRounds.ts; every call counts as round 1), `replyTurns` (replyTurns.ts;
 * the reply goes straight to its caller), `lightDeadline` (deadline.ts; AbortSignal.timeout).
 */
export type Machinery = 'slots' | 'rounds' | 'replyTurns' | 'lightDeadline';

const DEFAULT_MAX_BODY_BYTES = 10 * 1024 * 1024;

/**
 * The only code that talks to undici: one connection pool per upstream origin, per-attempt
 * connect/headers/body timeouts, a whole-call deadline, a concurrency bound, retries of reads
 * (full-jitter backoff, Retry-After, a retry budget) and a circuit breaker.
 */
export function createUpstreamHttp(options: UpstreamHttpOptions): UpstreamHttp {
  const pool = new Pool(options.origin, {
    connections: options.maxConcurrency,
    connectTimeout: options.connectTimeoutMs,
    headersTimeout: options.headersTimeoutMs,
    bodyTimeout: options.bodyTimeoutMs,
    maxResponseSize: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
  });
  const upstream = options.upstream;
  const now = options.now ?? Date.now;
  const retry = options.retry ?? DEFAULT_RETRY_POLICY;
  const report = createReporter(upstream, options.observer);
  const breaker = new CircuitBreaker(options.breaker ?? DEFAULT_BREAKER_POLICY, report.breakerState, now);
  const budget = new RetryBudget(retry.budget, now);
  const slots = new Semaphore(options.maxConcurrency);
  const limits = { upstream, maxBodyBytes: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES };
  const closing = new AbortController();
  const without = options.without ?? {};
  let closed: Promise<void> | undefined;

  async function request(request: UpstreamRequest): Promise<UpstreamResponse> {
    const details = { upstream, endpoint: request.endpoint };
    const left = request.caller?.remainingMs() ?? Number.POSITIVE_INFINITY;
    // Past the request's deadline nothing is sent: no answer could still be used.
    if (left <= 0) throw requestTimeUp(details, request.caller?.budgetMs ?? 0);
    const ms = Math.min(options.totalTimeoutMs, left);
    const deadline = without.lightDeadline ? timeoutDeadline(ms) : new CallDeadline(ms);
    let response: UpstreamResponse;
    try {
      response = await send(request, details, deadline);
    } finally {
      deadline.release();
    }
    // The reply's slot is free and the next waiting call already went out. What the caller does
    // with the reply (validation, resolvers, its follow-up calls) waits until every other reply
    // that arrived in the same burst has freed its slot too: otherwise the last of 16 replies of
    // a wave would sit behind 15 rounds of that work before its slot served the next call.
    // Its measured gain is in docs/performance.md.
    if (!without.replyTurns) await afterPendingIo();
    return response;
  }

  async function send(
    request: UpstreamRequest,
    details: { upstream: UpstreamName; endpoint: string },
    deadline: Deadline,
  ): Promise<UpstreamResponse> {
    budget.recordCall();
    // The time an attempt must have had at the upstream before its deadline's abort says the
    // upstream is slow: what the attempt would get if it were sent at once (per-attempt and
    // whole-call budgets, and the request's). 90% of it, as timers fire a little apart.
    // Shorter means the time went on queueing here or on earlier calls: not the upstream's fault.
    const fullTimeMs =
      0.9 * Math.min(options.headersTimeoutMs, options.totalTimeoutMs, request.caller?.budgetMs ?? Infinity);
    let lastError: UpstreamError | undefined;
    // A loop of our own, not cockatiel's RetryPolicy: its backoff wait (3.2.1) cannot be ended by
    // the call's deadline or by close(), and a retry must also pass the breaker and the budget.
    for (let attempt = 1; ; attempt += 1) {
      const admission = breaker.admit();
      // A retry the breaker refuses ends the call with what actually went wrong on the way.
      if (!admission.admitted) throw lastError ?? breakerOpen(details, admission.retryAfterMs);
      const started = performance.now();
      let sentAt: number | undefined;
      let failure: FailureVerdict;
      try {
        const sendAttempt = () => {
          sentAt = performance.now();
          return sendOnce(pool, request, deadline, limits);
        };
        const response = await (without.slots
          ? sendAttempt()
          : slots.run(sendAttempt, deadline, without.rounds ? 1 : request.round, request.caller));
        breaker.record('success', admission.probe);
        report.attempt(request, attempt, started, { status: response.status });
        return response;
      } catch (raw) {
        failure = classifyFailure(raw, details, {
          deadlinePassed: deadline.aborted,
          sent: sentAt !== undefined,
          hadFullTime: sentAt !== undefined && performance.now() - sentAt >= fullTimeMs,
        });
        breaker.record(failure.health, admission.probe);
        report.attempt(request, attempt, started, failure.error);
        lastError = failure.error;
      }
      const decision = planRetry(
        {
          attempt,
          idempotent: request.idempotent === true,
          retryable: failure.retryable,
          status: failure.error.status,
          retryAfterSeconds: failure.error.retryAfterSeconds,
          remainingMs: deadline.remainingMs(),
        },
        retry,
        options.random,
      );
      // No retry into a breaker that just opened (or a probe that just failed): it would be refused.
      if (!decision.retry || breaker.state !== 'closed' || !budget.tryRetry()) throw failure.error;
      report.retry(request, attempt, decision.delayMs);
      // The slot was released above: a call waiting to retry never holds a connection slot.
      try {
        await sleep(decision.delayMs, [deadline, closing.signal]);
      } catch {
        throw failure.error;
      }
    }
  }

  const http: UpstreamHttp = {
    upstream,
    get root() {
      return http;
    },
    request,
    breakerState: () => breaker.state,
    close() {
      // Idempotent: a second shutdown path (signal handler, tests) gets the same promise.
      closed ??= (closing.abort(), pool.close());
      return closed;
    },
    abort() {
      closing.abort();
      // Replaces a close() still waiting for attempts in flight: those are what is ended here.
      closed = pool.destroy();
      return closed;
    },
  };
  return http;
}
