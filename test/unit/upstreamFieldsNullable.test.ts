import { describe, expect, it } from 'vitest';
import { resolvers } from '../../src/resolvers/index.js';
import { buildSchema } from '../../src/schema.js';

/**
 * A field whose resolver can fail on its own (it calls an upstream through the context's loaders
 * or clients) must be nullable: GraphQL turns a failed non-null field into null for its parent,
 * and on up to `data: null`, so one failed call would lose every other item of a page. Resolvers
 * reach upstreams only through the context (third argument); one that declares no context
 * parameter cannot call them.
 */
type FieldMap = Record<string, { type: unknown }>;

function contextFields(): Array<{ coordinate: string; type: string }> {
  const schema = buildSchema();
  const found: Array<{ coordinate: string; type: string }> = [];
  for (const [typeName, fields] of Object.entries(resolvers)) {
    const type: unknown = schema.getType(typeName);
    // Plain property checks: the schema's graphql module is not the one this file would import.
    if (typeof type !== 'object' || type === null || !('getFields' in type)) continue;
    if (typeof type.getFields !== 'function') continue;
    const schemaFields = type.getFields() as FieldMap;
    for (const [name, resolver] of Object.entries(fields as Record<string, unknown>)) {
      const field = schemaFields[name];
      if (!field || typeof resolver !== 'function' || resolver.length < 3) continue;
      found.push({ coordinate: `${typeName}.${name}`, type: String(field.type) });
    }
  }
  return found;
}

describe('fields that call an upstream', () => {
  it('are found by the walk (every root read and the per-invoice money, case and factoring fields)', () => {
    const coordinates = contextFields().map((f) => f.coordinate);
    expect(coordinates).toEqual(
      expect.arrayContaining([
        'Query.invoices',
        'Query.settlements',
        'Query.payments',
        'Query.factorCloudConnectionCheck',
        'Invoice.payments',
        'Invoice.settlementAllocations',
        'Invoice.factoring',
        'PaymentControl.case',
        'Mutation.fetchNewSettlements',
      ]),
    );
  });

  it('are all nullable, so a failure nulls that field only', () => {
    const nonNull = contextFields().filter((field) => field.type.endsWith('!'));
    expect(nonNull).toEqual([]);
  });
});
