import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { budgetFor, defaultUpstreamSettings } from '../src/http/resilienceConfig.js';
import { createUpstreamHttp } from '../src/http/upstreamHttp.js';
import type { Machinery } from '../src/http/upstreamHttp.js';
import { createLogger } from '../src/logger.js';
import { createSubgraph } from '../src/server.js';
import { CONFIRMA, FACTORCLOUD, factoringInvoiceId } from './config.js';
import type { SimulatorProcess } from './processes.js';

/**
 * A subgraph in this process, wired as src/index.ts wires it (default upstream settings, no read
 * cache), except that its two pools leave out the `without` pieces of call scheduling: the switch
 * is an internal option of createUpstreamHttp, so no environment variable can reach it.
 */
export interface MachinerySubgraph {
  url: string;
  close(): Promise<void>;
}

export async function startMachinerySubgraph(
  simulators: SimulatorProcess,
  without: readonly Machinery[],
): Promise<MachinerySubgraph> {
  const settings = defaultUpstreamSettings();
  const leftOut = Object.fromEntries(without.map((piece) => [piece, true] as const));
  const confirmaHttp = createUpstreamHttp({
    upstream: 'confirma',
    origin: simulators.confirmaUrl,
    ...budgetFor(settings, 'confirma'),
    without: leftOut,
  });
  const factorCloudHttp = createUpstreamHttp({
    upstream: 'factorcloud',
    origin: simulators.factorCloudUrl,
    ...budgetFor(settings, 'factorCloud'),
    without: leftOut,
  });
  // Errors only, to stderr: a failed query stops the run, and its cause should be visible.
  const logger = createLogger({ level: 'error', secrets: () => [] }, process.stderr);
  const subgraph = await createSubgraph({
    confirmaHttp,
    factorCloudHttp,
    requestTimeoutMs: settings.requestTimeoutMs,
    confirmaCredentials: CONFIRMA,
    factorCloudCredentials: FACTORCLOUD,
    factoringInvoiceId,
    logger,
    production: false,
    corsOrigins: [],
    maxRequestBodyBytes: 100_000,
  });
  const server = createServer(subgraph.handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? (address satisfies AddressInfo).port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await subgraph.stop();
      await Promise.all([confirmaHttp.close(), factorCloudHttp.close()]);
    },
  };
}
