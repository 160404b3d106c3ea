import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';
import { BoundedLabel } from '../../src/observability/labels.js';
import {
  formatTraceparent,
  parseTraceparent,
  resolveRequestIdentity,
} from '../../src/observability/requestId.js';

const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';

describe('traceparent', () => {
  it('reads version 00 and the 00 prefix of a later version, and writes version 00 back', () => {
    const parsed = parseTraceparent(`00-${TRACE_ID}-00f067aa0ba902b7-01`);
    expect(parsed).toEqual({ traceId: TRACE_ID, spanId: '00f067aa0ba902b7', flags: 1 });
    expect(parseTraceparent(`01-${TRACE_ID}-00f067aa0ba902b7-00-future`)?.flags).toBe(0);
    expect(formatTraceparent({ traceId: TRACE_ID, spanId: '00f067aa0ba902b7', flags: 1 })).toBe(
      `00-${TRACE_ID}-00f067aa0ba902b7-01`,
    );
  });

  it.each([
    ['version ff', `ff-${TRACE_ID}-00f067aa0ba902b7-01`],
    ['zero trace id', `00-${'0'.repeat(32)}-00f067aa0ba902b7-01`],
    ['zero span id', `00-${TRACE_ID}-${'0'.repeat(16)}-01`],
    ['short trace id', `00-${TRACE_ID.slice(1)}-00f067aa0ba902b7-01`],
    ['trailing data on version 00', `00-${TRACE_ID}-00f067aa0ba902b7-01-x`],
  ])('refuses %s', (_name, value) => {
    expect(parseTraceparent(value)).toBeUndefined();
  });
});

describe('request identity', () => {
  it('treats a repeated x-request-id as absent and drops tracestate without a valid traceparent', () => {
    const identity = resolveRequestIdentity({ 'x-request-id': ['a', 'b'], tracestate: 'k=v' });
    expect(identity.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(identity.tracestate).toBeUndefined();
  });
});

describe('BoundedLabel', () => {
  it('keeps known names, replaces odd ones and counts names past the limit as other', () => {
    const label = new BoundedLabel(2);
    expect(['A', 'B', 'C', 'A', 'bad name', '9x'].map((v) => label.value(v))).toEqual([
      'A',
      'B',
      'other',
      'A',
      'invalid',
      'invalid',
    ]);
  });
});

describe('observability configuration', () => {
  it('starts no tracing by default and appends v1/traces to the general OTLP endpoint', () => {
    expect(loadConfig({}).observability).toEqual({ metricsEnabled: true, tracing: undefined });
    expect(
      loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' }).observability.tracing,
    ).toEqual({
      url: 'http://collector:4318/v1/traces',
      serviceName: 'invoice-graph',
    });
  });

  it('uses the traces endpoint as given, honours OTEL_SDK_DISABLED and METRICS_ENABLED', () => {
    const env = {
      OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'https://otel.example.com/custom',
      OTEL_SERVICE_NAME: 'ig',
    };
    expect(loadConfig(env).observability.tracing).toEqual({
      url: 'https://otel.example.com/custom',
      serviceName: 'ig',
    });
    expect(loadConfig({ ...env, OTEL_SDK_DISABLED: 'true' }).observability.tracing).toBeUndefined();
    expect(loadConfig({ METRICS_ENABLED: 'false' }).observability.metricsEnabled).toBe(false);
  });

  it('refuses collector URLs that are not http(s) or carry credentials, naming the variable', () => {
    const problems = (env: Record<string, string>) => {
      try {
        loadConfig(env);
        return [];
      } catch (error) {
        return error instanceof ConfigError ? error.problems : [];
      }
    };
    expect(problems({ OTEL_EXPORTER_OTLP_ENDPOINT: 'ftp://collector' })).toEqual([
      expect.stringMatching(/^OTEL_EXPORTER_OTLP_ENDPOINT: must be an http\(s\) URL/),
    ]);
    const leaked = problems({
      OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'https://user:token-5a1@collector/v1/traces',
    });
    expect(leaked).toEqual(['OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: do not put credentials in the URL']);
    expect(problems({ METRICS_ENABLED: 'yes' })).toEqual(['METRICS_ENABLED: must be true or false']);
  });
});
