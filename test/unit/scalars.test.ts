import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { GraphQLError, parseValue, valueFromAST } from 'graphql';
import type * as GraphQLModule from 'graphql';
import type { GraphQLFormattedError } from 'graphql';
import { ScalarInputError, formatError } from '../../src/errors.js';
import { UpstreamError } from '../../src/http/errors.js';
import { DateScalar, DateTimeScalar, DecimalScalar, writeDateTime } from '../../src/scalars/index.js';

function thrownBy(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('Date scalar', () => {
  it('accepts real dates as variables and literals', () => {
    expect(DateScalar.parseValue('2028-02-29')).toBe('2028-02-29');
    expect(valueFromAST(parseValue('"2026-11-22"'), DateScalar)).toBe('2026-11-22');
    expect(DateScalar.serialize('2026-03-01')).toBe('2026-03-01');
  });

  it('rejects 2026-02-30 with a message naming YYYY-MM-DD', () => {
    expect(() => DateScalar.parseValue('2026-02-30')).toThrow(/YYYY-MM-DD/);
  });

  it('rejects other formats and non-strings as BAD_USER_INPUT', () => {
    expect(() => DateScalar.parseValue('03-31-2026')).toThrow(ScalarInputError);
    expect(() => DateScalar.parseValue(20260331)).toThrow(/YYYY-MM-DD/);
    expect(() => DateScalar.parseLiteral(parseValue('20260331'))).toThrow(ScalarInputError);
    const error = thrownBy(() => DateScalar.parseValue('2026-13-01'));
    expect(error).toBeInstanceOf(GraphQLError);
    expect(error instanceof GraphQLError && error.extensions.code).toBe('BAD_USER_INPUT');
  });
});

describe('DateTime scalar', () => {
  it('accepts ISO 8601 timestamps and rejects impossible ones', () => {
    expect(DateTimeScalar.parseValue('2026-11-22T08:15:00Z')).toBe('2026-11-22T08:15:00Z');
    expect(valueFromAST(parseValue('"2019-08-24T14:15:22.123Z"'), DateTimeScalar)).toBe(
      '2019-08-24T14:15:22.123Z',
    );
    expect(() => DateTimeScalar.parseValue('2026-02-30T08:15:00Z')).toThrow(/ISO 8601/);
  });
});

describe('Decimal scalar', () => {
  it('keeps "1250.50" as sent', () => {
    expect(DecimalScalar.parseValue('1250.50')).toBe('1250.50');
    expect(valueFromAST(parseValue('"1250.50"'), DecimalScalar)).toBe('1250.50');
  });

  it('turns a float literal 1250.5 into "1250.50" and an int literal into two decimals', () => {
    expect(valueFromAST(parseValue('1250.5'), DecimalScalar)).toBe('1250.50');
    expect(DecimalScalar.parseLiteral(parseValue('100'))).toBe('100.00');
  });

  it('keeps the source text of a long float literal exactly', () => {
    expect(DecimalScalar.parseLiteral(parseValue('12345678901234567.89'))).toBe('12345678901234567.89');
  });

  it('reads a JSON number variable', () => {
    expect(DecimalScalar.parseValue(1250.5)).toBe('1250.50');
  });

  it('rejects non-numbers', () => {
    expect(() => DecimalScalar.parseValue('12,50')).toThrow(/Decimal/);
    expect(() => DecimalScalar.parseValue(Number.NaN)).toThrow(ScalarInputError);
    expect(() => DecimalScalar.parseLiteral(parseValue('true'))).toThrow(ScalarInputError);
  });

  it('serializes to a string with at least two decimals', () => {
    expect(DecimalScalar.serialize('7')).toBe('7.00');
  });
});

/**
 * Under vitest, source files get graphql's ESM build (index.mjs) while @apollo/server, loaded by
 * Node, gets the CJS build (index.js): two GraphQLError classes. At run time (tsx/node) there is
 * one. Resolver errors are wrapped by Apollo's graphql-js, so the wrapper must come from its copy.
 */
const apolloGraphQL = createRequire(import.meta.url)('graphql') as typeof GraphQLModule;

/** What Apollo hands to formatError: graphql-js's located error, plus Apollo's extensions. */
function resolverFailure(original: Error, extensions: Record<string, unknown>) {
  const error = apolloGraphQL.locatedError(original, undefined, ['invoice', 'factoring']);
  const formatted: GraphQLFormattedError = { ...error.toJSON(), extensions };
  return { error, formatted };
}

const STACK = ['Error: boom', '    at resolver (/srv/app/src/resolvers/Invoice.ts:10:5)'];

describe('formatError', () => {
  it('masks an unknown error as INTERNAL_SERVER_ERROR without its message or stack', () => {
    const { error, formatted } = resolverFailure(new Error('password=hunter2 at db.internal'), {
      code: 'INTERNAL_SERVER_ERROR',
      stacktrace: STACK,
    });
    const out = formatError(formatted, error);
    expect(out.message).toBe('Internal server error');
    expect(out.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
    expect(out.path).toEqual(['invoice', 'factoring']);
    expect(JSON.stringify(out)).not.toContain('hunter2');
  });

  it('masks an error whose code is not one of ours', () => {
    const { error, formatted } = resolverFailure(new Error('oops'), { code: 'ECONNRESET' });
    expect(formatError(formatted, error)).toMatchObject({
      message: 'Internal server error',
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
  });

  it("keeps an UpstreamError's code, upstream, endpoint, status and retry hint", () => {
    const upstream = new UpstreamError(
      'UPSTREAM_UNAVAILABLE',
      'FactorCloud is unavailable for get-invoice (HTTP 503)',
      {
        upstream: 'factorcloud',
        endpoint: 'get-invoice',
        status: 503,
        retryAfterSeconds: 30,
      },
    );
    const { error, formatted } = resolverFailure(upstream, {
      code: 'INTERNAL_SERVER_ERROR',
      stacktrace: STACK,
    });
    const out = formatError(formatted, error);
    expect(out.message).toBe('FactorCloud is unavailable for get-invoice (HTTP 503)');
    expect(out.extensions).toEqual({
      code: 'UPSTREAM_UNAVAILABLE',
      upstream: 'factorcloud',
      endpoint: 'get-invoice',
      upstreamStatus: 503,
      retryAfter: 30,
    });
    expect(out.path).toEqual(['invoice', 'factoring']);
  });

  it('omits upstreamStatus and retryAfter when the UpstreamError has none', () => {
    const upstream = new UpstreamError('UPSTREAM_TIMEOUT', 'Confirma did not answer case in time', {
      upstream: 'confirma',
      endpoint: 'case',
    });
    const { error, formatted } = resolverFailure(upstream, {});
    expect(formatError(formatted, error).extensions).toEqual({
      code: 'UPSTREAM_TIMEOUT',
      upstream: 'confirma',
      endpoint: 'case',
    });
  });

  it('passes our own public codes through without a stacktrace', () => {
    const notFound = new GraphQLError('No invoice INV-1', { extensions: { code: 'NOT_FOUND' } });
    const { error, formatted } = resolverFailure(notFound, { code: 'NOT_FOUND', stacktrace: STACK });
    const out = formatError(formatted, error);
    expect(out.message).toBe('No invoice INV-1');
    expect(out.extensions).toEqual({ code: 'NOT_FOUND' });
  });

  it('reports a scalar rejected in a literal as BAD_USER_INPUT', () => {
    const scalar = new ScalarInputError('Date must be a real calendar date in the form YYYY-MM-DD');
    const validation = new apolloGraphQL.GraphQLError('Expected value of type "Date", found "2026-02-30"', {
      originalError: scalar,
    });
    const formatted = {
      message: validation.message,
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED', stacktrace: STACK },
    };
    const out = formatError(formatted, validation);
    expect(out.extensions).toEqual({ code: 'BAD_USER_INPUT' });
    expect(out.message).toContain('2026-02-30');
  });

  it('never adds a stacktrace extension', () => {
    const cases = [
      resolverFailure(new Error('x'), { code: 'INTERNAL_SERVER_ERROR', stacktrace: STACK }),
      resolverFailure(
        new UpstreamError('UPSTREAM_BAD_RESPONSE', 'm', { upstream: 'confirma', endpoint: 'e' }),
        {
          stacktrace: STACK,
        },
      ),
      resolverFailure(new GraphQLError('bad', { extensions: { code: 'BAD_USER_INPUT' } }), {
        code: 'BAD_USER_INPUT',
        stacktrace: STACK,
      }),
    ];
    for (const { error, formatted } of cases) {
      const out = formatError(formatted, error);
      expect(out.extensions).toBeDefined();
      expect(out.extensions).not.toHaveProperty('stacktrace');
      expect(JSON.stringify(out)).not.toContain('Invoice.ts');
    }
  });
});

describe('DateTime output', () => {
  it('leaves only as RFC 3339 with an offset; anything else is an upstream field error', () => {
    expect(writeDateTime('2026-11-22T08:15:22.123Z')).toBe('2026-11-22T08:15:22.123Z');
    expect(writeDateTime('2022-02-10T14:31:14+02:00')).toBe('2022-02-10T14:31:14+02:00');
    for (const value of ['2022-02-10T14:31:14', '2026-12-05', '2026-02-30T10:00:00Z', 'soon', 42]) {
      let code: unknown;
      try {
        writeDateTime(value);
      } catch (error) {
        code = error instanceof GraphQLError ? error.extensions['code'] : 'not a coded error';
      }
      expect(code, String(value)).toBe('UPSTREAM_BAD_RESPONSE');
    }
  });
});
