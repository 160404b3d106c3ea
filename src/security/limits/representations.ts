import type { ValueNode } from 'graphql';
import { GraphQLError, Kind, valueFromASTUntyped } from 'graphql';
import { ErrorCode } from '../../errors.js';

/**
 * The entity types this subgraph resolves and the one key field of each (`@key(fields: …)` in
 * schema/*.graphql). Every key is an `ID!`, which the router sends as a JSON string.
 */
const ENTITY_KEYS: Readonly<Record<string, string>> = {
  Invoice: 'invoiceNumber',
  Client: 'clientKey',
  Debtor: 'debtorKey',
};

/**
 * Checks every `_entities` representation of the operation before anything runs and says how
 * many distinct entities they name. Each distinct entity is one upstream lookup (the loaders
 * de-duplicate keys, and no upstream has a multi-key lookup), so the count is what the
 * representations cost in upstream calls.
 *
 * A malformed representation (not an object, an unknown `__typename`, a key that is missing or
 * not a string) refuses the request with BAD_USER_INPUT naming its index: it can only come from
 * a client that does not follow the federation contract, and no partial answer would help it.
 */
export function distinctRepresentations(
  value: ValueNode,
  variables: Readonly<Record<string, unknown>>,
): number {
  const given =
    value.kind === Kind.VARIABLE ? variables[value.name.value] : valueFromASTUntyped(value, variables);
  // graphql has already coerced the argument to a list; a lone value is a list of one.
  const list: unknown[] = Array.isArray(given) ? given : [given];
  const seen = new Set<string>();
  list.forEach((representation, index) => seen.add(entityIdentity(representation, index)));
  return seen.size;
}

/** `Type:key` of a well-formed representation; throws BAD_USER_INPUT for any other value. */
function entityIdentity(representation: unknown, index: number): string {
  const where = `representations[${index}]`;
  if (typeof representation !== 'object' || representation === null || Array.isArray(representation)) {
    throw refusal(`${where} must be an object with __typename and the type's key field`);
  }
  const typename: unknown = Reflect.get(representation, '__typename');
  const keyField =
    typeof typename === 'string' && Object.hasOwn(ENTITY_KEYS, typename) ? ENTITY_KEYS[typename] : undefined;
  if (typeof typename !== 'string' || keyField === undefined) {
    throw refusal(
      `${where} has __typename ${JSON.stringify(typename ?? null)}; expected one of ${Object.keys(ENTITY_KEYS).join(', ')}`,
    );
  }
  const key: unknown = Reflect.get(representation, keyField);
  if (typeof key !== 'string' || key.trim() === '') {
    const got = key === undefined ? 'is missing' : `is ${describe(key)}`;
    throw refusal(
      `${where}.${keyField} ${got}; a representation of ${typename} needs ${keyField} as a non-empty string`,
    );
  }
  return `${typename}:${key.trim()}`;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return 'an empty string';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

function refusal(message: string): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: ErrorCode.BAD_USER_INPUT, argument: 'representations', http: { status: 400 } },
  });
}
