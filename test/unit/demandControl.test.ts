import { Kind, parse } from 'graphql';
import type {
  ConstDirectiveNode,
  FieldNode,
  GraphQLField,
  GraphQLNamedType,
  OperationDefinitionNode,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { buildSchema } from '../../src/schema.js';
import { DEFAULT_OPERATION_LIMITS } from '../../src/security/limits/limitsConfig.js';
import { assumedListSize, isConnectionType, isPageList } from '../../src/security/limits/listSizes.js';
import { CONNECTION_PAGE_SIZES } from '../../src/pagination/pageSizes.js';
import { fieldWeight } from '../../src/security/limits/fieldWeights.js';
import { measureOperation } from '../../src/security/limits/measure.js';

/**
 * The schema's demand-control directives (`@cost`, `@listSize`) state the cost model the
 * subgraph enforces (src/security/limits), so a router's demand control prices an operation as
 * this subgraph does: an object-returning field weighs 1 and a leaf 0 (@cost's defaults, so a
 * field states @cost only to differ, and none may), and a list multiplies by its assumed size.
 */

const schema = buildSchema();
/** Federation's own fields: the router prices `_entities` by the representations it sends. */
const FEDERATION_FIELDS = new Set(['Query._entities', 'Query._service']);

/** Operator-only fields (connection diagnostics, credential status and renewal, onboarding). */
const OPERATOR_FIELDS = [
  'Mutation.testFactorCloudConnection',
  'Query.accessTokenStatus',
  'Query.factorCloudConnectionCheck',
];

interface FieldOf {
  coordinate: string;
  parent: GraphQLNamedType;
  field: GraphQLField<unknown, unknown>;
}

function fields(): FieldOf[] {
  const all: FieldOf[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('_') || !('getInterfaces' in type)) continue;
    for (const field of Object.values(type.getFields())) {
      const coordinate = `${type.name}.${field.name}`;
      if (!FEDERATION_FIELDS.has(coordinate)) all.push({ coordinate, parent: type, field });
    }
  }
  return all;
}

function directive(field: GraphQLField<unknown, unknown>, name: string): ConstDirectiveNode | undefined {
  return field.astNode?.directives?.find((node) => node.name.value === name);
}

function argument(node: ConstDirectiveNode | undefined, name: string): string | undefined {
  const value = node?.arguments?.find((arg) => arg.name.value === name)?.value;
  if (value?.kind === Kind.LIST)
    return value.values.map((item) => ('value' in item ? item.value : '?')).join(',');
  return value && (value.kind === Kind.INT || value.kind === Kind.BOOLEAN) ? String(value.value) : undefined;
}

const namedTypeOf = (field: GraphQLField<unknown, unknown>) =>
  schema.getType(String(field.type).replace(/[[\]!]/g, ''));

const isList = (field: GraphQLField<unknown, unknown>) => String(field.type).includes('[');
const fieldNode = (name: string): FieldNode => ({ kind: Kind.FIELD, name: { kind: Kind.NAME, value: name } });

describe('demand-control directives agree with the enforced cost model', () => {
  it('gives every list field @listSize with the size the cost model assumes, and no other field one', () => {
    const wrong: string[] = [];
    for (const { coordinate, parent, field } of fields()) {
      const listSize = directive(field, 'listSize');
      const named = namedTypeOf(field);
      if (named && isConnectionType(named)) {
        // Federation's connection form: the page is `first` or `last`, else the default size.
        const stated = ['assumedSize', 'slicingArguments', 'sizedFields', 'requireOneSlicingArgument']
          .map((name) => argument(listSize, name))
          .join(' ');
        const expected = `${CONNECTION_PAGE_SIZES.defaultSize} first,last edges,nodes false`;
        if (stated !== expected)
          wrong.push(`${coordinate}: connection @listSize "${stated}", expected "${expected}"`);
        continue;
      }
      if (isPageList(parent, field.name)) {
        if (listSize) wrong.push(`${coordinate}: sized by its connection field, not by its own @listSize`);
        continue;
      }
      if (!isList(field)) {
        if (listSize) wrong.push(`${coordinate}: @listSize on a field that is not a list`);
        continue;
      }
      const expected = assumedListSize(parent, field, fieldNode(field.name), {}, DEFAULT_OPERATION_LIMITS);
      const stated = argument(listSize, 'assumedSize');
      if (stated !== String(expected))
        wrong.push(`${coordinate}: assumedSize ${stated}, cost model ${expected}`);
      // No field has a slicing argument; requiring one would refuse every ordinary query.
      if (argument(listSize, 'requireOneSlicingArgument') !== 'false') {
        wrong.push(`${coordinate}: requireOneSlicingArgument must be false`);
      }
    }
    expect(wrong).toEqual([]);
    expect(fields().filter(({ field }) => isList(field)).length).toBeGreaterThan(20);
  });

  it("states no @cost other than the default weight (1 for an object, 0 for a leaf) or the cost model's own", () => {
    const wrong: string[] = [];
    for (const { coordinate, parent, field } of fields()) {
      const weighed = fieldWeight(parent.name, field.name, DEFAULT_OPERATION_LIMITS);
      if (weighed !== undefined) {
        if (argument(directive(field, 'cost'), 'weight') !== String(weighed)) wrong.push(coordinate);
        continue;
      }
      const cost = directive(field, 'cost');
      if (!cost) continue;
      const named = String(field.type).replace(/[[\]!]/g, '');
      const composite = (() => {
        const type = schema.getType(named);
        return type !== undefined && type !== null && ('getInterfaces' in type || 'getTypes' in type);
      })();
      if (argument(cost, 'weight') !== (composite ? '1' : '0')) wrong.push(coordinate);
    }
    expect(wrong).toEqual([]);
  });

  it("prices the README's invoice page as the subgraph's limit does, by the directives' numbers", () => {
    const document = parse(
      '{ invoices { nodes { distribution { errors { code } } factoring { client { name } } } } }',
    );
    const operation = document.definitions[0] as OperationDefinitionNode;
    const measured = measureOperation(schema, document, operation, {}, DEFAULT_OPERATION_LIMITS);
    // 1 (invoices) + 50 (the default page, @listSize assumedSize) × (1 + 1 + 10 (errors) × 1 + 1 + 1).
    expect(measured.cost).toBe(1 + 50 * (1 + 1 + 10 + 1 + 1));
  });

  it('prices a page of invoices by its `first` or `last`, for edges and nodes alike', () => {
    const price = (query: string, variables: Record<string, unknown> = {}) => {
      const document = parse(query);
      const operation = document.definitions[0] as OperationDefinitionNode;
      return measureOperation(schema, document, operation, variables, DEFAULT_OPERATION_LIMITS).cost;
    };
    // 1 (invoices) + 10 × (1 (Invoice) + 1 (distribution) + 1 (paymentControl) + 1 (case)).
    expect(
      price(
        '{ invoices(first: 10) { nodes { distribution { status } paymentControl { case { caseId } } } } }',
      ),
    ).toBe(1 + 10 * 4);
    expect(
      price('query($n: Int) { invoices(last: $n) { edges { node { invoiceNumber } } } }', { n: 10 }),
    ).toBe(1 + 10 * (1 + 1));
    // pageInfo is one object, whatever the page.
    expect(price('{ invoices(first: 10) { pageInfo { endCursor } nodes { invoiceNumber } } }')).toBe(
      1 + 1 + 10,
    );
  });

  it('tags exactly the operator-only fields with @tag(name: "operator")', () => {
    const tagged = fields()
      .filter(({ field }) =>
        field.astNode?.directives?.some(
          (node) =>
            node.name.value === 'tag' &&
            node.arguments?.some((arg) => arg.value.kind === Kind.STRING && arg.value.value === 'operator'),
        ),
      )
      .map(({ coordinate }) => coordinate)
      .sort();
    expect(tagged).toEqual(OPERATOR_FIELDS);
  });
});
