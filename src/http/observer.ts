import type { UpstreamName } from './errors.js';

/**
 * What the upstream HTTP layer reports about its own work, so metrics and traces can be kept
 * without the transport knowing about either. Every hook is optional and must not throw.
 */
export type BreakerState = 'closed' | 'open' | 'half-open';

/**
 * The trace of one upstream call (an OpenTelemetry span, structurally), handed in by the caller
 * with the request and back to the observer with every report about it.
 */
export interface CallTrace {
  setAttribute(key: string, value: number): unknown;
  addEvent(name: string, attributes: Record<string, number | string>): unknown;
}

export interface UpstreamAttempt {
  upstream: UpstreamName;
  /** Short endpoint label, e.g. `get-invoice`; never a URL with ids or secrets in it. */
  endpoint: string;
  method: 'GET' | 'POST';
  /** 1 for the first try, 2 for the first retry, … */
  attempt: number;
  /** HTTP status when one arrived. */
  status?: number;
  /** The subgraph error code when the attempt failed (e.g. `UPSTREAM_TIMEOUT`). */
  errorCode?: string;
  durationMs: number;
  /** The call's trace, when the caller traces it. */
  trace?: CallTrace | undefined;
}

export interface UpstreamObserver {
  /** Called once per attempt, after it finished (successfully or not). */
  onAttempt?(attempt: UpstreamAttempt): void;
  /** Called when a failed attempt is about to be retried after `delayMs`. */
  onRetry?(event: {
    upstream: UpstreamName;
    endpoint: string;
    attempt: number;
    delayMs: number;
    trace?: CallTrace | undefined;
  }): void;
  /** Called whenever an upstream's circuit breaker changes state. */
  onBreakerState?(event: { upstream: UpstreamName; state: BreakerState }): void;
}
