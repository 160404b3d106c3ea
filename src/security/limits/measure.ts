import type {
  DocumentNode,
  FragmentDefinitionNode,
  GraphQLField,
  GraphQLNamedType,
  GraphQLOutputType,
  GraphQLSchema,
  OperationDefinitionNode,
  SelectionSetNode,
} from 'graphql';
import { Kind } from 'graphql';
import { fieldWeight } from './fieldWeights.js';
import { assumedListSize, connectionPageSize, isConnectionType, isPageList } from './listSizes.js';
import type { OperationLimits } from './limitsConfig.js';

/** What the limits look at, for one operation with its fragments expanded. */
export interface OperationMeasure {
  depth: number;
  aliases: number;
  cost: number;
  /** The part of `cost` under `_entities`: the upstream calls the representations cause. */
  entityCalls: number;
}

const NOTHING: OperationMeasure = { depth: 0, aliases: 0, cost: 0, entityCalls: 0 };

/**
 * Measures the operation that is about to run.
 *
 * Cost: every field returning an object (or interface, union) counts 1, leaves count 0 (except
 * the fields fieldWeights.ts weighs by their upstream calls), and a
 * list field multiplies its own count and everything below it by its assumed length
 * (listSizes.ts), so `invoices { nodes { factoring { client { name } } } }` with a page of 200
 * is 1 + 200 × (1 + 1 + 1) = 601.
 *
 * Each fragment is measured once and reused wherever it is spread, so a document that spreads
 * fragments inside fragments (a "fragment bomb") costs linear time to measure, not exponential.
 * Introspection fields (`__schema`, `__type`) are skipped: they never reach an upstream and
 * graphql's own rule bounds their depth.
 *
 * `_entities` counts each distinct representation (listSizes.ts) as its own lookup call plus the
 * calls of the fields selected on it; that part is also reported as `entityCalls`, which has a
 * cap of its own. The selection's cost is summed over every type's fragment, so a request that
 * mixes types is over-counted, never under-counted.
 */
export function measureOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Readonly<Record<string, unknown>>,
  limits: Pick<OperationLimits, 'listSize' | 'pageSize'>,
): OperationMeasure {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const measured = new Map<string, OperationMeasure>();
  const inProgress = new Set<string>();

  // A fragment's cost depends on the page size of the connection it is spread in, if any.
  const measureFragment = (name: string, pageSize: number | undefined): OperationMeasure => {
    const key = `${name}@${pageSize ?? ''}`;
    const known = measured.get(key);
    if (known) return known;
    const fragment = fragments.get(name);
    // Validation refuses unknown and cyclic fragments before this runs; count them as nothing.
    if (!fragment || inProgress.has(name)) return NOTHING;
    const type = schema.getType(fragment.typeCondition.name.value);
    inProgress.add(name);
    const result = type ? measureSelections(fragment.selectionSet, type, pageSize) : NOTHING;
    inProgress.delete(name);
    measured.set(key, result);
    return result;
  };

  /** `pageSize`: set while measuring a connection's selection, the length of its `edges` and `nodes`. */
  const measureSelections = (
    selectionSet: SelectionSetNode,
    parent: GraphQLNamedType,
    pageSize?: number,
  ): OperationMeasure => {
    let depth = 0;
    let aliases = 0;
    let cost = 0;
    let entityCalls = 0;
    for (const selection of selectionSet.selections) {
      let part: OperationMeasure;
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        part = measureFragment(selection.name.value, pageSize);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
        part = type ? measureSelections(selection.selectionSet, type, pageSize) : NOTHING;
      } else {
        const name = selection.name.value;
        if (name === '__schema' || name === '__type') continue;
        const field = fieldOf(parent, name);
        const alias = selection.alias ? 1 : 0;
        if (!field) {
          // `__typename`, or a field validation has already refused.
          part = { depth: 1, aliases: alias, cost: 0, entityCalls: 0 };
        } else {
          const named = namedType(field.type);
          const page = isConnectionType(named) ? connectionPageSize(selection, variables) : undefined;
          const below = selection.selectionSet
            ? measureSelections(selection.selectionSet, named, page)
            : NOTHING;
          const length =
            pageSize !== undefined && isPageList(parent, name)
              ? pageSize
              : assumedListSize(parent, field, selection, variables, limits);
          const multiplier = listDepth(field.type) === 0 ? 1 : length ** listDepth(field.type);
          const own = fieldWeight(parent.name, name, limits) ?? (isComposite(named) ? 1 : 0);
          const fieldCost = (own + below.cost) * multiplier;
          const entities = parent.name === 'Query' && name === '_entities';
          part = {
            depth: 1 + below.depth,
            aliases: alias + below.aliases,
            cost: fieldCost,
            entityCalls: entities ? fieldCost : below.entityCalls * multiplier,
          };
        }
      }
      depth = Math.max(depth, part.depth);
      aliases += part.aliases;
      cost += part.cost;
      entityCalls += part.entityCalls;
    }
    return { depth, aliases, cost, entityCalls };
  };

  const root = schema.getRootType(operation.operation);
  return root ? measureSelections(operation.selectionSet, root) : NOTHING;
}

/*
 * Types are inspected by shape, not with graphql's `is…Type` predicates: the schema is built by
 * @apollo/subgraph with graphql's CommonJS build while this module loads the ESM one, and the
 * predicates refuse types from "another module or realm".
 */

function fieldOf(parent: GraphQLNamedType, name: string): GraphQLField<unknown, unknown> | undefined {
  if (!('getInterfaces' in parent)) return undefined;
  return parent.getFields()[name];
}

function namedType(type: GraphQLOutputType): GraphQLNamedType {
  return 'ofType' in type ? namedType(type.ofType) : type;
}

/** Objects, interfaces and unions: whatever takes a selection set. */
function isComposite(type: GraphQLNamedType): boolean {
  return 'getInterfaces' in type || 'getTypes' in type;
}

/** How many list wrappers a type has, from its SDL spelling: `[Invoice!]!` is 1, `[[Int]]` is 2. */
function listDepth(type: GraphQLOutputType): number {
  return String(type).split('[').length - 1;
}
