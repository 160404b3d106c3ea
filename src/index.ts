import { createServer } from 'node:http';
import { createCaching } from './cache/caching.js';
import { ConfigError, loadConfig, secretsOf } from './config.js';
import type { Config } from './config.js';
import { invoiceIdFromTemplate } from './context.js';
import { todayIsoDate } from './lib/dates.js';
import { drainable } from './lib/httpDrain.js';
import { limitHeapGrowth } from './lib/heapGrowth.js';
import { createLogger } from './logger.js';
import { prettyLogStream } from './lib/prettyLog.js';
import type { Logger } from './logger.js';
import { createObservability } from './observability/observability.js';
import { securitySummary } from './security/securityEnv.js';
import { createSubgraph } from './server.js';
import { GRAPHQL_PATH } from './serve/handler.js';
import { createUpstreamPools } from './upstreams/index.js';

/** Composition root: config → simulators (if needed) → pools → subgraph → listen → shutdown. */
async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(`invoice-graph cannot start.\n${error.message}\nSee .env.example for every setting.`);
    process.exit(1);
  }
  // A terminal gets one readable line per entry; anything else (containers, files) gets JSON.
  const logger = createLogger(
    { level: config.logLevel, secrets: () => secretsOf(config) },
    process.stdout.isTTY ? prettyLogStream(process.stdout) : undefined,
  );
  limitHeapGrowth(config.heapGrowthPercent, process.execArgv);
  // A stray rejection is a bug to log, not a reason to drop every in-flight request.
  process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled promise rejection'));
  const factoringInvoiceId = invoiceIdFromTemplate(config.invoiceIdTemplate);

  const needsSimulators = config.confirma.mode === 'simulator' || config.factorCloud.mode === 'simulator';
  // Imported only when used: a deployment against the real APIs never loads simulator code.
  const embedded = needsSimulators ? await import('./simulators/index.js') : undefined;
  const simulators = await embedded?.startSimulators({
    today: todayIsoDate(),
    factoringInvoiceId,
    seed: config.simulatorSeed,
    confirma: {
      ...config.confirma.credentials,
      port: portOf(config.confirma),
      faults: config.simulatorFaults.confirma,
    },
    factorCloud: {
      ...config.factorCloud.credentials,
      port: portOf(config.factorCloud),
      faults: config.simulatorFaults.factorCloud,
    },
  });

  const origins = {
    confirma: config.confirma.mode === 'remote' ? config.confirma.baseUrl : (simulators?.confirmaUrl ?? ''),
    factorCloud:
      config.factorCloud.mode === 'remote' ? config.factorCloud.baseUrl : (simulators?.factorCloudUrl ?? ''),
  };
  if (simulators) {
    logger.info(
      {
        confirma: config.confirma.mode === 'simulator' ? origins.confirma : 'remote',
        factorCloud: config.factorCloud.mode === 'simulator' ? origins.factorCloud : 'remote',
      },
      'No upstream base URL configured: serving from the embedded simulators on 127.0.0.1',
    );
  }
  // Starts the tracing SDK only when an OTLP endpoint is configured.
  const observability = createObservability(config.observability);
  if (config.observability.tracing) {
    logger.info({ url: config.observability.tracing.url }, 'exporting traces over OTLP/HTTP');
  }
  logger.info(securitySummary(config.security), 'caller authentication, tenants and exposure');
  const pools = createUpstreamPools(origins, config.upstream, observability.upstreamObserver);
  const caching = createCaching(config.cache, {
    logger,
    onCacheEvent: (cache, result) => observability.metrics.recordCacheRequest(cache, result),
  });
  // Not waiting long: without Redis the subgraph still serves, uncached, and reconnects later.
  const cacheReady = await caching.ready(config.cache.redis.connectTimeoutMs);
  logger.info(
    {
      mode: caching.mode,
      redis: config.cache.redisUrl ? (cacheReady ? 'connected' : 'unreachable') : 'none',
    },
    'upstream read cache',
  );
  const subgraph = await createSubgraph({
    ...pools,
    confirmaCredentials: config.confirma.credentials,
    factorCloudCredentials: config.factorCloud.credentials,
    factoringInvoiceId,
    logger,
    production: config.env === 'production',
    corsOrigins: config.corsOrigins,
    maxRequestBodyBytes: config.maxRequestBodyBytes,
    observability,
    security: config.security,
    adminToken: config.adminToken,
    upstreamCache: caching.upstreamCache,
    persistedQueries: { cache: caching.persistedQueries, ttlSeconds: config.cache.apqTtlSeconds },
  });

  const http = drainable(subgraph.handler);
  const server = createServer(http.listener);
  await new Promise<void>((resolve) => server.listen(config.port, config.host, resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  logger.info(
    { port, environment: config.env },
    `invoice-graph subgraph ready at http://${displayHost(config.host)}:${port}${GRAPHQL_PATH}` +
      (config.security.landingPage
        ? ` (open it in a browser for Apollo Sandbox; offline: http://${displayHost(config.host)}:${port}/graphiql)`
        : ''),
  );

  onShutdownSignal(logger, async () => {
    // Stop accepting, let in-flight requests finish, close kept-alive connections.
    await http.drain(server);
    await subgraph.stop();
    await Promise.all([pools.confirmaHttp.close(), pools.factorCloudHttp.close()]);
    await simulators?.close();
    await caching.close();
    await observability.shutdown();
  });
}

function displayHost(host: string | undefined): string {
  if (host === undefined || host === '0.0.0.0' || host === '::') return 'localhost';
  return host.includes(':') ? `[${host}]` : host;
}

function portOf(target: Config['confirma'] | Config['factorCloud']): number {
  return target.mode === 'simulator' ? target.port : 0;
}

const SHUTDOWN_DEADLINE_MS = 10_000;

function onShutdownSignal(logger: Logger, shutdown: () => Promise<void>): void {
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: finishing in-flight requests');
    const deadline = setTimeout(() => {
      logger.error('shutdown deadline passed; exiting with requests still open');
      process.exit(1);
    }, SHUTDOWN_DEADLINE_MS);
    deadline.unref();
    shutdown().then(
      () => {
        logger.info('shutdown complete');
        process.exit(0);
      },
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((error: unknown) => {
  console.error('invoice-graph failed to start:', error instanceof Error ? error.message : String(error));
  process.exit(1);
});
