import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { createSubgraph } from '../../src/server.js';
import { invoiceIdFromTemplate } from '../../src/context.js';
import { createLogger } from '../../src/logger.js';
import { createUpstreamPools } from '../../src/upstreams/index.js';
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

export interface Harness {
  url: string;
  confirma: ConfirmaFake;
  factorCloud: FactorCloudFake;
  /** Every log line the subgraph wrote. */
  logLines: string[];
  query(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<GraphQLReply>;
  /** Forget recorded upstream requests (the fakes keep their data). */
  resetRequests(): void;
  close(): Promise<void>;
}

export interface HarnessOptions {
  invoiceIdTemplate?: string;
  maxConcurrency?: number;
  totalTimeoutMs?: number;
  production?: boolean;
}

/** The real subgraph on 127.0.0.1:0, wired to fake Confirma and FactorCloud servers. */
export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const confirma = await startConfirmaFake();
  const factorCloud = await startFactorCloudFake();
  const logLines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logLines.push(chunk.toString('utf8'));
      done();
    },
  });
  const logger = createLogger(
    {
      level: 'info',
      secrets: () => [
        CONFIRMA_TEST_KEY,
        CONFIRMA_PROVISIONING_TEST_TOKEN,
        ...Object.values(FACTORCLOUD_TEST_CREDENTIALS),
      ],
    },
    sink,
  );
  const pools = createUpstreamPools(
    { confirma: confirma.url, factorCloud: factorCloud.url },
    {
      maxConcurrency: options.maxConcurrency ?? 8,
      connectTimeoutMs: 1_000,
      headersTimeoutMs: 2_000,
      bodyTimeoutMs: 2_000,
      totalTimeoutMs: options.totalTimeoutMs ?? 3_000,
    },
  );
  const subgraph = await createSubgraph({
    ...pools,
    confirmaCredentials: { apiKey: CONFIRMA_TEST_KEY, provisioningToken: CONFIRMA_PROVISIONING_TEST_TOKEN },
    factorCloudCredentials: FACTORCLOUD_TEST_CREDENTIALS,
    factoringInvoiceId: invoiceIdFromTemplate(options.invoiceIdTemplate ?? '{invoiceNumber}'),
    logger,
    production: options.production ?? false,
    corsOrigins: ['https://studio.apollographql.com'],
    maxRequestBodyBytes: 100_000,
  });
  const server = createServer(subgraph.handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;

  return {
    url,
    confirma,
    factorCloud,
    logLines,
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
      await Promise.all([confirma.close(), factorCloud.close()]);
    },
  };
}
