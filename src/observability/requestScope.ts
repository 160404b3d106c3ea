import { AsyncLocalStorage } from 'node:async_hooks';
import { ROOT_CONTEXT, trace } from '@opentelemetry/api';
import type { Context as TraceContext, Span, Tracer } from '@opentelemetry/api';
import type { Metrics } from './metrics.js';
import type { RequestIdentity } from './requestId.js';

/**
 * What the code below a request needs to know about it without every layer passing it along:
 * the upstream clients, the loaders and the error formatter read it from here. Created once per
 * HTTP request by the handler; nothing in it outlives the request.
 */
export interface RequestScope extends RequestIdentity {
  readonly metrics: Metrics;
  /** Present only when trace export is configured. */
  readonly tracer: Tracer | undefined;
  /** The GraphQL operation's span, once the operation started; parent of upstream call spans. */
  operationSpan: Span | undefined;
}

const storage = new AsyncLocalStorage<RequestScope>();

export function runInRequestScope<T>(scope: RequestScope, work: () => T): T {
  return storage.run(scope, work);
}

/** The scope of the request whose work is running, or undefined outside one (startup, tests). */
export function currentRequestScope(): RequestScope | undefined {
  return storage.getStore();
}

export function currentRequestId(): string | undefined {
  return storage.getStore()?.requestId;
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
