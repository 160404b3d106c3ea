import { GraphQLScalarType, Kind } from 'graphql';
import type { ValueNode } from 'graphql';
import { isRealIsoDate, parseIsoDateTime } from '../lib/dates.js';
import { normalizeDecimal } from '../lib/decimal.js';
import { ScalarInputError } from '../errors.js';

function describe(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : `a ${typeof value}`;
}

function stringLiteral(ast: ValueNode, read: (value: unknown) => string): string {
  if (ast.kind !== Kind.STRING) throw new ScalarInputError(`${readKindMessage(ast.kind)}`);
  return read(ast.value);
}

function readKindMessage(kind: string): string {
  return `expected a string literal, got ${kind.toLowerCase().replace('value', '')}`;
}

function readDate(value: unknown): string {
  if (typeof value === 'string' && isRealIsoDate(value)) return value;
  throw new ScalarInputError(
    `Date must be a real calendar date in the form YYYY-MM-DD (e.g. "2026-11-22"), got ${describe(value)}`,
  );
}

export const DateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  description: 'A calendar date, YYYY-MM-DD.',
  serialize: (value) => readDate(value),
  parseValue: (value) => readDate(value),
  parseLiteral: (ast) => stringLiteral(ast, readDate),
});

function readDateTime(value: unknown): string {
  const parsed = typeof value === 'string' ? parseIsoDateTime(value) : undefined;
  if (parsed !== undefined) return parsed;
  throw new ScalarInputError(
    `DateTime must be an ISO 8601 timestamp (e.g. "2026-11-22T08:15:00Z"), got ${describe(value)}`,
  );
}

export const DateTimeScalar = new GraphQLScalarType<string, string>({
  name: 'DateTime',
  description: 'An ISO 8601 timestamp.',
  serialize: (value) => readDateTime(value),
  parseValue: (value) => readDateTime(value),
  parseLiteral: (ast) => stringLiteral(ast, readDateTime),
});

function readDecimal(value: unknown): string {
  // JSON variables arrive as numbers already parsed by JSON.parse; String() gives the shortest
  // text that round-trips, which is what the caller wrote for any amount with a few decimals.
  const text = typeof value === 'number' && Number.isFinite(value) ? String(value) : value;
  const normalized = typeof text === 'string' ? normalizeDecimal(text) : undefined;
  if (normalized !== undefined) return normalized;
  throw new ScalarInputError(
    `Decimal must be a decimal number, preferably as a string (e.g. "1250.50"), got ${describe(value)}`,
  );
}

export const DecimalScalar = new GraphQLScalarType<string, string>({
  name: 'Decimal',
  description: 'An exact decimal amount, serialized as a string.',
  serialize: (value) => readDecimal(value),
  parseValue: (value) => readDecimal(value),
  parseLiteral: (ast) => {
    // Number literals keep their source text in the AST, so they stay exact too.
    if (ast.kind === Kind.INT || ast.kind === Kind.FLOAT || ast.kind === Kind.STRING) {
      return readDecimal(ast.value);
    }
    throw new ScalarInputError(`Decimal must be a decimal number, got ${ast.kind.toLowerCase()}`);
  },
});
