import {
  ATTR_HTTP_REQUEST_RESEND_COUNT,
  ATTR_HTTP_RESPONSE_STATUS_CODE,
} from '@opentelemetry/semantic-conventions';
import type { UpstreamObserver } from '../http/observer.js';
import type { Metrics } from './metrics.js';
import { UPSTREAM_SPAN_ATTRIBUTES } from './upstreamCall.js';

/**
 * Turns the transport's reports into metrics, and into attributes and events of the current
 * upstream call's span. Shared by every request; the span comes with each report.
 * Never throws: a metrics problem must not fail an upstream call.
 */
export function createUpstreamObserver(metrics: Metrics): UpstreamObserver {
  return {
    onAttempt(attempt) {
      guarded(() => {
        metrics.observeUpstreamAttempt(attempt);
        const span = attempt.trace;
        if (!span) return;
        span.setAttribute(UPSTREAM_SPAN_ATTRIBUTES.attempt, attempt.attempt);
        if (attempt.attempt > 1) span.setAttribute(ATTR_HTTP_REQUEST_RESEND_COUNT, attempt.attempt - 1);
        if (attempt.status !== undefined) span.setAttribute(ATTR_HTTP_RESPONSE_STATUS_CODE, attempt.status);
        if (attempt.errorCode !== undefined) {
          span.addEvent('upstream attempt failed', {
            [UPSTREAM_SPAN_ATTRIBUTES.attempt]: attempt.attempt,
            'error.type': attempt.errorCode,
          });
        }
      });
    },
    onRetry(event) {
      guarded(() => {
        metrics.countRetry(event.upstream, event.endpoint);
        event.trace?.addEvent('upstream retry scheduled', {
          [UPSTREAM_SPAN_ATTRIBUTES.attempt]: event.attempt,
          'invoice_graph.upstream.retry_delay_ms': event.delayMs,
        });
      });
    },
    onBreakerState(event) {
      guarded(() => metrics.setBreakerState(event.upstream, event.state));
    },
  };
}

function guarded(record: () => void): void {
  try {
    record();
  } catch {
    // Observability is best effort; the request it observes goes on regardless.
  }
}
