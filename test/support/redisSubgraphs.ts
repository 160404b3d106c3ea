import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { defaultCacheConfig } from '../../src/cache/cacheConfig.js';
import type { CacheConfig } from '../../src/cache/cacheConfig.js';
import { createCaching } from '../../src/cache/caching.js';
import type { Caching, CachingOptions } from '../../src/cache/caching.js';
import type { CacheResult } from '../../src/cache/readCache.js';
import { invoiceIdFromTemplate } from '../../src/context.js';
import { defaultUpstreamSettings } from '../../src/http/resilienceConfig.js';
import { createLogger } from '../../src/logger.js';
import type { Logger } from '../../src/logger.js';
import { createObservability } from '../../src/observability/observability.js';
import type { Observability } from '../../src/observability/observability.js';
import type { SecurityOptions } from '../../src/security/security.js';
import { createSubgraph } from '../../src/server.js';
import { createUpstreamPools } from '../../src/upstreams/index.js';
import type { ConfirmaCredentials } from '../../src/upstreams/confirma/client.js';
import type { FactorCloudCredentials } from '../../src/upstreams/factorcloud/client.js';
import { CONFIRMA_TEST_KEY } from '../fakes/confirma.js';
import type { ConfirmaFake } from '../fakes/confirma.js';
import { FACTORCLOUD_TEST_CREDENTIALS } from '../fakes/factorcloud.js';
import type { FactorCloudFake } from '../fakes/factorcloud.js';
import type { FakeUpstream } from './fakeUpstream.js';
import type { GraphQLReply, RunningSubgraph } from './harness.js';

/** A subgraph over given fakes; the same shape as the harness's when the fakes are the usual ones. */
export interface CachedSubgraph<C extends FakeUpstream, F extends FakeUpstream> extends RunningSubgraph {
  confirma: C;
  factorCloud: F;
  resetRequests(): void;
}

/** A logger that keeps its lines in memory, for assertions on what was logged. */
export function memoryLogger(): { logger: Logger; lines: string[] } {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString('utf8'));
      done();
    },
  });
  return { logger: createLogger({ level: 'info', secrets: () => [] }, sink), lines };
}

/** Caching as index.ts builds it, with every lookup recorded and its log lines kept. */
export interface TestCaching extends Caching {
  events: Array<{ cache: string; result: CacheResult }>;
  lines: string[];
  /** Called after each lookup is recorded (e.g. to open a gate once N lookups arrived). */
  onEvent: (() => void) | undefined;
}

export function testCaching(
  overrides: Partial<CacheConfig>,
  options: Omit<CachingOptions, 'logger' | 'onCacheEvent'> = {},
): TestCaching {
  const { logger, lines } = memoryLogger();
  const events: TestCaching['events'] = [];
  let onEvent: (() => void) | undefined;
  // Generous Redis timeouts: a loaded CI machine must not turn a slow reply into a "miss".
  const config = defaultCacheConfig({
    redis: { commandTimeoutMs: 2_000, connectTimeoutMs: 2_000 },
    ...overrides,
  });
  const caching = createCaching(config, {
    ...options,
    logger,
    onCacheEvent: (cache, result) => {
      events.push({ cache, result });
      onEvent?.();
    },
  });
  return {
    ...caching,
    mode: caching.mode,
    events,
    lines,
    get onEvent() {
      return onEvent;
    },
    set onEvent(value) {
      onEvent = value;
    },
  };
}

export interface CachedSubgraphOptions<C extends FakeUpstream, F extends FakeUpstream> {
  caching: Caching;
  confirma: C;
  factorCloud: F;
  credentials?: { confirma: ConfirmaCredentials; factorCloud: FactorCloudCredentials };
  security?: SecurityOptions;
  observability?: Observability;
  apqTtlSeconds?: number;
}

/**
 * One subgraph instance over shared fakes and a shared cache, wired as src/index.ts does it.
 * Several instances over one Redis stand for a scaled-out deployment.
 */
export async function startCachedSubgraph<
  C extends FakeUpstream = ConfirmaFake,
  F extends FakeUpstream = FactorCloudFake,
>(options: CachedSubgraphOptions<C, F>): Promise<CachedSubgraph<C, F>> {
  const { logger, lines } = memoryLogger();
  const { confirma, factorCloud } = options;
  const credentials = options.credentials ?? {
    confirma: { apiKey: CONFIRMA_TEST_KEY, provisioningToken: undefined },
    factorCloud: FACTORCLOUD_TEST_CREDENTIALS,
  };
  const defaults = defaultUpstreamSettings();
  const pools = createUpstreamPools(
    { confirma: confirma.url, factorCloud: factorCloud.url },
    {
      ...defaults,
      connectTimeoutMs: 1_000,
      totalTimeoutMs: 5_000,
      retry: { ...defaults.retry, baseDelayMs: 10 },
    },
  );
  const subgraph = await createSubgraph({
    ...pools,
    confirmaCredentials: credentials.confirma,
    factorCloudCredentials: credentials.factorCloud,
    factoringInvoiceId: invoiceIdFromTemplate('{invoiceNumber}'),
    logger,
    production: false,
    corsOrigins: [],
    maxRequestBodyBytes: 100_000,
    observability: options.observability ?? createObservability(),
    upstreamCache: options.caching.upstreamCache,
    writeGuard: options.caching.writeGuard,
    persistedQueries: { cache: options.caching.persistedQueries, ttlSeconds: options.apqTtlSeconds ?? 3_600 },
    ...(options.security ? { security: options.security } : {}),
  });
  const server = createServer(subgraph.handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  return {
    url,
    logLines: lines,
    pools,
    confirma,
    factorCloud,
    async query(query, variables, headers) {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query, variables }),
      });
      const text = await response.text();
      return {
        status: response.status,
        headers: response.headers,
        body: JSON.parse(text) as GraphQLReply['body'],
        text,
      };
    },
    resetRequests() {
      confirma.requests.length = 0;
      factorCloud.requests.length = 0;
    },
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await subgraph.stop();
      await Promise.all([pools.confirmaHttp.close(), pools.factorCloudHttp.close()]);
    },
  };
}
