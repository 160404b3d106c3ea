import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { defaultUpstreamSettings } from '../../src/http/resilienceConfig.js';
import type { UpstreamSettings } from '../../src/http/resilienceConfig.js';
import type { UpstreamHttp } from '../../src/http/upstreamHttp.js';
import { createSubgraph } from '../../src/server.js';
import { invoiceIdFromTemplate } from '../../src/context.js';
import type { Currencies } from '../../src/lib/currencySettings.js';
import { createLogger } from '../../src/logger.js';
import { securitySecrets } from '../../src/security/securityEnv.js';
import type { SecurityOptions } from '../../src/security/security.js';
import { createUpstreamPools } from '../../src/upstreams/index.js';
import type { ConfirmaCredentials } from '../../src/upstreams/confirma/client.js';
import type { FactorCloudCredentials } from '../../src/upstreams/factorcloud/client.js';
import { CONFIRMA_PROVISIONING_TEST_TOKEN, CONFIRMA_TEST_KEY, startConfirmaFake } from '../fakes/confirma.js';
import type { ConfirmaFake } from '../fakes/confirma.js';
import { FACTORCLOUD_TEST_CREDENTIALS, startFactorCloudFake } from '../fakes/factorcloud.js';
import type { FactorCloudFake } from '../fakes/factorcloud.js';

export interface GraphQLReply {
  status: number;
  headers: Headers;
  body: {
    data?: Record<string, unknown> | null;
    errors?: Array<{ message: string; path?: Array<string | number>; extensions?: Record<string, unknown> }>;
  };
  text: string;
}

/** The real subgraph on 127.0.0.1:0 over given upstream origins; `close()` stops it and its pools. */
export interface RunningSubgraph {
  url: string;
  /** Every log line the subgraph wrote. */
  logLines: string[];
  query(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<GraphQLReply>;
  /** The upstream pools, e.g. to read their circuit breakers. */
  pools: { confirmaHttp: UpstreamHttp; factorCloudHttp: UpstreamHttp };
  close(): Promise<void>;
}

export interface Harness extends RunningSubgraph {
  confirma: ConfirmaFake;
  factorCloud: FactorCloudFake;
  /** Forget recorded upstream requests (the fakes keep their data). */
  resetRequests(): void;
}

export interface HarnessOptions {
  invoiceIdTemplate?: string;
  /** Replaces the template's mapping, e.g. with one that fails like a bug would. */
  factoringInvoiceId?: (invoiceNumber: string) => string;
  maxConcurrency?: number;
  totalTimeoutMs?: number;
  production?: boolean;
  /** Retry, breaker and per-upstream budget settings over the quick defaults below. */
  upstream?: Partial<UpstreamSettings>;
  /** Clock of the circuit breakers and retry budgets (tests move it instead of waiting). */
  now?: () => number;
  /** Router secret, JWT, tenant registry and operation limits (default: open, single tenant). */
  security?: SecurityOptions;
  /** Production's admin token for `x-debug-upstream-calls` (default: none). */
  adminToken?: string;
  /** Currencies of amounts whose record states none (default: EUR for Confirma, USD for FactorCloud). */
  currencies?: Currencies;
}

export interface SubgraphOptions extends HarnessOptions {
  origins: { confirma: string; factorCloud: string };
  confirmaCredentials: ConfirmaCredentials;
  factorCloudCredentials: FactorCloudCredentials;
}

/** The real subgraph on 127.0.0.1:0, wired to fake Confirma and FactorCloud servers. */
export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const confirma = await startConfirmaFake();
  const factorCloud = await startFactorCloudFake();
  const subgraph = await startSubgraph({
    ...options,
    origins: { confirma: confirma.url, factorCloud: factorCloud.url },
    confirmaCredentials: { apiKey: CONFIRMA_TEST_KEY, provisioningToken: CONFIRMA_PROVISIONING_TEST_TOKEN },
    factorCloudCredentials: FACTORCLOUD_TEST_CREDENTIALS,
  });
  return {
    ...subgraph,
    confirma,
    factorCloud,
    resetRequests() {
      confirma.requests.length = 0;
      factorCloud.requests.length = 0;
    },
    async close() {
      await subgraph.close();
      await Promise.all([confirma.close(), factorCloud.close()]);
    },
  };
}

/** Wires the subgraph as src/index.ts does (pools → createSubgraph → listen), logging to memory. */
export async function startSubgraph(options: SubgraphOptions): Promise<RunningSubgraph> {
  const logLines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logLines.push(chunk.toString('utf8'));
      done();
    },
  });
  const { confirmaCredentials, factorCloudCredentials } = options;
  const secrets = [
    confirmaCredentials.apiKey,
    ...(confirmaCredentials.provisioningToken ? [confirmaCredentials.provisioningToken] : []),
    ...Object.values(factorCloudCredentials),
    ...securitySecrets({ routerSecret: options.security?.routerSecret, tenants: options.security?.tenants }),
    ...(options.adminToken ? [options.adminToken] : []),
  ];
  const logger = createLogger({ level: 'info', secrets: () => secrets }, sink);
  const defaults = defaultUpstreamSettings();
  const upstreamSettings: UpstreamSettings = {
    ...defaults,
    maxConcurrency: options.maxConcurrency ?? 8,
    connectTimeoutMs: 1_000,
    headersTimeoutMs: 2_000,
    bodyTimeoutMs: 2_000,
    totalTimeoutMs: options.totalTimeoutMs ?? 3_000,
    // Short backoff keeps retried reads quick; counts, not times, are what tests assert.
    retry: { ...defaults.retry, baseDelayMs: 10, maxDelayMs: 100 },
    ...options.upstream,
  };
  const pools = createUpstreamPools(options.origins, upstreamSettings, undefined, {
    ...(options.now ? { now: options.now } : {}),
  });
  const subgraph = await createSubgraph({
    ...pools,
    confirmaCredentials,
    factorCloudCredentials,
    factoringInvoiceId:
      options.factoringInvoiceId ?? invoiceIdFromTemplate(options.invoiceIdTemplate ?? '{invoiceNumber}'),
    logger,
    production: options.production ?? false,
    corsOrigins: ['https://studio.apollographql.com'],
    maxRequestBodyBytes: 100_000,
    ...(options.security ? { security: options.security } : {}),
    adminToken: options.adminToken,
    ...(options.currencies ? { currencies: options.currencies } : {}),
  });
  const server = createServer(subgraph.handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;

  return {
    url,
    logLines,
    pools,
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
