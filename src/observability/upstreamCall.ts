import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { ATTR_ERROR_TYPE, ATTR_HTTP_REQUEST_METHOD } from '@opentelemetry/semantic-conventions';
import type { RequestCalls } from '../http/requestCalls.js';
import type { UpstreamHttp, UpstreamRequest, UpstreamResponse } from '../http/upstreamHttp.js';
import { formatTraceparent } from './requestId.js';
import type { TraceParent } from './requestId.js';
import { parentTraceContext } from './requestScope.js';
import type { RequestScope } from './requestScope.js';

/** Span attribute names for upstream calls; the HTTP ones follow OTel's semantic conventions. */
export const UPSTREAM_SPAN_ATTRIBUTES = {
  upstream: 'invoice_graph.upstream',
  endpoint: 'invoice_graph.upstream.endpoint',
  attempt: 'invoice_graph.upstream.attempt',
} as const;

/**
 * A view of the transport for one request: every call it sends carries the request's id and
 * trace context (see `sendObserved`), its round in the request and the request itself, whose
 * deadline bounds the call and by which the transport shares its slots between requests
 * (`calls`, shared by the request's views of both upstreams). Cheap to make, so each request's
 * clients get one.
 */
export function scopedHttp(http: UpstreamHttp, scope: RequestScope, calls: RequestCalls): UpstreamHttp {
  return new ScopedHttp(http, scope, calls);
}

/** A class, so a view is two fields and no closures: one is made per request and upstream. */
class ScopedHttp implements UpstreamHttp {
  constructor(
    private readonly http: UpstreamHttp,
    private readonly scope: RequestScope,
    private readonly calls: RequestCalls,
  ) {}

  get upstream() {
    return this.http.upstream;
  }
  get root() {
    return this.http.root;
  }
  async request(request: UpstreamRequest): Promise<UpstreamResponse> {
    const rounds = this.calls.rounds;
    const round = rounds.next();
    try {
      return await sendObserved(this.http, { ...request, round, caller: this.calls }, this.scope);
    } finally {
      rounds.ended(round);
    }
  }
  breakerState() {
    return this.http.breakerState();
  }
  close() {
    return this.http.close();
  }
  abort() {
    return this.http.abort();
  }
}

/**
 * Sends one upstream request on behalf of a GraphQL request: adds `x-request-id` (so the
 * upstream's logs can be joined to ours) and W3C trace context, and, when tracing is on, wraps
 * the call, retries included, in a client span.
 */
async function sendObserved(
  http: UpstreamHttp,
  request: UpstreamRequest,
  scope: RequestScope,
): Promise<UpstreamResponse> {
  if (!scope.tracer) {
    // No tracing of our own: hand the caller's trace context on unchanged, so the trace the
    // router started still continues at the upstream.
    return http.request(withHeaders(request, propagationHeaders(scope, scope.traceparent), scope));
  }
  const span = scope.tracer.startSpan(
    `${http.upstream} ${request.endpoint}`,
    {
      kind: SpanKind.CLIENT,
      attributes: {
        [UPSTREAM_SPAN_ATTRIBUTES.upstream]: http.upstream,
        [UPSTREAM_SPAN_ATTRIBUTES.endpoint]: request.endpoint,
        [ATTR_HTTP_REQUEST_METHOD]: request.method,
      },
    },
    parentTraceContext(scope),
  );
  const { traceId, spanId, traceFlags } = span.spanContext();
  const headers = propagationHeaders(scope, { traceId, spanId, flags: traceFlags });
  try {
    // The span goes along with the request, so the transport's attempt and retry reports
    // (upstreamObserver.ts) land on it.
    return await http.request({ ...withHeaders(request, headers, scope), trace: span });
  } catch (error) {
    // The error code only: spans leave this service, so no message travels with them.
    const code = typeof error === 'object' && error && 'code' in error ? String(error.code) : 'unknown';
    span.setAttribute(ATTR_ERROR_TYPE, code);
    span.setStatus({ code: SpanStatusCode.ERROR, message: code });
    throw error;
  } finally {
    span.end();
  }
}

function propagationHeaders(scope: RequestScope, parent: TraceParent | undefined): Record<string, string> {
  return {
    'x-request-id': scope.requestId,
    ...(parent ? { traceparent: formatTraceparent(parent) } : {}),
    ...(parent && scope.tracestate ? { tracestate: scope.tracestate } : {}),
  };
}

function withHeaders(
  request: UpstreamRequest,
  headers: Record<string, string>,
  scope: RequestScope,
): UpstreamRequest {
  const onAttempt = scope.ledger.attemptListener();
  return { ...request, headers: { ...request.headers, ...headers }, onAttempt };
}
