import { describe, expect, it } from 'vitest';
import { buildSchema } from '../../src/schema.js';

/**
 * Every part of the contract a frontend reads in Sandbox is described: types, fields, arguments,
 * enum values and input fields. Federation's own types and fields (`_Service`, `_entities`, the
 * link directives' scalars) are the library's, not ours, and are left out. Types are inspected
 * by shape: the schema is built by @apollo/subgraph, whose `graphql` may be another module
 * instance than this file's.
 */
const BUILT_IN_SCALARS = new Set(['String', 'Int', 'Float', 'Boolean', 'ID']);
const schema = buildSchema();
const FEDERATION = /^(_|link__|federation__)/;

function undescribed(): string[] {
  const missing: string[] = [];
  const needs = (coordinate: string, description: string | null | undefined) => {
    if (!description?.trim()) missing.push(coordinate);
  };
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__') || FEDERATION.test(type.name)) continue;
    if (BUILT_IN_SCALARS.has(type.name)) continue;
    needs(type.name, type.description);
    if ('getFields' in type) {
      for (const field of Object.values(type.getFields())) {
        if (FEDERATION.test(field.name)) continue;
        needs(`${type.name}.${field.name}`, field.description);
        const args = 'args' in field ? field.args : [];
        for (const arg of args) needs(`${type.name}.${field.name}(${arg.name}:)`, arg.description);
      }
    }
    if ('getValues' in type)
      for (const value of type.getValues()) needs(`${type.name}.${value.name}`, value.description);
  }
  return missing;
}

describe('schema descriptions', () => {
  it('describes every type, field, argument, enum value and input field', () => {
    expect(undescribed()).toEqual([]);
  });
});
