import { ROOT_CONTEXT, trace } from '@opentelemetry/api';
import type { Context as TraceContext, Span, Tracer } from '@opentelemetry/api';
import type { Metrics } from './metrics.js';
import type { RequestIdentity } from './requestId.js';
import type { RequestLedger } from './requestLedger.js';

/**
 * What the code below a request needs to know about it: the upstream calls (request id, trace
 * context), the loaders (batch metrics) and the error formatting (request id). Created once per
 * HTTP request by the handler and handed down explicitly, through the GraphQL context; nothing
 * in it outlives the request.
 *
 * Passed by hand rather than found through AsyncLocalStorage: on Node 20 that turns on async
 * hooks for every promise in the process, and Apollo Server's pipeline makes many (their cost is
 * in docs/performance.md, History).
 */
export interface RequestScope extends RequestIdentity {
  readonly metrics: Metrics;
  /** Present only when trace export is configured. */
  readonly tracer: Tracer | undefined;
  /** The GraphQL operation's span, once the operation started; parent of upstream call spans. */
  operationSpan: Span | undefined;
  /** What the request did (operation, upstream calls, cache answers), for logs and debugging. */
  ledger: RequestLedger;
}

/**
 * The context a new span of this request hangs from: the operation span when there is one,
 * else the caller's remote span from `traceparent`, else nothing (a new trace).
 */
export function parentTraceContext(scope: RequestScope | undefined): TraceContext {
  if (scope?.operationSpan) return trace.setSpan(ROOT_CONTEXT, scope.operationSpan);
  if (scope?.traceparent) {
    const { traceId, spanId, flags } = scope.traceparent;
    return trace.setSpanContext(ROOT_CONTEXT, { traceId, spanId, traceFlags: flags, isRemote: true });
  }
  return ROOT_CONTEXT;
}
