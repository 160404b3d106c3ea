import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { isRealIsoDate, parseIsoDateTime } from '../lib/dates.js';
import { isLosslessNumber } from 'lossless-json';
import { readDecimalText, UPSTREAM_DECIMAL_LIMITS } from '../lib/decimal.js';
import type { DecimalLimits } from '../lib/decimal.js';
import { ScalarInputError } from '../errors.js';

/**
 * The custom scalars. Variables are checked by `parseValue` (graphql-js names the variable path
 * in its message). String literals in a document are checked by `scalarLiteralsRule`
 * (./literalRule.ts), which knows the argument path and reports one error naming it; that is why
 * `parseLiteral` here accepts string literals as they are. The rule is always installed with the
 * schema (server.ts), so no unchecked literal reaches a resolver.
 */

/** The value as a caller would recognise it, cut short: a refused value may be a megabyte long. */
function describe(value: unknown): string {
  if (typeof value !== 'string') return `a ${typeof value}`;
  return value.length > 40
    ? `${JSON.stringify(value.slice(0, 40))}… (${value.length} characters)`
    : JSON.stringify(value);
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

/**
 * Limits on a Decimal argument: wider than any amount either API takes, and small enough that
 * `"1e999999999"` is refused from its digit counts before anything is written out.
 */
export const DECIMAL_INPUT_LIMITS: DecimalLimits = { integerDigits: 20, fractionDigits: 10 };

const DECIMAL_FORM = `a decimal number with at most ${DECIMAL_INPUT_LIMITS.integerDigits} digits before the point and ${DECIMAL_INPUT_LIMITS.fractionDigits} after it, preferably as a string (e.g. "1250.50")`;

/**
 * Reads a Decimal from a string, from number text kept exact by the request body reader
 * (serve/requestJson.ts), or from a plain JSON number (String() gives the shortest text that
 * round-trips, which is what the caller wrote when the body reader kept it as a number).
 */
export function readDecimal(value: unknown, limits: DecimalLimits = DECIMAL_INPUT_LIMITS): string {
  const text = isLosslessNumber(value)
    ? value.value
    : typeof value === 'number' && Number.isFinite(value)
      ? String(value)
      : value;
  const reading = typeof text === 'string' ? readDecimalText(text, limits) : undefined;
  if (reading?.ok) return reading.value;
  const what =
    reading?.problem === 'integerDigits'
      ? `too many digits before the point`
      : reading?.problem === 'fractionDigits'
        ? `too many digits after the point`
        : 'not a decimal number';
  throw new ScalarInputError(`Decimal must be ${DECIMAL_FORM}; ${what} in ${describe(text)}`);
}

/** Amounts from upstream replies, with limits wide enough for any figure an API sends. */
function serializeDecimal(value: unknown): string {
  return readDecimal(value, UPSTREAM_DECIMAL_LIMITS);
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

const RFC_3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:Z|[+-]\d{2}:\d{2})$/;

/**
 * Output: a DateTime leaves the graph only as RFC 3339 with an offset (dateTimeOffsets.ts gives
 * upstream wall times their zone's offset first). Anything else is an upstream value this graph
 * could not read: that field fails with UPSTREAM_BAD_RESPONSE rather than pass on a string
 * strict client parsers reject.
 */
export function writeDateTime(value: unknown): string {
  if (typeof value === 'string' && RFC_3339.test(value) && parseIsoDateTime(value) !== undefined)
    return value;
  throw new GraphQLError(
    'An upstream sent a timestamp that is not ISO 8601; expected e.g. "2026-11-22T08:15:00Z".',
    {
      extensions: { code: 'UPSTREAM_BAD_RESPONSE' },
    },
  );
}

export const DateTimeScalar = new GraphQLScalarType<string, string>({
  name: 'DateTime',
  description: 'An ISO 8601 timestamp.',
  serialize: writeDateTime,
  parseValue: readDateTime,
  parseLiteral: (ast) => {
    if (ast.kind === Kind.STRING) return ast.value;
    throw new ScalarInputError(`DateTime must be an ISO 8601 string, got ${ast.kind}`);
  },
});

export const DecimalScalar = new GraphQLScalarType<string, string>({
  name: 'Decimal',
  description: 'An exact decimal amount, serialized as a string.',
  serialize: serializeDecimal,
  parseValue: (value) => readDecimal(value),
  parseLiteral: (ast) => {
    // Number literals keep their source text in the AST, so they stay exact too. Like strings,
    // they are checked by the literal rule, which names the argument.
    if (ast.kind === Kind.STRING || ast.kind === Kind.INT || ast.kind === Kind.FLOAT) {
      return readDecimalText(ast.value, DECIMAL_INPUT_LIMITS).ok ? readDecimal(ast.value) : ast.value;
    }
    throw new ScalarInputError(`Decimal must be a decimal number, got ${ast.kind}`);
  },
});
