import { ApolloServer } from '@apollo/server';
import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import type { RequestListener } from 'node:http';
import { createContext } from './context.js';
import type { Context, ContextDeps } from './context.js';
import { formatError } from './errors.js';
import type { Logger } from './logger.js';
import { scalarLiteralsRule } from './scalars/literalRule.js';
import { buildSchema } from './schema.js';
import { createRequestHandler } from './serve/handler.js';

export interface SubgraphDeps extends ContextDeps {
  production: boolean;
  corsOrigins: readonly string[];
  maxRequestBodyBytes: number;
}

export interface Subgraph {
  apollo: ApolloServer<Context>;
  /** node:http request listener serving /graphql and /healthz. */
  handler: RequestListener;
  stop(): Promise<void>;
}

/**
 * Builds the subgraph: schema, Apollo Server and the HTTP handler. No listening, no env:
 * the entry point and the tests decide where it runs.
 */
export async function createSubgraph(deps: SubgraphDeps): Promise<Subgraph> {
  const apollo = new ApolloServer<Context>({
    schema: buildSchema(),
    formatError,
    includeStacktraceInErrorResponses: false,
    validationRules: [scalarLiteralsRule],
    introspection: !deps.production,
    logger: deps.logger,
    plugins: [
      deps.production
        ? ApolloServerPluginLandingPageDisabled()
        : ApolloServerPluginLandingPageLocalDefault({ embed: true, includeCookies: false }),
      errorLogging(deps.logger),
    ],
  });
  await apollo.start();
  const handler = createRequestHandler({
    apollo,
    context: async (requestId) => createContext(deps, requestId),
    cors: { origins: deps.corsOrigins, allowLocalhost: !deps.production },
    maxRequestBodyBytes: deps.maxRequestBodyBytes,
    logger: deps.logger,
  });
  return { apollo, handler, stop: () => apollo.stop() };
}

/** One log line per error: code and path, never a stack trace or an upstream body. */
function errorLogging(logger: Logger): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, contextValue }) {
          for (const error of errors) {
            const shaped = formatError(error.toJSON(), error);
            logger.warn(
              { requestId: contextValue.requestId, path: error.path?.join('.'), ...shaped.extensions },
              shaped.message,
            );
          }
        },
      };
    },
  };
}
