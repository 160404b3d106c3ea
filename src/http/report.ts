import type { UpstreamError, UpstreamName } from './errors.js';
import type { BreakerState, CallTrace, UpstreamAttempt, UpstreamObserver } from './observer.js';

export interface Reporter {
  attempt(
    request: {
      endpoint: string;
      method: 'GET' | 'POST';
      trace?: CallTrace | undefined;
      onAttempt?: ((attempt: UpstreamAttempt) => void) | undefined;
    },
    attempt: number,
    startedAt: number,
    outcome: { status: number } | UpstreamError,
  ): void;
  retry(request: { endpoint: string; trace?: CallTrace | undefined }, attempt: number, delayMs: number): void;
  breakerState(state: BreakerState): void;
}

/**
 * Feeds the observer. Hooks are documented not to throw; they are still guarded, because a
 * broken metric must never turn a good upstream answer into a failed request.
 */
export function createReporter(upstream: UpstreamName, observer: UpstreamObserver | undefined): Reporter {
  const safely = (hook: () => void) => {
    try {
      hook();
    } catch {
      // Deliberately ignored: see above.
    }
  };
  return {
    attempt(request, attempt, startedAt, outcome) {
      if (!observer?.onAttempt && !request.onAttempt) return;
      const durationMs = performance.now() - startedAt;
      const result =
        'code' in outcome
          ? { ...(outcome.status === undefined ? {} : { status: outcome.status }), errorCode: outcome.code }
          : { status: outcome.status };
      const report: UpstreamAttempt = {
        upstream,
        endpoint: request.endpoint,
        method: request.method,
        attempt,
        durationMs,
        trace: request.trace,
        ...result,
      };
      safely(() => observer?.onAttempt?.(report));
      safely(() => request.onAttempt?.(report));
    },
    retry(request, attempt, delayMs) {
      safely(() =>
        observer?.onRetry?.({ upstream, endpoint: request.endpoint, attempt, delayMs, trace: request.trace }),
      );
    },
    breakerState(state) {
      safely(() => observer?.onBreakerState?.({ upstream, state }));
    },
  };
}
