import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { loadConfig } from '../../src/config.js';
import { invoiceIdFromTemplate } from '../../src/context.js';
import { createLogger } from '../../src/logger.js';
import { createObservability } from '../../src/observability/observability.js';
import type { Observability } from '../../src/observability/observability.js';
import { createSubgraph } from '../../src/server.js';
import { createUpstreamPools } from '../../src/upstreams/index.js';
import { CONFIRMA_PROVISIONING_TEST_TOKEN, CONFIRMA_TEST_KEY, startConfirmaFake } from '../fakes/confirma.js';
import type { ConfirmaFake } from '../fakes/confirma.js';
import { FACTORCLOUD_TEST_CREDENTIALS, startFactorCloudFake } from '../fakes/factorcloud.js';
import type { FactorCloudFake } from '../fakes/factorcloud.js';
import type { GraphQLReply } from './harness.js';

/** Every credential the subgraph holds; each is a canary that must never be seen outside. */
export const CANARY_SECRETS = [
  CONFIRMA_TEST_KEY,
  CONFIRMA_PROVISIONING_TEST_TOKEN,
  ...Object.values(FACTORCLOUD_TEST_CREDENTIALS),
];

export interface ObservedSubgraph {
  /** Origin of the subgraph, e.g. http://127.0.0.1:1234 (GraphQL is at /graphql). */
  origin: string;
  confirma: ConfirmaFake;
  factorCloud: FactorCloudFake;
  observability: Observability;
  /** Every log line the subgraph wrote, parsed. */
  logs(): Array<Record<string, unknown>>;
  logText(): string;
  query(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<GraphQLReply>;
  get(path: string): Promise<{ status: number; headers: Headers; text: string }>;
  resetRequests(): void;
  close(): Promise<void>;
}

export interface ObservedOptions {
  /** OTLP/HTTP traces URL; tracing is off without it. */
  tracesUrl?: string;
  /** Extra environment for the upstream settings (retries, breaker), as an operator sets it. */
  upstreamEnv?: Record<string, string>;
}

/**
 * The subgraph wired as src/index.ts wires it (observability → pools → subgraph → listen), over
 * fake upstreams on 127.0.0.1, with its logs kept in memory.
 */
export async function startObservedSubgraph(options: ObservedOptions = {}): Promise<ObservedSubgraph> {
  const confirma = await startConfirmaFake();
  const factorCloud = await startFactorCloudFake();
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString('utf8'));
      done();
    },
  });
  const logger = createLogger({ level: 'info', secrets: () => CANARY_SECRETS }, sink);
  const config = loadConfig({
    UPSTREAM_CONNECT_TIMEOUT_MS: '1000',
    UPSTREAM_TOTAL_TIMEOUT_MS: '5000',
    // No waiting between retries: the tests count attempts, they do not time them.
    UPSTREAM_RETRY_BASE_DELAY_MS: '0',
    UPSTREAM_RETRY_MAX_DELAY_MS: '0',
    ...options.upstreamEnv,
  });
  const observability = createObservability({
    metricsEnabled: true,
    tracing: options.tracesUrl ? { url: options.tracesUrl, serviceName: 'invoice-graph-test' } : undefined,
  });
  const pools = createUpstreamPools(
    { confirma: confirma.url, factorCloud: factorCloud.url },
    config.upstream,
    observability.upstreamObserver,
  );
  const subgraph = await createSubgraph({
    ...pools,
    confirmaCredentials: { apiKey: CONFIRMA_TEST_KEY, provisioningToken: CONFIRMA_PROVISIONING_TEST_TOKEN },
    factorCloudCredentials: FACTORCLOUD_TEST_CREDENTIALS,
    factoringInvoiceId: invoiceIdFromTemplate('{invoiceNumber}'),
    logger,
    production: false,
    corsOrigins: [],
    maxRequestBodyBytes: 100_000,
    observability,
  });
  const server = createServer(subgraph.handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    origin,
    confirma,
    factorCloud,
    observability,
    logs: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>),
    logText: () => lines.join(''),
    async query(query, variables, headers) {
      const response = await fetch(`${origin}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query, variables }),
      });
      const text = await response.text();
      const body = JSON.parse(text) as GraphQLReply['body'];
      return { status: response.status, headers: response.headers, body, text };
    },
    async get(path) {
      const response = await fetch(`${origin}${path}`);
      return { status: response.status, headers: response.headers, text: await response.text() };
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
      await observability.shutdown();
      await Promise.all([confirma.close(), factorCloud.close()]);
    },
  };
}
