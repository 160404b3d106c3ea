import type { FieldNode, GraphQLField, GraphQLNamedType, ValueNode } from 'graphql';
import { Kind } from 'graphql';
import type { OperationLimits } from './limitsConfig.js';
import { distinctRepresentations } from './representations.js';
import { CONNECTION_PAGE_SIZES } from '../../pagination/pageSizes.js';

/**
 * Lists that hold whatever an upstream listing returns for a window or a batch, in full: none
 * of the upstream APIs pages (confirma.md §3.3, factorcloud.md "Pagination: none documented"),
 * so these are assumed to be a full page (`OPERATION_PAGE_SIZE`). Every other list holds details
 * of one item (a distribution's errors, a case's events) and is assumed `OPERATION_LIST_SIZE`.
 */
const PAGE_LISTS = new Set([
  'Schedule.invoices',
  'BrokerSchedule.invoices',
  'FactoringPaymentBatch.payments',
]);

/**
 * A Relay connection type (it has `edges` and `pageInfo`): its `edges` and `nodes` are as long
 * as the page asked for. Recognised by shape, as measure.ts inspects types.
 */
export function isConnectionType(type: GraphQLNamedType): boolean {
  if (!('getFields' in type) || typeof type.getFields !== 'function') return false;
  const fields: Record<string, unknown> = type.getFields();
  return 'edges' in fields && 'pageInfo' in fields;
}

/** `edges` or `nodes` of a connection type. */
export function isPageList(parent: GraphQLNamedType, field: string): boolean {
  return isConnectionType(parent) && (field === 'edges' || field === 'nodes');
}

/**
 * The page length a connection field is measured with: its `first` or `last` as given (an
 * out-of-range value is refused by the resolver before any call), else the default page size.
 */
export function connectionPageSize(node: FieldNode, variables: Readonly<Record<string, unknown>>): number {
  for (const argument of node.arguments ?? []) {
    if (argument.name.value !== 'first' && argument.name.value !== 'last') continue;
    const size = intValue(argument.value, variables);
    if (size !== undefined) return Math.min(Math.max(0, size), CONNECTION_PAGE_SIZES.maxSize);
  }
  return CONNECTION_PAGE_SIZES.defaultSize;
}

/**
 * Arguments that bound a list's length, as cursor and offset pagination name them. No field
 * has one today; a field that gains one is costed by the value the caller gives.
 */
const SIZE_ARGUMENTS = new Set(['first', 'last', 'limit', 'pageSize', 'take']);

/**
 * The length to assume for a list field: its size argument when it has one; for `_entities`,
 * the distinct entities the router's representations name (each one upstream lookup; a
 * malformed representation is refused here); else the page or list size above.
 */
export function assumedListSize(
  parent: GraphQLNamedType,
  field: GraphQLField<unknown, unknown>,
  node: FieldNode,
  variables: Readonly<Record<string, unknown>>,
  limits: Pick<OperationLimits, 'listSize' | 'pageSize'>,
): number {
  for (const argument of node.arguments ?? []) {
    if (!SIZE_ARGUMENTS.has(argument.name.value)) continue;
    const size = intValue(argument.value, variables);
    if (size !== undefined) return Math.max(0, size);
  }
  if (parent.name === 'Query' && field.name === '_entities') {
    const representations = node.arguments?.find((argument) => argument.name.value === 'representations');
    if (representations) return distinctRepresentations(representations.value, variables);
  }
  return PAGE_LISTS.has(`${parent.name}.${field.name}`) ? limits.pageSize : limits.listSize;
}

function intValue(value: ValueNode, variables: Readonly<Record<string, unknown>>): number | undefined {
  if (value.kind === Kind.INT) return Number.parseInt(value.value, 10);
  if (value.kind === Kind.VARIABLE) {
    const given = variables[value.name.value];
    return typeof given === 'number' && Number.isInteger(given) ? given : undefined;
  }
  return undefined;
}
