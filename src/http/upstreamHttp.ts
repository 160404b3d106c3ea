import { Pool } from 'undici';
import { sendOnce } from './attempt.js';
import { CircuitBreaker } from './breaker.js';
import { CallDeadline } from './deadline.js';
import type { BreakerPolicy } from './breaker.js';
import { classifyFailure } from './classify.js';
import type { FailureVerdict } from './classify.js';
import { UpstreamError, upstreamDisplayName } from './errors.js';
import type { UpstreamName } from './errors.js';
import type { BreakerState, CallTrace, UpstreamAttempt, UpstreamObserver } from './observer.js';
import { DEFAULT_BREAKER_POLICY, DEFAULT_RETRY_POLICY } from './resilienceConfig.js';
import { RetryBudget } from './retryBudget.js';
import { planRetry } from './retryPlan.js';
import type { RetryPolicy } from './retryPlan.js';
import { Semaphore } from './semaphore.js';
import { createReporter } from './report.js';
import { afterPendingIo } from './replyTurns.js';
import { sleep } from './sleep.js';

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
}

export interface UpstreamRequest {
  method: 'GET' | 'POST';
  path: string;
  /** Short label used in errors, logs and metrics, e.g. `get-invoice`. */
  endpoint: string;
  query?: Record<string, string | undefined>;
  headers?: Record<string, string>;
  body?: string;
  /** Non-2xx statuses the caller handles itself (e.g. 404 meaning "not known"). */
  acceptStatuses?: readonly number[];
  /**
   * True only for reads that are safe to send twice. Set by the caller, never inferred from the
   * method: FactorCloud reads by POST (get-docs) and Confirma writes by GET (renew). Requests
   * without it are sent exactly once, even when the connection drops.
   */
  idempotent?: boolean;
  /** The call's trace span, reported back to the observer with each attempt and retry. */
  trace?: CallTrace | undefined;
  /** Told about each of this call's attempts, like the observer (the request's own ledger). */
  onAttempt?: ((attempt: UpstreamAttempt) => void) | undefined;
  /**
   * The call's round in its request (callRounds.ts): among calls waiting for a connection slot,
   * a later round is served first. A call without one counts as round 1.
   */
  round?: number | undefined;
}

export interface UpstreamResponse {
  status: number;
  /** Parsed JSON (numbers kept exact), or `undefined` for an empty body. */
  body: unknown;
}

export interface UpstreamHttp {
  readonly upstream: UpstreamName;
  /**
   * The long-lived transport (one pool per origin) this one sends through: itself, or the one a
   * per-request view (observability/upstreamCall.ts) wraps. Process-wide guards are keyed by it.
   */
  readonly root: UpstreamHttp;
  request(request: UpstreamRequest): Promise<UpstreamResponse>;
  /** The circuit breaker's state, for readiness checks. */
  breakerState(): BreakerState;
  /** Stops retries that are waiting, lets attempts in flight finish, then closes the pool. */
  close(): Promise<void>;
}

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
  let closed: Promise<void> | undefined;

  async function request(request: UpstreamRequest): Promise<UpstreamResponse> {
    const details = { upstream, endpoint: request.endpoint };
    const deadline = new CallDeadline(options.totalTimeoutMs);
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
    // Measured side by side (bench/ scripts): a 200-invoice page 392 -> 380 ms, and 10-15% less
    // CPU per single-invoice request under load.
    await afterPendingIo();
    return response;
  }

  async function send(
    request: UpstreamRequest,
    details: { upstream: UpstreamName; endpoint: string },
    deadline: CallDeadline,
  ): Promise<UpstreamResponse> {
    budget.recordCall();
    let lastError: UpstreamError | undefined;
    for (let attempt = 1; ; attempt += 1) {
      const admission = breaker.admit();
      // A retry the breaker refuses ends the call with what actually went wrong on the way.
      if (!admission.admitted) throw lastError ?? breakerOpen(details, admission.retryAfterMs);
      const started = performance.now();
      let sent = false;
      let failure: FailureVerdict;
      try {
        const response = await slots.run(
          () => {
            sent = true;
            return sendOnce(pool, request, deadline, limits);
          },
          deadline,
          request.round,
        );
        breaker.record('success', admission.probe);
        report.attempt(request, attempt, started, { status: response.status });
        return response;
      } catch (raw) {
        failure = classifyFailure(raw, details, { deadlinePassed: deadline.aborted, sent });
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
  };
  return http;
}

function breakerOpen(details: { upstream: UpstreamName; endpoint: string }, retryAfterMs: number) {
  const retryAfterSeconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  return new UpstreamError(
    'UPSTREAM_UNAVAILABLE',
    `${upstreamDisplayName(details.upstream)} failed repeatedly, so ${details.endpoint} is not being ` +
      `called for now; retry in about ${retryAfterSeconds} s`,
    { ...details, retryAfterSeconds },
  );
}
