import type { ASTVisitor, FloatValueNode, IntValueNode, StringValueNode, ValidationContext } from 'graphql';
import { Kind } from 'graphql';
import { ScalarInputError } from '../errors.js';
import { LITERAL_CHECKS } from './index.js';

/**
 * Validation rule: a string or number literal given for Date, DateTime or Decimal must be valid,
 * and the error names the argument path (`filter.from`) and what was expected.
 */
export function scalarLiteralsRule(context: ValidationContext): ASTVisitor {
  const path: string[] = [];
  const checkLiteral = (node: StringValueNode | IntValueNode | FloatValueNode) => {
    const scalar = namedTypeName(context.getInputType());
    const check = scalar === undefined ? undefined : LITERAL_CHECKS[scalar];
    // A number given for Date or DateTime is refused by graphql-js's own rule (parseLiteral).
    if (!check || (node.kind !== Kind.STRING && scalar !== 'Decimal')) return;
    try {
      check(node.value);
    } catch (error) {
      const argument = path.join('.');
      const message = error instanceof Error ? error.message : String(error);
      context.reportError(new ScalarInputError(`${argument}: ${message}`, { nodes: node, argument }));
    }
  };
  return {
    Argument: { enter: (node) => void path.push(node.name.value), leave: () => void path.pop() },
    ObjectField: { enter: (node) => void path.push(node.name.value), leave: () => void path.pop() },
    StringValue: checkLiteral,
    IntValue: checkLiteral,
    FloatValue: checkLiteral,
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
