import type { UpstreamName } from './errors.js';
import type { BreakerState, CallTrace, UpstreamAttempt } from './observer.js';
import type { RequestCalls } from './requestCalls.js';

/** What callers of the transport (upstreamHttp.ts) send, get back and hold. */

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
  /**
   * The GraphQL request the call is made for (requestCalls.ts): the call ends by its deadline,
   * and slots are shared in turn between requests. Without one, the call has only its own.
   */
  caller?: RequestCalls | undefined;
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
  /**
   * Ends every call at once (the shutdown deadline): attempts in flight and calls waiting fail
   * with a coded UpstreamError, so the requests behind them can still be answered. A later
   * close() resolves once the pool is gone.
   */
  abort(): Promise<void>;
}
