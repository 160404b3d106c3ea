import { RequestLedger } from './requestLedger.js';
import type { UpstreamObserver } from '../http/observer.js';
import { createMetrics } from './metrics.js';
import type { Metrics } from './metrics.js';
import type { ObservabilityConfig } from './observabilityConfig.js';
import type { RequestIdentity } from './requestId.js';
import type { RequestScope } from './requestScope.js';
import { startTracing } from './tracing.js';
import type { Tracing } from './tracing.js';
import { createUpstreamObserver } from './upstreamObserver.js';

/** Metrics, tracing and the hooks that feed them, for one subgraph instance. */
export interface Observability {
  readonly metrics: Metrics;
  /** Undefined when no trace endpoint is configured. */
  readonly tracing: Tracing | undefined;
  readonly metricsEnabled: boolean;
  /** Handed to the upstream transports (createUpstreamPools). */
  readonly upstreamObserver: UpstreamObserver;
  /** A fresh scope for one HTTP request. */
  scopeFor(identity: RequestIdentity): RequestScope;
  /** Flushes pending spans and stops the exporter. */
  shutdown(): Promise<void>;
}

export const DEFAULT_OBSERVABILITY_CONFIG: ObservabilityConfig = { metricsEnabled: true, tracing: undefined };

/**
 * Metrics always (cheap, pull-based); tracing only with a configured endpoint. The default is
 * what a subgraph built without configuration gets (tests, tools): metrics, no tracing.
 */
export function createObservability(
  config: ObservabilityConfig = DEFAULT_OBSERVABILITY_CONFIG,
): Observability {
  const metrics = createMetrics();
  const tracing = config.tracing ? startTracing(config.tracing) : undefined;
  return {
    metrics,
    tracing,
    metricsEnabled: config.metricsEnabled,
    upstreamObserver: createUpstreamObserver(metrics),
    // Fields named one by one rather than spread from the identity: this runs once per request,
    // and named fields build the object without walking another object's keys.
    scopeFor: ({ requestId, traceparent, tracestate }) => ({
      requestId,
      traceparent,
      tracestate,
      metrics,
      tracer: tracing?.tracer,
      operationSpan: undefined,
      // The handler replaces it once it knows whether the caller asked for call details.
      ledger: new RequestLedger(false),
    }),
    shutdown: async () => tracing?.shutdown(),
  };
}
