import { readFileSync } from 'node:fs';
import { z } from 'zod';
import {
  CONFIRMA,
  FACTORCLOUD,
  INVOICE_ID_TEMPLATE,
  ROUTER_SECRET,
  UPSTREAM_MAX_CONCURRENCY,
} from './config.js';
import { startServerProcess } from './processes.js';
import type { ServerProcess, SimulatorProcess } from './processes.js';

/**
 * The two servers under test, each a child process over the simulators' origins. The subgraph
 * is started as production runs it: the compiled entry point (`npm run build`, dist/index.js)
 * with the environment an operator would set, so what is measured is what ships, less the
 * upstream read cache. bench/run.ts builds it first.
 */

/** Where `npm run build` (tsconfig.build.json) writes the subgraph's entry point. */
export const SUBGRAPH_ENTRY = 'dist/index.js';
/** The proxy, compiled the same way (bench/tsconfig.proxy.json), so neither pays for a loader. */
export const PROXY_ENTRY = 'dist/bench/handProxy.js';

function upstreamEnv(simulators: SimulatorProcess): Record<string, string> {
  return {
    CONFIRMA_BASE_URL: simulators.confirmaUrl,
    CONFIRMA_API_KEY: CONFIRMA.apiKey,
    FACTORCLOUD_BASE_URL: simulators.factorCloudUrl,
    FACTORCLOUD_FACTOR_ID: FACTORCLOUD.factorId,
    FACTORCLOUD_SYSTEM_KEY: FACTORCLOUD.systemKey,
    FACTORCLOUD_API_KEY: FACTORCLOUD.apiKey,
    FACTORCLOUD_INVOICE_ID_TEMPLATE: INVOICE_ID_TEMPLATE,
    UPSTREAM_MAX_CONCURRENCY: String(UPSTREAM_MAX_CONCURRENCY),
  };
}

/** Node's flags in `npm run start:prod` (package.json), so the bench runs what production runs. */
const PRODUCTION_NODE_FLAGS = z
  .object({ scripts: z.object({ 'start:prod': z.string() }) })
  .parse(JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')))
  .scripts['start:prod'].split(/\s+/)
  .filter((word) => word.startsWith('--'));

/**
 * The subgraph runs as `npm run start:prod` runs it, with its V8 heap flag; `nodeFlags`, e.g.
 * `--cpu-prof`, are added to its Node process.
 */
export function startSubgraphProcess(
  simulators: SimulatorProcess,
  nodeFlags: readonly string[] = [],
): Promise<ServerProcess> {
  return startServerProcess(
    SUBGRAPH_ENTRY,
    // The upstream read cache is off: every benchmark here is about the calls a query makes and
    // what they cost; a warm cache would answer without them (and the proxy has none).
    {
      ...upstreamEnv(simulators),
      NODE_ENV: 'production',
      ROUTER_SECRET,
      LOG_LEVEL: 'info',
      CACHE_ENABLED: 'false',
    },
    [...PRODUCTION_NODE_FLAGS, ...nodeFlags],
  );
}

export function startProxyProcess(simulators: SimulatorProcess): Promise<ServerProcess> {
  return startServerProcess(PROXY_ENTRY, upstreamEnv(simulators));
}
