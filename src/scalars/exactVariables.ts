import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { GraphQLSchema, TypeNode } from 'graphql';
import { isLosslessNumber } from 'lossless-json';

/**
 * Variables may hold numbers kept as their source text by the body reader
 * (serve/requestJson.ts). Once the operation is known, each such number is left as text where a
 * Decimal is expected (the scalar reads it exactly) and becomes a JavaScript number anywhere
 * else, which is what graphql-js's Int, Float and every other scalar expect.
 *
 * It runs before the operation limits plugin (listed first, and synchronously), so that plugin
 * reads numbers too.
 */
export function exactVariablesPlugin<TContext extends BaseContext>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, operation, request }) {
          const variables = request.variables;
          if (!operation || !variables || !holdsText(variables)) return;
          const declared = new Map(
            (operation.variableDefinitions ?? []).map((d) => [d.variable.name.value, namedType(d.type)]),
          );
          request.variables = Object.fromEntries(
            Object.entries(variables).map(([name, value]) => {
              const typeName = declared.get(name);
              return [name, typeName === undefined ? numbers(value) : convert(schema, value, typeName)];
            }),
          );
        },
      };
    },
  };
}

function namedType(node: TypeNode): string {
  return node.kind === 'NamedType' ? node.name.value : namedType(node.type);
}

function convert(schema: GraphQLSchema, value: unknown, typeName: string): unknown {
  if (Array.isArray(value)) return value.map((item) => convert(schema, item, typeName));
  if (typeName === 'Decimal') return value;
  const type = schema.getType(typeName);
  if (!isPlainObject(value) || !type || !('getFields' in type)) return numbers(value);
  const fields = type.getFields();
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => {
      const field = Object.hasOwn(fields, key) ? fields[key] : undefined;
      // Wrapping types print as `[Name!]!`; the named type is what is left without brackets and bangs.
      return [key, field ? convert(schema, item, String(field.type).replace(/[[\]!]/g, '')) : numbers(item)];
    }),
  );
}

/** Every number kept as text made a number, at any depth (a JSON-like scalar such as `_Any`). */
function numbers(value: unknown): unknown {
  if (isLosslessNumber(value)) return Number(value.value);
  if (Array.isArray(value)) return value.map(numbers);
  if (!isPlainObject(value)) return value;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, numbers(item)]));
}

function holdsText(value: unknown): boolean {
  if (isLosslessNumber(value)) return true;
  if (Array.isArray(value)) return value.some(holdsText);
  return isPlainObject(value) && Object.values(value).some(holdsText);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !isLosslessNumber(value);
}
