import type { ASTVisitor, ValidationContext } from 'graphql';
import { GraphQLError } from 'graphql';

/**
 * Refuses an operation whose root type the schema lacks (`subscription { … }` here) during
 * validation, as graphql-js 17's KnownOperationTypesRule does. graphql 16 lets it through to
 * execution, where it fails without a code and would reach the client as an internal error.
 */
export function knownOperationTypesRule(context: ValidationContext): ASTVisitor {
  return {
    OperationDefinition(node) {
      if (!context.getSchema().getRootType(node.operation)) {
        context.reportError(
          new GraphQLError(`The ${node.operation} operation is not supported by this subgraph.`, {
            nodes: node,
          }),
        );
      }
    },
  };
}
