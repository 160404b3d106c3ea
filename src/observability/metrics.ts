import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { UpstreamName } from '../http/errors.js';
import type { BreakerState, UpstreamAttempt } from '../http/observer.js';
import { BoundedLabel, ENDPOINT_LIMIT, NAME_LIMIT, OPERATION_NAME_LIMIT, statusLabel } from './labels.js';

export type OperationOutcome = 'success' | 'partial' | 'error';
export type CacheResult = 'hit' | 'miss';

export interface OperationLabels {
  /** `query`, `mutation`, `subscription`, or `unknown` when no operation was resolved. */
  type: string;
  /** The operation's name, `anonymous`, or `unknown`; bounded before it becomes a label. */
  name: string;
  outcome: OperationOutcome;
}

/** What the subgraph measures. Callers never see prom-client, so labels stay bounded here. */
export interface Metrics {
  observeOperation(labels: OperationLabels, seconds: number): void;
  observeUpstreamAttempt(attempt: UpstreamAttempt): void;
  countRetry(upstream: UpstreamName, endpoint: string): void;
  setBreakerState(upstream: UpstreamName, state: BreakerState): void;
  observeBatch(loader: string, size: number): void;
  /** For response caches: one call per lookup. */
  recordCacheRequest(cache: string, result: CacheResult): void;
  /** The Prometheus text exposition of every metric. */
  render(): Promise<{ contentType: string; body: string }>;
}

const UPSTREAMS: readonly UpstreamName[] = ['confirma', 'factorcloud'];
const BREAKER_STATES: readonly BreakerState[] = ['closed', 'half-open', 'open'];

/**
 * One registry per subgraph instance (not prom-client's global one), so several instances in
 * one process, as in tests, never share or double-register series. Node's default process
 * metrics (CPU, memory, event loop lag, GC) are included.
 */
export function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const registers = [registry];
  const operationNames = new BoundedLabel(OPERATION_NAME_LIMIT);
  const endpoints = new BoundedLabel(ENDPOINT_LIMIT);
  const codes = new BoundedLabel(NAME_LIMIT, /^[A-Z][A-Z_]{0,47}$/);
  const loaders = new BoundedLabel(NAME_LIMIT);
  const caches = new BoundedLabel(NAME_LIMIT);

  const operationDuration = new Histogram({
    name: 'graphql_operation_duration_seconds',
    help: 'GraphQL operations served, by operation type, bounded operation name and outcome.',
    labelNames: ['operation_type', 'operation_name', 'outcome'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers,
  });
  const upstreamDuration = new Histogram({
    name: 'upstream_request_duration_seconds',
    help: 'HTTP requests to an upstream API (each retry counts), by endpoint, HTTP status and error code.',
    labelNames: ['upstream', 'endpoint', 'status', 'code'] as const,
    buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers,
  });
  const retries = new Counter({
    name: 'upstream_retries_total',
    help: 'Upstream requests retried after a failed attempt.',
    labelNames: ['upstream', 'endpoint'] as const,
    registers,
  });
  const breaker = new Gauge({
    name: 'upstream_circuit_breaker_state',
    help: 'Circuit breaker state per upstream: 1 for the current state, 0 for the others.',
    labelNames: ['upstream', 'state'] as const,
    registers,
  });
  const batchSize = new Histogram({
    name: 'dataloader_batch_size',
    help: 'Keys per DataLoader batch, by loader.',
    labelNames: ['loader'] as const,
    buckets: [1, 2, 5, 10, 20, 50, 100, 250, 500],
    registers,
  });
  const cacheRequests = new Counter({
    name: 'cache_requests_total',
    help: 'Cache lookups, by cache and result (hit or miss).',
    labelNames: ['cache', 'result'] as const,
    registers,
  });

  const setBreakerState = (upstream: UpstreamName, state: BreakerState) => {
    for (const each of BREAKER_STATES) breaker.set({ upstream, state: each }, each === state ? 1 : 0);
  };
  // Until a breaker reports otherwise it is closed; the series exist from the first scrape.
  for (const upstream of UPSTREAMS) setBreakerState(upstream, 'closed');

  return {
    observeOperation(labels, seconds) {
      operationDuration.observe(
        {
          operation_type: labels.type,
          operation_name: operationNames.value(labels.name),
          outcome: labels.outcome,
        },
        seconds,
      );
    },
    observeUpstreamAttempt(attempt) {
      upstreamDuration.observe(
        {
          upstream: attempt.upstream,
          endpoint: endpoints.value(attempt.endpoint),
          status: statusLabel(attempt.status),
          code: attempt.errorCode === undefined ? 'OK' : codes.value(attempt.errorCode),
        },
        Math.max(0, attempt.durationMs) / 1000,
      );
    },
    countRetry(upstream, endpoint) {
      retries.inc({ upstream, endpoint: endpoints.value(endpoint) });
    },
    setBreakerState,
    observeBatch(loader, size) {
      batchSize.observe({ loader: loaders.value(loader) }, size);
    },
    recordCacheRequest(cache, result) {
      cacheRequests.inc({ cache: caches.value(cache), result });
    },
    async render() {
      return { contentType: registry.contentType, body: await registry.metrics() };
    },
  };
}
