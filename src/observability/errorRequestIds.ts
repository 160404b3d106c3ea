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
      const result =
        response.body.kind === 'single' ? response.body.singleResult : response.body.initialResult;
      if (result.errors) result.errors = result.errors.map((e) => withRequestId(e, contextValue.requestId));
    },
  };
  return {
    async requestDidStart() {
      return listener;
    },
  };
}
