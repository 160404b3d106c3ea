import { parse } from 'graphql';
import type { OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { buildSchema } from '../../src/schema.js';
import { DEFAULT_OPERATION_LIMITS } from '../../src/security/limits/limitsConfig.js';
import { measureOperation } from '../../src/security/limits/measure.js';

const schema = buildSchema();
const measure = (query: string, limits = DEFAULT_OPERATION_LIMITS) => {
  const document = parse(query);
  return measureOperation(schema, document, document.definitions[0] as OperationDefinitionNode, {}, limits)
    .cost;
};

describe('the cost of reconciling', () => {
  it('weighs invoiceMismatches by the whole window it reconciles, whatever the page size', () => {
    // 2 calls × a full window page (200), plus the page: 10 × (1 + 10 mismatches + invoice + factoring + its Money).
    expect(
      measure(
        '{ invoiceMismatches(first: 10) { nodes { mismatches { kind } invoice { factoring { amount { amount } } } } } }',
      ),
    ).toBe(400 + 10 * (1 + 10 + 1 + 1 + 1));
    expect(measure('{ invoiceMismatches(first: 0) { totalCount } }')).toBe(400);
    expect(
      measure('{ invoiceMismatches { totalCount } }', { ...DEFAULT_OPERATION_LIMITS, pageSize: 1000 }),
    ).toBe(2000);
  });

  it('prices Invoice.reconciliation like the fields whose reads it shares', () => {
    expect(measure('{ invoice(invoiceNumber: "1") { reconciliation { status mismatches { kind } } } }')).toBe(
      1 + 1 + 10,
    );
  });
});
