import { createRequire } from 'node:module';
import type { Tracer } from '@opentelemetry/api';
import type * as OtlpExporter from '@opentelemetry/exporter-trace-otlp-http';
import type * as OtelResources from '@opentelemetry/resources';
import type * as OtelSdk from '@opentelemetry/sdk-trace-base';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';

/**
 * The SDK and the exporter are loaded when tracing starts, not with this module: a subgraph
 * without a trace endpoint never loads them (some 4 MB of heap it would carry for nothing).
 * `@opentelemetry/api` keeps its state under global symbols, so the SDK's copy and ours agree.
 */
const load = createRequire(import.meta.url);

export interface TracingConfig {
  /** Full OTLP/HTTP traces URL, e.g. `http://collector:4318/v1/traces`. */
  url: string;
  serviceName: string;
}

export interface Tracing {
  tracer: Tracer;
  /** Sends every finished span now; used before shutdown and by tests. */
  forceFlush(): Promise<void>;
  shutdown(): Promise<void>;
}

const EXPORT_TIMEOUT_MS = 10_000;

/**
 * An OpenTelemetry tracer exporting OTLP/HTTP (JSON) in batches. Only started when an endpoint
 * is configured: without one there is no SDK, no exporter and no timer at all.
 *
 * The provider is deliberately not registered as the global one and no context manager is
 * installed: spans are parented explicitly from the request scope, which keeps several
 * instances in one process (tests) apart and leaves the global API untouched.
 */
export function startTracing(config: TracingConfig): Tracing {
  const { OTLPTraceExporter } = load('@opentelemetry/exporter-trace-otlp-http') as typeof OtlpExporter;
  const { resourceFromAttributes } = load('@opentelemetry/resources') as typeof OtelResources;
  const { AlwaysOnSampler, BasicTracerProvider, BatchSpanProcessor, ParentBasedSampler } = load(
    '@opentelemetry/sdk-trace-base',
  ) as typeof OtelSdk;
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({ [ATTR_SERVICE_NAME]: config.serviceName }),
    // The caller's sampling decision wins (a router that samples 1% keeps its 1%); a request
    // that arrives without one is sampled. Set in code so the SDK does not read the env itself.
    sampler: new ParentBasedSampler({ root: new AlwaysOnSampler() }),
    spanProcessors: [
      new BatchSpanProcessor(new OTLPTraceExporter({ url: config.url, timeoutMillis: EXPORT_TIMEOUT_MS })),
    ],
  });
  return {
    tracer: provider.getTracer('invoice-graph'),
    forceFlush: () => provider.forceFlush(),
    shutdown: () => provider.shutdown(),
  };
}
