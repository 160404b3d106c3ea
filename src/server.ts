import { ApolloServer } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLError } from 'graphql';
import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { RequestListener } from 'node:http';
import type { PersistedQueryCache } from './cache/apqCache.js';
import { cacheControlPlugins } from './cache/cacheControl.js';
import { readFreshness } from './cache/freshness.js';
import { createContext } from './context.js';
import type { Context, ContextDeps } from './context.js';
import { ErrorCode, formatError } from './errors.js';
import type { Logger } from './logger.js';
import { requestIdInErrors } from './observability/errorRequestIds.js';
import { operationObservability } from './observability/graphqlPlugin.js';
import { requestLedgerPlugin } from './observability/ledgerPlugin.js';
import { createObservability } from './observability/observability.js';
import type { Observability } from './observability/observability.js';
import { readinessOf } from './observability/readiness.js';
import { exactVariablesPlugin } from './scalars/exactVariables.js';
import { scalarLiteralsRule } from './scalars/literalRule.js';
import { operationLimitsPlugin } from './security/limits/operationLimits.js';
import { knownOperationTypesRule } from './security/limits/operationTypeRule.js';
import { createSecurity } from './security/security.js';
import type { SecurityOptions } from './security/security.js';
import { buildSchema } from './schema.js';
import { GRAPHQL_PATH, createRequestHandler } from './serve/handler.js';
import { landingPageWithOfflineLink, offlineIde } from './serve/offlineIde.js';
import { createMemoryGuardStore } from './writes/guardStore.js';
import { WriteGuard } from './writes/writeGuard.js';

export interface SubgraphDeps extends Omit<ContextDeps, 'writeGuard'> {
  /** Default: one in-process guard for this subgraph (index.ts passes the configured one). */
  writeGuard?: WriteGuard | undefined;
  production: boolean;
  corsOrigins: readonly string[];
  maxRequestBodyBytes: number;
  /** Metrics and tracing; pass the one whose `upstreamObserver` the pools report to. */
  observability?: Observability;
  /** Caller authentication, tenants and operation limits; default: open, single tenant. */
  security?: SecurityOptions;
  /** Automatic persisted queries: shared (Redis) store and TTL; default: Apollo's in-memory LRU. */
  persistedQueries?: { cache: PersistedQueryCache | undefined; ttlSeconds: number } | undefined;
  /** Production only: the token (`x-admin-token`) that unlocks `extensions.upstreamCalls`. */
  adminToken?: string | undefined;
}

export interface Subgraph {
  apollo: ApolloServer<Context>;
  /** node:http request listener serving /graphql, /healthz, /readyz and /metrics. */
  handler: RequestListener;
  stop(): Promise<void>;
}

/**
 * Builds the subgraph: schema, Apollo Server and the HTTP handler. No listening, no env:
 * the entry point and the tests decide where it runs.
 */
export async function createSubgraph(deps: SubgraphDeps): Promise<Subgraph> {
  const observability = deps.observability ?? createObservability();
  const contextDeps: ContextDeps = { ...deps, writeGuard: deps.writeGuard ?? defaultWriteGuard() };
  const security = createSecurity(deps.security ?? {}, deps);
  const apollo = new ApolloServer<Context>({
    // Descriptions state the configured read-cache TTLs (none when the cache is off).
    schema: buildSchema({ readCacheTtls: deps.upstreamCache?.ttlSeconds }),
    formatError,
    includeStacktraceInErrorResponses: false,
    // index.ts owns SIGTERM/SIGINT: Apollo's own handler would stop and re-raise the signal,
    // killing the process before in-flight requests, pools and span export are drained.
    stopOnTerminationSignals: false,
    validationRules: [scalarLiteralsRule, knownOperationTypesRule],
    introspection: security.introspection,
    // Without introspection, "Did you mean …?" hints would leak the schema field by field.
    hideSchemaDetailsFromClientErrors: !security.introspection,
    // Apollo's default, stated: a browser cannot send a simple cross-site request that runs.
    csrfPrevention: true,
    parseOptions: { maxTokens: security.limits.maxTokens },
    allowBatchedHttpRequests: security.limits.maxBatchOperations > 1,
    ...(deps.persistedQueries?.cache
      ? { persistedQueries: { cache: deps.persistedQueries.cache, ttl: deps.persistedQueries.ttlSeconds } }
      : {}),
    logger: deps.logger,
    plugins: [
      security.landingPage ? landingPageWithOfflineLink<Context>() : ApolloServerPluginLandingPageDisabled(),
      errorLogging(deps.logger),
      operationObservability(observability.metrics),
      requestLedgerPlugin<Context>(),
      requestIdInErrors(),
      // Before the limits plugin: it reads numbers from the variables.
      exactVariablesPlugin(),
      operationLimitsPlugin(security.limits),
      ...cacheControlPlugins<Context>(),
    ],
  });
  await apollo.start();
  const handler = createRequestHandler({
    apollo,
    context: async (scope, tenant, headers) =>
      createContext(contextDeps, scope, tenant, readFreshness(headers)),
    admit: security.admit,
    maxBatchOperations: security.limits.maxBatchOperations,
    cors: { origins: deps.corsOrigins, allowLocalhost: !deps.production },
    maxRequestBodyBytes: deps.maxRequestBodyBytes,
    logger: deps.logger,
    observability,
    readiness: readinessOf([deps.confirmaHttp, deps.factorCloudHttp]),
    // The offline IDE goes with the landing page: on in development, off in production unless
    // LANDING_PAGE=true.
    offlineIde: security.landingPage ? offlineIde(GRAPHQL_PATH) : undefined,
    debugAccess: { openToAll: !deps.production, adminToken: deps.adminToken },
  });
  return { apollo, handler, stop: () => apollo.stop() };
}

/**
 * One log line per error: code and path, never an upstream body. An internal error (a bug: the
 * caller only sees INTERNAL_SERVER_ERROR) is logged at error level with its class, message and
 * stack, so the request id in the response leads to its cause; secrets are scrubbed as always.
 */
function errorLogging(logger: Logger): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, contextValue }) {
          for (const error of errors) {
            const shaped = formatError(error.toJSON(), error);
            const fields = {
              requestId: contextValue.requestId,
              path: error.path?.join('.'),
              ...shaped.extensions,
            };
            if (shaped.extensions?.code === ErrorCode.INTERNAL_SERVER_ERROR) {
              logger.error({ ...fields, ...internalCause(error) }, shaped.message);
            } else {
              logger.warn(fields, shaped.message);
            }
          }
        },
      };
    },
  };
}

/**
 * The thrown value behind an internal error, as plain strings (the logger keeps no stack of an
 * Error it is given). Followed through `originalError` by shape: graphql may be loaded twice.
 */
function internalCause(error: GraphQLError): { errorClass: string; errorMessage: string; stack?: string } {
  let cause: unknown = unwrapResolverError(error);
  for (
    let depth = 0;
    depth < 4 && cause instanceof Error && 'originalError' in cause && cause.originalError;
    depth += 1
  )
    cause = cause.originalError;
  if (!(cause instanceof Error)) return { errorClass: typeof cause, errorMessage: String(cause) };
  return {
    errorClass: cause.constructor.name,
    errorMessage: cause.message,
    ...(cause.stack ? { stack: cause.stack } : {}),
  };
}

/** Without a configured guard: in this process, with the documented default times. */
function defaultWriteGuard(): WriteGuard {
  return new WriteGuard(createMemoryGuardStore(), {
    idempotencyTtlSeconds: 86_400,
    duplicateWindowSeconds: 30,
    keyPrefix: 'invoice-graph:',
  });
}
