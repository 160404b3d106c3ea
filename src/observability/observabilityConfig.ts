import { z } from 'zod';
import { booleanFlag, text, textOr } from '../lib/envValues.js';
import type { TracingConfig } from './tracing.js';

export interface ObservabilityConfig {
  /** Serve Prometheus metrics at /metrics. */
  metricsEnabled: boolean;
  /** Where to export traces; undefined: no tracing SDK is started at all. */
  tracing: TracingConfig | undefined;
}

/** An http(s) URL without credentials in it (a collector token belongs in a header). */
const collectorUrl = text.pipe(
  z
    .url({ protocol: /^https?$/, error: 'must be an http(s) URL such as http://collector:4318' })
    .refine((value) => !/^https?:\/\/[^/]*@/.test(value), { error: 'do not put credentials in the URL' })
    .optional(),
);

/**
 * The observability part of the environment, spread into the main schema in config.ts. The OTel
 * names are the standard ones (https://opentelemetry.io/docs/specs/otel/protocol/exporter/), so
 * a platform that sets them for every service configures this one too.
 */
export const observabilityEnv = {
  METRICS_ENABLED: booleanFlag(true),
  OTEL_SDK_DISABLED: booleanFlag(false),
  OTEL_EXPORTER_OTLP_ENDPOINT: collectorUrl,
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: collectorUrl,
  OTEL_SERVICE_NAME: textOr('invoice-graph'),
};

type ObservabilityEnv = z.output<z.ZodObject<typeof observabilityEnv>>;

/** The observability section of the configuration, from the parsed environment. */
export function observabilityConfig(env: ObservabilityEnv): ObservabilityConfig {
  const url = tracesUrl(env);
  return {
    metricsEnabled: env.METRICS_ENABLED,
    tracing: url === undefined ? undefined : { url, serviceName: env.OTEL_SERVICE_NAME },
  };
}

/**
 * The signal-specific variable is used as given; the general one is a base URL to which
 * `v1/traces` is appended, as the OTLP exporter specification says.
 */
function tracesUrl(env: ObservabilityEnv): string | undefined {
  if (env.OTEL_SDK_DISABLED) return undefined;
  if (env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) return env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT;
  const base = env.OTEL_EXPORTER_OTLP_ENDPOINT;
  if (!base) return undefined;
  return `${base.endsWith('/') ? base : `${base}/`}v1/traces`;
}
