import { diff } from '@graphql-inspector/core';
import { buildSchema } from 'graphql';

/** A breaking change between two schemas, by the schema coordinate it touches. */
export interface BreakingChange {
  path: string;
  message: string;
}

/**
 * Subgraph SDL as plain GraphQL: federation directives (`@key`, `@link`, …) are used without
 * definitions there, so the SDL is built without validation; only types, fields and arguments
 * matter to the diff.
 */
function schemaOf(sdl: string) {
  return buildSchema(sdl, { assumeValidSDL: true });
}

/** Changes from `released` to `current` that break a client of the released schema. */
export async function breakingChanges(released: string, current: string): Promise<BreakingChange[]> {
  const changes = await diff(schemaOf(released), schemaOf(current));
  return changes
    .filter((change) => change.criticality.level === 'BREAKING')
    .map((change) => ({ path: change.path ?? '(schema)', message: change.message }));
}

/** The text of CHANGELOG.md's `## Unreleased` section (up to the next `## ` heading). */
export function unreleasedSection(changelog: string): string {
  const match = /^## Unreleased[^\n]*\n([\s\S]*?)(?=^## |(?![\s\S]))/m.exec(changelog);
  return match?.[1] ?? '';
}

/**
 * Breaking changes that CHANGELOG.md's `## Unreleased` section does not list: a change is listed
 * when its coordinate (e.g. `Query.settlements`, or `Query.settlements.from` for an argument)
 * appears there in backticks.
 */
export async function unlistedBreakingChanges(
  released: string,
  current: string,
  changelog: string,
): Promise<BreakingChange[]> {
  const section = unreleasedSection(changelog);
  const listed = new Set([...section.matchAll(/`([^`\n]+)`/g)].map((match) => match[1]));
  return (await breakingChanges(released, current)).filter((change) => !listed.has(change.path));
}
