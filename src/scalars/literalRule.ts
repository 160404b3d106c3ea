import type { ASTVisitor, StringValueNode, ValidationContext } from 'graphql';
import { ScalarInputError } from '../errors.js';
import { LITERAL_CHECKS } from './index.js';

/**
 * Validation rule: a string literal given for Date, DateTime or Decimal must be valid, and the
 * error names the argument path (`filter.from`) and what was expected.
 */
export function scalarLiteralsRule(context: ValidationContext): ASTVisitor {
  const path: string[] = [];
  return {
    Argument: { enter: (node) => void path.push(node.name.value), leave: () => void path.pop() },
    ObjectField: { enter: (node) => void path.push(node.name.value), leave: () => void path.pop() },
    StringValue(node: StringValueNode) {
      const scalar = namedTypeName(context.getInputType());
      const check = scalar === undefined ? undefined : LITERAL_CHECKS[scalar];
      if (!check) return;
      try {
        check(node.value);
      } catch (error) {
        const argument = path.join('.');
        const message = error instanceof Error ? error.message : String(error);
        context.reportError(new ScalarInputError(`${argument}: ${message}`, { nodes: node, argument }));
      }
    },
  };
}

/**
 * Unwraps lists and non-nulls by shape rather than `instanceof`: graphql may be loaded twice
 * (CommonJS and ESM builds) and type checks across the copies fail.
 */
function namedTypeName(type: unknown): string | undefined {
  let current = type;
  while (typeof current === 'object' && current !== null && 'ofType' in current && current.ofType) {
    current = current.ofType;
  }
  return typeof current === 'object' &&
    current !== null &&
    'name' in current &&
    typeof current.name === 'string'
    ? current.name
    : undefined;
}
