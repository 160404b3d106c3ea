import type { ApolloServerPlugin } from '@apollo/server';
import { responsePathAsArray } from 'graphql';
import type { RequestScope } from './requestScope.js';

/** The response extension listing the operation's upstream calls (see requestLedger.ts). */
export const UPSTREAM_CALLS_EXTENSION = 'upstreamCalls';

/**
 * Fills the request's ledger: operation type and name and error codes (for the access log line)
 * and, when the caller asked for call details, which fields are waiting on data while calls
 * leave, and the `upstreamCalls` extension on the response.
 */
export function requestLedgerPlugin<
  TContext extends { scope: RequestScope },
>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart({ contextValue }) {
      const ledger = contextValue.scope.ledger;
      return {
        async didResolveOperation({ operation, operationName }) {
          if (!operation) return;
          ledger.operationType = operation.operation;
          ledger.operationName = operationName ?? 'anonymous';
        },
        async executionDidStart() {
          // Field hooks only when asked for: Apollo wraps resolvers only for listeners that have them.
          if (!ledger.detail) return;
          return {
            willResolveField({ info }) {
              // Response keys and list indexes only: arguments (ids, numbers) are never part of it.
              const path = responsePathAsArray(info.path).join('.');
              ledger.pendingFields.add(path);
              return () => {
                ledger.pendingFields.delete(path);
              };
            },
          };
        },
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          for (const error of result.errors ?? []) {
            const code = error.extensions?.code;
            if (typeof code === 'string') ledger.errorCodes.add(code);
          }
          if (ledger.detail) {
            result.extensions = { ...result.extensions, [UPSTREAM_CALLS_EXTENSION]: ledger.calls };
          }
        },
      };
    },
  };
}
