import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { ErrorCode } from '../../errors.js';
import type { OperationLimits } from './limitsConfig.js';
import { measureOperation } from './measure.js';
import type { OperationMeasure } from './measure.js';

interface Check {
  key: keyof OperationMeasure;
  limit: keyof OperationLimits;
  code: ErrorCode;
  describe(actual: number, limit: number): string;
}

const CHECKS: readonly Check[] = [
  {
    key: 'depth',
    limit: 'maxDepth',
    code: ErrorCode.OPERATION_TOO_DEEP,
    describe: (actual, limit) =>
      `The operation nests fields ${actual} levels deep; at most ${limit} are allowed. Split it into several operations.`,
  },
  {
    key: 'aliases',
    limit: 'maxAliases',
    code: ErrorCode.TOO_MANY_ALIASES,
    describe: (actual, limit) =>
      `The operation uses ${actual} aliases (fragments expanded); at most ${limit} are allowed.`,
  },
  {
    key: 'cost',
    limit: 'maxCost',
    code: ErrorCode.OPERATION_TOO_COSTLY,
    describe: (actual, limit) =>
      `The operation's estimated cost is ${actual}; at most ${limit} is allowed. Select fewer nested lists or narrow the filter window.`,
  },
  {
    key: 'entityCalls',
    limit: 'maxEntityCalls',
    code: ErrorCode.OPERATION_TOO_COSTLY,
    describe: (actual, limit) =>
      `The _entities representations would cause about ${actual} upstream calls; at most ${limit} are allowed per request. Send fewer representations per request or select fewer fields on them.`,
  },
];

/**
 * Refuses an operation that is too deep, too aliased or too costly once Apollo has parsed,
 * validated and picked it, and before any resolver (so any upstream call) runs. Variables are
 * known here, so `_entities` is costed by the representations the router actually sent.
 * The error is a request error with HTTP 400 (Apollo would say 500 for a plugin's error).
 */
export function operationLimitsPlugin<TContext extends BaseContext>(
  limits: OperationLimits,
): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          if (!operation) return;
          const measured = measureOperation(schema, document, operation, request.variables ?? {}, limits);
          for (const check of CHECKS) {
            const actual = measured[check.key];
            const limit = limits[check.limit];
            if (actual > limit) {
              throw new GraphQLError(check.describe(actual, limit), {
                extensions: { code: check.code, limit, measured: actual, http: { status: 400 } },
              });
            }
          }
        },
      };
    },
  };
}
