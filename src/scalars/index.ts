import { GraphQLScalarType, Kind } from 'graphql';
import { isRealIsoDate, parseIsoDateTime } from '../lib/dates.js';
import { normalizeDecimal } from '../lib/decimal.js';
import { ScalarInputError } from '../errors.js';

/**
 * The custom scalars. Variables are checked by `parseValue` (graphql-js names the variable path
 * in its message). String literals in a document are checked by `scalarLiteralsRule`
 * (./literalRule.ts), which knows the argument path and reports one error naming it; that is why
 * `parseLiteral` here accepts string literals as they are. The rule is always installed with the
 * schema (server.ts), so no unchecked literal reaches a resolver.
 */

function describe(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : `a ${typeof value}`;
}

export function readDate(value: unknown): string {
  if (typeof value === 'string' && isRealIsoDate(value)) return value;
  throw new ScalarInputError(
    `Date must be a real calendar date in the form YYYY-MM-DD (e.g. "2026-11-22"), got ${describe(value)}`,
  );
}

export function readDateTime(value: unknown): string {
  const parsed = typeof value === 'string' ? parseIsoDateTime(value) : undefined;
  if (parsed !== undefined) return parsed;
  throw new ScalarInputError(
    `DateTime must be an ISO 8601 timestamp (e.g. "2026-11-22T08:15:00Z"), got ${describe(value)}`,
  );
}

export function readDecimal(value: unknown): string {
  // JSON variables arrive as numbers already parsed by JSON.parse; String() gives the shortest
  // text that round-trips, which is what the caller wrote for any amount with a few decimals.
  const text = typeof value === 'number' && Number.isFinite(value) ? String(value) : value;
  const normalized = typeof text === 'string' ? normalizeDecimal(text) : undefined;
  if (normalized !== undefined) return normalized;
  throw new ScalarInputError(
    `Decimal must be a decimal number, preferably as a string (e.g. "1250.50"), got ${describe(value)}`,
  );
}

/** Scalar name → the check its literals must pass (used by the literal rule). */
export const LITERAL_CHECKS: Record<string, (value: unknown) => string> = {
  Date: readDate,
  DateTime: readDateTime,
  Decimal: readDecimal,
};

export const DateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  description: 'A calendar date, YYYY-MM-DD.',
  serialize: readDate,
  parseValue: readDate,
  parseLiteral: (ast) => {
    if (ast.kind === Kind.STRING) return ast.value;
    throw new ScalarInputError(`Date must be a string in the form YYYY-MM-DD, got ${ast.kind}`);
  },
});

export const DateTimeScalar = new GraphQLScalarType<string, string>({
  name: 'DateTime',
  description: 'An ISO 8601 timestamp.',
  serialize: readDateTime,
  parseValue: readDateTime,
  parseLiteral: (ast) => {
    if (ast.kind === Kind.STRING) return ast.value;
    throw new ScalarInputError(`DateTime must be an ISO 8601 string, got ${ast.kind}`);
  },
});

export const DecimalScalar = new GraphQLScalarType<string, string>({
  name: 'Decimal',
  description: 'An exact decimal amount, serialized as a string.',
  serialize: readDecimal,
  parseValue: readDecimal,
  parseLiteral: (ast) => {
    // Number literals keep their source text in the AST, so they stay exact too.
    if (ast.kind === Kind.STRING) return ast.value;
    if (ast.kind === Kind.INT || ast.kind === Kind.FLOAT) return readDecimal(ast.value);
    throw new ScalarInputError(`Decimal must be a decimal number, got ${ast.kind}`);
  },
});
