import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { ApolloServerPluginCacheControl } from '@apollo/server/plugin/cacheControl';

/**
 * HTTP cache hints. The maxAge of a response comes from the `@cacheControl` hints in the SDL
 * (types default to 0: not cacheable); whatever they say, every answer of this subgraph is
 * tenant data, so the scope is forced to PRIVATE and no response is ever `public`. Mutations
 * are `no-store` whatever their payload types say, and so are responses with errors (Apollo's
 * rule).
 */
export function cacheControlPlugins<TContext extends BaseContext>(): ApolloServerPlugin<TContext>[] {
  return [ApolloServerPluginCacheControl({ defaultMaxAge: 0, calculateHttpHeaders: true }), privateScope()];
}

function privateScope<TContext extends BaseContext>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async executionDidStart({ overallCachePolicy, operation }) {
          // A mutation's answer describes a change, never something to serve again.
          const maxAge = operation.operation === 'query' ? {} : { maxAge: 0 };
          return {
            // After every field has added its hint and before the header is written
            // (willSendResponse); earlier, the cache-control plugin would take the policy as
            // already decided and skip the field hints.
            async executionDidEnd() {
              overallCachePolicy.restrict({ scope: 'PRIVATE', ...maxAge });
            },
          };
        },
      };
    },
  };
}
