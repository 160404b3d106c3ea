import type { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import { withRequestId } from '../errors.js';

/**
 * Puts the request id into every error of a GraphQL response (`extensions.requestId`). Apollo's
 * `formatError` hook does not see the request, so the id is added here, where the context is.
 */
export function requestIdInErrors<TContext extends { requestId: string }>(): ApolloServerPlugin<TContext> {
  // No state of its own: one listener serves every request.
  const listener: GraphQLRequestListener<TContext> = {
    async willSendResponse({ response, contextValue }) {
      if (response.body.kind === 'single') {
        const result = response.body.singleResult;
        if (result.errors) result.errors = result.errors.map((e) => withRequestId(e, contextValue.requestId));
      } else {
        const result = response.body.initialResult;
        if (result.errors) result.errors = result.errors.map((e) => withRequestId(e, contextValue.requestId));
      }
    },
  };
  return {
    async requestDidStart() {
      return listener;
    },
  };
}
