import { describe, expect, it } from 'vitest';
import { buildASTSchema, parse, specifiedRules, validate } from 'graphql';
import { DateScalar, DateTimeScalar, DecimalScalar } from '../../src/scalars/index.js';
import { scalarLiteralsRule } from '../../src/scalars/literalRule.js';

const schema = buildASTSchema(
  parse(`
    scalar Date scalar DateTime scalar Decimal
    input Window { from: Date to: Date at: DateTime amounts: [Decimal!] }
    type Query { q(window: Window, day: Date): Int }
  `),
);
Object.assign(schema.getType('Date') ?? {}, { parseLiteral: DateScalar.parseLiteral });
Object.assign(schema.getType('DateTime') ?? {}, { parseLiteral: DateTimeScalar.parseLiteral });
Object.assign(schema.getType('Decimal') ?? {}, { parseLiteral: DecimalScalar.parseLiteral });

function errorsOf(document: string) {
  return validate(schema, parse(document), [...specifiedRules, scalarLiteralsRule]);
}

describe('scalarLiteralsRule', () => {
  it('accepts valid literals', () => {
    expect(
      errorsOf('{ q(day: "2028-02-29", window: { at: "2026-11-22T08:00:00Z", amounts: ["1.50", 2] }) }'),
    ).toEqual([]);
  });

  it('reports one error naming the argument path of an impossible date', () => {
    const errors = errorsOf('{ q(window: { from: "2026-01-01", to: "2026-02-30" }) }');
    expect(errors).toHaveLength(1);
    expect(errors[0]?.message).toMatch(
      /^window\.to: Date must be a real calendar date in the form YYYY-MM-DD/,
    );
    expect(errors[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'window.to' });
    expect(errors[0]?.locations).toEqual([{ line: 1, column: 39 }]);
  });

  it('names top-level arguments and list members', () => {
    expect(errorsOf('{ q(day: "tomorrow") }')[0]?.message).toMatch(/^day: Date/);
    expect(errorsOf('{ q(window: { amounts: ["1.00", "abc"] }) }')[0]?.message).toMatch(
      /^window\.amounts: Decimal/,
    );
    expect(errorsOf('{ q(window: { at: "yesterday" }) }')[0]?.message).toMatch(/^window\.at: DateTime/);
  });
});
