import { readFileSync } from 'node:fs';
import { Kind, parse } from 'graphql';
import type { DefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';

/**
 * Every type, field, argument, enum value and input field of the Confirma money, case and
 * accounting schema files (and the case types in invoice.graphql) has a description.
 */
const FILES = ['confirma-money.graphql', 'confirma-cases.graphql', 'confirma-accounting.graphql'];
const CASE_TYPES = new Set(['CollectionCase', 'CollectionCaseStatus', 'CollectionCaseStage', 'CaseBalance']);

function definitions(file: string): readonly DefinitionNode[] {
  return parse(readFileSync(new URL(`../../schema/${file}`, import.meta.url), 'utf8')).definitions;
}

function undescribed(definition: DefinitionNode): string[] {
  const missing: string[] = [];
  if (!('name' in definition) || !definition.name) return missing;
  const type = definition.name.value;
  const extension =
    definition.kind === Kind.OBJECT_TYPE_EXTENSION || definition.kind === Kind.INPUT_OBJECT_TYPE_EXTENSION;
  if (!extension && !('description' in definition && definition.description)) missing.push(type);
  const members =
    'fields' in definition
      ? (definition.fields ?? [])
      : 'values' in definition
        ? (definition.values ?? [])
        : [];
  for (const member of members) {
    const at = `${type}.${member.name.value}`;
    if (!member.description) missing.push(at);
    for (const argument of 'arguments' in member ? (member.arguments ?? []) : []) {
      if (!argument.description) missing.push(`${at}(${argument.name.value}:)`);
    }
  }
  return missing;
}

describe('Confirma money, case and accounting schema', () => {
  it('describes every type, field, argument, enum value and input field', () => {
    const mine = [
      ...FILES.flatMap(definitions),
      ...definitions('invoice.graphql').filter(
        (definition) => 'name' in definition && definition.name && CASE_TYPES.has(definition.name.value),
      ),
    ];
    expect(mine.flatMap(undescribed)).toEqual([]);
  });
});
