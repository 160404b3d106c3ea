import { createServer } from 'node:http';
import { createCaching } from './cache/caching.js';
import { ConfigError, loadConfig, secretsOf } from './config.js';
import type { Config } from './config.js';
import { invoiceIdFromTemplate } from './context.js';
import { todayIn } from './lib/timeZones.js';
import { drainable } from './lib/httpDrain.js';
import { runShutdown } from './lib/shutdownSequence.js';
import type { ShutdownSteps } from './lib/shutdownSequence.js';
import { createLogger } from './logger.js';
import { prettyLogStream } from './lib/prettyLog.js';
import type { Logger } from './logger.js';
import { createObservability } from './observability/observability.js';
import { securitySummary } from './security/securityEnv.js';
import { createSubgraph } from './server.js';
import { GRAPHQL_PATH } from './serve/handler.js';
import { listenFailureMessage } from './serve/listenFailure.js';
import { httpServerOptions } from './serve/serverLimits.js';
import { createUpstreamPools } from './upstreams/index.js';

/** Composition root: config → simulators (if needed) → pools → subgraph → listen → shutdown. */
async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    // One problem, one line (what a log collector shows as one event); several, one per line.
    console.error(
      error.problems.length === 1
        ? `invoice-graph cannot start: ${error.problems[0]} (see .env.example for every setting)`
        : `invoice-graph cannot start.\n${error.message}\nSee .env.example for every setting.`,
    );
    process.exit(1);
  }
  // A terminal gets one readable line per entry; anything else (containers, files) gets JSON.
  const logger = createLogger(
    { level: config.logLevel, secrets: () => secretsOf(config) },
    process.stdout.isTTY ? prettyLogStream(process.stdout) : undefined,
  );
  // A stray rejection is a bug to log, not a reason to drop every in-flight request.
  process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled promise rejection'));
  const factoringInvoiceId = invoiceIdFromTemplate(config.invoiceIdTemplate);

  const needsSimulators = config.confirma.mode === 'simulator' || config.factorCloud.mode === 'simulator';
  // Imported only when used: a deployment against the real APIs never loads simulator code.
  const embedded = needsSimulators ? await import('./simulators/index.js') : undefined;
  const simulators = await embedded?.startSimulators({
    today: todayIn(config.timeZones.business),
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
    today: () => todayIn(config.timeZones.business),
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
    timeZones: config.timeZones,
    currencies: config.currencies,
    writeGuard: caching.writeGuard,
    persistedQueries: { cache: caching.persistedQueries, ttlSeconds: config.cache.apqTtlSeconds },
  });

  const http = drainable(subgraph.handler);
  const server = createServer(httpServerOptions(config.server), http.listener);
  server.maxConnections = config.server.maxConnections;
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(config.port, config.host, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    console.error(`invoice-graph cannot start: ${listenFailureMessage(error, config.port, config.host)}`);
    process.exit(1);
  }
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  logger.info(
    { port, environment: config.env },
    `invoice-graph subgraph ready at http://${displayHost(config.host)}:${port}${GRAPHQL_PATH}` +
      (config.security.landingPage
        ? ` (open it in a browser for Apollo Sandbox; offline: http://${displayHost(config.host)}:${port}/graphiql)`
        : ''),
  );

  onShutdownSignal(logger, config.server.shutdownTimeoutMs, {
    // Stop accepting, let in-flight requests finish, close kept-alive connections.
    drain: () => http.drain(server),
    abortUpstreamCalls: () => Promise.all([pools.confirmaHttp.abort(), pools.factorCloudHttp.abort()]),
    release: async () => {
      await subgraph.stop();
      await Promise.all([pools.confirmaHttp.close(), pools.factorCloudHttp.close()]);
      await simulators?.close();
      await caching.close();
      await observability.shutdown();
    },
  });
}

function displayHost(host: string | undefined): string {
  if (host === undefined || host === '0.0.0.0' || host === '::') return 'localhost';
  return host.includes(':') ? `[${host}]` : host;
}

function portOf(target: Config['confirma'] | Config['factorCloud']): number {
  return target.mode === 'simulator' ? target.port : 0;
}

/** After the upstream calls are aborted at the deadline: time for the answers to go out. */
const ABORT_GRACE_MS = 2_000;

/**
 * The first SIGTERM or SIGINT starts the shutdown; later ones are logged and ignored. They are
 * common, not a request to hurry: under `npm start` a process-group signal reaches npm, tsx and
 * this process, and the first two forward it, so it arrives two or three times. (With `once`,
 * the second would hit Node's default handler and kill the process mid-drain.)
 */
function onShutdownSignal(logger: Logger, deadlineMs: number, steps: ShutdownSteps): void {
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) {
      logger.info({ signal }, 'already shutting down; still finishing in-flight requests');
      return;
    }
    stopping = true;
    logger.info({ signal, deadlineMs }, 'shutting down: finishing in-flight requests');
    const onDeadline = () =>
      logger.warn({ deadlineMs }, 'shutdown deadline passed; aborting upstream calls still in flight');
    runShutdown(steps, { deadlineMs, graceMs: ABORT_GRACE_MS, onDeadline }).then(
      (outcome) => {
        if (outcome === 'cut') logger.error('exiting with requests still open after the shutdown deadline');
        else logger.info('shutdown complete');
        process.exit(outcome === 'cut' ? 1 : 0);
      },
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((error: unknown) => {
  console.error('invoice-graph failed to start:', error instanceof Error ? error.message : String(error));
  process.exit(1);
});
